import { MAX_ANSWER_CHARS, type DimensionScores, type Evaluation, type GrammarIssue } from '../../contract/interviews.js';
import { contentTokens, type AnalyzedText, type TextAnalyzer } from './analyzed-text.js';
import { checkAptitudeAnswer, findNumbers, type AptitudeCheck } from './aptitude.js';
import { predictGrade, type GraderWeights } from './calibrate.js';
import { extractFeatures, type AnswerFeatures } from './features.js';
import { writeFeedback } from './feedback.js';
import { isLikelyTermOfArt, selectGrammarIssues, type GrammarChecker } from './grammar.js';
import { checkGuards, stripGraderInstructions, type GuardHit } from './guards.js';
import { splitReferenceIntoPoints } from './key-points.js';
import type { AnswerEvaluator, EvaluationInput } from './types.js';
import type { WordVectors } from './word-vectors.js';

/** What the local engine needs; the server side loads it (files, WASM) and passes it in. */
export interface EvaluatorResources {
  analyze: TextAnalyzer;
  weights: GraderWeights;
  vectors?: WordVectors;
  /** Optional: bulk grading skips it (it is the slowest and largest part). */
  grammar?: GrammarChecker;
  engineVersion: string;
}

/** Everything scoring derived from one answer, before grammar checking. */
export interface ScoredAnswer {
  features: AnswerFeatures;
  guards: GuardHit[];
  aptitude: AptitudeCheck | null;
  /** 0–5, the calibrated model's grade before caps. */
  grade: number;
  /** 0–100 after type rules and guard caps. */
  score: number;
  contentScore: number;
  answer: AnalyzedText;
  hasReference: boolean;
}

const ANALYSIS_CACHE_SIZE = 512;

/**
 * Analyzes question-side texts once: in an interview or a bulk run many answers share a
 * question, reference and key points.
 */
export function createCachedAnalyzer(analyze: TextAnalyzer): TextAnalyzer {
  const cache = new Map<string, AnalyzedText>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const a = analyze(text);
    cache.set(text, a);
    if (cache.size > ANALYSIS_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return a;
  };
}

const clip01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The analyzed task and its features: the part of scoring that training also needs. */
export interface GradingAnalysis {
  features: AnswerFeatures;
  answer: AnalyzedText;
  cleanedAnswer: string;
  injection: boolean;
  hasReference: boolean;
  referenceContentWords: number;
  /** Scored by the long-form (interview answer) model rather than the short-answer one. */
  longForm: boolean;
}

/**
 * Interview answers — behavioral, system design, communication, and any question whose
 * reference is a full explanation (≥ 30 content words) — are graded by the long-form model.
 * Short references (a sentence or two, like the short-answer training data) get the
 * short-answer model. Each model then only meets the kind of task it was trained on.
 */
export const LONG_REFERENCE_CONTENT_WORDS = 30;

export function isLongFormTask(type: EvaluationInput['type'], referenceContentWords: number): boolean {
  return (
    type === 'behavioral' || type === 'system_design' || type === 'communication' || referenceContentWords >= LONG_REFERENCE_CONTENT_WORDS
  );
}

export function analyzeAnswer(
  input: EvaluationInput,
  res: Pick<EvaluatorResources, 'analyze' | 'vectors'>,
  analyzeShared: TextAnalyzer = res.analyze,
): GradingAnalysis {
  const raw = input.answer.slice(0, MAX_ANSWER_CHARS);
  const injection = stripGraderInstructions(raw, input.question, input.referenceAnswer);
  const answer = res.analyze(injection.cleaned);
  const question = analyzeShared(input.question);
  const referenceText = input.referenceAnswer?.trim() ? input.referenceAnswer : undefined;
  const reference = referenceText ? analyzeShared(referenceText) : undefined;
  const pointTexts = input.keyPoints && input.keyPoints.length > 0 ? input.keyPoints : reference ? splitReferenceIntoPoints(reference) : [];
  const keyPoints = pointTexts.map((p) => analyzeShared(p));
  const hasReference = reference !== undefined || (input.keyPoints?.length ?? 0) > 0;
  const behavioral = input.type === 'behavioral';
  const referenceContentWords = reference ? contentTokens(reference).length : keyPoints.reduce((n, k) => n + contentTokens(k).length, 0);
  const longForm = isLongFormTask(input.type, referenceContentWords);
  const features = extractFeatures(
    { question, reference, keyPoints, explicitKeyPoints: (input.keyPoints?.length ?? 0) > 0, answer, behavioral, longForm },
    res.vectors,
  );
  return { features, answer, cleanedAnswer: injection.cleaned, injection: injection.found, hasReference, referenceContentWords, longForm };
}

export function guardAnswer(a: GradingAnalysis, input: EvaluationInput, aptitude: boolean): GuardHit[] {
  return checkGuards({
    question: input.question,
    explanationExpected: a.longForm,
    answer: a.answer,
    features: a.features,
    hasReference: a.hasReference,
    referenceContentWords: a.referenceContentWords,
    aptitude,
    injection: a.injection,
  });
}

export function scoreAnswer(input: EvaluationInput, res: EvaluatorResources, analyzeShared: TextAnalyzer = res.analyze): ScoredAnswer {
  const analysis = analyzeAnswer(input, res, analyzeShared);
  const { features, answer, cleanedAnswer, hasReference, longForm } = analysis;
  const model = !hasReference ? res.weights.withoutReference : longForm ? res.weights.longForm : res.weights.shortAnswer;
  const grade = predictGrade(model, features.values, res.weights.scale);
  const span = res.weights.scale.max - res.weights.scale.min;
  let contentScore = ((grade - res.weights.scale.min) / span) * 100;

  let aptitude: AptitudeCheck | null = null;
  if (input.type === 'aptitude' && input.expectedAnswer?.trim()) {
    aptitude = checkAptitudeAnswer(cleanedAnswer, input.expectedAnswer, input.question);
    // The result decides most of an aptitude score; the working earns the rest. Without a
    // reference solution to compare with, shown steps (several numbers) stand in for it.
    const steps = findNumbers(cleanedAnswer).length;
    const working = hasReference ? clip01(contentScore / 100) : clip01((steps - 1) / 4);
    contentScore = aptitude.correct ? 70 + 30 * working : Math.min(35, (aptitude.mentioned ? 15 : 5) + 25 * working);
  }

  const guards = guardAnswer(analysis, input, aptitude !== null);
  const cap = guards.reduce((c, g) => Math.min(c, g.cap), 100);
  const score = Math.round(Math.min(cap, Math.max(0, Math.min(100, contentScore))));
  return { features, guards, aptitude, grade, score, contentScore, answer, hasReference };
}

function scoreDimensions(s: ScoredAnswer, grammar: readonly GrammarIssue[] | null): DimensionScores {
  const f = s.features.values;
  const st = s.features.style;
  const capped = s.guards.reduce((c, g) => Math.min(c, g.cap), 100);
  const relevance = s.aptitude?.correct
    ? 1
    : clip01(0.45 * Math.max(f.ansPrecision, f.topicFit) + 0.35 * Math.max(f.questionCosine, f.refCosine) + 0.2 * (1 - f.questionShare));
  const completeness = s.aptitude
    ? (s.aptitude.correct ? 0.7 : 0.2) + 0.3 * clip01(f.kpMean)
    : clip01(0.55 * f.kpCovered + 0.45 * f.kpMean + (f.lenRatio < -1.5 ? -0.15 : 0));
  const grammarPer100 = grammar && st.words > 0 ? (grammar.length * 100) / st.words : 0;
  const clarity = clip01(
    0.95 -
      Math.min(0.3, st.hedgeRate * 0.03) -
      Math.min(0.3, st.fillerRate * 0.05) -
      Math.min(0.3, grammarPer100 * 0.06) -
      (st.wordsPerSentence > 32 ? 0.1 : 0) -
      (st.readingEase < 20 ? 0.1 : 0) -
      (st.words < 8 ? 0.4 : 0),
  );
  const structure = s.features.star ? clip01(0.65 * s.features.star.score + 0.35 * f.structure) : f.structure;
  const pct = (x: number): number => Math.round(Math.min(capped, x * 100));
  return {
    relevance: pct(relevance),
    correctness: Math.round(Math.min(capped, s.contentScore)),
    completeness: pct(completeness),
    // Clarity and structure describe delivery; a non-answer has none to credit.
    clarity: pct(clarity),
    structure: pct(structure),
  };
}

function estimateConfidence(s: ScoredAnswer, input: EvaluationInput): number {
  if (s.guards.some((g) => g.cap <= 15)) return 0.9;
  let c = 0.45;
  if (s.hasReference) c += 0.15;
  if (input.keyPoints && input.keyPoints.length > 0) c += 0.1;
  if (s.aptitude) c += 0.2;
  c += 0.15 * s.features.vectorCoverage;
  const words = s.features.style.words;
  if (words < 10 || words > 600) c -= 0.1;
  // Scores in the middle of the range are where human graders disagree most as well.
  const mid = 1 - Math.abs(s.score - 50) / 50;
  c -= 0.1 * mid;
  return Math.round(clip01(c) * 100) / 100;
}

export function composeEvaluation(
  input: EvaluationInput,
  s: ScoredAnswer,
  grammar: readonly GrammarIssue[] | null,
  engineVersion: string,
): Evaluation {
  const feedback = writeFeedback({
    features: s.features,
    guards: s.guards,
    grammar: grammar ?? [],
    answerText: input.answer,
    contentScore: s.contentScore,
    aptitude: s.aptitude,
    expectedAnswer: input.expectedAnswer,
    hasReference: s.hasReference,
  });
  return {
    score: s.score,
    dimensions: scoreDimensions(s, grammar),
    strengths: feedback.strengths,
    improvements: feedback.improvements,
    coveredKeyPoints: s.features.keyPoints.filter((k) => k.covered).map((k) => k.text),
    missingKeyPoints: s.features.keyPoints.filter((k) => !k.covered).map((k) => k.text),
    grammar: grammar ? [...grammar] : [],
    star: s.features.star ? { found: s.features.star.found, missing: s.features.star.missing } : null,
    confidence: estimateConfidence(s, input),
    engine: 'local',
    engineVersion,
  };
}

export interface LocalEvaluatorOptions {
  /** Run the grammar checker (when resources include one). Default true. */
  grammar?: boolean;
}

/** The local engine over loaded resources: deterministic, no I/O of its own. */
export function createAnswerEvaluator(res: EvaluatorResources, options: LocalEvaluatorOptions = {}): AnswerEvaluator {
  const shared = createCachedAnalyzer(res.analyze);
  const grammarChecker = options.grammar === false ? undefined : res.grammar;
  const knownWords = (input: EvaluationInput): ((w: string) => boolean) => {
    const local = new Set(
      `${input.question} ${input.referenceAnswer ?? ''} ${(input.keyPoints ?? []).join(' ')}`.toLowerCase().split(/[^a-z0-9+#.-]+/),
    );
    const inVocabulary = (w: string) => res.vectors !== undefined && res.vectors.indexOf(w) >= 0;
    const common = (w: string) =>
      res.vectors !== undefined && w.length >= 3 && res.vectors.indexOf(w) >= 0 && res.vectors.rankOf(res.vectors.indexOf(w)) < 20_000;
    return (w) => local.has(w) || inVocabulary(w) || isLikelyTermOfArt(w, inVocabulary, common);
  };
  return {
    name: 'local',
    version: res.engineVersion,
    async evaluate(input) {
      const scored = scoreAnswer(input, res, shared);
      let grammar: GrammarIssue[] | null = null;
      if (grammarChecker && scored.features.style.words > 0) {
        const text = input.answer.slice(0, MAX_ANSWER_CHARS);
        grammar = selectGrammarIssues(text, await grammarChecker.check(text), knownWords(input));
      }
      return composeEvaluation(input, scored, grammar, res.engineVersion);
    },
  };
}
