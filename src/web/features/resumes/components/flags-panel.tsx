import { EyeOff, ScanText, ShieldAlert, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Resume, SuspiciousText } from '../../../../contract/index.js';
import { Badge } from '../../../ui/badge.js';

interface FlagText {
  Icon: LucideIcon;
  title: string;
  body: string;
}

const flagTexts: Record<'hiddenText' | 'injection' | 'noTextLayer', FlagText> = {
  hiddenText: {
    Icon: EyeOff,
    title: 'Hidden text',
    body: 'Part of this file would be invisible to a person reading it: white or tiny text, or text placed off the page. Panelist ignores it for scoring and for choosing questions, and many applicant tracking systems treat it as keyword stuffing.',
  },
  injection: {
    Icon: ShieldAlert,
    title: 'Instructions aimed at an AI',
    body: 'The file contains text that tries to instruct an automated reviewer (for example “ignore previous instructions”). It is ignored for scoring and for choosing questions.',
  },
  noTextLayer: {
    Icon: ScanText,
    title: 'No text layer',
    body: 'This PDF has no text Panelist can read, so it is probably a scanned image. Nothing could be scored. Export the resume from your word processor as PDF or DOCX and upload it again.',
  },
};

const kindLabels: Record<SuspiciousText['kind'], string> = { hidden_text: 'Hidden text', injection: 'AI instruction' };

/** The problems with a file, shown before anything else on its page. */
export function FlagsPanel({ resume }: { resume: Resume }) {
  const raised = (Object.keys(flagTexts) as Array<keyof typeof flagTexts>).filter((k) => resume.flags[k]);
  const warnings = resume.warnings;
  if (!raised.length && !resume.suspicious.length && !warnings.length) return null;
  const severe = resume.flags.hiddenText || resume.flags.injection;

  return (
    <section
      aria-labelledby="flags-heading"
      className={`rounded-2xl border p-5 sm:p-6 ${severe ? 'border-danger/35 bg-danger-soft' : 'border-warning/35 bg-warning-soft'}`}
    >
      <h2 id="flags-heading" className={`flex items-center gap-2 font-semibold ${severe ? 'text-danger' : 'text-warning'}`}>
        <TriangleAlert className="size-5 shrink-0" aria-hidden="true" />
        {raised.length ? 'Panelist found problems in this file' : 'Notes about this file'}
      </h2>
      {raised.length ? (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {raised.map((k) => {
            const { Icon, title, body } = flagTexts[k];
            return (
              <li key={k} className="flex gap-3">
                <span className="grid size-9 shrink-0 place-items-center rounded-xl bg-surface text-fg shadow-sm" aria-hidden="true">
                  <Icon className="size-4" />
                </span>
                <div className="min-w-0">
                  <p className="font-semibold text-fg">{title}</p>
                  <p className="mt-0.5 text-sm text-fg-muted">{body}</p>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}

      {resume.suspicious.length ? (
        <div className="mt-5">
          <h3 className="text-sm font-semibold text-fg">Ignored text ({resume.suspicious.length})</h3>
          <ul className="mt-2 space-y-2">
            {resume.suspicious.map((s, i) => (
              <li key={i} className="rounded-xl border border-border bg-surface p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={s.kind === 'injection' ? 'danger' : 'warning'}>{kindLabels[s.kind]}</Badge>
                  <span className="text-fg-muted">{s.reason}</span>
                </div>
                <blockquote
                  tabIndex={0}
                  className="mt-2 max-h-32 overflow-y-auto rounded-lg bg-surface-muted px-3 py-2 font-mono text-[0.8125rem] leading-relaxed break-words whitespace-pre-wrap text-fg"
                >
                  {s.text}
                </blockquote>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {warnings.length ? (
        <ul className="mt-4 space-y-1 text-sm text-fg-muted">
          {warnings.map((w) => (
            <li key={w} className="flex gap-2">
              <span aria-hidden="true">•</span>
              <span className="min-w-0">{w}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
