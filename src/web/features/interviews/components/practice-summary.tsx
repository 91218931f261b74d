import { ArrowRight, Lightbulb } from 'lucide-react';
import type { InterviewType, Level } from '../../../../contract/index.js';
import { interviewTypeLabel, levelLabel } from '../../../lib/interview-meta.js';
import { Button } from '../../../ui/button.js';

/** The practice session as chosen so far, beside the form, with the start button. */
export function PracticeSummary({
  draft,
  minutes,
  tailoredTo,
  pending,
}: {
  draft: { type: InterviewType; role: string; level: Level; questionCount: number };
  minutes: number;
  tailoredTo: string;
  pending: boolean;
}) {
  return (
    <aside className="min-w-0 lg:sticky lg:top-24 lg:self-start" aria-label="Summary">
      <div className="card space-y-5 p-5">
        <h2 className="font-semibold text-fg">Your session</h2>
        <dl className="space-y-3 text-sm">
          {[
            ['Type', interviewTypeLabel(draft.type)],
            ['Role', draft.role.trim() || '—'],
            ['Level', levelLabel(draft.level)],
            ['Questions', Number.isFinite(draft.questionCount) ? String(draft.questionCount) : '—'],
            ['Time', `~${minutes} min`],
            ['Tailored to', tailoredTo],
          ].map(([k, v]) => (
            <div key={k} className="flex justify-between gap-4">
              <dt className="shrink-0 text-fg-subtle">{k}</dt>
              <dd className="min-w-0 truncate text-right font-medium text-fg" title={v}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
        <Button type="submit" size="lg" className="w-full" loading={pending} loadingText="Preparing questions…">
          Start interview <ArrowRight className="size-4" aria-hidden="true" />
        </Button>
        <p className="flex gap-2 rounded-xl bg-surface-muted p-3 text-sm text-fg-muted">
          <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
          Answer as you would out loud. There is no time limit; the timer is just for you.
        </p>
      </div>
    </aside>
  );
}
