/**
 * Quality benchmark: how well the local evaluator's scores agree with human grades.
 *
 *   npm run bench:grading -- --data FILE.jsonl [--json] [--no-train] [--scale-max 5]
 *
 * FILE holds graded answers in the Mohler JSONL format (question, reference_answer, answer,
 * score_avg, assignment, …). Scores (0–100) are mapped to the file's 0–max scale.
 *
 * With two or more assignments the calibration is retrained per fold on the other
 * assignments (plus our own graded examples, as in scripts/train-grader.ts) and the
 * held-out assignment is scored by the full evaluator — guards, caps and all — so the
 * figures describe questions the grader has never seen. --no-train scores with the shipped
 * weights instead (right for data the weights were not trained on).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureAgreement, type AgreementFigures, type GraderWeights } from '../src/core/evaluation/calibrate.js';
import { createAnswerEvaluator } from '../src/core/evaluation/evaluate-answer.js';
import { selectPenalties, trainGrader } from '../src/core/evaluation/training.js';
import { loadGraderWeights, loadWordVectors } from '../src/server/ai/local-evaluator.js';
import { createWinkTextAnalyzer } from '../src/server/ai/wink-text-analyzer.js';
import { readGradedAnswers, toEvaluationInput, toTrainingRows, type GradedAnswer } from '../scripts/grading-data.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-train': { type: 'boolean', default: false },
    'scale-max': { type: 'string', default: '5' },
    examples: { type: 'string', default: join(root, 'content', 'grader', 'graded-examples.jsonl') },
  },
});
if (!values.data) {
  process.stderr.write('usage: npm run bench:grading -- --data FILE.jsonl [--json] [--no-train] [--scale-max 5]\n');
  process.exit(2);
}
const scaleMax = Number(values['scale-max']);

const answers = readGradedAnswers(values.data, 'bench', scaleMax);
const analyze = createWinkTextAnalyzer();
const vectors = await loadWordVectors();
const assignments = [...new Set(answers.map((a) => a.assignment ?? 'all'))];
const crossValidated = !values['no-train'] && assignments.length >= 2;

// Training rows are computed once; each fold selects from them.
// (Not when the data file is the examples file itself: its held-out questions would leak in.)
const examples =
  crossValidated && existsSync(values.examples!) && resolve(values.examples!) !== resolve(values.data)
    ? readGradedAnswers(values.examples!, 'examples')
    : [];
const rows = crossValidated ? toTrainingRows([...answers, ...examples], { analyze, vectors }) : [];
const shipped = crossValidated ? null : await loadGraderWeights();

async function scoreWith(weights: GraderWeights, test: readonly GradedAnswer[]): Promise<number[]> {
  const evaluator = createAnswerEvaluator({ analyze, vectors, weights, engineVersion: 'bench' }, { grammar: false });
  const out: number[] = [];
  for (const a of test) out.push(((await evaluator.evaluate(toEvaluationInput(a))).score / 100) * scaleMax);
  return out;
}

const folds: (AgreementFigures & { assignment: string })[] = [];
const pred: number[] = [];
const gold: number[] = [];
for (const assignment of crossValidated ? assignments : ['all']) {
  const test = crossValidated ? answers.filter((a) => (a.assignment ?? 'all') === assignment) : answers;
  let weights: GraderWeights;
  if (shipped) weights = shipped;
  else {
    const train = rows.filter((r) => !(r.group === `bench:${assignment}`));
    weights = trainGrader(train, `bench-fold-${assignment}`, selectPenalties(train));
  }
  const p = await scoreWith(weights, test);
  const g = test.map((a) => a.score_avg);
  folds.push({ assignment, ...measureAgreement(p, g) });
  pred.push(...p);
  gold.push(...g);
}
const overall = measureAgreement(pred, gold);

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ data: values.data, protocol: crossValidated ? 'leave-one-assignment-out' : 'shipped-weights', scaleMax, overall, folds })}\n`,
  );
} else {
  const fmt = (f: AgreementFigures): string =>
    `n=${String(f.n).padStart(5)}  r=${f.pearson.toFixed(3)}  rho=${f.spearman.toFixed(3)}  RMSE=${f.rmse.toFixed(3)}`;
  process.stdout.write(`${values.data} — ${crossValidated ? 'leave one assignment out' : 'shipped weights'}, 0–${scaleMax} scale\n`);
  if (crossValidated) for (const f of folds) process.stdout.write(`  assignment ${f.assignment.padEnd(16)} ${fmt(f)}\n`);
  process.stdout.write(`  ${'overall'.padEnd(27)} ${fmt(overall)}\n`);
}
