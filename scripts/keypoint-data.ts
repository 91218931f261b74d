/**
 * The labelled key-point judgements, run through the matcher once: shared by
 * scripts/train-keypoints.ts and bench/keypoints.bench.ts. Never load content/grader/holdout/
 * here while developing: that is the final test.
 */
import { readFileSync } from 'node:fs';
import type { KeyPointState } from '../src/contract/interviews.js';
import { contentTokens, type AnalyzedText } from '../src/core/evaluation/analyzed-text.js';
import { toAlignWords, type AlignWord } from '../src/core/evaluation/alignment.js';
import { answerUnits, type AnswerUnits } from '../src/core/evaluation/answer-units.js';
import {
  chooseMissedThreshold,
  stateFromModel,
  keyPointFeatureVector,
  keyPointProbabilities,
  trainKeyPointModel,
  type KeyPointSignals,
} from '../src/core/evaluation/key-point-model.js';
import { judgeKeyPoints, type KeyPointThresholds } from '../src/core/evaluation/key-points.js';
import type { Lexicon } from '../src/core/evaluation/lexicon.js';
import type { WordVectors } from '../src/core/evaluation/word-vectors.js';
import { loadLexicon, loadWordVectors } from '../src/server/ai/local-evaluator.js';
import { createWinkTextAnalyzer } from '../src/server/ai/wink-text-analyzer.js';

export interface Judgement {
  id: string;
  question_id: string;
  question: string;
  key_point: string;
  answer: string;
  state: KeyPointState;
}

export interface Prepared {
  row: Judgement;
  point: AnalyzedText;
  answer: AnalyzedText;
  units: AnswerUnits;
  answerWords: AlignWord[];
  questionLemmas: Set<string>;
}

export interface KeyPointData {
  rows: Judgement[];
  prepared: Prepared[];
  /**
   * Training only: each key point against an answer to another question, certainly missed.
   * The labelled answers are all on topic, so without these the model never sees a point an
   * answer does not touch at all.
   */
  offTopic: Prepared[];
  vectors: WordVectors | undefined;
  lexicon: Lexicon | undefined;
}

/** `file` may name several files, comma-separated: their judgements are read as one set. */
export async function loadKeyPointData(file: string): Promise<KeyPointData> {
  const rows: Judgement[] = file
    .split(',')
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Judgement);
  const analyze = createWinkTextAnalyzer();
  const vectors = await loadWordVectors();
  const lexicon = await loadLexicon();
  const prepared = rows.map((row) => {
    const question = analyze(row.question);
    const questionLemmas = new Set(contentTokens(question).flatMap((t) => [t.lemma, t.normal]));
    const answer = analyze(row.answer);
    const answerWords = toAlignWords(contentTokens(answer), vectors, undefined, lexicon).filter(
      (w) => !questionLemmas.has(w.lemma) && !questionLemmas.has(w.normal),
    );
    return { row, point: analyze(row.key_point), answer, units: answerUnits(answer, vectors, lexicon), answerWords, questionLemmas };
  });
  const questions = [...new Set(rows.map((r) => r.question_id))];
  const byQuestion = questions.map((q) => prepared.filter((p) => p.row.question_id === q));
  const offTopic = (questions.length > 1 ? prepared : []).map((p, i) => {
    const q = questions.indexOf(p.row.question_id);
    const other = byQuestion[(q + 1 + (i % (questions.length - 1))) % questions.length]!;
    const a = other[i % other.length]!;
    const answerWords = a.answer.tokens.length > 0 ? toAlignWords(contentTokens(a.answer), vectors, undefined, lexicon) : [];
    return {
      ...p,
      row: { ...p.row, id: `${p.row.id}-offtopic`, answer: a.row.answer, state: 'missed' as const },
      answer: a.answer,
      units: a.units,
      answerWords: answerWords.filter((w) => !p.questionLemmas.has(w.lemma) && !p.questionLemmas.has(w.normal)),
    };
  });
  return { rows, prepared, offTopic, vectors, lexicon };
}

export function judgeOne(d: KeyPointData, p: Prepared, thresholds?: KeyPointThresholds) {
  return judgeKeyPoints([p.point], p.answer, p.units, p.answerWords, {
    vectors: d.vectors,
    lexicon: d.lexicon,
    questionLemmas: p.questionLemmas,
    rubric: true,
    thresholds,
  })[0]!;
}

/** Groups of row indices, one per question, in a fixed order. */
export function questionGroups(rows: readonly Judgement[]): number[][] {
  const by = new Map<string, number[]>();
  rows.forEach((r, i) => by.set(r.question_id, [...(by.get(r.question_id) ?? []), i]));
  return [...by.values()];
}

/**
 * Fits on `train` and picks the "missed" threshold from held-out probabilities of an inner
 * question-grouped split of `train` (the rows it is applied to never choose it).
 */
export function fitWithThreshold(
  x: number[][],
  y: KeyPointState[],
  groups: number[][],
  train: Set<number>,
  nReal = x.length,
  innerFolds = 5,
  target = 0.95,
) {
  const inner = groups.filter((g) => train.has(g[0]!));
  const probs: number[][] = [];
  const gold: KeyPointState[] = [];
  for (let f = 0; f < innerFolds; f++) {
    const test = inner.filter((_, k) => k % innerFolds === f).flat();
    const fit = inner.filter((_, k) => k % innerFolds !== f).flat();
    const m = trainKeyPointModel(
      fit.map((i) => x[i]!),
      fit.map((i) => y[i]!),
    );
    for (const i of test) {
      if (i >= nReal) continue;
      probs.push(keyPointProbabilities(m, x[i]!));
      gold.push(y[i]!);
    }
  }
  const all = [...train];
  const model = trainKeyPointModel(
    all.map((i) => x[i]!),
    all.map((i) => y[i]!),
  );
  return { model, missedThreshold: chooseMissedThreshold(probs, gold, target) };
}

/**
 * Leave-question-out predictions of the trained classifier on the labelled rows (the first
 * `nReal`): each question judged by a model that never saw it; rows past nReal only train.
 */
export function crossValidateModel(signals: readonly KeyPointSignals[], y: KeyPointState[], rows: readonly Judgement[], nReal = y.length) {
  const x = signals.map(keyPointFeatureVector);
  const groups = questionGroups(rows);
  const pred = new Array<KeyPointState>(nReal);
  const thresholds: number[] = [];
  for (const g of groups) {
    const held = new Set(g);
    const train = new Set(y.map((_, i) => i).filter((i) => !held.has(i)));
    const { model, missedThreshold } = fitWithThreshold(x, y, groups, train, nReal);
    thresholds.push(missedThreshold);
    for (const i of g) if (i < nReal) pred[i] = stateFromModel({ ...model, missedThreshold }, signals[i]!);
  }
  return { pred, thresholds };
}

/** Signals, states and rows of the labelled judgements followed by the off-topic pairs. */
export function trainingSet(d: KeyPointData) {
  const all = [...d.prepared, ...d.offTopic];
  return {
    signals: all.map((p) => judgeOne(d, p).signals),
    y: all.map((p) => p.row.state),
    rows: all.map((p) => p.row),
    nReal: d.prepared.length,
  };
}
