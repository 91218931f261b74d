/**
 * A question's score when the interviewer followed it up: the first answer weighs as much as two
 * follow-up answers, so a follow-up can lift or lower the score without replacing it. Follow-ups
 * not answered are left out (the interviewer moved on; the question itself was answered).
 */
export const FIRST_ANSWER_WEIGHT = 2;

export function combineQuestionScore(first: number, followUps: readonly (number | null)[]): number {
  const answered = followUps.filter((s): s is number => s !== null);
  if (answered.length === 0) return first;
  const total = first * FIRST_ANSWER_WEIGHT + answered.reduce((sum, s) => sum + s, 0);
  return Math.round(total / (FIRST_ANSWER_WEIGHT + answered.length));
}
