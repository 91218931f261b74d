import { Mic } from 'lucide-react';
import type { Report } from '../../../../contract/index.js';

type Summary = NonNullable<Report['delivery']>;

/** The report's "How you spoke": the spoken answers taken together, with the advice that holds across them. */
export function DeliverySummaryCard({ summary }: { summary: Summary }) {
  const answers = summary.spokenAnswers === 1 ? '1 spoken answer' : `${summary.spokenAnswers} spoken answers`;
  const figures: { label: string; value: string }[] = [
    { label: 'Pace', value: summary.wordsPerMinute === null ? '—' : `${summary.wordsPerMinute} wpm` },
    { label: 'Filler words', value: `${summary.fillersPer100Words} per 100` },
    { label: 'Hedges', value: String(summary.hedges) },
    { label: 'Longest pause', value: summary.longestPauseSeconds === null ? '—' : `${summary.longestPauseSeconds} s` },
  ];
  if (summary.pitchVariationSemitones !== null)
    figures.push({ label: 'Pitch variation', value: `${summary.pitchVariationSemitones} semitones` });
  return (
    <section aria-labelledby="delivery-summary-heading" className="card p-6 print:break-inside-avoid" data-testid="delivery-summary">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="delivery-summary-heading" className="flex items-center gap-2 font-semibold text-fg">
          <Mic className="size-4 text-primary" aria-hidden="true" />
          How you spoke
        </h2>
        <p className="text-sm text-fg-subtle">
          Across {answers}, {summary.words} words
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {figures.map((f) => (
          <div key={f.label} className="rounded-xl bg-surface-muted p-3">
            <dt className="text-xs text-fg-subtle">{f.label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{f.value}</dd>
          </div>
        ))}
      </dl>
      {summary.advice.length ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-fg-muted">
          {summary.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-fg-muted">A steady pace with few fillers across your answers.</p>
      )}
    </section>
  );
}
