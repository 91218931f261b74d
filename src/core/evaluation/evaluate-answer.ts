import { MAX_ANSWER_CHARS, type DimensionScores, type Evaluation, type GrammarIssue } from '../../contract/interviews.js';
import { contentTokens, type AnalyzedText, type TextAnalyzer } from './analyzed-text.js';
import { checkAptitudeAnswer, findNumbers, type AptitudeCheck } from './aptitude.js';
import { applyCalibration, type GraderWeights, type LinearModel } from './calibrate.js';
import { consistencyCap, explainScore, type ScoreExplanation } from './explain.js';
import { extractFeatures, type AnswerFeatures, type FeatureValues } from './features.js';
import { focusAnswer } from './focus.js';
import { writeFeedback } from './feedback.js';
import { isLikelyTermOfArt, selectGrammarIssues, type GrammarChecker } from './grammar.js';
import { checkGuards, stripGraderInstructions, TOPIC_MIN_WORDS, type GuardHit } from './guards.js';
import type { KeyPointModel } from './key-point-model.js';
import { restateKeyPoint, splitReferenceIntoPoints, type KeyPointCoverage } from './key-points.js';
import type { AnswerEvaluator, EvaluationInput } from './types.js';
import type { Lexicon } from './lexicon.js';
import type { TopicIndex } from './topic-index.js';
import type { WordVectors } from './word-vectors.js';

/** What the local engine needs; the server side loads it (files, WASM) and passes it in. */
export interface EvaluatorResources {
  analyze: TextAnalyzer;
  weights: GraderWeights;
  vectors?: WordVectors;
  /** Domain thesaurus (content/grader/thesaurus.json): equivalences, abbreviations, antonyms. */
  lexicon?: Lexicon;
  /** Optional: bulk grading skips it (it is the slowest and largest part). */
  grammar?: GrammarChecker;
  /** Trained key-point states (content/grader/keypoint-model.json); without it the thresholds decide. */
  keyPointModel?: KeyPointModel;
  /** The question bank's topics (relevance as a ranking); without it relevance is judged against the question alone. */
  topics?: TopicIndex;
  engineVersion: string;
}

/** Everything scoring derived from one answer, before grammar checking. */
export interface ScoredAnswer {
  features: AnswerFeatures;
  guards: GuardHit[];
  aptitude: AptitudeCheck | null;
  /** 0–5, the calibrated model's grade before caps. */
  grade: number;
  /** 0–100 after type rules, guard caps and the consistency cap. */
  score: number;
  contentScore: number;
  answer: AnalyzedText;
  hasReference: boolean;
  /** Dimensions before grammar adjusts clarity. */
  dimensions: DimensionScores;
  explanation: ScoreExplanation;
  /** Key points as reported to the candidate; grading and guards use features.keyPoints (threshold states). */
  keyPoints: KeyPointCoverage[];
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
  /** A written reference answer, not only key points. */
  hasReferenceText: boolean;
  referenceContentWords: number;
  /** Scored by the long-form (interview answer) model rather than the short-answer one. */
  longForm: boolean;
  /** The reference answer and key points, analyzed: what the answer is checked against. */
  truth: AnalyzedText[];
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
  res: Pick<EvaluatorResources, 'analyze' | 'vectors' | 'lexicon' | 'topics'>,
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
    { lexicon: res.lexicon, topics: res.topics },
  );
  return {
    features,
    answer,
    cleanedAnswer: injection.cleaned,
    injection: injection.found,
    hasReference,
    hasReferenceText: reference !== undefined,
    referenceContentWords,
    longForm,
    truth: [...(reference ? [reference] : []), ...keyPoints],
  };
}

export function guardAnswer(a: GradingAnalysis, input: EvaluationInput, aptitude: boolean): GuardHit[] {
  return checkGuards({
    question: input.question,
    explanationExpected: a.longForm,
    answer: a.answer,
    features: a.features,
    hasReference: a.hasReference,
    hasReferenceText: a.hasReferenceText,
    referenceContentWords: a.referenceContentWords,
    aptitude,
    injection: a.injection,
    truth: a.truth,
  });
}

export function scoreAnswer(
  input: EvaluationInput,
  res: EvaluatorResources,
  analyzeShared: TextAnalyzer = res.analyze,
  options: { focus?: boolean } = {},
): ScoredAnswer {
  const analysis = analyzeAnswer(input, res, analyzeShared);
  const { features, answer, cleanedAnswer, hasReference, longForm } = analysis;
  // Key points without a model answer (questions written from a resume) have their own model:
  // the long-form one leans on agreement with a reference and read the missing one as a poor answer.
  const kind = !hasReference
    ? 'withoutReference'
    : !analysis.hasReferenceText && res.weights.keyPointsOnly
      ? 'keyPointsOnly'
      : longForm
        ? 'longForm'
        : 'shortAnswer';
  const model = res.weights[kind]!;
  const span = res.weights.scale.max - res.weights.scale.min;
  const pointsPerUnit = 100 / span;
  const linear = rawPrediction(model, features.values);
  // The monotone calibration stretches the ridge model's shrunken range back to human grades.
  const calibrated = applyCalibration(res.weights.calibration?.[kind], linear);
  const grade = Math.min(res.weights.scale.max, Math.max(res.weights.scale.min, calibrated));
  // Unclipped, so the explanation's lines add up; clipped below.
  const rawModel = (calibrated - res.weights.scale.min) * pointsPerUnit;
  const calibrationShift = (calibrated - linear) * pointsPerUnit;
  let contentScore = ((grade - res.weights.scale.min) / span) * 100;

  let aptitude: AptitudeCheck | null = null;
  let override: { label: string; score: number } | undefined;
  if (input.type === 'aptitude' && input.expectedAnswer?.trim()) {
    aptitude = checkAptitudeAnswer(cleanedAnswer, input.expectedAnswer, input.question);
    // The result decides most of an aptitude score; the working earns the rest. Without a
    // reference solution to compare with, shown steps (several numbers) stand in for it.
    const steps = findNumbers(cleanedAnswer).length;
    const working = hasReference ? clip01(contentScore / 100) : clip01((steps - 1) / 4);
    contentScore = aptitude.correct ? 70 + 30 * working : Math.min(35, (aptitude.mentioned ? 15 : 5) + 25 * working);
    override = {
      label: aptitude.correct ? 'Correct result, plus the working shown' : 'Result does not match the expected answer',
      score: contentScore,
    };
  }

  const guards = guardAnswer(analysis, input, aptitude !== null);
  if (aptitude && !aptitude.correct && features.style.words > 0) {
    guards.push({
      kind: 'wrong_result',
      cap: 35,
      message: 'Recheck the calculation: the final result is not the expected one.',
      detail: aptitude.finalAnswer ? `The final answer ${aptitude.finalAnswer} is not correct.` : 'No final result is given.',
    });
  }
  const settle = () => {
    const cap = guards.reduce((c, g) => Math.min(c, g.cap), 100);
    const dimensions = scoreDimensions(features, guards, aptitude, contentScore, cap);
    // The overall may not run far ahead of the weakest dimension shown beside it.
    // Only where key points are a rubric for a full answer: a short reference split into clauses
    // is too rough a checklist to hold a one-line answer down (it cost r 0.04 on Mohler).
    const consistency = hasReference && longForm && !aptitude ? consistencyCap(dimensions) : null;
    const score = Math.round(Math.min(cap, consistency?.cap ?? 100, Math.max(0, Math.min(100, contentScore))));
    return { dimensions, consistency, score };
  };
  let { dimensions, consistency, score } = settle();
  // Padding cannot raise a score: graded again on only the sentences that make a point about
  // the question, the full answer may not score higher (focus.ts).
  if (options.focus !== false && !aptitude && hasReference && score > 0) {
    const padding = paddingGuard(input, res, analyzeShared, analysis, score);
    if (padding) {
      guards.push(padding);
      ({ dimensions, consistency, score } = settle());
    }
  }
  const explanation = explainScore({
    model: override ? null : model,
    values: features.values,
    pointsPerUnit,
    raw: override ? contentScore : rawModel,
    calibrationShift: override ? 0 : calibrationShift,
    guards,
    consistency,
    override,
    final: score,
  });
  const keyPoints = reconcileWithGuards(
    features.keyPoints.map((k) => restateKeyPoint(k, res.keyPointModel)),
    guards,
    features.style.words,
  );
  return { features, guards, aptitude, grade, score, contentScore, answer, hasReference, dimensions, explanation, keyPoints };
}

function paddingGuard(
  input: EvaluationInput,
  res: EvaluatorResources,
  analyzeShared: TextAnalyzer,
  analysis: GradingAnalysis,
  score: number,
): GuardHit | null {
  const reference = input.referenceAnswer?.trim() ? analyzeShared(input.referenceAnswer) : undefined;
  const pointTexts = input.keyPoints && input.keyPoints.length > 0 ? input.keyPoints : reference ? splitReferenceIntoPoints(reference) : [];
  const focused = focusAnswer(
    analysis.answer,
    {
      question: analyzeShared(input.question),
      reference,
      keyPoints: pointTexts.map((p) => analyzeShared(p)),
      behavioral: input.type === 'behavioral' || input.type === 'communication',
    },
    analysis.features.keyPoints,
    res,
  );
  if (!focused) return null;
  // What the model alone gives the focused sentences: guards that read length or form ("too
  // short") judge the answer as given, on the full text, and are not repeated here.
  const alone = Math.round(scoreAnswer({ ...input, answer: focused.text }, res, analyzeShared, { focus: false }).contentScore);
  if (alone >= score) return null;
  const n = focused.dropped;
  return {
    kind: 'padding',
    cap: alone,
    message: 'Leave out sentences that make no point about the question: they do not add to an answer.',
    detail: `${n} sentence${n === 1 ? '' : 's'} say${n === 1 ? 's' : ''} nothing about the question; the answer is scored on the rest.`,
  };
}

function rawPrediction(model: LinearModel, values: FeatureValues): number {
  let y = model.intercept;
  model.features.forEach((f, i) => (y += model.coef[i]! * ((values[f] - model.mean[i]!) / model.scale[i]!)));
  return y;
}

/**
 * The five dimensions. Content comes before form: clarity and structure describe how clearly
 * the answer communicates its content, so they scale with how much content there is — a
 * fluent sentence with nothing in it is not clear communication of anything.
 */
function scoreDimensions(
  features: AnswerFeatures,
  guards: readonly GuardHit[],
  aptitude: AptitudeCheck | null,
  contentScore: number,
  capped: number,
): DimensionScores {
  const f = features.values;
  const st = features.style;
  const relevance = aptitude?.correct
    ? 1
    : clip01(
        0.35 * f.topicShare +
          0.3 * Math.max(f.ansPrecision, f.topicFit) +
          0.2 * Math.max(f.questionCosine, f.refCosine) +
          0.15 * (1 - f.questionShare),
      );
  const completeness = aptitude
    ? (aptitude.correct ? 0.7 : 0.2) + 0.3 * clip01(f.kpMean)
    : clip01(0.7 * f.kpState + 0.3 * f.kpMean + (f.lenRatio < -1.5 ? -0.1 : 0));
  const correctness = clip01((contentScore / 100) * (1 - 0.8 * Math.max(f.contradiction, f.claimConflicts)));
  const substance = clip01(Math.min(contentScore, capped) / 70);
  const delivery = clip01(
    0.95 -
      Math.min(0.3, st.hedgeRate * 0.03) -
      Math.min(0.3, st.fillerRate * 0.05) -
      (st.wordsPerSentence > 32 ? 0.1 : 0) -
      (st.readingEase < 20 ? 0.1 : 0) -
      (st.words < 8 ? 0.4 : 0),
  );
  const clarity = delivery * (0.3 + 0.7 * substance);
  // A short direct answer is organized by being short; longer ones need visible order.
  // An answer that makes the key points one after another is organized by them, whether or
  // not it uses connectives or short sentences (well-made paragraphs were shown as "weak
  // structure" and the overall held down by it).
  const byPoints = st.sentences >= 2 ? 0.35 + 0.5 * clip01(f.kpState) : 0;
  const organization = Math.max(st.words < 40 ? Math.max(0.75, f.structure) : f.structure, byPoints);
  const form = features.star ? clip01(0.65 * features.star.score + 0.35 * organization) : organization;
  const structure = form * (0.3 + 0.7 * substance);
  void guards;
  const pct = (x: number): number => Math.round(Math.min(capped, x * 100));
  return {
    relevance: pct(relevance),
    correctness: pct(correctness),
    completeness: pct(completeness),
    clarity: pct(clarity),
    structure: pct(structure),
  };
}

/** Grammar issues lower clarity (delivery), never content. */
function withGrammar(d: DimensionScores, words: number, grammar: readonly GrammarIssue[] | null): DimensionScores {
  if (!grammar || grammar.length === 0 || words === 0) return d;
  const per100 = (grammar.length * 100) / words;
  return { ...d, clarity: Math.max(0, d.clarity - Math.round(Math.min(30, per100 * 6))) };
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

/**
 * The key points must tell the same story as the guards: an answer held down as being about
 * another subject, as a non-answer or as a restated question makes none of the points, however
 * much vocabulary the matcher found; a bare list of terms names points without making them.
 */
export function reconcileWithGuards(keyPoints: KeyPointCoverage[], guards: readonly GuardHit[], words = 0): KeyPointCoverage[] {
  const kinds = new Set(guards.map((g) => g.kind));
  const none = guards.some((g) => g.kind === 'off_topic' && g.cap <= 10 && !g.keepsKeyPoints);
  if (kinds.has('non_answer') || kinds.has('restated_question')) {
    const note = 'The answer does not make this point.';
    return keyPoints.map((k) => ({ ...k, state: 'missed', covered: false, evidence: [], note }));
  }
  if (none) {
    // The topic guards read the answer as a whole and misjudge short, plain answers (one or two
    // sentences that make the point in their own words): there a point the matcher found fully
    // made, with its evidence, is shown as partly made rather than missed, so nobody is told they
    // missed what they said. The score stays held down by the guard. A longer answer on another
    // subject shares enough general vocabulary to fool the matcher, so its points stay missed.
    // A point the matcher is unsure of in such a short answer ("partly") is as often made in words
    // it does not know as not made at all (8 of 16 in our judgements), so it is not called missed.
    return keyPoints.map((k) =>
      words < TOPIC_MIN_WORDS && k.state === 'covered' && k.evidence.length > 0
        ? { ...k, state: 'partly', note: 'Found here, though the answer as a whole reads as being about another subject.' }
        : words < TOPIC_MIN_WORDS && k.state === 'partly'
          ? { ...k, note: 'Not clearly made, and the answer as a whole reads as being about another subject.' }
          : { ...k, state: 'missed', covered: false, evidence: [], note: 'The answer is about another subject.' },
    );
  }
  if (kinds.has('keyword_list')) {
    return keyPoints.map((k) => (k.state === 'covered' ? { ...k, state: 'partly', note: 'Named in a list of terms, not explained.' } : k));
  }
  return keyPoints;
}

export function composeEvaluation(
  input: EvaluationInput,
  s: ScoredAnswer,
  grammar: readonly GrammarIssue[] | null,
  engineVersion: string,
): Evaluation {
  const feedback = writeFeedback({
    features: { ...s.features, keyPoints: s.keyPoints },
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
    dimensions: withGrammar(s.dimensions, s.features.style.words, grammar),
    strengths: feedback.strengths,
    improvements: feedback.improvements,
    // Partly made points count as covered in this yes/no view: "missing" lists only points
    // the answer does not make at all (or contradicts); keyPoints carries the three states.
    coveredKeyPoints: s.keyPoints.filter((k) => k.state !== 'missed').map((k) => k.text),
    missingKeyPoints: s.keyPoints.filter((k) => k.state === 'missed').map((k) => k.text),
    keyPoints: s.keyPoints.map((k) => ({
      keyPoint: k.text,
      state: k.state,
      evidence: k.evidence,
      ...(k.note ? { note: k.note } : {}),
    })),
    guards: s.guards.map((g) => ({ kind: g.kind, detail: g.detail, cap: g.cap })),
    scoreFactors: [{ label: 'Baseline: an average graded answer', effect: s.explanation.baseline }, ...s.explanation.factors],
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
