import { CalendarPlus } from 'lucide-react';
import type { CoachedCandidate } from '../../../../contract/index.js';
import { interviewTypeLabel, levelLabel } from '../../../lib/interview-meta.js';
import { formatMinutes, formatWindow } from '../../../lib/schedule-format.js';
import { Button } from '../../../ui/button.js';
import type { ScheduleDraft } from '../schedule-draft.js';

/** The interview as it will be scheduled, beside the form, with the submit button. */
export function ScheduleSummary({
  draft,
  chosen,
  startIso,
  endIso,
  pending,
  disabled,
}: {
  draft: ScheduleDraft;
  chosen: CoachedCandidate | null;
  startIso: string | null;
  endIso: string | null;
  pending: boolean;
  disabled: boolean;
}) {
  return (
    <aside className="min-w-0 lg:sticky lg:top-24 lg:self-start" aria-label="Summary">
      <div className="card space-y-5 p-5">
        <h2 className="font-semibold text-fg">Summary</h2>
        <dl className="space-y-3 text-sm">
          {[
            ['Candidate', chosen?.name ?? '—'],
            ['Type', interviewTypeLabel(draft.type)],
            ['Role', draft.role.trim() || '—'],
            ['Level', levelLabel(draft.level)],
            ['Questions', Number.isFinite(draft.questionCount) ? String(draft.questionCount) : '—'],
            ['Window', startIso && endIso ? formatWindow(startIso, endIso) : '—'],
            ['Time', Number.isFinite(draft.durationMinutes) && draft.durationMinutes > 0 ? formatMinutes(draft.durationMinutes) : '—'],
            ['Results', draft.releaseResults === 'immediately' ? 'Immediately' : 'After your review'],
          ].map(([k, v]) => (
            <div key={k} className="flex justify-between gap-4">
              <dt className="shrink-0 text-fg-subtle">{k}</dt>
              <dd className="min-w-0 text-right font-medium break-words text-fg">{v}</dd>
            </div>
          ))}
        </dl>
        <Button type="submit" size="lg" className="w-full" loading={pending} loadingText="Scheduling…" disabled={disabled}>
          <CalendarPlus className="size-4" aria-hidden="true" /> Schedule interview
        </Button>
        <p className="text-sm text-fg-muted">
          {chosen ? `${chosen.name} is notified by email and in Panelist.` : 'The candidate is notified by email and in Panelist.'}
        </p>
      </div>
    </aside>
  );
}
