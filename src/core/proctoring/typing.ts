import type { IntegrityEvent, TypingSignals } from '../../contract/proctoring.js';

/**
 * Typing signals of one answer, from the integrity log (sizes of pastes, never their text) and
 * the time the candidate spent on the question. They are hints for a coach, not verdicts: a
 * candidate may draft elsewhere and paste their own words.
 */

/** Faster than this, sustained over a whole answer, is beyond typing (fast typists reach 8–10). */
export const BURST_CHARS_PER_SECOND = 15;
/** An answer most of which came in by pastes from outside the page. */
export const BURST_PASTED_SHARE = 0.8;
/** Short answers say nothing about how they were written. */
export const MIN_CHARS = 80;

export function typingSignalsOf(
  questionId: string,
  answer: { text: string; durationSeconds: number | null },
  events: readonly Pick<IntegrityEvent, 'kind' | 'details'>[],
): TypingSignals {
  const length = answer.text.trim().length;
  let pasted = 0;
  for (const e of events) {
    if (e.kind !== 'paste' || e.details.questionId !== questionId || e.details.fromOutside !== true) continue;
    const n = e.details.length;
    if (typeof n === 'number' && n > 0) pasted += n;
  }
  const pastedShare = length === 0 ? 0 : Math.min(1, pasted / length);
  const charsPerSecond = answer.durationSeconds && answer.durationSeconds > 0 ? round1(length / answer.durationSeconds) : null;
  const oneBurst =
    length >= MIN_CHARS && (pastedShare >= BURST_PASTED_SHARE || (charsPerSecond !== null && charsPerSecond > BURST_CHARS_PER_SECOND));
  return { questionId, pastedShare: Math.round(pastedShare * 100) / 100, charsPerSecond, oneBurst };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
