/**
 * Key points as the product reports them: every judgement of a labelled file is graded by the
 * shipped local evaluator (weights, thesaurus and key-point model as they are in content/) as the
 * product grades an answer — with the question's type, reference answer and all its key points,
 * taken from the bank or the data set's own questions — and the state reported for the judged
 * point is compared with the human label. Nothing is trained here, so it is the right measure for
 * a file the models never saw (content/grader/holdout/ — run it there once, to report, never to
 * tune).
 *
 * `--alone` grades each point as the only key point of a technical question with no reference
 * answer (the measure used before 2026-12-07). It is not what candidates see: without a reference
 * answer the relevance guards read a behavioural or design answer as off topic.
 *
 *   npx tsx bench/keypoints-shipped.bench.ts [FILE.jsonl] [--alone]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyPointState, QuestionType } from '../src/contract/interviews.js';
import { createLocalEvaluator } from '../src/server/ai/local-evaluator.js';

interface Judgement {
  question_id: string;
  question: string;
  key_point: string;
  answer: string;
  state: KeyPointState;
}
interface Question {
  id: string;
  type: QuestionType;
  text: string;
  referenceAnswer?: string;
  keyPoints?: string[];
}
const root = new URL('..', import.meta.url).pathname;
const alone = process.argv.includes('--alone');
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(root, 'content', 'grader', 'keypoint-judgements.jsonl');
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
const rows = readJsonl<Judgement>(file);

/** The bank and the data set's own questions (the held-out ones too: their key points carry no labels). */
const questions = new Map<string, Question>();
const bankDir = join(root, 'content', 'questions');
for (const f of readdirSync(bankDir).filter((x) => x.endsWith('.json'))) {
  for (const q of (JSON.parse(readFileSync(join(bankDir, f), 'utf8')) as { questions: Question[] }).questions) questions.set(q.id, q);
}
for (const f of [
  join(root, 'content', 'grader', 'own-questions.jsonl'),
  join(root, 'content', 'grader', 'holdout', 'own-questions.jsonl'),
]) {
  if (existsSync(f)) for (const q of readJsonl<Question>(f)) questions.set(q.id, q);
}

const evaluator = await createLocalEvaluator({ grammar: false });
const STATES: KeyPointState[] = ['covered', 'partly', 'missed'];
const pairs: { gold: KeyPointState; pred: KeyPointState }[] = [];
let unknown = 0;
for (const r of rows) {
  const q = alone ? undefined : questions.get(r.question_id);
  if (!alone && !q) unknown++;
  const known = q?.keyPoints ?? [];
  const keyPoints = known.includes(r.key_point) ? known : [...known, r.key_point];
  const at = keyPoints.indexOf(r.key_point);
  const e = await evaluator.evaluate({
    question: q?.text ?? r.question,
    type: q?.type ?? 'technical',
    keyPoints,
    ...(q?.referenceAnswer ? { referenceAnswer: q.referenceAnswer } : {}),
    answer: r.answer,
  });
  const reported = e.keyPoints?.[at]?.state;
  pairs.push({ gold: r.state, pred: reported ?? (e.missingKeyPoints.includes(r.key_point) ? 'missed' : 'covered') });
}
console.log(
  `${file}: ${pairs.length} judgements, engine ${evaluator.version}, ${alone ? 'each point alone' : 'graded as the product grades'}` +
    (unknown ? ` (${unknown} of unknown questions, graded alone)` : ''),
);
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
