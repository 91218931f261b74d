import { CircleCheck, CircleDashed, CircleDot, Play } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import type { KeyPointJudgement, KeyPointState, TextSpan } from '../../../contract/index.js';
import { Button } from '../button.js';
import { cn } from '../cn.js';
import { useMomentPlayer } from '../voice/recording-moments.js';

/** Each state has its own icon and word, so it never rests on colour alone. */
const stateMeta: Record<KeyPointState, { label: string; Icon: typeof CircleCheck; chip: string }> = {
  covered: { label: 'Covered', Icon: CircleCheck, chip: 'bg-success-soft text-success' },
  partly: { label: 'Partly', Icon: CircleDot, chip: 'bg-warning-soft text-warning' },
  missed: { label: 'Missed', Icon: CircleDashed, chip: 'bg-surface-muted text-fg-muted' },
};

/**
 * The key points of one answer, each covered, partly covered or missed. Selecting a point
 * shows the answer with the passages that make it marked, so a candidate can check the
 * engine's reading against their own words.
 */
export function KeyPointReview({ keyPoints, answerText }: { keyPoints: KeyPointJudgement[]; answerText: string }) {
  const [selected, setSelected] = useState<number | null>(null);
  const evidenceId = useId();
  const counts = keyPoints.reduce<Record<KeyPointState, number>>((c, k) => ({ ...c, [k.state]: c[k.state] + 1 }), {
    covered: 0,
    partly: 0,
    missed: 0,
  });
  const chosen = selected === null ? undefined : keyPoints[selected];
  return (
    <div className="space-y-3" data-testid="key-point-review">
      <p className="text-sm text-fg-muted">
        {counts.covered} of {keyPoints.length} covered
        {counts.partly ? `, ${counts.partly} partly` : ''}
        {counts.missed ? `, ${counts.missed} missed` : ''}.{' '}
        <span className="print:hidden">Select a point to see where your answer makes it.</span>
      </p>
      <ul className="space-y-2">
        {keyPoints.map((k, i) => {
          const { label, Icon, chip } = stateMeta[k.state];
          const pressed = selected === i;
          return (
            <li key={`${i}-${k.keyPoint}`}>
              <button
                type="button"
                aria-pressed={pressed}
                aria-controls={evidenceId}
                onClick={() => setSelected(pressed ? null : i)}
                className={cn(
                  'flex w-full cursor-pointer items-start gap-3 rounded-xl border px-3 py-2.5 text-left text-sm transition-colors',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                  pressed ? 'border-primary bg-primary-soft/60' : 'border-border bg-surface hover:bg-surface-muted/70',
                )}
              >
                <span className={cn('inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold', chip)}>
                  <Icon className="size-3.5" aria-hidden="true" />
                  {label}
                </span>{' '}
                <span className="min-w-0 flex-1 leading-relaxed text-fg">{k.keyPoint}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div id={evidenceId} aria-live="polite">
        {chosen ? <Evidence point={chosen} answerText={answerText} /> : null}
      </div>
    </div>
  );
}

function Evidence({ point, answerText }: { point: KeyPointJudgement; answerText: string }) {
  const spans = usableSpans(answerText, point.evidence);
  const playMoment = useMomentPlayer(answerText);
  if (!spans.length) {
    return (
      <p className="rounded-xl border border-dashed border-border-strong px-4 py-3 text-sm text-fg-muted">
        {point.state === 'missed'
          ? `Your answer does not make this point yet: “${point.keyPoint}”.`
          : `No single passage makes this point; it shows across the answer.`}
        {point.note ? <span className="block pt-1 text-fg-subtle">{point.note}</span> : null}
      </p>
    );
  }
  return (
    <figure className="rounded-xl border border-border bg-surface-muted/50 px-4 py-3">
      <figcaption className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">
        Where your answer {point.state === 'partly' ? 'touches' : 'makes'} this point
      </figcaption>
      <blockquote className="text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg-muted">
        <MarkedText text={answerText} spans={spans} />
      </blockquote>
      {point.note ? <p className="mt-2 text-sm text-fg-subtle">{point.note}</p> : null}
      {playMoment ? (
        <Button variant="secondary" size="sm" className="mt-3 print:hidden" onClick={() => playMoment(spans[0]!.start)}>
          <Play className="size-4" aria-hidden="true" /> Play where you said it
        </Button>
      ) : null}
    </figure>
  );
}

/** Spans inside the text, sorted, without overlaps: stored offsets from another engine version may not fit. */
export function usableSpans(text: string, spans: readonly TextSpan[]): TextSpan[] {
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => a.start - b.start);
  const out: TextSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function MarkedText({ text, spans }: { text: string; spans: TextSpan[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark
        key={i}
        className="rounded bg-primary-soft px-0.5 font-medium text-primary-soft-fg underline decoration-primary/60 underline-offset-4"
      >
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
