/**
 * Key-point judgement benchmark: does the evaluator say covered / partly / missed where a
 * human does? Prints precision, recall and F1 per state.
 *
 *   npm run bench:keypoints [-- --data FILE.jsonl] [--json] [--fixed]
 *
 * Data: content/grader/keypoint-judgements{,-w10}.jsonl (question, key_point, answer, state). The
 * three thresholds of the judgement (src/core/evaluation/key-points.ts) are chosen on the
 * other questions and applied to each held-out question — whole questions left out — so the
 * figures describe questions the thresholds never saw. --fixed uses the shipped thresholds.
 * Next to that rule it prints the trained key-point model (scripts/train-keypoints.ts), also
 * with whole questions left out: each fold's model and "missed" threshold never saw the question.
 * Never point it at content/grader/holdout/ while developing: that is the final test.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyPointState } from '../src/contract/interviews.js';
import { DEFAULT_THRESHOLDS, type KeyPointThresholds } from '../src/core/evaluation/key-points.js';
import { crossValidateModel, judgeOne, loadKeyPointData, trainingSet } from '../scripts/keypoint-data.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    data: {
      type: 'string',
      default: ['keypoint-judgements.jsonl', 'keypoint-judgements-w10.jsonl'].map((f) => join(root, 'content', 'grader', f)).join(','),
    },
    json: { type: 'boolean', default: false },
    fixed: { type: 'boolean', default: false },
  },
});

const data = await loadKeyPointData(values.data!);
const { rows, prepared } = data;
const judge = (p: (typeof prepared)[number], thresholds: KeyPointThresholds): KeyPointState => judgeOne(data, p, thresholds).state;

const STATES: KeyPointState[] = ['covered', 'partly', 'missed'];
interface StateFigures {
  precision: number;
  recall: number;
  f1: number;
  n: number;
}
function figures(pairs: readonly { gold: KeyPointState; pred: KeyPointState }[]) {
  const per = {} as Record<KeyPointState, StateFigures>;
  for (const s of STATES) {
    const tp = pairs.filter((p) => p.gold === s && p.pred === s).length;
    const predicted = pairs.filter((p) => p.pred === s).length;
    const gold = pairs.filter((p) => p.gold === s).length;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = gold > 0 ? tp / gold : 0;
    per[s] = { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, n: gold };
  }
  const accuracy = pairs.filter((p) => p.gold === p.pred).length / Math.max(1, pairs.length);
  const macroF1 = STATES.reduce((s, k) => s + per[k].f1, 0) / STATES.length;
  // "Never tell a candidate they missed what they said": points called missed that a human saw made.
  const falseMissed = pairs.filter((p) => p.pred === 'missed' && p.gold !== 'missed').length;
  return { per, accuracy, macroF1, falseMissed, n: pairs.length };
}

/** What threshold selection maximizes: agreement, with extra weight on not calling made points missed. */
const objective = (f: ReturnType<typeof figures>): number => f.accuracy + f.macroF1 + 0.5 * f.per.missed.precision;

const GRID: KeyPointThresholds[] = [];
for (const covered of [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
  for (const partly of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    for (const scattered of [0.1, 0.15, 0.2, 0.25, 0.35, 1.01]) if (partly < covered) GRID.push({ covered, partly, scattered });

const predictions: KeyPointState[][] = values.fixed
  ? [prepared.map((p) => judge(p, DEFAULT_THRESHOLDS))]
  : GRID.map((th) => prepared.map((p) => judge(p, th)));

const questions = [...new Set(rows.map((r) => r.question_id))];
const heldOut: { gold: KeyPointState; pred: KeyPointState }[] = [];
const chosen = new Map<string, number>();
for (const q of questions) {
  const train = prepared.map((p, i) => (p.row.question_id !== q ? i : -1)).filter((i) => i >= 0);
  let best = 0;
  if (!values.fixed) {
    let bestScore = -Infinity;
    predictions.forEach((pred, g) => {
      const sc = objective(figures(train.map((i) => ({ gold: prepared[i]!.row.state, pred: pred[i]! }))));
      if (sc > bestScore + 1e-12) {
        bestScore = sc;
        best = g;
      }
    });
  }
  chosen.set(q, best);
  prepared.forEach((p, i) => {
    if (p.row.question_id === q) heldOut.push({ gold: p.row.state, pred: predictions[best]![i]! });
  });
}
const result = figures(heldOut);
// The thresholds chosen on all questions: what the engine should ship.
let shipIndex = 0;
if (!values.fixed) {
  let bestScore = -Infinity;
  predictions.forEach((pred, g) => {
    const sc = objective(figures(prepared.map((p, i) => ({ gold: p.row.state, pred: pred[i]! }))));
    if (sc > bestScore + 1e-12) {
      bestScore = sc;
      shipIndex = g;
    }
  });
}
const ship = values.fixed ? DEFAULT_THRESHOLDS : GRID[shipIndex]!;

// The trained classifier (src/core/evaluation/key-point-model.ts), each question judged by a
// model fitted without it, its "missed" threshold chosen inside that fold's training questions.
const set = trainingSet(data);
const modelCv = crossValidateModel(set.signals, set.y, set.rows, set.nReal);
const modelResult = figures(rows.map((r, i) => ({ gold: r.state, pred: modelCv.pred[i]! })));

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({
      data: values.data,
      protocol: values.fixed ? 'shipped' : 'leave-question-out',
      ...result,
      ship,
      model: { protocol: 'leave-question-out', ...modelResult, missedThresholds: modelCv.thresholds },
    })}\n`,
  );
} else {
  process.stdout.write(
    `${values.data} — ${rows.length} judgements, ${questions.length} questions, ${values.fixed ? 'shipped thresholds' : 'thresholds chosen with each question left out'}\n`,
  );
  process.stdout.write(
    `  ${'state'.padEnd(9)} ${'n'.padStart(4)}  ${'rule: precision  recall     F1'}  |  model: precision  recall     F1\n`,
  );
  const cells = (x: StateFigures): string =>
    `${x.precision.toFixed(3).padStart(9)}  ${x.recall.toFixed(3).padStart(6)}  ${x.f1.toFixed(3).padStart(5)}`;
  for (const s of STATES)
    process.stdout.write(
      `  ${s.padEnd(9)} ${String(result.per[s].n).padStart(4)}  ${cells(result.per[s])}        |  ${cells(modelResult.per[s])}\n`,
    );
  for (const [name, r] of [
    ['rule ', result],
    ['model', modelResult],
  ] as const)
    process.stdout.write(
      `  ${name} overall: accuracy (micro F1) ${r.accuracy.toFixed(3)}, macro F1 ${r.macroF1.toFixed(3)}; made points called missed: ${r.falseMissed}\n`,
    );
  const ts = modelCv.thresholds;
  process.stdout.write(`  model: "missed" only when P(missed) ≥ a threshold chosen per fold (${Math.min(...ts)}–${Math.max(...ts)})\n`);
  process.stdout.write(`  thresholds chosen on all questions: ${JSON.stringify(ship)} (shipped: ${JSON.stringify(DEFAULT_THRESHOLDS)})\n`);
}
