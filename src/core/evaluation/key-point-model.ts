import type { KeyPointState } from '../../contract/interviews.js';

/**
 * The matcher's raw measurements for one (key point, answer) pair. The reported state is a
 * small trained classifier over these (content/grader/keypoint-model.json, trained by
 * scripts/train-keypoints.ts); without the model the hand-set thresholds decide.
 */
export interface KeyPointSignals {
  /** Mean over claims of the best sentence/clause coverage (0 for a contradicted claim). */
  claimMean: number;
  claimMin: number;
  claimMax: number;
  /** Claims the point splits into. */
  claims: number;
  /** Coverage of the point's words by the whole answer, no sentence boundaries. */
  whole: number;
  /** Same, counting only exact or stem matches. */
  wholeExact: number;
  /** Share of the point's words matched at ≥ 0.5 / ≥ 0.85 anywhere in the answer. */
  wordsFound: number;
  wordsStrong: number;
  /** One of the examples the point names ("such as …") is given. */
  example: number;
  /** Best cosine of the point's mean vector with any sentence's mean vector. */
  sentenceCosine: number;
  contradicted: boolean;
  /** Content words of the point and of the answer. */
  pointWords: number;
  answerWords: number;
  /** What the hand-set thresholds said. */
  ruleState: KeyPointState;
  /** Answer passages that match the point well enough to quote as evidence. */
  passages: number;
}

export const KEY_POINT_FEATURES = [
  'claimMean',
  'claimMin',
  'claimMax',
  'multiClaim',
  'whole',
  'wholeExact',
  'wordsFound',
  'wordsStrong',
  'example',
  'sentenceCosine',
  'contradicted',
  'logPointWords',
  'logAnswerWords',
  'ruleCovered',
  'ruleMissed',
] as const;

/** The signals as the classifier's input, in KEY_POINT_FEATURES order. */
export function keyPointFeatureVector(s: KeyPointSignals): number[] {
  return [
    s.claimMean,
    s.claimMin,
    s.claimMax,
    s.claims > 1 ? 1 : 0,
    s.whole,
    s.wholeExact,
    s.wordsFound,
    s.wordsStrong,
    s.example,
    s.sentenceCosine,
    s.contradicted ? 1 : 0,
    Math.log1p(s.pointWords),
    Math.log1p(s.answerWords),
    s.ruleState === 'covered' ? 1 : 0,
    s.ruleState === 'missed' ? 1 : 0,
  ];
}

/** Class order of the model's rows. */
export const KEY_POINT_CLASSES: readonly KeyPointState[] = ['covered', 'partly', 'missed'];

export interface KeyPointModel {
  version: string;
  features: string[];
  /** Standardization applied before the weights. */
  mean: number[];
  scale: number[];
  /** One row per class in KEY_POINT_CLASSES order: bias, then one weight per feature. */
  weights: number[][];
  /** "missed" is said only when P(missed) reaches this; otherwise the likelier of covered and partly. */
  missedThreshold: number;
  cv?: unknown;
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function keyPointProbabilities(model: Pick<KeyPointModel, 'mean' | 'scale' | 'weights'>, x: readonly number[]): number[] {
  const xs = x.map((v, j) => (v - model.mean[j]!) / model.scale[j]!);
  return softmax(model.weights.map((w) => w.slice(1).reduce((a, wj, j) => a + wj * xs[j]!, w[0]!)));
}

/**
 * Conservative about "missed" (telling a candidate they missed what they said is the worst
 * error): said only when P(missed) reaches the threshold. "Covered" only when it is the likeliest
 * state; everything in between — including a likely but unsure "missed" — is "partly".
 */
export function decideKeyPointState(p: readonly number[], missedThreshold: number): KeyPointState {
  if (p[2]! >= missedThreshold) return 'missed';
  return p[0]! >= p[1]! && p[0]! >= p[2]! ? 'covered' : 'partly';
}

/**
 * A found reversal ("says the opposite: not …") stays missed: it is a specific finding shown
 * to the candidate with its reason, too rare in the labelled data for the model to weigh.
 */
export function stateFromModel(
  model: Pick<KeyPointModel, 'mean' | 'scale' | 'weights' | 'missedThreshold'>,
  s: KeyPointSignals,
): KeyPointState {
  if (s.contradicted) return 'missed';
  const state = decideKeyPointState(keyPointProbabilities(model, keyPointFeatureVector(s)), model.missedThreshold);
  // "Covered" is shown with the passages that make the point; with none to show, it is at most "partly".
  return state === 'covered' && s.passages === 0 ? 'partly' : state;
}

/**
 * Multinomial logistic regression, full-batch gradient descent on standardized features with
 * an L2 penalty; classes are weighted so the rarer "partly" is not drowned out.
 */
export function trainKeyPointModel(
  x: readonly (readonly number[])[],
  y: readonly KeyPointState[],
  opts: { l2?: number; iterations?: number; rate?: number } = {},
): Pick<KeyPointModel, 'mean' | 'scale' | 'weights'> {
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 400;
  const rate = opts.rate ?? 0.5;
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((a, r) => a + r[j]!, 0) / Math.max(1, n));
  const scale = mean.map((m, j) => Math.sqrt(x.reduce((a, r) => a + (r[j]! - m) ** 2, 0) / Math.max(1, n)) || 1);
  const xs = x.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const yi = y.map((s) => KEY_POINT_CLASSES.indexOf(s));
  const counts = KEY_POINT_CLASSES.map((_, k) => yi.filter((v) => v === k).length);
  const classWeight = counts.map((c) => (c > 0 ? n / (KEY_POINT_CLASSES.length * c) : 0));
  const w = KEY_POINT_CLASSES.map(() => new Array<number>(d + 1).fill(0));
  for (let it = 0; it < iterations; it++) {
    const grad = w.map(() => new Array<number>(d + 1).fill(0));
    let totalWeight = 0;
    for (let i = 0; i < n; i++) {
      const p = softmax(w.map((wk) => wk.slice(1).reduce((a, v, j) => a + v * xs[i]![j]!, wk[0]!)));
      const cw = classWeight[yi[i]!]!;
      totalWeight += cw;
      for (let k = 0; k < w.length; k++) {
        const err = cw * (p[k]! - (yi[i] === k ? 1 : 0));
        grad[k]![0]! += err;
        for (let j = 0; j < d; j++) grad[k]![j + 1]! += err * xs[i]![j]!;
      }
    }
    for (let k = 0; k < w.length; k++)
      for (let j = 0; j <= d; j++) w[k]![j]! -= rate * (grad[k]![j]! / totalWeight + (j > 0 ? l2 * w[k]![j]! : 0));
  }
  return { mean, scale, weights: w };
}

/**
 * The "missed" threshold: the lowest that keeps held-out missed precision at the target (so
 * recall is as high as that allows); if none reaches it, the most precise one.
 */
export function chooseMissedThreshold(probs: readonly (readonly number[])[], gold: readonly KeyPointState[], target = 0.95): number {
  let best = { t: 0.99, precision: -1, recall: 0 };
  for (let t = 0.3; t <= 0.991; t += 0.01) {
    const said = probs.map((p, i) => (p[2]! >= t ? i : -1)).filter((i) => i >= 0);
    const right = said.filter((i) => gold[i] === 'missed').length;
    const precision = said.length > 0 ? right / said.length : 0;
    const recall = right / Math.max(1, gold.filter((g) => g === 'missed').length);
    const meets = precision >= target;
    const bestMeets = best.precision >= target;
    if ((meets && (!bestMeets || recall > best.recall)) || (!meets && !bestMeets && precision > best.precision))
      best = { t: Math.round(t * 100) / 100, precision, recall };
  }
  return best.t;
}

/** Checks a loaded keypoint-model.json; throws on a file that does not fit this code's features. */
export function parseKeyPointModel(raw: unknown): KeyPointModel {
  const m = raw as KeyPointModel;
  const d = KEY_POINT_FEATURES.length;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    typeof m.version === 'string' &&
    Array.isArray(m.features) &&
    m.features.join(',') === KEY_POINT_FEATURES.join(',') &&
    m.mean?.length === d &&
    m.scale?.length === d &&
    m.weights?.length === KEY_POINT_CLASSES.length &&
    m.weights.every((r) => r.length === d + 1 && r.every(Number.isFinite)) &&
    typeof m.missedThreshold === 'number';
  if (!ok) throw new Error('keypoint-model.json does not match the key-point features of this engine');
  return m;
}
