import { contentTokens, type AnalyzedText } from './analyzed-text.js';
import {
  alignWords,
  areAntonyms,
  meanVectorCosine,
  SOFT_FLOOR,
  toAlignWords,
  wordSimilarity,
  type Alignment,
  type AlignWord,
} from './alignment.js';
import { answerUnits, negationScope } from './answer-units.js';
import { checkClaims, type ClaimConflict } from './claims.js';
import { contradictByClaims, judgeKeyPoints, type KeyPointCoverage, type KeyPointThresholds } from './key-points.js';
import type { Lexicon } from './lexicon.js';
import { detectStar, type StarDetection } from './star.js';
import { measureStyle, type StyleSignals } from './style.js';
import { topicStanding, type TopicIndex, type TopicStanding } from './topic-index.js';
import type { WordVectors } from './word-vectors.js';

/** The analyzed parts of one grading task. */
export interface GradingTexts {
  question: AnalyzedText;
  reference?: AnalyzedText;
  /** Explicit key points, or the reference's clauses when there are none. */
  keyPoints: readonly AnalyzedText[];
  /** Whether keyPoints were written as a rubric (true) or derived from the reference. */
  explicitKeyPoints: boolean;
  answer: AnalyzedText;
  behavioral: boolean;
  /** Interview answers (behavioral, system design, communication) rather than short technical answers. */
  longForm: boolean;
}

/**
 * Feature names in a fixed order. The calibration model (content/grader/weights.json) names
 * the subset it uses, so features can be added without breaking older weight files.
 */
export const FEATURE_NAMES = [
  'refRecall',
  'refRecallExact',
  'ansPrecision',
  'ansPrecisionExact',
  'alignF1',
  'refCosine',
  'questionCosine',
  'questionShare',
  'kpMean',
  'kpCovered',
  'kpMin',
  'lenRatio',
  'logWords',
  'newWords',
  'refLength',
  'hedgeRate',
  'fillerRate',
  'star',
  'structure',
  'bigramRecall',
  'f1Sqrt',
  'noMatch',
  'longForm',
  'kpLong',
  'wordsLong',
  'questionRecall',
  'topicFit',
  'substanceLong',
  'behavioralTask',
  'kpState',
  'contradiction',
  'topicShare',
  'onTopicWords',
  'reversal',
  'absolutes',
  'claimConflicts',
  'topicRatio',
  'specificity',
  'dismissals',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureValues = Record<FeatureName, number>;

export interface AnswerFeatures {
  values: FeatureValues;
  keyPoints: KeyPointCoverage[];
  star: StarDetection | null;
  style: StyleSignals;
  /** Answer content words that are not just echoes of the question. */
  answerWords: AlignWord[];
  /** Reference words (question-demoted) the answer did not express, most informative first. */
  missedReferenceWords: string[];
  /** Answer words well aligned with the reference, most informative first. */
  matchedAnswerWords: string[];
  /** Share of answer content words found in the word vectors (1 without vectors). */
  vectorCoverage: number;
  /** Distinct informative answer words that belong to the question's topic (not echoes of it). */
  onTopicWords: number;
  /** Claims that contradict the reference or key points (swapped terms, reversed comparisons, wrong complexities). */
  claimConflicts: ClaimConflict[];
  /** How the answer fits its own question's topic against the bank's other questions (null without a bank). */
  topic: TopicStanding | null;
}

/** Optional knowledge beyond word vectors. */
export interface FeatureResources {
  lexicon?: Lexicon;
  thresholds?: KeyPointThresholds;
  /** The question bank's topics, to rank the answer's own topic against the others. */
  topics?: TopicIndex;
}

function lemmaSet(a: AnalyzedText): Set<string> {
  const s = new Set<string>();
  for (const t of contentTokens(a)) {
    s.add(t.lemma);
    s.add(t.normal);
  }
  return s;
}

function contentBigrams(a: AnalyzedText, demote: ReadonlySet<string>): Set<string> {
  const lemmas = contentTokens(a).map((t) => t.lemma);
  const out = new Set<string>();
  for (let i = 1; i < lemmas.length; i++) {
    const x = lemmas[i - 1]!;
    const y = lemmas[i]!;
    if (demote.has(x) && demote.has(y)) continue;
    out.add(`${x} ${y}`);
  }
  return out;
}

/** Words every interview question uses; matching them says nothing about the topic. */
const GENERIC_QUESTION_WORDS = new Set([
  'tell',
  'time',
  'describe',
  'explain',
  'give',
  'example',
  'walk',
  'would',
  'handle',
  'approach',
  'design',
  'how',
  'what',
  'why',
  'when',
  'happen',
  'situation',
  'specific',
  'main',
  'component',
  'difference',
  'system',
]);

const clip = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const PREDICATE_POS = new Set(['VERB', 'ADJ', 'ADV']);

/**
 * Reversals across the whole answer, against the reference and key points: an antonym of a
 * reference word the answer never uses itself ("faster" where the reference says "slower"),
 * or a reference predicate the answer only ever negates. Counted, so the model can learn how
 * much a confidently wrong answer should lose; per-point judgement adds the evidence.
 */
function countReversals(
  answer: AnalyzedText,
  answerAll: readonly AlignWord[],
  truth: readonly AlignWord[],
  truthTexts: readonly AnalyzedText[],
): number {
  const truthLemmas = new Set(truth.flatMap((w) => [w.lemma, w.normal]));
  const answerLemmas = new Set(answerAll.flatMap((w) => [w.lemma, w.normal]));
  let n = 0;
  for (const w of truth) {
    if (!w.anti || answerLemmas.has(w.lemma) || answerLemmas.has(w.normal)) continue;
    if (answerAll.some((a) => areAntonyms(w, a) && !truthLemmas.has(a.lemma))) n++;
  }
  // Predicates the reference affirms and the answer only negates.
  const affirmed = new Set<string>();
  for (const t of truthTexts) {
    const scope = negationScope(t);
    t.tokens.forEach((tok, i) => {
      if (PREDICATE_POS.has(tok.pos) && !scope[i]) affirmed.add(tok.lemma);
    });
  }
  const scope = negationScope(answer);
  const negatedOnly = new Map<string, boolean>();
  answer.tokens.forEach((tok, i) => {
    if (!affirmed.has(tok.lemma) || tok.stop) return;
    negatedOnly.set(tok.lemma, (negatedOnly.get(tok.lemma) ?? true) && scope[i] === true);
  });
  for (const only of negatedOnly.values()) if (only) n++;
  return n;
}

/**
 * alignWords(answer, refAll) and alignWords(refWords, answer) in one pass over the pairs, with
 * the same results: similarity is symmetric except for antonyms, which are checked in the
 * direction each alignment uses. refWords must be drawn from refAll (same objects).
 */
function alignBothWays(
  answer: readonly AlignWord[],
  refAll: readonly AlignWord[],
  refWords: readonly AlignWord[],
  vectors: WordVectors | undefined,
): { precision: Alignment; recall: Alignment } {
  const inRecall = new Set(refWords);
  // alignWords counts a target as matched when its lemma or form is any source's lemma or form;
  // such words need no similarity search in that direction (most of the saving on long answers).
  const refForms = new Set(refAll.flatMap((r) => [r.lemma, r.normal]));
  const answerForms = new Set(answer.flatMap((a) => [a.lemma, a.normal]));
  const bestAnswer = answer.map((a): number => (refForms.has(a.lemma) || refForms.has(a.normal) ? 1 : 0));
  const bestRef = refAll.map((r): number => (answerForms.has(r.lemma) || answerForms.has(r.normal) ? 1 : 0));
  const openRef = refAll.map((r, j) => inRecall.has(r) && bestRef[j]! < 1);
  for (let i = 0; i < answer.length; i++) {
    const a = answer[i]!;
    for (let j = 0; j < refAll.length; j++) {
      if (bestAnswer[i]! >= 1 && !(openRef[j] && bestRef[j]! < 1)) continue;
      const r = refAll[j]!;
      if (a.lemma === r.lemma || a.normal === r.normal) {
        bestAnswer[i] = 1;
        bestRef[j] = 1;
        continue;
      }
      // Antonymy is read from the target's list: the answer word's for precision, the reference word's for recall.
      const antiP = areAntonyms(a, r);
      const antiR = areAntonyms(r, a);
      const base = !antiP ? wordSimilarity(a, r, vectors, SOFT_FLOOR) : !antiR ? wordSimilarity(r, a, vectors, SOFT_FLOOR) : 0;
      if (!antiP && base > bestAnswer[i]!) bestAnswer[i] = base;
      if (!antiR && base > bestRef[j]!) bestRef[j] = base;
    }
  }
  const summarize = (targets: readonly AlignWord[], best: readonly number[]): Alignment => {
    let sum = 0;
    let sumExact = 0;
    let total = 0;
    targets.forEach((t, k) => {
      sum += best[k]! * t.weight;
      if (best[k]! >= 0.85) sumExact += t.weight;
      total += t.weight;
    });
    return { score: total > 0 ? sum / total : 0, exact: total > 0 ? sumExact / total : 0, best: [...best], totalWeight: total };
  };
  const recallBest = refAll.map((r, j) => ({ r, b: bestRef[j]! })).filter((x) => inRecall.has(x.r));
  return {
    precision: summarize(answer, bestAnswer),
    recall: summarize(
      recallBest.map((x) => x.r),
      recallBest.map((x) => x.b),
    ),
  };
}

/**
 * Claims that wave a concern away — no cost, no need, does not matter, immune, best practice —
 * the voice of a confidently wrong answer ("indexes have no cost on writes", "timeouts are
 * unnecessary with a breaker", "localStorage is immune to XSS"). Careful answers qualify such
 * claims; 1 in 30 good answers in the graded data has one, a third of confidently wrong ones do.
 * "X does not need Y" is not one: it is how an explanation says what a mechanism avoids.
 */
const DISMISSALS =
  /\b(no need|not needed|unnecessary|needless|pointless|(?:does ?n[o']?t|do ?n[o']?t|never) (?:really )?(?:matters?|bother)|never needs?|(?:is|are) fine|no (?:real )?(?:cost|overhead|risk|downside|impact)|harmless|immune|perfectly safe|completely safe|always safe|best practice|is recommended|guaranteed|never (?:fails?|happens?|blocks?|a problem)|only matters?|is irrelevant|makes no difference|equally well|just as (?:fast|good|safe))\b/gi;

const ABSOLUTES =
  /\b(always|never|every|all|none|impossible|guaranteed|completely|entirely|irrelevant|exactly|nothing|zero|no cost|not at all|at all|any)\b/gi;

/**
 * Concrete detail the answer adds beyond the question: distinct numbers, quantities and names
 * (a deadline of "eleven weeks", "from 300 to 40", "the operations lead at Larkspur"). Without a
 * reference answer this is what separates a real story from general talk: a rubric such as
 * "gives the outcome with evidence" shares no words with the evidence itself. Names the
 * question already gives (the project, the employer) earn nothing.
 */
function specificityOf(answer: AnalyzedText, questionLemmas: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const t of answer.tokens) {
    const numeric = t.kind === 'number' || t.pos === 'NUM' || /\d/.test(t.normal);
    if (!numeric && t.pos !== 'PROPN') continue;
    if (questionLemmas.has(t.lemma) || questionLemmas.has(t.normal)) continue;
    seen.add(t.normal);
  }
  return Math.min(1, Math.log1p(seen.size) / Math.log(16));
}

export function extractFeatures(texts: GradingTexts, vectors: WordVectors | undefined, extra: FeatureResources = {}): AnswerFeatures {
  const lexicon = extra.lexicon;
  const questionLemmas = lemmaSet(texts.question);
  const answerContent = contentTokens(texts.answer);
  const answerAll = toAlignWords(answerContent, vectors, undefined, lexicon);
  // Question demoting: words that merely repeat the question earn nothing.
  const answerWords = answerAll.filter((w) => !questionLemmas.has(w.lemma) && !questionLemmas.has(w.normal));
  const questionWords = toAlignWords(contentTokens(texts.question), vectors, undefined, lexicon);

  let refWords: AlignWord[] = [];
  let refAll: AlignWord[] = [];
  if (texts.reference) {
    refAll = toAlignWords(contentTokens(texts.reference), vectors, undefined, lexicon);
    refWords = refAll.filter((w) => !questionLemmas.has(w.lemma) && !questionLemmas.has(w.normal));
    // A reference that only restates the question still defines what to say.
    if (refWords.length === 0) refWords = refAll;
  }

  // Answer→reference and reference→answer alignments share their word similarities: computed
  // once (the embedding cosines are most of the engine's time on a long answer).
  const both = refAll.length > 0 ? alignBothWays(answerWords, refAll, refWords, vectors) : null;
  const recall = both ? both.recall : alignWords(refWords, answerWords, vectors);
  const questionRecall = alignWords(
    questionWords.filter((w) => !GENERIC_QUESTION_WORDS.has(w.lemma)),
    answerAll,
    vectors,
  );
  // Without a reference the rubric says what the answer should be about, with the question.
  const kpWords = texts.keyPoints.flatMap((k) => toAlignWords(contentTokens(k), vectors, undefined, lexicon));
  const precisionSources = refAll.length > 0 ? refAll : [...questionWords, ...kpWords];
  const precision = both ? both.precision : alignWords(answerWords, precisionSources, vectors);
  const f1 = recall.score + precision.score > 0 ? (2 * recall.score * precision.score) / (recall.score + precision.score) : 0;

  const units = answerUnits(texts.answer, vectors, lexicon);
  // A denial read against a one- or two-sentence reference is too often a paraphrase ("does
  // not need a lookup" for "avoids a lookup"): polarity is judged only against full references.
  const claimConflicts = checkClaims(texts.answer, {
    question: texts.question,
    truth: [...(texts.reference ? [texts.reference] : []), ...texts.keyPoints],
    lexicon,
  }).filter((c) => texts.longForm || c.kind !== 'reversed_polarity');

  const keyPoints = judgeKeyPoints(texts.keyPoints, texts.answer, units, answerWords, {
    vectors,
    lexicon,
    questionLemmas,
    rubric: texts.explicitKeyPoints,
    thresholds: extra.thresholds,
  }).map((k) => contradictByClaims(k, claimConflicts));
  const kpState =
    keyPoints.length > 0
      ? keyPoints.reduce((s, k) => s + (k.state === 'covered' ? 1 : k.state === 'partly' ? 0.5 : 0), 0) / keyPoints.length
      : recall.score;
  const contradiction = keyPoints.length > 0 ? keyPoints.filter((k) => k.contradicted).length / keyPoints.length : 0;

  // The question's topic: its own words, the reference's and the key points'. An answer word
  // is on topic when it is close to one of them; fluent text about a neighbouring subject
  // shares few such words, however well written.
  // is on topic when it is an echo of the question or close to a reference word (the
  // precision alignment above already found its best reference match).
  const precisionBest = new Map(answerWords.map((w, i) => [w.lemma, precision.best[i]!]));
  let topicSum = 0;
  let topicTotal = 0;
  const topicBest = answerAll.map((w) => {
    const b = questionLemmas.has(w.lemma) || questionLemmas.has(w.normal) ? 1 : (precisionBest.get(w.lemma) ?? 0);
    topicSum += b * w.weight;
    topicTotal += w.weight;
    return b;
  });
  const topical = { score: topicTotal > 0 ? topicSum / topicTotal : 0, best: topicBest };
  let onTopicWords = 0;
  answerAll.forEach((w, i) => {
    if (topical.best[i]! >= 0.6 && w.weight >= 0.45 && !questionLemmas.has(w.lemma)) onTopicWords++;
  });
  const kpScores = keyPoints.map((k) => k.wholeCoverage);
  const kpMean = kpScores.length > 0 ? kpScores.reduce((a, b) => a + b, 0) / kpScores.length : recall.score;
  const kpCovered = keyPoints.length > 0 ? keyPoints.filter((k) => k.wholeCoverage >= 0.55).length / keyPoints.length : recall.score;
  const kpMin = kpScores.length > 0 ? Math.min(...kpScores) : recall.score;
  const topicFit = Math.max(questionRecall.score, kpMean, recall.score);

  // Weighted share of the answer's content that is an echo of the question.
  let echo = 0;
  let total = 0;
  for (const w of answerAll) {
    total += w.weight;
    if (questionLemmas.has(w.lemma) || questionLemmas.has(w.normal)) echo += w.weight;
  }

  const topic =
    extra.topics && texts.answer.text.trim()
      ? topicStanding(
          extra.topics,
          {
            id: '',
            question: texts.question.text,
            text: [texts.question.text, texts.reference?.text ?? '', ...texts.keyPoints.map((k) => k.text)].join('\n'),
          },
          texts.answer.text,
          vectors,
        )
      : null;

  const style = measureStyle(texts.answer);
  const star = texts.behavioral ? detectStar(texts.answer) : null;
  const refContent = texts.reference ? contentTokens(texts.reference).length : 0;

  let bigramRecall = 0;
  if (texts.reference) {
    const rb = contentBigrams(texts.reference, questionLemmas);
    const ab = contentBigrams(texts.answer, new Set());
    let hit = 0;
    for (const b of rb) if (ab.has(b)) hit++;
    bigramRecall = rb.size > 0 ? hit / rb.size : 0;
  }

  const sentences = style.sentences;
  const structure = clip(
    (sentences >= 2 ? 0.35 : 0.1) +
      Math.min(0.35, style.connectiveRate * 0.7) +
      (style.enumerated ? 0.15 : 0) +
      (style.wordsPerSentence >= 8 && style.wordsPerSentence <= 28 ? 0.15 : 0),
    0,
    1,
  );

  const values: FeatureValues = {
    refRecall: recall.score,
    refRecallExact: recall.exact,
    ansPrecision: precision.score,
    ansPrecisionExact: precision.exact,
    alignF1: f1,
    refCosine: refAll.length > 0 ? meanVectorCosine(answerWords, refWords, vectors) : 0,
    questionCosine: meanVectorCosine(answerAll, questionWords, vectors),
    questionShare: total > 0 ? echo / total : 0,
    kpMean,
    kpCovered,
    kpMin,
    lenRatio: clip(Math.log2((answerContent.length + 1) / (refContent + 1)), -3, 2),
    logWords: Math.log1p(style.words) / Math.log(301),
    newWords: Math.log1p(answerWords.length) / Math.log(101),
    refLength: Math.log1p(refContent) / Math.log(101),
    hedgeRate: Math.min(1, style.hedgeRate / 10),
    fillerRate: Math.min(1, style.fillerRate / 10),
    // Only behavioral answers are expected to tell a story; others lose nothing here.
    star: star ? star.score : 1,
    // Its own baseline for story questions, so the STAR feature measures only the story.
    behavioralTask: texts.behavioral ? 1 : 0,
    structure,
    bigramRecall,
    // Grades fall steeply once an answer shares next to nothing with the reference; a
    // concave transform and an indicator let the linear model express that.
    f1Sqrt: Math.sqrt(f1),
    noMatch: recall.score < 0.08 && precision.score < 0.08 ? 1 : 0,
    // Lets the model keep separate baselines for short technical answers and long interview
    // answers, so neither kind of training data distorts the other's calibration.
    longForm: texts.longForm ? 1 : 0,
    // Interview answers are graded on coverage of several key points and on substance, more
    // than short answers are; these interactions give them their own slopes.
    // How much of what the question is about the answer takes up (soft, so "argued" counts
    // for "conflict"): fluent text on another topic has none of it.
    questionRecall: questionRecall.score,
    topicFit,
    // Length is worth something only when it is on topic: a long answer about something
    // else has no substance for this question.
    substanceLong: texts.longForm ? (Math.log1p(style.words) / Math.log(301)) * clip(topicFit / 0.4, 0, 1) : 0,
    kpLong: texts.longForm ? kpMean : 0,
    wordsLong: texts.longForm ? Math.log1p(style.words) / Math.log(301) : 0,
    kpState,
    contradiction,
    topicShare: topical.score,
    reversal: Math.min(
      1,
      countReversals(
        texts.answer,
        answerAll,
        [...refAll, ...kpWords],
        [...(texts.reference ? [texts.reference] : []), ...texts.keyPoints],
      ) / 3,
    ),
    absolutes: Math.min(1, ((texts.answer.text.match(ABSOLUTES)?.length ?? 0) * 10) / Math.max(10, style.words)),
    onTopicWords: Math.log1p(onTopicWords) / Math.log(41),
    claimConflicts: Math.min(1, claimConflicts.length / 2),
    // 1 when the answer fits its own question best, lower as another bank question fits better.
    topicRatio: topic ? topic.ratio : 1,
    specificity: specificityOf(texts.answer, questionLemmas),
    dismissals: Math.min(1, (texts.answer.text.match(DISMISSALS)?.length ?? 0) / 2),
  };

  const missedReferenceWords = refWords
    .map((w, i) => ({ w, b: recall.best[i]! }))
    .filter((x) => x.b < 0.5)
    .sort((a, b) => b.w.weight - a.w.weight)
    .map((x) => x.w.normal);
  const matchedAnswerWords = answerWords
    .map((w, i) => ({ w, b: precision.best[i]! }))
    // Name concepts, not numbers or function words ("each", "1").
    .filter((x) => x.b >= 0.6 && !x.w.exactOnly && x.w.normal.length >= 3 && x.w.weight >= 0.5)
    .sort((a, b) => b.w.weight - a.w.weight)
    .map((x) => x.w.normal);
  const withVec = answerAll.filter((w) => w.vec >= 0).length;

  return {
    values,
    keyPoints,
    star,
    style,
    answerWords,
    missedReferenceWords,
    matchedAnswerWords,
    vectorCoverage: vectors ? (answerAll.length > 0 ? withVec / answerAll.length : 0) : 1,
    onTopicWords,
    claimConflicts,
    topic,
  };
}
