import { z } from 'zod';
import { FEATURE_NAMES, type FeatureName, type FeatureValues } from './features.js';

/**
 * The calibration model: ridge regression from features to a 0–5 grade (the scale of the
 * human-graded data it is trained on), standardized inputs. Trained by
 * scripts/train-grader.ts; the weights are data, committed under content/grader/.
 */
const featureName = z.enum(FEATURE_NAMES);

export const linearModel = z
  .object({
    features: z.array(featureName).min(1),
    mean: z.array(z.number()),
    scale: z.array(z.number().positive()),
    coef: z.array(z.number()),
    intercept: z.number(),
  })
  .refine((m) => m.mean.length === m.features.length && m.scale.length === m.features.length && m.coef.length === m.features.length, {
    message: 'mean, scale and coef must have one entry per feature',
  });
export type LinearModel = z.infer<typeof linearModel>;

/**
 * A monotone map from the linear model's grade to the human grade (isotonic regression on
 * out-of-fold predictions): ridge regression pulls every prediction towards the mean, so
 * excellent answers come out too low and empty ones too high; this stretches them back
 * without changing their order. Piecewise linear between knots, flat beyond the ends.
 */
export const monotoneCalibration = z
  .object({ knots: z.array(z.number()).min(2), values: z.array(z.number()).min(2) })
  .refine((c) => c.knots.length === c.values.length, { message: 'one value per knot' });
export type MonotoneCalibration = z.infer<typeof monotoneCalibration>;

export const graderWeights = z.object({
  version: z.string().min(1),
  /** Grade range the models predict. */
  scale: z.object({ min: z.number(), max: z.number() }),
  /** Short technical answers with a reference answer or key points. */
  shortAnswer: linearModel,
  /** Interview answers (behavioral, system design, communication) with a reference or key points. */
  longForm: linearModel,
  /** Used when there is only the question to compare with. */
  withoutReference: linearModel,
  /** Key points without a reference answer (questions written from a resume); absent: longForm. */
  keyPointsOnly: linearModel.optional(),
  /** Per model, the monotone calibration applied to its prediction (absent: none). */
  calibration: z
    .object({
      shortAnswer: monotoneCalibration.optional(),
      longForm: monotoneCalibration.optional(),
      withoutReference: monotoneCalibration.optional(),
      keyPointsOnly: monotoneCalibration.optional(),
    })
    .optional(),
  /** What the weights were trained on and how well they cross-validated (informational). */
  training: z.record(z.string(), z.unknown()).optional(),
});
export type GraderWeights = z.infer<typeof graderWeights>;

export function parseGraderWeights(json: unknown): GraderWeights {
  return graderWeights.parse(json);
}

export function predictGrade(model: LinearModel, values: FeatureValues, scale: { min: number; max: number }): number {
  let y = model.intercept;
  for (let i = 0; i < model.features.length; i++) {
    const x = values[model.features[i]!];
    y += model.coef[i]! * ((x - model.mean[i]!) / model.scale[i]!);
  }
  return Math.min(scale.max, Math.max(scale.min, y));
}

export function applyCalibration(c: MonotoneCalibration | undefined, y: number): number {
  if (!c) return y;
  const { knots, values } = c;
  if (y <= knots[0]!) return values[0]!;
  const last = knots.length - 1;
  if (y >= knots[last]!) return values[last]!;
  let i = 1;
  while (knots[i]! < y) i++;
  const t = (y - knots[i - 1]!) / (knots[i]! - knots[i - 1]! || 1);
  return values[i - 1]! + t * (values[i]! - values[i - 1]!);
}

/**
 * Isotonic regression (pool adjacent violators) of gold on predicted, returned as knots at
 * the pooled blocks' mean predictions. Blocks hold at least `minBlock` rows so the map stays
 * smooth on small data.
 */
export function fitMonotone(pred: readonly number[], gold: readonly number[], minBlock = 20): MonotoneCalibration {
  const order = pred.map((p, i) => ({ p, g: gold[i]! })).sort((a, b) => a.p - b.p);
  // Start from blocks of minBlock rows, then pool violators.
  type Block = { sp: number; sg: number; n: number };
  const blocks: Block[] = [];
  for (let i = 0; i < order.length; i += minBlock) {
    const chunk = order.slice(i, i + minBlock);
    const b = { sp: chunk.reduce((s, x) => s + x.p, 0), sg: chunk.reduce((s, x) => s + x.g, 0), n: chunk.length };
    if (chunk.length < minBlock / 2 && blocks.length > 0) {
      const prev = blocks[blocks.length - 1]!;
      prev.sp += b.sp;
      prev.sg += b.sg;
      prev.n += b.n;
    } else blocks.push(b);
    while (blocks.length >= 2) {
      const a = blocks[blocks.length - 2]!;
      const c = blocks[blocks.length - 1]!;
      if (a.sg / a.n <= c.sg / c.n) break;
      blocks.splice(blocks.length - 2, 2, { sp: a.sp + c.sp, sg: a.sg + c.sg, n: a.n + c.n });
    }
  }
  if (blocks.length < 2) {
    const p = order.length > 0 ? order.reduce((s, x) => s + x.p, 0) / order.length : 0;
    return { knots: [p - 1, p + 1], values: [p - 1, p + 1] };
  }
  return { knots: blocks.map((b) => b.sp / b.n), values: blocks.map((b) => b.sg / b.n) };
}

/**
 * Restores the spread the conditional mean takes away. Isotonic regression maps a prediction to
 * the mean human grade of answers that got it, and on unseen questions that mean is a mixture:
 * an excellent answer scored 3.8 sits among partial and confidently wrong ones that also got 3.8,
 * so every correct answer comes out well under its grade. Here each knot's value moves `share`
 * of the way towards the human grade at the same rank (the prediction's quantile among `pred`,
 * read off the sorted `gold`), in mode 'up' only where that grade is higher: the map keeps its
 * order and its knots, and the grades it gives spread like the human ones. Fit it on
 * out-of-fold predictions only.
 */
export function restoreSpread(
  c: MonotoneCalibration,
  pred: readonly number[],
  gold: readonly number[],
  share: number,
  mode: 'up' | 'both' = 'up',
): MonotoneCalibration {
  if (share <= 0 || pred.length < 2) return c;
  const p = [...pred].sort((a, b) => a - b);
  const g = [...gold].sort((a, b) => a - b);
  const n = p.length;
  const quantileOf = (x: number): number => {
    let below = 0;
    let equal = 0;
    for (const v of p) {
      if (v < x) below++;
      else if (v === x) equal++;
    }
    return (below + equal / 2) / n;
  };
  const gradeAt = (q: number): number => {
    const pos = Math.min(n - 1, Math.max(0, q * n - 0.5));
    const i = Math.floor(pos);
    const t = pos - i;
    return g[i]! + t * ((g[Math.min(n - 1, i + 1)] ?? g[i]!) - g[i]!);
  };
  // Upward only: below the middle the guards already hold empty and adversarial answers down,
  // and stretching there pushed partial and weak answers further under their grades.
  const lift = (i: number, k: number): number => (mode === 'up' ? Math.max(c.values[i]!, gradeAt(quantileOf(k))) : gradeAt(quantileOf(k)));
  const values = c.knots.map((k, i) => (1 - share) * c.values[i]! + share * lift(i, k));
  // Both terms rise with the knot, so the blend does too; guard against rounding anyway.
  for (let i = 1; i < values.length; i++) values[i] = Math.max(values[i]!, values[i - 1]!);
  return { knots: [...c.knots], values };
}

/**
 * Fits ridge regression on standardized features (intercept not penalized). Pure math so the
 * training script and the benchmark share it.
 */
export function fitRidge(
  rows: readonly FeatureValues[],
  targets: readonly number[],
  features: readonly FeatureName[],
  lambda: number,
  sampleWeights?: readonly number[],
): LinearModel {
  const n = rows.length;
  const k = features.length;
  const w = sampleWeights ?? new Array<number>(n).fill(1);
  const wsum = w.reduce((a, b) => a + b, 0);
  const mean = features.map((f) => rows.reduce((s, r, i) => s + r[f] * w[i]!, 0) / wsum);
  const scale = features.map((f, j) => {
    const v = rows.reduce((s, r, i) => s + w[i]! * (r[f] - mean[j]!) ** 2, 0) / wsum;
    return Math.sqrt(v) > 1e-9 ? Math.sqrt(v) : 1;
  });
  const ymean = targets.reduce((s, y, i) => s + y * w[i]!, 0) / wsum;
  // Normal equations (XᵀWX + λI) b = XᵀW(y − ȳ) on standardized X.
  const A = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const b = new Array<number>(k).fill(0);
  const x = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) x[j] = (rows[i]![features[j]!] - mean[j]!) / scale[j]!;
    const yi = targets[i]! - ymean;
    for (let j = 0; j < k; j++) {
      b[j]! += w[i]! * x[j]! * yi;
      for (let l = 0; l < k; l++) A[j]![l]! += w[i]! * x[j]! * x[l]!;
    }
  }
  for (let j = 0; j < k; j++) A[j]![j]! += (lambda * wsum) / n;
  const coef = solveLinearSystem(A, b);
  return { features: [...features], mean, scale, coef, intercept: ymean };
}

/** Gaussian elimination with partial pivoting; A is small (one row per feature). */
export function solveLinearSystem(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

export interface AgreementFigures {
  n: number;
  pearson: number;
  spearman: number;
  rmse: number;
}

export function measureAgreement(pred: readonly number[], gold: readonly number[]): AgreementFigures {
  const n = pred.length;
  return {
    n,
    pearson: pearson(pred, gold),
    spearman: pearson(ranks(pred), ranks(gold)),
    rmse: Math.sqrt(pred.reduce((s, p, i) => s + (p - gold[i]!) ** 2, 0) / Math.max(1, n)),
  };
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2) return 0;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Average ranks (ties share their mean rank), for Spearman's rho. */
export function ranks(a: readonly number[]): number[] {
  const idx = a.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const r = new Array<number>(a.length);
  for (let s = 0; s < idx.length;) {
    let e = s;
    while (e + 1 < idx.length && idx[e + 1]!.v === idx[s]!.v) e++;
    for (let k = s; k <= e; k++) r[idx[k]!.i] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return r;
}
