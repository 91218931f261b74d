/**
 * Quality benchmark: how well the local evaluator's scores agree with human grades.
 *
 *   npm run bench:grading [-- --data FILE.jsonl ...] [--json] [--no-train] [--scale-max 5]
 *
 * Without --data it measures our graded answers (content/grader/graded-answers.jsonl and
 * graded-examples.jsonl: excellent, partial, terse, rambling, wrong and adversarial answers
 * to the bank's questions) and the Mohler short-answer set. Files are in the Mohler JSONL
 * format (question, reference_answer, key_points, answer, score_avg 0–5, assignment, kind).
 * Never point it at content/grader/holdout/ while developing: that is the final test.
 *
 * With training (the default) the calibration is retrained per fold and each held-out group
 * — a Mohler assignment, or one of our questions — is scored by the full evaluator (guards,
 * caps and all) with weights that never saw it: leave-question-out cross-validation. Our
 * questions are grouped into 8 folds of whole questions to keep the run short.
 * --no-train scores with the shipped weights (right for data the weights were not trained on).
 *
 * Printed per kind of answer: n, mean signed difference to the human grade (points of 100),
 * share scoring ≤ 30 (adversarial kinds), and overall: r, RMSE (0–5), pairwise order of
 * answers to the same question that humans put more than 10 points apart.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureAgreement, type AgreementFigures, type GraderWeights } from '../src/core/evaluation/calibrate.js';
import { createAnswerEvaluator } from '../src/core/evaluation/evaluate-answer.js';
import { selectPenalties, trainGrader } from '../src/core/evaluation/training.js';
import { loadGraderWeights, loadLexicon, loadTopicIndex, loadWordVectors } from '../src/server/ai/local-evaluator.js';
import { createWinkTextAnalyzer } from '../src/server/ai/wink-text-analyzer.js';
import {
  defaultMohlerPath,
  GENERATED_WEIGHT,
  HAND_GRADED_FILES,
  readGradedAnswers,
  toEvaluationInput,
  toTrainingRows,
  type GradedAnswer,
} from '../scripts/grading-data.js';

const root = new URL('..', import.meta.url).pathname;
const grader = join(root, 'content', 'grader');
const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    'no-train': { type: 'boolean', default: false },
    'scale-max': { type: 'string', default: '5' },
    mohler: { type: 'string', default: defaultMohlerPath(root) },
    /** Rule-made answers (generated-answers.jsonl) join training folds only; never reported. */
    'no-generated': { type: 'boolean', default: false },
    'generated-weight': { type: 'string', default: String(GENERATED_WEIGHT) },
    /** Only these kinds of generated lines (comma-separated); all by default. */
    'generated-kinds': { type: 'string' },
    /** Fit weight per kind of hand-graded line, e.g. "confidently_wrong:0.3" (an experiment switch). */
    'kind-weights': { type: 'string' },
    /** Grade without the bank's topics (relevance judged against the question alone): the engine before relevance ranking. */
    'no-topics': { type: 'boolean', default: false },
    /** Write every scored answer's out-of-fold score to this JSONL file (id, kind, human, score), to study subsets. */
    predictions: { type: 'string' },
  },
});
const scaleMax = Number(values['scale-max']);

/** Adversarial kinds: the goal is that ≥ 90 % of them score ≤ 30. */
export const ADVERSARIAL = new Set(['keyword_list', 'off_topic', 'restated', 'non_answer', 'confidently_wrong', 'grader_instructions']);

const answers: GradedAnswer[] = [];
if (values.data && values.data.length > 0) {
  values.data.forEach((f, i) => answers.push(...readGradedAnswers(f, `data${i}`, scaleMax)));
} else {
  for (const f of HAND_GRADED_FILES) {
    if (existsSync(join(grader, f))) answers.push(...readGradedAnswers(join(grader, f), 'own'));
  }
  if (existsSync(values.mohler!)) answers.push(...readGradedAnswers(values.mohler!, 'mohler'));
}
// Rule-made lines train (weighted lower: they are noisier) but are never scored or reported;
// they sit in their question's fold, so a held-out question's variants never train its model.
const generated: GradedAnswer[] =
  !values['no-train'] &&
  !values['no-generated'] &&
  Number(values['generated-weight']) > 0 &&
  !(values.data && values.data.length > 0) &&
  existsSync(join(grader, 'generated-answers.jsonl'))
    ? readGradedAnswers(join(grader, 'generated-answers.jsonl'), 'own').filter(
        (a) => !values['generated-kinds'] || values['generated-kinds'].split(',').includes(a.kind ?? ''),
      )
    : [];
const kindWeights = new Map(
  (values['kind-weights'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.split(':')[0]!, Number(kv.split(':')[1])] as const),
);
const generatedWeight = Number(values['generated-weight']);
// Ids are only unique within a file.
answers.forEach((a, i) => (a.id = `${a.source}:${i}:${a.id}`));
generated.forEach((a, i) => (a.id = `generated:${i}:${a.id}`));

const analyze = createWinkTextAnalyzer();
const vectors = await loadWordVectors();
const lexicon = await loadLexicon();
const topics = values['no-topics'] ? undefined : await loadTopicIndex(undefined, vectors);

/** Cross-validation folds: a Mohler assignment each; our questions in 8 folds of whole questions. */
function foldOf(a: GradedAnswer): string {
  const q = a.assignment ?? a.question_id ?? a.id;
  if (a.source === 'mohler') return `mohler:${q}`;
  let h = 0;
  for (const c of q) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `${a.source}:fold${h % 8}`;
}
const folds = [...new Set(answers.map(foldOf))].sort();
const crossValidated = !values['no-train'] && folds.length >= 2;
const trainingAnswers = [...answers, ...generated];
const rows = crossValidated
  ? toTrainingRows(trainingAnswers, { analyze, vectors, lexicon, topics }, (a) =>
      a.id.startsWith('generated:') ? generatedWeight : (kindWeights.get(a.kind ?? '') ?? 1),
    ).map((r, i) => ({ ...r, group: foldOf(trainingAnswers[i]!) }))
  : [];
const shipped = crossValidated ? null : await loadGraderWeights();

const predicted = new Map<string, number>();
for (const fold of crossValidated ? folds : ['all']) {
  const test = crossValidated ? answers.filter((a) => foldOf(a) === fold) : answers;
  let weights: GraderWeights;
  if (shipped) weights = shipped;
  else {
    const train = rows.filter((r) => r.group !== fold);
    weights = trainGrader(train, `bench-${fold}`, selectPenalties(train));
  }
  const evaluator = createAnswerEvaluator({ analyze, vectors, lexicon, topics, weights, engineVersion: 'bench' }, { grammar: false });
  for (const a of test) predicted.set(a.id, (await evaluator.evaluate(toEvaluationInput(a))).score);
}

if (values.predictions) {
  writeFileSync(
    values.predictions,
    answers
      .map((a) => JSON.stringify({ id: a.id, kind: a.kind ?? null, human: (a.score_avg / a.scaleMax) * 100, score: predicted.get(a.id) }))
      .join('\n') + '\n',
  );
}

interface KindFigures {
  kind: string;
  n: number;
  /** Mean of (score − human), points of 100. */
  meanDiff: number;
  /** Share scoring ≤ 30. */
  atMost30: number;
}
function kindFigures(kind: string, list: readonly GradedAnswer[]): KindFigures {
  const diffs = list.map((a) => predicted.get(a.id)! - (a.score_avg / a.scaleMax) * 100);
  return {
    kind,
    n: list.length,
    meanDiff: diffs.reduce((s, d) => s + d, 0) / Math.max(1, list.length),
    atMost30: list.filter((a) => predicted.get(a.id)! <= 30).length / Math.max(1, list.length),
  };
}

/** Pairs of answers to the same question that humans put more than 10 points apart, ordered the same way. */
function pairwise(list: readonly GradedAnswer[]): { pairs: number; agree: number } {
  const byQ = new Map<string, GradedAnswer[]>();
  for (const a of list) {
    const k = `${a.source}:${a.question_id ?? a.question}`;
    byQ.set(k, [...(byQ.get(k) ?? []), a]);
  }
  let pairs = 0;
  let agree = 0;
  for (const qs of byQ.values()) {
    for (let i = 0; i < qs.length; i++) {
      for (let j = i + 1; j < qs.length; j++) {
        const hi = (qs[i]!.score_avg / qs[i]!.scaleMax) * 100;
        const hj = (qs[j]!.score_avg / qs[j]!.scaleMax) * 100;
        if (Math.abs(hi - hj) <= 10) continue;
        pairs++;
        const d = (predicted.get(qs[i]!.id)! - predicted.get(qs[j]!.id)!) * Math.sign(hi - hj);
        if (d > 0) agree++;
        else if (d === 0) agree += 0.5;
      }
    }
  }
  return { pairs, agree };
}

function section(name: string, list: readonly GradedAnswer[]) {
  const kinds = [...new Set(list.map((a) => a.kind ?? 'unlabelled'))].sort();
  const perKind = kinds.map((k) =>
    kindFigures(
      k,
      list.filter((a) => (a.kind ?? 'unlabelled') === k),
    ),
  );
  const adversarial = list.filter((a) => ADVERSARIAL.has(a.kind ?? ''));
  const pw = pairwise(list);
  const agreement: AgreementFigures = measureAgreement(
    list.map((a) => (predicted.get(a.id)! / 100) * 5),
    list.map((a) => (a.score_avg / a.scaleMax) * 5),
  );
  return {
    name,
    n: list.length,
    perKind,
    adversarialAtMost30: adversarial.length > 0 ? adversarial.filter((a) => predicted.get(a.id)! <= 30).length / adversarial.length : null,
    pairwiseOrder: pw.pairs > 0 ? pw.agree / pw.pairs : null,
    pairs: pw.pairs,
    agreement,
  };
}

const sources = [...new Set(answers.map((a) => a.source))];
const sections = sources.map((s) =>
  section(
    s,
    answers.filter((a) => a.source === s),
  ),
);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ protocol: crossValidated ? 'leave-question-out' : 'shipped-weights', folds, sections })}\n`);
} else {
  const pct = (x: number | null): string => (x === null ? '   –' : `${(x * 100).toFixed(1)} %`);
  process.stdout.write(`protocol: ${crossValidated ? `leave whole questions out (${folds.length} folds)` : 'shipped weights'}\n`);
  for (const s of sections) {
    process.stdout.write(`\n${s.name} (n=${s.n})\n`);
    process.stdout.write(`  ${'kind'.padEnd(20)} ${'n'.padStart(5)}  ${'mean score−human'.padStart(16)}  ${'≤30'.padStart(7)}\n`);
    for (const k of s.perKind) {
      process.stdout.write(
        `  ${k.kind.padEnd(20)} ${String(k.n).padStart(5)}  ${k.meanDiff.toFixed(1).padStart(16)}  ${pct(k.atMost30).padStart(7)}${ADVERSARIAL.has(k.kind) ? '  (adversarial)' : ''}\n`,
      );
    }
    process.stdout.write(
      `  adversarial ≤ 30: ${pct(s.adversarialAtMost30)}   pairwise order (>10 apart, ${s.pairs} pairs): ${pct(s.pairwiseOrder)}\n`,
    );
    const a = s.agreement;
    process.stdout.write(`  r=${a.pearson.toFixed(3)}  rho=${a.spearman.toFixed(3)}  RMSE(0–5)=${a.rmse.toFixed(3)}\n`);
  }
}
