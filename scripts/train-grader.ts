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
import { loadLexicon, loadTopicIndex, loadWordVectors } from '../src/server/ai/local-evaluator.js';
import { createWinkTextAnalyzer } from '../src/server/ai/wink-text-analyzer.js';
import { defaultMohlerPath, GENERATED_WEIGHT, readGradedAnswers, toTrainingRows, type GradedAnswer } from './grading-data.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    // The shared data folder sits beside the checkout (../shared), as on the team's machines and CI,
    // or beside the folder of worktrees (/work/wt/<name> → /work/shared).
    data: { type: 'string', default: defaultMohlerPath(root) },
    examples: { type: 'string', default: join(root, 'content', 'grader', 'graded-examples.jsonl') },
    /** Graded answers of every kind to the bank's questions (content/grader/graded-answers.jsonl). */
    graded: { type: 'string', default: join(root, 'content', 'grader', 'graded-answers.jsonl') },
    /** Hand-graded answers of the engine's failure kinds (content/grader/graded-failures.jsonl). */
    failures: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures.jsonl') },
    /** Second batch of hand-graded failure kinds (content/grader/graded-failures-2.jsonl). */
    failures2: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures-2.jsonl') },
    /** STAR answers to resume-templated questions that have key points and no reference (graded-failures-3.jsonl). */
    failures3: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures-3.jsonl') },
    /** Swapped-fact, neighbouring-topic and STAR off-topic answers, good and terse ones (graded-failures-4.jsonl). */
    failures4: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures-4.jsonl') },
    failures5: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures-5.jsonl') },
    /** Terse, good and confidently wrong answers to eight more unused bank questions (graded-failures-6.jsonl). */
    failures6: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures-6.jsonl') },
    /** Bad advice stated as fact and correct answers in unusual words, eight more unused questions (graded-failures-7.jsonl). */
    failures7: { type: 'string', default: join(root, 'content', 'grader', 'graded-failures-7.jsonl') },
    /** Rule-made variants (content/grader/generated-answers.jsonl): trained on, weighted lower, never reported. */
    generated: { type: 'string', default: join(root, 'content', 'grader', 'generated-answers.jsonl') },
    'generated-weight': { type: 'string', default: String(GENERATED_WEIGHT) },
    /** Fixed ridge penalty for every model; by default each is chosen by nested validation. */
    lambda: { type: 'string' },
    /** Fixed ridge penalties per model as JSON, e.g. '{"longForm":10}'; the others are chosen by nested validation. */
    penalties: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    /** Skip the cross-validation reports (the penalties are still chosen by nested validation). */
    'no-cv': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'content', 'grader', 'weights.json') },
  },
});
const fixed = values.lambda !== undefined ? Number(values.lambda) : undefined;
const fixedPerModel = values.penalties ? (JSON.parse(values.penalties) as Partial<Penalties>) : {};
const penaltiesFor = (rows: readonly TrainingRow[]): Penalties =>
  fixed !== undefined
    ? { shortAnswer: fixed, longForm: fixed, withoutReference: fixed, keyPointsOnly: fixed }
    : { ...selectPenalties(rows), ...fixedPerModel };

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
  // Same source as graded-answers, so a question's failure lines and rule-made variants fall in
  // its cross-validation group and are left out together with it.
  const haveFailures = existsSync(values.failures!);
  if (haveFailures) answers.push(...readGradedAnswers(values.failures!, 'graded'));
  const haveFailures2 = existsSync(values.failures2!);
  if (haveFailures2) answers.push(...readGradedAnswers(values.failures2!, 'graded'));
  const haveFailures3 = existsSync(values.failures3!);
  if (haveFailures3) answers.push(...readGradedAnswers(values.failures3!, 'graded'));
  const haveFailures4 = existsSync(values.failures4!);
  if (haveFailures4) answers.push(...readGradedAnswers(values.failures4!, 'graded'));
  const haveFailures5 = existsSync(values.failures5!);
  if (haveFailures5) answers.push(...readGradedAnswers(values.failures5!, 'graded'));
  const haveFailures6 = existsSync(values.failures6!);
  if (haveFailures6) answers.push(...readGradedAnswers(values.failures6!, 'graded'));
  const haveFailures7 = existsSync(values.failures7!);
  if (haveFailures7) answers.push(...readGradedAnswers(values.failures7!, 'graded'));
  const haveGenerated = existsSync(values.generated!) && Number(values['generated-weight']) > 0;
  if (haveGenerated) answers.push(...readGradedAnswers(values.generated!, 'graded').map((a) => ({ ...a, generated: true })));
  const vectors = await loadWordVectors();
  const res = {
    analyze: createWinkTextAnalyzer(),
    vectors,
    lexicon: await loadLexicon(),
    topics: await loadTopicIndex(undefined, vectors),
  };
  if (!res.vectors) console.warn('word vectors missing: run scripts/build-embeddings.ts first (training lexical-only)');
  const generatedWeight = Number(values['generated-weight']);
  const rows = toTrainingRows(answers, res, (a) => (a.generated ? generatedWeight : 1));

  const cv = !values['no-cv'];
  const mohler = cv ? crossValidate(rows, 'Mohler short answers (short-answer model)', 'mohler:') : null;
  const examples = cv
    ? crossValidate(rows, 'Graded examples: behavioral, system design, communication (long-form model)', 'examples:')
    : null;
  const graded = cv && haveGraded ? crossValidate(rows, 'Graded answers of every kind to bank questions', 'graded:') : null;
  const noRefMohler = cv
    ? crossValidate(rows, 'Mohler without the reference answer (question-only model)', 'mohler:', 'withoutReference')
    : null;

  const penalties = penaltiesFor(rows);
  const weights = trainGrader(rows, versionOf(rows), penalties);
  weights.training = {
    data: [
      'mohler-dev.jsonl (assignments 1-6)',
      haveExamples ? 'content/grader/graded-examples.jsonl' : null,
      haveGraded ? 'content/grader/graded-answers.jsonl' : null,
      haveFailures ? 'content/grader/graded-failures.jsonl' : null,
      haveFailures2 ? 'content/grader/graded-failures-2.jsonl' : null,
      haveFailures3 ? 'content/grader/graded-failures-3.jsonl' : null,
      haveFailures4 ? 'content/grader/graded-failures-4.jsonl' : null,
      haveFailures5 ? 'content/grader/graded-failures-5.jsonl' : null,
      haveFailures6 ? 'content/grader/graded-failures-6.jsonl' : null,
      haveFailures7 ? 'content/grader/graded-failures-7.jsonl' : null,
      haveGenerated ? `content/grader/generated-answers.jsonl (weight ${generatedWeight})` : null,
    ].filter(Boolean),
    rows: rows.length,
    handGradedRows: rows.filter((r) => !r.generated).length,
    penalties,
    protocol: 'leave one assignment out; ridge penalty chosen by nested leave-one-assignment-out',
    crossValidated: cv
      ? { mohler, examples, graded, mohlerWithoutReference: noRefMohler }
      : 'see npm run bench:grading (leave whole questions out)',
  };
  for (const kind of ['shortAnswer', 'longForm', 'withoutReference', 'keyPointsOnly'] as const) {
    const m = weights[kind];
    if (!m) continue;
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
