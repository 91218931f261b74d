import {
  applyCalibration,
  fitMonotone,
  fitRidge,
  restoreSpread,
  measureAgreement,
  predictGrade,
  type AgreementFigures,
  type GraderWeights,
  type MonotoneCalibration,
} from './calibrate.js';
import type { FeatureName, FeatureValues } from './features.js';

/** One human-graded answer, already turned into features both ways. */
export interface TrainingRow {
  id: string;
  /** Cross-validation group: a whole assignment (or example set), never a random answer. */
  group: string;
  /** Behavioral, system-design or communication answer (scored by the long-form model). */
  longForm: boolean;
  /** Features with the reference answer / key points available. */
  withReference: FeatureValues;
  /** Features when only the question is known. */
  withoutReference: FeatureValues;
  /**
   * Features with the key points but without the reference answer (questions written from a
   * resume have a rubric and no model answer). The human grade is the same: it judges the
   * answer, not what the engine was given. Absent when the line has no key points.
   */
  keyPointsOnly?: FeatureValues;
  /** The guards' cap (0–5) on the key-points-only view. */
  keyPointsOnlyCap?: number;
  /** Gold grade on the 0–5 scale. */
  grade: number;
  /** Row weight in the fit. */
  weight: number;
  /** Made by rule rather than graded by hand: trains, but is left out of reported figures. */
  generated?: boolean;
  /** Highest grade (0–5) the rule-based guards allow; predictions are capped by it. */
  cap: number;
}

/**
 * Features of the calibrated models. Chosen for meaning, not by search: alignment with the
 * reference (soft and exact, both directions), key-point coverage, how much is new beyond
 * the question, length against the reference, and delivery signals.
 */
export const SHORT_ANSWER_FEATURES: readonly FeatureName[] = [
  'refRecall',
  'refRecallExact',
  'ansPrecision',
  'ansPrecisionExact',
  'alignF1',
  'f1Sqrt',
  'noMatch',
  'refCosine',
  'questionCosine',
  'questionShare',
  'kpMean',
  'kpCovered',
  'kpMin',
  'lenRatio',
  'newWords',
  'logWords',
  'hedgeRate',
  'bigramRecall',
  'refLength',
  'kpState',
  'contradiction',
];

/**
 * Interview answers are longer and their reference is one good answer among many (a
 * behavioral story is the candidate's own), so coverage of key points, staying on topic
 * and structure carry more weight than word-for-word alignment.
 */
export const LONG_FORM_FEATURES: readonly FeatureName[] = [
  'kpMean',
  'kpCovered',
  'refRecall',
  'ansPrecision',
  'topicFit',
  'substanceLong',
  'star',
  'behavioralTask',
  'structure',
  'hedgeRate',
  'kpState',
  'contradiction',
  'topicShare',
  'onTopicWords',
  'reversal',
  'absolutes',
  'claimConflicts',
  'topicRatio',
  'dismissals',
];

export const WITHOUT_REFERENCE_FEATURES: readonly FeatureName[] = [
  'questionCosine',
  'questionRecall',
  'questionShare',
  'newWords',
  'logWords',
  'hedgeRate',
  'fillerRate',
  'star',
  'structure',
];

/**
 * A rubric without a model answer: what the answer covers of the key points, whether it stays on
 * the question's topic, and — because a rubric line such as "gives the outcome with evidence"
 * shares no words with the evidence — how concrete it is and whether it tells a story.
 * No reference-alignment features: there is no reference to align with.
 */
export const KEY_POINTS_ONLY_FEATURES: readonly FeatureName[] = [
  'kpMean',
  'kpCovered',
  'kpState',
  'topicFit',
  'questionRecall',
  'questionShare',
  'substanceLong',
  'star',
  'behavioralTask',
  'structure',
  'hedgeRate',
  'contradiction',
  'topicShare',
  'onTopicWords',
  'reversal',
  'absolutes',
  'claimConflicts',
  'topicRatio',
  'specificity',
  'dismissals',
];

export type ModelKind = 'shortAnswer' | 'longForm' | 'withoutReference' | 'keyPointsOnly';

export interface Penalties {
  shortAnswer: number;
  longForm: number;
  withoutReference: number;
  keyPointsOnly: number;
}

/** The feature view a model reads from a row. */
export function valuesFor(kind: ModelKind, r: TrainingRow): FeatureValues {
  if (kind === 'withoutReference') return r.withoutReference;
  if (kind === 'keyPointsOnly') return r.keyPointsOnly ?? r.withReference;
  return r.withReference;
}

/** Rows each model learns from; guard-decided answers (non-answers, injections) are left out. */
function rowsFor(kind: ModelKind, rows: readonly TrainingRow[]): readonly TrainingRow[] {
  if (kind === 'keyPointsOnly') return rows.filter((r) => r.keyPointsOnly !== undefined && (r.keyPointsOnlyCap ?? r.cap) >= 2);
  const fit = kind === 'shortAnswer' ? rows : rows.filter((r) => r.cap >= 2);
  if (kind === 'shortAnswer') return fit.filter((r) => !r.longForm);
  if (kind === 'longForm') return fit.filter((r) => r.longForm);
  return fit;
}

const FEATURES: Record<ModelKind, readonly FeatureName[]> = {
  shortAnswer: SHORT_ANSWER_FEATURES,
  longForm: LONG_FORM_FEATURES,
  withoutReference: WITHOUT_REFERENCE_FEATURES,
  keyPointsOnly: KEY_POINTS_ONLY_FEATURES,
};

function fitKind(kind: ModelKind, rows: readonly TrainingRow[], lambda: number) {
  let use = rowsFor(kind, rows);
  // A data set without answers of this kind still yields a usable (if generic) model.
  if (use.length < 10) use = rows;
  const values = use.map((r) => valuesFor(kind, r));
  return fitRidge(
    values,
    use.map((r) => r.grade),
    FEATURES[kind],
    lambda,
    use.map((r) => r.weight),
  );
}

/**
 * The monotone calibration of one model, fitted on its out-of-fold predictions (8 folds of
 * whole groups inside `rows`), so it corrects the shrinkage the model shows on unseen questions.
 */
function fitCalibration(kind: ModelKind, rows: readonly TrainingRow[], lambda: number): MonotoneCalibration | undefined {
  let use = rowsFor(kind, rows);
  if (use.length < 10) use = rows;
  const groups = [...new Set(use.map((r) => r.group))];
  if (groups.length < 3) return undefined;
  const fold = new Map(groups.map((g, i) => [g, i % Math.min(8, groups.length)]));
  const pred: number[] = [];
  const gold: number[] = [];
  for (let f = 0; f < Math.min(8, groups.length); f++) {
    const test = use.filter((r) => fold.get(r.group) === f);
    const train = use.filter((r) => fold.get(r.group) !== f);
    if (test.length === 0 || train.length < 10) continue;
    const model = fitRidge(
      train.map((r) => valuesFor(kind, r)),
      train.map((r) => r.grade),
      FEATURES[kind],
      lambda,
      train.map((r) => r.weight),
    );
    // Rule-made rows shape the fit but not the map back to human grades: they are noisier
    // and mostly adversarial, so they would pull every grade down.
    for (const r of test) {
      if (r.generated) continue;
      pred.push(predictGrade(model, valuesFor(kind, r), { min: -Infinity, max: Infinity }));
      gold.push(r.grade);
    }
  }
  if (pred.length < 40) return undefined;
  const monotone = fitMonotone(pred, gold, Math.max(10, Math.round(pred.length / 40)));
  return SPREAD_MODELS.has(kind) ? restoreSpread(monotone, pred, gold, SPREAD_SHARE, 'up') : monotone;
}

/**
 * Interview-answer models whose grades are spread back towards the human ones (restoreSpread):
 * there the goal is each kind of answer near its human grade, and the conditional mean put
 * excellent, good and terse answers 12–13 points under it on questions left out (16–19 on the
 * holdout). The short-answer model keeps the plain conditional mean, which is what its goal
 * (RMSE on Mohler) rewards.
 */
const SPREAD_MODELS: ReadonlySet<ModelKind> = new Set(['longForm', 'keyPointsOnly']);
/**
 * How far each knot of the upper half moves towards the human grade at its rank: all the way.
 * Leaving questions out (bench:grading), half the way lifted excellent / good / terse answers
 * from −12.1 / −11.7 / −12.7 to −9.1 / −7.6 / −9.1 and all the way to −6.6 / −3.8 / −6.0, with
 * pairwise order unchanged (89 %) and RMSE 1.05 → 1.06 / 1.08. Stretching the lower half as well
 * put weak answers 21 points under their grade.
 */
export const SPREAD_SHARE = 1;

export function trainGrader(rows: readonly TrainingRow[], version: string, penalties: Penalties, calibrate = CALIBRATE): GraderWeights {
  return {
    version,
    scale: { min: 0, max: 5 },
    shortAnswer: fitKind('shortAnswer', rows, penalties.shortAnswer),
    longForm: fitKind('longForm', rows, penalties.longForm),
    withoutReference: fitKind('withoutReference', rows, penalties.withoutReference),
    keyPointsOnly: fitKind('keyPointsOnly', rows, penalties.keyPointsOnly),
    ...(calibrate
      ? {
          calibration: {
            shortAnswer: fitCalibration('shortAnswer', rows, penalties.shortAnswer),
            longForm: fitCalibration('longForm', rows, penalties.longForm),
            withoutReference: fitCalibration('withoutReference', rows, penalties.withoutReference),
            keyPointsOnly: fitCalibration('keyPointsOnly', rows, penalties.keyPointsOnly),
          },
        }
      : {}),
  };
}

const CALIBRATE = process.env.PANELIST_NO_CALIBRATION !== '1';

export interface FoldResult extends AgreementFigures {
  group: string;
}

export interface CrossValidation {
  folds: FoldResult[];
  /** All held-out predictions pooled. */
  overall: AgreementFigures;
  predictions: Map<string, number>;
}

/**
 * Leave-one-group-out: each group is predicted by a model that never saw its questions.
 * `evaluateGroups` limits which groups are held out and reported (others only train).
 */
export function crossValidateByGroup(
  rows: readonly TrainingRow[],
  train: (rows: readonly TrainingRow[]) => GraderWeights,
  predict: (weights: GraderWeights, row: TrainingRow) => number,
  evaluateGroups?: readonly string[],
): CrossValidation {
  const groups = evaluateGroups ?? [...new Set(rows.map((r) => r.group))];
  const folds: FoldResult[] = [];
  const predictions = new Map<string, number>();
  const allPred: number[] = [];
  const allGold: number[] = [];
  for (const g of groups) {
    const scored = rows.filter((r) => r.group === g && !r.generated);
    if (scored.length === 0) continue;
    const weights = train(rows.filter((r) => r.group !== g));
    const pred = scored.map((r) => predict(weights, r));
    scored.forEach((r, i) => predictions.set(r.id, pred[i]!));
    const gold = scored.map((r) => r.grade);
    folds.push({ group: g, ...measureAgreement(pred, gold) });
    allPred.push(...pred);
    allGold.push(...gold);
  }
  return { folds, overall: measureAgreement(allPred, allGold), predictions };
}

/** What the evaluator would grade the row: the model for its kind, capped by the guards. */
export function predictRow(weights: GraderWeights, row: TrainingRow, kind: ModelKind = row.longForm ? 'longForm' : 'shortAnswer'): number {
  const model = kind === 'keyPointsOnly' ? (weights.keyPointsOnly ?? weights.longForm) : weights[kind];
  const raw = predictGrade(model, valuesFor(kind, row), { min: -Infinity, max: Infinity });
  const y = Math.min(weights.scale.max, Math.max(weights.scale.min, applyCalibration(weights.calibration?.[kind], raw)));
  return Math.min(kind === 'keyPointsOnly' ? (row.keyPointsOnlyCap ?? row.cap) : row.cap, y);
}

export const LAMBDA_GRID: readonly number[] = [3, 10, 30, 60, 100, 200, 400];

/**
 * Picks one model's ridge penalty by leave-one-group-out inside `rows` only (lowest pooled
 * RMSE), so an outer fold's held-out answers never influence the penalty used on them.
 */
export function selectLambda(kind: ModelKind, rows: readonly TrainingRow[], grid: readonly number[] = LAMBDA_GRID): number {
  // At most eight inner folds of whole groups: with one group per question there are dozens.
  const groups = [...new Set(rows.map((r) => r.group))];
  const bucket = new Map(groups.map((g, i) => [g, `fold${i % 8}`]));
  const relevant = (
    kind === 'withoutReference'
      ? rows
      : kind === 'keyPointsOnly'
        ? rows.filter((r) => r.keyPointsOnly !== undefined)
        : rows.filter((r) => r.longForm === (kind === 'longForm'))
  ).map((r) => (groups.length > 8 ? { ...r, group: bucket.get(r.group)! } : r));
  let best = grid[0]!;
  let bestRmse = Infinity;
  for (const lambda of grid) {
    const penalties = { shortAnswer: lambda, longForm: lambda, withoutReference: lambda, keyPointsOnly: lambda };
    const cv = crossValidateByGroup(
      relevant,
      (r) => trainGrader(r, 'inner', penalties, false),
      (w, r) => predictRow(w, r, kind),
    );
    if (cv.overall.rmse < bestRmse - 1e-9) {
      bestRmse = cv.overall.rmse;
      best = lambda;
    }
  }
  return best;
}

export function selectPenalties(rows: readonly TrainingRow[]): Penalties {
  return {
    shortAnswer: selectLambda('shortAnswer', rows),
    longForm: selectLambda('longForm', rows),
    withoutReference: selectLambda('withoutReference', rows),
    keyPointsOnly: selectLambda('keyPointsOnly', rows),
  };
}
