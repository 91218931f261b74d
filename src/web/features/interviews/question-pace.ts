/**
 * Where a paced practice question stands: thinking, answering, or out of answer time. Pure, so
 * the timer the candidate sees and its tests read the same rule.
 */
export type PacePhase = 'think' | 'answer' | 'warn' | 'over';

export interface PaceState {
  phase: PacePhase;
  /** Seconds left in the current phase (think or answer); 0 when over; null when answer time is unlimited. */
  remaining: number | null;
}

/** How long before the answer time ends the candidate is warned: 30 s, or 10 s when the limit is a minute or less. */
export function warnLeadSeconds(answerSeconds: number): number {
  return answerSeconds > 60 ? 30 : 10;
}

/**
 * `thinkStart`: when the question was first shown (ms); `answerStart`: when answering began, if
 * the candidate skipped the rest of the think time; else it begins when the think time ends.
 */
export function paceAt(
  limits: { thinkSeconds: number | null; answerSeconds: number | null },
  thinkStart: number,
  answerStart: number | null,
  nowMs: number,
): PaceState {
  const think = limits.thinkSeconds ?? 0;
  const begins = answerStart ?? thinkStart + think * 1000;
  // Clamped to the limit: a clock read in whole seconds may start up to a second early.
  if (nowMs < begins) return { phase: 'think', remaining: Math.min(think || Infinity, Math.ceil((begins - nowMs) / 1000)) };
  if (!limits.answerSeconds) return { phase: 'answer', remaining: null };
  const left = Math.min(limits.answerSeconds, Math.ceil((begins + limits.answerSeconds * 1000 - nowMs) / 1000));
  if (left <= 0) return { phase: 'over', remaining: 0 };
  return { phase: left <= warnLeadSeconds(limits.answerSeconds) ? 'warn' : 'answer', remaining: left };
}
