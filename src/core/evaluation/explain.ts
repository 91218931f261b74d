import type { DimensionScores, ScoreFactor } from '../../contract/interviews.js';
import type { LinearModel } from './calibrate.js';
import type { FeatureName, FeatureValues } from './features.js';
import type { GuardHit } from './guards.js';

/**
 * "Why this score". The content score is a linear model, so it splits exactly into a
 * baseline (the average graded answer) plus one contribution per feature; features are
 * grouped under names a candidate understands. Caps (guards, consistency with the
 * dimensions) then appear as their own negative lines. The lines add up to the score.
 */
const GROUPS: Record<FeatureName, string> = {
  kpMean: 'Key points made',
  kpCovered: 'Key points made',
  kpMin: 'Key points made',
  kpLong: 'Key points made',
  kpState: 'Key points made',
  refRecall: 'Agreement with a model answer',
  refRecallExact: 'Agreement with a model answer',
  ansPrecision: 'Agreement with a model answer',
  ansPrecisionExact: 'Agreement with a model answer',
  alignF1: 'Agreement with a model answer',
  f1Sqrt: 'Agreement with a model answer',
  noMatch: 'Agreement with a model answer',
  bigramRecall: 'Agreement with a model answer',
  refCosine: 'Agreement with a model answer',
  questionCosine: 'Staying on the question',
  questionRecall: 'Staying on the question',
  topicFit: 'Staying on the question',
  topicShare: 'Staying on the question',
  questionShare: 'Staying on the question',
  onTopicWords: 'Specific detail on the topic',
  substanceLong: 'Specific detail on the topic',
  newWords: 'Specific detail on the topic',
  contradiction: 'Statements that contradict the key points',
  reversal: 'Statements that contradict the key points',
  absolutes: 'Statements that contradict the key points',
  claimConflicts: 'Statements that contradict the key points',
  topicRatio: 'Staying on the question asked',
  lenRatio: 'Length against what the question needs',
  logWords: 'Length against what the question needs',
  wordsLong: 'Length against what the question needs',
  refLength: 'Kind of question',
  longForm: 'Kind of question',
  behavioralTask: 'Kind of question',
  star: 'Story structure (situation, task, action, result)',
  hedgeRate: 'Delivery (hedging, filler, organization)',
  fillerRate: 'Delivery (hedging, filler, organization)',
  structure: 'Delivery (hedging, filler, organization)',
  specificity: 'Concrete detail: numbers, names, dates',
  dismissals: 'Concerns waved away ("no cost", "no need", "immune")',
};

const GUARD_LABEL: Record<GuardHit['kind'], string> = {
  grader_instructions: 'Held down: instructions to the grader',
  non_answer: 'Held down: not an answer',
  restated_question: 'Held down: repeats the question',
  keyword_list: 'Held down: a list of terms, not an explanation',
  off_topic: 'Held down: off the topic of the question',
  contradiction: 'Held down: contradicts key points',
  wrong_result: 'Held down: wrong result',
  too_short: 'Held down: too short',
  content_free: 'Held down: nothing specific',
  no_example: 'Held down: no example of your own',
  padding: 'Held down: sentences that make no point',
};

export interface ScoreExplanation {
  /** The score an average graded answer gets: where the lines start. */
  baseline: number;
  factors: ScoreFactor[];
  score: number;
}

/** Contributions of each feature group to a linear model's prediction, in grade units. */
export function contributions(model: LinearModel, values: FeatureValues): Map<string, number> {
  const out = new Map<string, number>();
  model.features.forEach((f, i) => {
    const c = model.coef[i]! * ((values[f] - model.mean[i]!) / model.scale[i]!);
    const label = GROUPS[f] ?? f;
    out.set(label, (out.get(label) ?? 0) + c);
  });
  return out;
}

/**
 * Caps that keep the overall consistent with the dimensions shown beside it: an overall
 * can exceed its weakest dimension by at most this many points (so 100 never sits beside
 * 51), and the content dimensions bound it from above.
 */
export const MAX_LEAD_OVER_WEAKEST_DIMENSION = 40;

export function consistencyCap(d: DimensionScores): { cap: number; dimension: keyof DimensionScores } {
  let weakest: keyof DimensionScores = 'relevance';
  for (const k of Object.keys(d) as (keyof DimensionScores)[]) if (d[k] < d[weakest]) weakest = k;
  return { cap: d[weakest] + MAX_LEAD_OVER_WEAKEST_DIMENSION, dimension: weakest };
}

/**
 * Builds the explanation lines. `raw` is the content score before caps (0–100 scale, may lie
 * outside it); `final` the score shown. Lines are rounded so that baseline + Σ effects equals
 * the shown score exactly.
 */
export function explainScore(input: {
  model: LinearModel | null;
  values: FeatureValues;
  /** Points per grade unit (20 for a 0–5 model). */
  pointsPerUnit: number;
  raw: number;
  /** Points the monotone calibration added to the linear model's score (0 without one). */
  calibrationShift?: number;
  guards: readonly GuardHit[];
  consistency: { cap: number; dimension: keyof DimensionScores } | null;
  /** A rule that replaced the model score (aptitude result check), with its label. */
  override?: { label: string; score: number };
  final: number;
}): ScoreExplanation {
  const lines: { label: string; effect: number }[] = [];
  let baseline: number;
  let running: number;
  if (input.model && !input.override) {
    baseline = input.model.intercept * input.pointsPerUnit;
    for (const [label, c] of contributions(input.model, input.values)) lines.push({ label, effect: c * input.pointsPerUnit });
    if (input.calibrationShift) lines.push({ label: 'Calibration to human grades', effect: input.calibrationShift });
    running = input.raw;
  } else {
    baseline = 50;
    running = input.override?.score ?? input.raw;
    lines.push({ label: input.override?.label ?? 'Content', effect: running - baseline });
  }
  // Clipping to the 0–100 range.
  const clipped = Math.min(100, Math.max(0, running));
  if (clipped !== running)
    lines.push({ label: running > 100 ? 'Above the top of the scale' : 'Below the bottom of the scale', effect: clipped - running });
  running = clipped;
  // Guards: the lowest cap holds the score; name it.
  const lowest = input.guards.reduce<GuardHit | null>((a, g) => (a === null || g.cap < a.cap ? g : a), null);
  if (lowest && lowest.cap < running) {
    lines.push({ label: GUARD_LABEL[lowest.kind], effect: lowest.cap - running });
    running = lowest.cap;
  }
  if (input.consistency && input.consistency.cap < running) {
    lines.push({ label: `Held down: weak ${input.consistency.dimension}`, effect: input.consistency.cap - running });
    running = input.consistency.cap;
  }
  // Merge small lines, keep order: biggest effects first.
  const merged = lines.filter((l) => Math.abs(l.effect) >= 0.5);
  const rest = lines.filter((l) => Math.abs(l.effect) < 0.5).reduce((s, l) => s + l.effect, 0);
  if (Math.abs(rest) >= 0.5) merged.push({ label: 'Other signals', effect: rest });
  merged.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  const roundedBase = Math.round(baseline);
  const factors = roundToTotal(merged, input.final - roundedBase);
  return { baseline: roundedBase, factors, score: input.final };
}

/** Rounds effects to integers whose sum is exactly `total` (largest remainders absorb the difference). */
export function roundToTotal(lines: readonly { label: string; effect: number }[], total: number): ScoreFactor[] {
  if (lines.length === 0) return total === 0 ? [] : [{ label: 'Other signals', effect: total }];
  const rounded = lines.map((l) => ({ label: l.label, effect: Math.round(l.effect), rem: l.effect - Math.round(l.effect) }));
  let diff = total - rounded.reduce((s, l) => s + l.effect, 0);
  const order = [...rounded].sort((a, b) => (diff > 0 ? b.rem - a.rem : a.rem - b.rem));
  for (let i = 0; diff !== 0 && i < order.length * 4; i++) {
    const l = order[i % order.length]!;
    l.effect += diff > 0 ? 1 : -1;
    diff += diff > 0 ? -1 : 1;
  }
  return rounded.filter((l) => l.effect !== 0).map((l) => ({ label: l.label, effect: l.effect }));
}
