import { DIMENSIONS, type DimensionScores, type Evaluation } from '../../contract/interviews.js';

const dimensionLabels: Record<keyof DimensionScores, string> = {
  relevance: 'staying on the question',
  correctness: 'technical accuracy',
  completeness: 'covering the key points',
  clarity: 'clear wording',
  structure: 'well-organised answers',
};

/**
 * The overall score counts an unanswered question as 0: a report that only averaged the
 * answered ones would flatter a candidate who skipped the hard questions.
 */
export function overallScore(evaluations: (Evaluation | null)[]): number | null {
  return overallFromScores(evaluations.map((e) => e?.score ?? null));
}

/** The same rule over final scores (a coach's override where there is one), one per question. */
export function overallFromScores(scores: (number | null)[]): number | null {
  if (scores.length === 0 || scores.every((s) => s === null)) return null;
  const total = scores.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  return Math.round(total / scores.length);
}

/** The score that counts for an answer: the coach's override when there is one, else the engine's. */
export function finalScoreOf(answer: { score: number; overrideScore: number | null }): number {
  return answer.overrideScore ?? answer.score;
}

/**
 * Each dimension's average. The report passes its unanswered questions, which count 0 here as in
 * the overall score (one story: the End-interview dialog says so); null when nothing was answered.
 */
export function averageDimensions(evaluations: Evaluation[], unanswered = 0): DimensionScores | null {
  if (evaluations.length === 0) return null;
  const count = evaluations.length + unanswered;
  const out = {} as DimensionScores;
  for (const d of DIMENSIONS) out[d] = Math.round(evaluations.reduce((s, e) => s + e.dimensions[d], 0) / count);
  return out;
}

const MAX_FOCUS_KEY_POINTS = 3;

/**
 * Interview-level strengths and improvements ("Focus next on"): the best and weakest
 * dimensions, unanswered questions, key points really missed, and recurring notes.
 *
 * Key points come only from judgements of "missed" (a point made partly or covered is not a
 * thing to focus on); evaluations stored before per-point judgements fall back to their missing
 * list. A per-answer note that names a key point is left to that key-point line, so a point the
 * engine judged covered never reappears here through the wording of a note.
 */
export function summarizeFeedback(evaluations: Evaluation[], unanswered: number): { strengths: string[]; improvements: string[] } {
  const dims = averageDimensions(evaluations);
  const strengths: string[] = [];
  const improvements: string[] = [];
  if (dims) {
    const ranked = [...DIMENSIONS].sort((a, b) => dims[b] - dims[a]);
    for (const d of ranked.slice(0, 2))
      if (dims[d] >= 65) strengths.push(`Consistently strong at ${dimensionLabels[d]} (${dims[d]}/100 on average).`);
    for (const d of ranked.slice(-2).reverse())
      if (dims[d] < 65) improvements.push(`Work on ${dimensionLabels[d]}: it averaged ${dims[d]}/100 across your answers.`);
  }
  if (unanswered > 0) improvements.push(`${unanswered} question${unanswered === 1 ? ' was' : 's were'} left unanswered and counted as 0.`);
  improvements.push(...missedKeyPoints(evaluations).map((k) => `Cover the key point you missed: ${k}.`));
  strengths.push(
    ...mostCommon(
      evaluations.flatMap((e) => e.strengths),
      3,
    ),
  );
  improvements.push(
    ...mostCommon(
      evaluations.flatMap((e) => e.improvements.filter((note) => !namesAKeyPoint(note, e))),
      4,
    ),
  );
  return { strengths: dedupe(strengths).slice(0, 5), improvements: dedupe(improvements).slice(0, 6) };
}

/** The key points judged missed, most often missed first. */
export function missedKeyPoints(evaluations: Evaluation[]): string[] {
  const missed = evaluations.flatMap((e) =>
    e.keyPoints ? e.keyPoints.filter((k) => k.state === 'missed').map((k) => k.keyPoint) : e.missingKeyPoints,
  );
  return mostCommon(missed.map((k) => k.trim().replace(/[.;:!]+$/, '')).filter(Boolean), MAX_FOCUS_KEY_POINTS);
}

function namesAKeyPoint(note: string, e: Evaluation): boolean {
  const lower = note.toLowerCase();
  const points = e.keyPoints ? e.keyPoints.map((k) => k.keyPoint) : [...e.coveredKeyPoints, ...e.missingKeyPoints];
  return points.some(
    (k) =>
      k.trim().length >= 8 &&
      lower.includes(
        k
          .trim()
          .toLowerCase()
          .replace(/[.;:!]+$/, ''),
      ),
  );
}

function mostCommon(items: string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([s]) => s);
}

const dedupe = (xs: string[]) => [...new Set(xs)];

export interface SkillCoverage {
  skill: string;
  name: string;
  questions: number;
  averageScore: number;
}

/**
 * Per skill, how many answered questions targeted it and how they scored on average. Only answered
 * questions count: unlike the overall score, this says how well a skill went, not how much of the
 * interview was skipped. Most-practised skills first.
 */
export function summarizeSkillCoverage(
  questions: { targetSkills: readonly string[]; evaluation: Evaluation | null }[],
  nameOf: (skillId: string) => string = (id) => id,
): SkillCoverage[] {
  const totals = new Map<string, { questions: number; sum: number }>();
  for (const q of questions) {
    if (!q.evaluation) continue;
    for (const skill of new Set(q.targetSkills)) {
      const t = totals.get(skill) ?? { questions: 0, sum: 0 };
      t.questions += 1;
      t.sum += q.evaluation.score;
      totals.set(skill, t);
    }
  }
  return [...totals.entries()]
    .map(([skill, t]) => ({ skill, name: nameOf(skill), questions: t.questions, averageScore: Math.round(t.sum / t.questions) }))
    .sort((a, b) => b.questions - a.questions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
