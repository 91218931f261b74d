/**
 * Trains the local grader's calibration models and writes content/grader/weights.json.
 *
 * Data: the Mohler short-answer set (human grades 0–5) for short technical answers, and our
 * own graded behavioral, system-design and communication examples for interview answers
 * (content/grader/graded-examples.jsonl). Validation is leave-one-assignment-out: every
 * fold is scored by a model that never saw those questions, the way the evaluator meets new
 * questions in use. Ridge penalties are chosen by a nested leave-one-assignment-out inside
 * each training fold. Deterministic: no randomness anywhere, rows are read in file order.
 *
 * Run: npm run train:grader [-- --data FILE.jsonl] [--lambda N] [--dry-run]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementFigures } from '../src/core/evaluation/calibrate.js';
import {
  crossValidateByGroup,
  predictRow,
  selectPenalties,
  trainGrader,
  type ModelKind,
  type Penalties,
  type TrainingRow,
} from '../src/core/evaluation/training.js';
import { loadLexicon, loadWordVectors } from '../src/server/ai/local-evaluator.js';
import { createWinkTextAnalyzer } from '../src/server/ai/wink-text-analyzer.js';
import { readGradedAnswers, toTrainingRows, type GradedAnswer } from './grading-data.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    // The shared data folder sits beside the checkout (../shared), as on the team's machines and CI.
    data: { type: 'string', default: join(root, '..', 'shared', 'data', 'asag', 'mohler-dev.jsonl') },
    examples: { type: 'string', default: join(root, 'content', 'grader', 'graded-examples.jsonl') },
    /** Graded answers of every kind to the bank's questions (content/grader/graded-answers.jsonl). */
    graded: { type: 'string', default: join(root, 'content', 'grader', 'graded-answers.jsonl') },
    /** Fixed ridge penalty for every model; by default each is chosen by nested validation. */
    lambda: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'content', 'grader', 'weights.json') },
  },
});
const fixed = values.lambda !== undefined ? Number(values.lambda) : undefined;
const penaltiesFor = (rows: readonly TrainingRow[]): Penalties =>
  fixed !== undefined ? { shortAnswer: fixed, longForm: fixed, withoutReference: fixed } : selectPenalties(rows);

const fmt = (f: AgreementFigures): string =>
  `n=${String(f.n).padStart(4)}  r=${f.pearson.toFixed(3)}  rho=${f.spearman.toFixed(3)}  RMSE=${f.rmse.toFixed(3)}`;

function crossValidate(rows: readonly TrainingRow[], label: string, prefix: string, kind?: ModelKind): AgreementFigures | null {
  const groups = [...new Set(rows.filter((r) => r.group.startsWith(prefix)).map((r) => r.group))];
  if (groups.length === 0) return null;
  const cv = crossValidateByGroup(
    rows,
    (train) => trainGrader(train, 'cv', penaltiesFor(train)),
    (w, r) => predictRow(w, r, kind),
    groups,
  );
  console.log(`\n${label} — leave one assignment out (0–5 scale)`);
  for (const f of cv.folds) console.log(`  ${f.group.padEnd(32)} ${fmt(f)}`);
  console.log(`  ${'overall'.padEnd(32)} ${fmt(cv.overall)}`);
  return cv.overall;
}

async function main(): Promise<void> {
  const answers: GradedAnswer[] = readGradedAnswers(values.data!, 'mohler');
  const haveExamples = existsSync(values.examples!);
  if (haveExamples) answers.push(...readGradedAnswers(values.examples!, 'examples'));
  const haveGraded = existsSync(values.graded!);
  if (haveGraded) answers.push(...readGradedAnswers(values.graded!, 'graded'));
  const res = { analyze: createWinkTextAnalyzer(), vectors: await loadWordVectors(), lexicon: await loadLexicon() };
  if (!res.vectors) console.warn('word vectors missing: run scripts/build-embeddings.ts first (training lexical-only)');
  const rows = toTrainingRows(answers, res);

  const mohler = crossValidate(rows, 'Mohler short answers (short-answer model)', 'mohler:');
  const examples = crossValidate(rows, 'Graded examples: behavioral, system design, communication (long-form model)', 'examples:');
  const graded = haveGraded ? crossValidate(rows, 'Graded answers of every kind to bank questions', 'graded:') : null;
  const noRefMohler = crossValidate(rows, 'Mohler without the reference answer (question-only model)', 'mohler:', 'withoutReference');

  const penalties = penaltiesFor(rows);
  const weights = trainGrader(rows, versionOf(rows), penalties);
  weights.training = {
    data: [
      'mohler-dev.jsonl (assignments 1-6)',
      haveExamples ? 'content/grader/graded-examples.jsonl' : null,
      haveGraded ? 'content/grader/graded-answers.jsonl' : null,
    ].filter(Boolean),
    rows: rows.length,
    penalties,
    protocol: 'leave one assignment out; ridge penalty chosen by nested leave-one-assignment-out',
    crossValidated: { mohler, examples, graded, mohlerWithoutReference: noRefMohler },
  };
  for (const kind of ['shortAnswer', 'longForm', 'withoutReference'] as const) {
    const m = weights[kind];
    console.log(
      `\n${kind} (lambda ${penalties[kind]}): intercept=${m.intercept.toFixed(3)} ${m.features.map((f, i) => `${f}=${m.coef[i]!.toFixed(3)}`).join(' ')}`,
    );
  }
  if (values['dry-run']) return;
  writeFileSync(values.out!, `${JSON.stringify(weights, roundNumbers, 2)}\n`);
  console.log(`\nwrote ${values.out}`);
}

/** The version names the training set, so an evaluation records which weights scored it. */
function versionOf(rows: readonly TrainingRow[]): string {
  let h = 2166136261;
  for (const r of rows) for (const c of `${r.id}:${r.grade}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `ridge-${rows.length}-${h.toString(16).padStart(8, '0')}`;
}

function roundNumbers(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v;
}

await main();
