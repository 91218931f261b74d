import type { Delivery, DeliverySummary } from '../../contract/media.js';
import { MONOTONE_SEMITONES, PACE } from './delivery-metrics.js';

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * How the spoken answers of one interview went, taken together: pace weighted by words, fillers
 * per 100 words over all of them, pauses, pitch and level, with the advice that holds across
 * answers rather than for one. Null when no answer was spoken.
 */
export function summariseDelivery(deliveries: readonly Delivery[]): DeliverySummary | null {
  if (deliveries.length === 0) return null;
  const words = deliveries.reduce((n, d) => n + d.words, 0);
  const timed = deliveries.filter((d) => d.speakingSeconds && d.speakingSeconds > 0 && d.words > 0);
  const seconds = timed.reduce((n, d) => n + d.speakingSeconds!, 0);
  const wordsPerMinute = seconds > 0 ? Math.round((timed.reduce((n, d) => n + d.words, 0) / seconds) * 60) : null;
  const fillers = deliveries.reduce((n, d) => n + d.fillers.reduce((m, f) => m + f.count, 0), 0);
  const hedges = deliveries.reduce((n, d) => n + d.hedges.reduce((m, h) => m + h.count, 0), 0);
  const pitch = deliveries.map((d) => d.pitchVariationSemitones).filter((p): p is number => typeof p === 'number');
  const pitchVariationSemitones = mean(pitch);
  const longestPauses = deliveries.map((d) => d.longestPauseSeconds).filter((p): p is number => p !== null);

  const advice: string[] = [];
  const fast = timed.filter((d) => d.wordsPerMinute !== null && d.wordsPerMinute > PACE.max).length;
  const slow = timed.filter((d) => d.wordsPerMinute !== null && d.wordsPerMinute < PACE.min - 20).length;
  if (fast > timed.length / 2)
    advice.push(`Most of your answers were faster than ${PACE.max} words per minute: slow down so each point lands.`);
  else if (slow > timed.length / 2)
    advice.push(`Most of your answers were slower than ${PACE.min - 20} words per minute: keep the listener with you.`);
  const fillersPer100Words = words ? round1((fillers / words) * 100) : 0;
  if (fillersPer100Words >= 3)
    advice.push(`${fillersPer100Words} filler words per 100 across the interview: a short silent pause works better.`);
  if (pitchVariationSemitones !== null && pitchVariationSemitones < MONOTONE_SEMITONES)
    advice.push('Your voice stayed flat across the interview: let it rise and fall to stress what matters.');
  return {
    spokenAnswers: deliveries.length,
    words,
    wordsPerMinute,
    fillersPer100Words,
    hedges,
    longestPauseSeconds: longestPauses.length ? Math.max(...longestPauses) : null,
    pitchVariationSemitones: pitchVariationSemitones === null ? null : round1(pitchVariationSemitones),
    advice,
  };
}
