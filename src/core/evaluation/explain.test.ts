import { describe, expect, it } from 'vitest';
import type { LinearModel } from './calibrate.js';
import { consistencyCap, explainScore, roundToTotal } from './explain.js';
import { FEATURE_NAMES, type FeatureValues } from './features.js';

const zero = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as FeatureValues;
const model: LinearModel = {
  features: ['kpMean', 'refRecall', 'hedgeRate'],
  mean: [0.5, 0.5, 0.1],
  scale: [0.2, 0.2, 0.1],
  coef: [0.8, 0.5, -0.2],
  intercept: 2.5,
};

describe('roundToTotal', () => {
  it('rounds effects so they sum exactly to the total', () => {
    const lines = [
      { label: 'a', effect: 10.4 },
      { label: 'b', effect: 10.4 },
      { label: 'c', effect: 10.4 },
    ];
    const out = roundToTotal(lines, 31);
    expect(out.reduce((s, l) => s + l.effect, 0)).toBe(31);
  });
});

describe('explainScore', () => {
  it('starts from the model baseline and its lines add up to the shown score', () => {
    const values = { ...zero, kpMean: 0.9, refRecall: 0.7, hedgeRate: 0.3 };
    const raw = (2.5 + 0.8 * 2 + 0.5 * 1 - 0.2 * 2) * 20;
    const e = explainScore({ model, values, pointsPerUnit: 20, raw, guards: [], consistency: null, final: Math.round(Math.min(100, raw)) });
    expect(e.baseline).toBe(50);
    expect(e.baseline + e.factors.reduce((s, f) => s + f.effect, 0)).toBe(e.score);
    expect(e.factors.find((f) => f.label === 'Key points made')?.effect).toBeGreaterThan(0);
    expect(e.factors.find((f) => /Delivery/.test(f.label))?.effect).toBeLessThan(0);
  });

  it('names the guard that capped the score as a negative line', () => {
    const values = { ...zero, kpMean: 0.9, refRecall: 0.9 };
    const e = explainScore({
      model,
      values,
      pointsPerUnit: 20,
      raw: 96,
      guards: [{ kind: 'keyword_list', cap: 20, message: 'm', detail: 'd' }],
      consistency: null,
      final: 20,
    });
    expect(e.factors.some((f) => /list of terms/.test(f.label) && f.effect <= -70)).toBe(true);
    expect(e.baseline + e.factors.reduce((s, f) => s + f.effect, 0)).toBe(20);
  });
});

describe('consistencyCap', () => {
  it('keeps the overall within 40 points of the weakest dimension', () => {
    const c = consistencyCap({ relevance: 90, correctness: 95, completeness: 59, clarity: 80, structure: 51 });
    expect(c.dimension).toBe('structure');
    expect(c.cap).toBe(91);
  });
});
