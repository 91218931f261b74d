import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  fitMonotone,
  fitRidge,
  measureAgreement,
  parseGraderWeights,
  pearson,
  predictGrade,
  ranks,
  restoreSpread,
} from './calibrate.js';
import { FEATURE_NAMES, type FeatureValues } from './features.js';
import { predictRow, trainGrader, type TrainingRow } from './training.js';

function row(values: Partial<FeatureValues>): FeatureValues {
  const r = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as FeatureValues;
  return { ...r, ...values };
}

describe('fitRidge', () => {
  it('recovers a linear relation and predicts on the original scale', () => {
    const rows: FeatureValues[] = [];
    const y: number[] = [];
    for (let i = 0; i < 50; i++) {
      const a = (i % 10) / 10;
      const b = ((i * 7) % 11) / 11;
      rows.push(row({ refRecall: a, ansPrecision: b }));
      y.push(1 + 2 * a + 1 * b);
    }
    const model = fitRidge(rows, y, ['refRecall', 'ansPrecision'], 1e-6);
    const scale = { min: 0, max: 5 };
    expect(predictGrade(model, row({ refRecall: 0.5, ansPrecision: 0.5 }), scale)).toBeCloseTo(2.5, 3);
    // Predictions are clipped to the grade range.
    expect(predictGrade(model, row({ refRecall: 10, ansPrecision: 10 }), scale)).toBe(5);
  });

  it('is deterministic', () => {
    const rows = [row({ refRecall: 0.1 }), row({ refRecall: 0.9 }), row({ refRecall: 0.5 })];
    const a = fitRidge(rows, [1, 5, 3], ['refRecall'], 1);
    const b = fitRidge(rows, [1, 5, 3], ['refRecall'], 1);
    expect(a).toEqual(b);
  });
});

describe('agreement measures', () => {
  it('computes Pearson, Spearman (with ties) and RMSE', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    const m = measureAgreement([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(m.n).toBe(4);
    expect(m.spearman).toBeCloseTo(0.8);
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.5));
  });
});

describe('parseGraderWeights', () => {
  it('rejects weights whose arrays do not match their features', () => {
    const model = { features: ['refRecall'], mean: [0], scale: [1], coef: [1, 2], intercept: 0 };
    expect(() =>
      parseGraderWeights({ version: 'x', scale: { min: 0, max: 5 }, shortAnswer: model, longForm: model, withoutReference: model }),
    ).toThrow();
  });
});

describe('monotone calibration', () => {
  it('stretches a shrunken prediction range back to the grades, keeping order', () => {
    // A model that predicts 2–3 for grades 0–5.
    const gold = Array.from({ length: 100 }, (_, i) => (i % 6) as number);
    const pred = gold.map((g) => 2 + g / 5);
    const c = fitMonotone(pred, gold, 10);
    expect(applyCalibration(c, 2)).toBeLessThan(1);
    expect(applyCalibration(c, 3)).toBeGreaterThan(4);
    expect(applyCalibration(c, 2.4)).toBeLessThanOrEqual(applyCalibration(c, 2.6));
  });

  it('is monotone even when the data are not', () => {
    const c = fitMonotone([1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3, 5], 1);
    for (let i = 1; i < c.values.length; i++) expect(c.values[i]!).toBeGreaterThanOrEqual(c.values[i - 1]!);
  });
});

/** A deterministic stand-in for noise: the model sees the grade only roughly. */
function noise(i: number): number {
  return ((Math.sin(i * 12.9898) * 43758.5453) % 1) * 3;
}

describe('spread of the calibrated grades', () => {
  // Answers to 24 questions, grades 0–5; the one feature the model reads is the grade blurred by
  // noise, as features blur excellent answers with partial and confidently wrong ones.
  const rows: TrainingRow[] = Array.from({ length: 480 }, (_, i) => {
    const grade = (i % 11) / 2;
    const values = row({ kpMean: grade / 5 + noise(i) / 5 });
    return { id: `r${i}`, group: `q${i % 24}`, longForm: true, withReference: values, withoutReference: values, grade, weight: 1, cap: 5 };
  });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it('keeps the best answers near their human grade on questions the model never saw', () => {
    const seen = rows.filter((r) => r.group !== 'q0');
    const unseen = rows.filter((r) => r.group === 'q0');
    const weights = trainGrader(seen, 'test', { shortAnswer: 10, longForm: 10, withoutReference: 10, keyPointsOnly: 10 });
    const best = unseen.filter((r) => r.grade >= 4.5);
    const worst = unseen.filter((r) => r.grade <= 0.5);
    // The conditional mean alone gave the best answers about 3.6; the worst stay where it put them (about 1.5).
    expect(mean(best.map((r) => predictRow(weights, r)))).toBeGreaterThan(3.7);
    expect(mean(worst.map((r) => predictRow(weights, r)))).toBeLessThan(1.6);
  });

  it('moves each knot towards the human grade at its rank and keeps the order', () => {
    const pred = rows.map((r) => r.withReference.kpMean * 5);
    const gold = rows.map((r) => r.grade);
    const plain = fitMonotone(pred, gold, 12);
    const up = restoreSpread(plain, pred, gold, 1);
    const both = restoreSpread(plain, pred, gold, 1, 'both');
    for (const spread of [up, both]) {
      expect(spread.knots).toEqual(plain.knots);
      for (let i = 1; i < spread.values.length; i++) expect(spread.values[i]!).toBeGreaterThanOrEqual(spread.values[i - 1]!);
      expect(spread.values.at(-1)!).toBeGreaterThan(plain.values.at(-1)!);
    }
    // Upward only never lowers a grade; both ways also stretches the bottom down.
    up.values.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(plain.values[i]!));
    expect(both.values[0]!).toBeLessThan(plain.values[0]!);
    expect(restoreSpread(plain, pred, gold, 0)).toEqual(plain);
  });
});
