/**
 * Trains the key-point state model (covered / partly / missed from the matcher's signals) on
 * content/grader/keypoint-judgements.jsonl and keypoint-judgements-w10.jsonl and writes content/grader/keypoint-model.json.
 *
 *   npm run train:keypoints [-- --data FILE.jsonl[,FILE2.jsonl…]] [--out FILE.json]
 *
 * Training adds each key point paired with an answer to another question (certainly missed);
 * the figures are measured on the labelled judgements only.
 * The "missed" threshold is picked on question-grouped held-out probabilities to keep missed
 * precision high; the CV figures stored with the model leave whole questions out.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyPointState } from '../src/contract/interviews.js';
import { KEY_POINT_FEATURES, keyPointFeatureVector, type KeyPointModel } from '../src/core/evaluation/key-point-model.js';
import { crossValidateModel, fitWithThreshold, loadKeyPointData, questionGroups, trainingSet } from './keypoint-data.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    data: {
      type: 'string',
      default: ['keypoint-judgements.jsonl', 'keypoint-judgements-w10.jsonl'].map((f) => join(root, 'content', 'grader', f)).join(','),
    },
    out: { type: 'string', default: join(root, 'content', 'grader', 'keypoint-model.json') },
  },
});

const data = await loadKeyPointData(values.data!);
const set = trainingSet(data);
const { signals, y: yAll, nReal } = set;
const y: KeyPointState[] = yAll.slice(0, nReal);

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
const STATES: KeyPointState[] = ['covered', 'partly', 'missed'];
function figures(gold: readonly KeyPointState[], pred: readonly KeyPointState[]) {
  const per: Record<string, { precision: number; recall: number; f1: number }> = {};
  for (const s of STATES) {
    const tp = gold.filter((g, i) => g === s && pred[i] === s).length;
    const p = pred.filter((x) => x === s).length;
    const g = gold.filter((x) => x === s).length;
    const precision = p > 0 ? tp / p : 0;
    const recall = g > 0 ? tp / g : 0;
    per[s] = {
      precision: round(precision),
      recall: round(recall),
      f1: round(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0),
    };
  }
  const accuracy = gold.filter((g, i) => g === pred[i]).length / gold.length;
  return { ...per, accuracy: round(accuracy), macroF1: round(STATES.reduce((a, s) => a + per[s]!.f1, 0) / STATES.length) };
}

const cv = crossValidateModel(signals, yAll, set.rows, nReal);
const x = signals.map(keyPointFeatureVector);
const all = new Set(yAll.map((_, i) => i));
const { model, missedThreshold } = fitWithThreshold(x, yAll, questionGroups(set.rows), all, nReal);

const out: KeyPointModel = {
  version: `kp1-${new Date().toISOString().slice(0, 10)}`,
  features: [...KEY_POINT_FEATURES],
  mean: model.mean.map((v) => round(v)),
  scale: model.scale.map((v) => round(v)),
  weights: model.weights.map((r) => r.map((v) => round(v))),
  missedThreshold,
  cv: {
    protocol: 'leave-question-out; threshold chosen by 5-fold question-grouped CV inside each training set',
    judgements: y.length,
    offTopicTrainingPairs: yAll.length - nReal,
    questions: questionGroups(data.rows).length,
    model: figures(y, cv.pred),
    rule: figures(
      y,
      signals.slice(0, nReal).map((s) => s.ruleState),
    ),
    foldThresholds: { min: Math.min(...cv.thresholds), max: Math.max(...cv.thresholds) },
  },
};
writeFileSync(values.out!, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`wrote ${values.out} — missed threshold ${missedThreshold}\n${JSON.stringify(out.cv, null, 2)}\n`);
