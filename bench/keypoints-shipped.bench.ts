/**
 * Key points as the product reports them: every judgement of a labelled file is graded by the
 * shipped local evaluator (weights, thesaurus and key-point model as they are in content/), with
 * the key point as the question's only key point, and the reported state is compared with the
 * human label. Nothing is trained here, so it is the right measure for a file the models never
 * saw (content/grader/holdout/ — run it there once, to report, never to tune).
 *
 *   npx tsx bench/keypoints-shipped.bench.ts [FILE.jsonl]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyPointState } from '../src/contract/interviews.js';
import { createLocalEvaluator } from '../src/server/ai/local-evaluator.js';

interface Judgement {
  question: string;
  key_point: string;
  answer: string;
  state: KeyPointState;
}
const root = new URL('..', import.meta.url).pathname;
const file = process.argv[2] ?? join(root, 'content', 'grader', 'keypoint-judgements.jsonl');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Judgement);

const evaluator = await createLocalEvaluator({ grammar: false });
const STATES: KeyPointState[] = ['covered', 'partly', 'missed'];
const pairs: { gold: KeyPointState; pred: KeyPointState }[] = [];
for (const r of rows) {
  const e = await evaluator.evaluate({ question: r.question, type: 'technical', keyPoints: [r.key_point], answer: r.answer });
  pairs.push({ gold: r.state, pred: e.keyPoints?.[0]?.state ?? (e.missingKeyPoints.length > 0 ? 'missed' : 'covered') });
}
console.log(`${file}: ${pairs.length} judgements, engine ${evaluator.version}`);
for (const s of STATES) {
  const tp = pairs.filter((p) => p.gold === s && p.pred === s).length;
  const predicted = pairs.filter((p) => p.pred === s).length;
  const gold = pairs.filter((p) => p.gold === s).length;
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(
    `${s.padEnd(8)} n=${String(gold).padStart(3)}  P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (said ${predicted})`,
  );
}
const accuracy = pairs.filter((p) => p.gold === p.pred).length / pairs.length;
const falseMissed = pairs.filter((p) => p.pred === 'missed' && p.gold !== 'missed').length;
console.log(`accuracy ${accuracy.toFixed(3)}; made points reported missed: ${falseMissed}`);
