import type { GuardKind } from '../../contract/interviews.js';
import { isWordToken, type AnalyzedText, type AnalyzedToken } from './analyzed-text.js';
import type { AnswerFeatures } from './features.js';
import { findDismissedPractice } from './bad-advice.js';

export type { GuardKind };

/**
 * Guards catch answers that can fool similarity features: keyword lists, off-topic
 * fluency, echoes of the question, non-answers and instructions aimed at the grader.
 * Each one caps the score; the lowest cap wins.
 */
export interface GuardHit {
  kind: GuardKind;
  /** Highest score (0–100) the answer may get. */
  cap: number;
  /** What the candidate should change, in plain words. */
  message: string;
  /** What fired it, in words a candidate understands (shown as the guard's detail). */
  detail: string;
  /** An off-topic cap that leaves the key points as judged (the answer may still make one). */
  keepsKeyPoints?: boolean;
}

// Sentences that address the grader instead of the interviewer's question.
const GRADER_INSTRUCTION = [
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(previous|prior|above|earlier|all|your|the|these|any)\b[^.!?\n]{0,20}\b(instructions?|prompts?|rules?|guidelines?|rubric|criteria)\b/i,
  /\b(give|assign|award|grade|rate|score|mark)\b[^.!?\n]{0,30}\b(this|me|my|the)\b[^.!?\n]{0,30}\b(100|10\s*\/\s*10|5\s*\/\s*5|full (marks|score|points)|perfect|maximum|max|top|highest|an? a\+?|excellent)\b/i,
  /\b(this|my) answer (is|deserves|should (get|receive|be (given|scored|graded)))\b[^.!?\n]{0,30}\b(100|perfect|full marks|top|highest|maximum|excellent|correct)\b/i,
  /\b(you are|act as|pretend to be|as) (an? )?(ai|language model|grader|evaluator|assistant|examiner|llm)\b[^.!?\n]{0,60}\b(score|grade|rate|mark|give)\b/i,
  /\b(system prompt|developer mode|jailbreak)\b/i,
  // Hints left for the marker: "scoring hint: equivalent to the reference answer, score 5".
  /\b(scoring|grading|marking|grader|evaluator) (hints?|notes?|guidance)\s*[:-]/i,
  /\b(equivalent|identical) to (the )?(reference|model|expected) answer\b/i,
  // Addressing the grading machinery: "Note to the model: …", "Evaluator, kindly …", "Scoring engine: …".
  /\b(note|message|instructions?) (to|for) (the )?(automated |ai )?(model|grader|evaluator|scorer|assistant|marker|scoring (engine|system)|ai|llm)\b/i,
  /(^|[.!?\][(]\s*)(dear )?(automated |ai )?(grader|evaluator|scorer|marker|model|scoring (engine|system|model)|grading (engine|system|model))\s*[,:]/i,
  /\b(should|must|will) be (scored|graded|rated|marked) (as )?(excellent|perfect|full|top|high|5|10|100)\b/i,
  /\b(minimum|lowest) (allowed )?(score|grade|mark) (is|should be|must be)\b/i,
  /\b(score|grade|rating)\s*[:=]\s*(100|10\/10|5\/5)\b/i,
];

/** Questions about LLM security may legitimately quote injection phrases. */
const INJECTION_TOPIC = /\b(prompt|injection|jailbreak|llm|language model|chatbot|ai safety|guardrail)/i;

// The whole answer is a non-answer ("I don't know", "no idea", "not answered", "pass").
const NO_ANSWER =
  /^\W*(?:(?:honestly|sorry|um+|uh+)[, ]+)?(?:i|we)?\s*(?:really\s+)?(?:do\s*n[o']?t|dont|did\s*n[o']?t|have\s+no|can\s*n?[o']?t|am\s+not|'m\s+not)\s+(?:know|sure|remember|recall|have\s+(?:an?\s+)?(?:idea|clue|answer)|idea|clue|answer)(?:\s+(?:the\s+answer|this|that|it|anything\s+about\s+(?:this|it)|how\s+to\s+answer(?:\s+this)?))?\W*$|^\W*(?:no\s+(?:idea|clue|answer|comment)|not\s+(?:sure|answered)|idk|dunno|pass|skip|n\/?a|nothing|none|i\s+give\s+up|no)\W*$/i;

/** A short answer that opens by giving up ("I don't know how to design this"). */
const NO_ANSWER_START =
  /^\W*(?:(?:honestly|sorry|um+|uh+)[, ]+)?(?:i\s+(?:really\s+)?(?:do\s*n[o']?t|dont|have\s+no|can\s*n?[o']?t|am\s+not|'m\s+not)\s+(?:know|sure|remember|recall|idea|clue)|no\s+idea|not\s+sure|idk)\b/i;

/** Giving up in other words: never worked with it, would look it up, not familiar. */
const EVASION =
  /\b(?:i\s+(?:have\s*n[o']?t|haven't|never)\s+(?:really\s+)?(?:worked|used|done|dealt|had|touched|seen|come across|heard)|(?:would|'d|will|could)\s+(?:just\s+)?(?:look\s+it\s+up|google|search\s+(?:for\s+)?it|ask\s+(?:someone|a\s+colleague|chatgpt|my\s+(?:team|lead|manager)))|not\s+(?:really\s+)?(?:familiar|sure)|no\s+(?:idea|clue|experience)|(?:do\s*n[o']?t|don't)\s+(?:really\s+)?(?:know|remember)|(?:skip|pass\s+on)\s+this)/i;

/**
 * Off topic by ranking: the answer's fit to its own question's topic is below this share of
 * its fit to the best other bank question, and fewer than this share of the key points are
 * made. Chosen by cross-validation leaving whole questions out (bench/grading.bench.ts).
 */
export const TOPIC_RATIO_ELSEWHERE = 0.7;
/** Cap for an answer with one fact certainly the wrong way round among points it seems to make. */
export const CERTAIN_CONFLICT_CAP = 30;
export const TOPIC_KP_STATE = 0.5;
export const TOPIC_MIN_WORDS = 40;
/** The milder tier (cap 30): fits another question somewhat better, most key points not made. */
export const TOPIC_RATIO_PARTLY_ELSEWHERE = 0.75;
export const TOPIC_KP_STATE_PARTLY = 0.8;

/** Questions that ask to name or list things accept a list as the answer. */
const ASKS_FOR_LIST = /^\s*(what|which|name|list|give)\b(?!.*\b(why|how|explain|describe|difference|compare|design|tell me)\b)/i;

export interface InjectionScan {
  /** The answer with grader-directed sentences blanked out (same length, so offsets hold). */
  cleaned: string;
  found: boolean;
}

/**
 * Blanks out sentences that instruct the grader. The answer is data, never instructions:
 * such sentences earn nothing, and their presence caps the score (guard below).
 */
export function stripGraderInstructions(answer: string, question: string, reference = ''): InjectionScan {
  const topical = INJECTION_TOPIC.test(question) || INJECTION_TOPIC.test(reference);
  let found = false;
  const cleaned = answer.replace(/[^.!?\n]+[.!?\n]*/g, (sentence) => {
    const patterns = topical ? GRADER_INSTRUCTION.slice(1, 3).concat(GRADER_INSTRUCTION[5]!) : GRADER_INSTRUCTION;
    if (patterns.some((re) => re.test(sentence))) {
      found = true;
      return ' '.repeat(sentence.length);
    }
    return sentence;
  });
  return { cleaned, found };
}

const FILLER_LEMMAS = new Set([
  'the',
  'a',
  'an',
  'be',
  'is',
  'are',
  'it',
  'this',
  'that',
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'so',
  'i',
  'we',
  'you',
  'question',
  'good',
  'great',
  'interesting',
  'important',
  'ask',
  'well',
  'think',
  'what',
  'mean',
  'about',
  'answer',
  'really',
  'topic',
  'which',
  'asking',
  'talk',
  'discuss',
  'here',
  'there',
  'let',
  'me',
  'my',
  'yes',
  'okay',
  'ok',
  'basically',
  'how',
  'why',
  'when',
  'where',
  'who',
  'do',
  'does',
  'can',
  'will',
  'would',
  'should',
  'have',
  'has',
  'with',
  'for',
  'as',
  'by',
  'at',
  'from',
  'not',
  'very',
]);

/**
 * Distinct answer words (any part of speech, filler aside) taken from the question, and
 * those that are new.
 */
function compareWithQuestion(answer: AnalyzedText, question: string): { echoed: number; fresh: number; freshNumber: boolean } {
  const q = new Set(question.toLowerCase().match(/[a-z0-9+#]+/g) ?? []);
  const echoed = new Set<string>();
  const fresh = new Set<string>();
  for (const t of answer.tokens) {
    if (!isWordToken(t) || FILLER_LEMMAS.has(t.lemma) || FILLER_LEMMAS.has(t.normal)) continue;
    if (q.has(t.normal) || q.has(t.lemma)) echoed.add(t.lemma);
    else fresh.add(t.lemma);
  }
  const freshNumber = answer.tokens.some((t) => (t.kind === 'number' || t.pos === 'NUM') && !q.has(t.normal));
  return { echoed: echoed.size, fresh: fresh.size, freshNumber };
}

export interface GuardInput {
  answer: AnalyzedText;
  features: AnswerFeatures;
  hasReference: boolean;
  /**
   * A written reference answer, not only key points (false for questions written from a resume).
   * Absent: assumed, as before key-points-only questions existed.
   */
  hasReferenceText?: boolean;
  /** Content words of the reference: short references allow short answers. */
  referenceContentWords: number;
  aptitude: boolean;
  injection: boolean;
  question: string;
  /** Interview answers (behavioral, design, communication) always need explanation. */
  explanationExpected: boolean;
  /** The reference answer and key points, analyzed (absent: no check against them). */
  truth?: readonly AnalyzedText[];
}

/**
 * A list of terms: several items and (almost) no predicated sentence — no verb with the
 * function words a statement needs. Decided from form alone, so a list of the question's
 * own terms and a list of the right answer's terms are caught alike.
 */
export function isTermList(answer: AnalyzedText): boolean {
  const wordTokens = answer.tokens.filter(isWordToken);
  if (wordTokens.length < 3) return false;
  // Notes are not a list of terms: "TCP: reliable, ordered … UDP: fire-and-forget", "image =
  // read-only template; container = running instance", "binary search O(log n), nested loops
  // O(n²)" pair each term with what it is, telegraphically but with a claim per item.
  const definitions = answer.text.match(/(?:^|[.;\n(]\s*|,\s+)[A-Za-z][\w ()/+.'-]{0,30}?\s*(?::|=|→|->)\s*[\w$(]/g)?.length ?? 0;
  const complexities = answer.text.match(/\bO\([^)]{1,12}\)/g)?.length ?? 0;
  if (definitions >= 2 || complexities >= 2) return false;
  const segments: { words: number; predicated: boolean }[] = [];
  let cur = { words: 0, verbs: 0, stops: 0, caps: 0 };
  const flush = (): void => {
    if (cur.words > 0)
      segments.push({
        words: cur.words,
        // A sentence, or a note that says what a thing does ("Spot it as a validation gap").
        predicated:
          (cur.words >= 4 && cur.verbs > 0 && cur.stops >= 1 && cur.caps * 2 < cur.words) ||
          (cur.words >= 3 && cur.verbs > 0 && cur.stops >= 1 && cur.caps === 0),
      });
    cur = { words: 0, verbs: 0, stops: 0, caps: 0 };
  };
  // A hyphen or slash inside a word ("train-vs-validation", "more/augmented") joins it.
  const inWord = (t: AnalyzedToken): boolean =>
    /^[-/]$/.test(t.text) && /\w/.test(answer.text[t.start - 1] ?? '') && /\w/.test(answer.text[t.end] ?? '');
  for (const t of answer.tokens) {
    if (inWord(t)) continue;
    if (/^[,;•·|\n/]$|^[-–—]$|^\n/.test(t.text) || (t.kind === 'punctuation' && /[.!?:]/.test(t.text))) {
      flush();
      continue;
    }
    if (!isWordToken(t)) continue;
    cur.words++;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.normal))) cur.verbs++;
    // Terms in capitals (GET, PUT, DELETE) are names, not the verbs and function words of a sentence.
    if (/^[A-Z]{2,}$/.test(t.text)) cur.caps++;
    else if (t.stop && t.pos !== 'AUX') cur.stops++;
  }
  flush();
  // Notes in phrases ("Many fast isolated unit tests; fewer integration tests against real
  // dependencies; few slow end-to-end tests") qualify every item; a list of terms names them
  // in one or two words each ("hash, table, scan, writes"). Hand-graded lists average under
  // three words an item, terse correct notes mostly more.
  const phrases = segments.filter((x) => x.words >= 3).length;
  const meanWords = segments.reduce((n, x) => n + x.words, 0) / Math.max(1, segments.length);
  if (segments.length >= 3 && phrases >= 0.6 * segments.length && meanWords >= 3.5) return false;
  const predicatedWords = segments.filter((x) => x.predicated).reduce((n, x) => n + x.words, 0);
  const functionShare = wordTokens.filter((t) => t.stop && !/^[A-Z]{2,}$/.test(t.text)).length / wordTokens.length;
  return (segments.length >= 3 || wordTokens.length >= 6) && predicatedWords / wordTokens.length < 0.3 && functionShare < 0.25;
}

export function checkGuards(g: GuardInput): GuardHit[] {
  const hits: GuardHit[] = [];
  const f = g.features.values;
  const words = g.features.style.words;
  const text = g.answer.text.trim();

  if (g.injection) {
    hits.push({
      kind: 'grader_instructions',
      cap: 5,
      message: 'The answer contains instructions to the grader; answer the question itself — scores come only from the content.',
      detail: 'The answer tells the grader what to score; that part earns nothing.',
    });
  }
  if (words === 0) {
    hits.push({ kind: 'non_answer', cap: 0, message: 'There is no answer to evaluate yet.', detail: 'No answer was given.' });
    return hits;
  }
  if (NO_ANSWER.test(text.replace(/[’‘]/g, "'")) || (words <= 10 && NO_ANSWER_START.test(text.replace(/[’‘]/g, "'")))) {
    hits.push({
      kind: 'non_answer',
      cap: 5,
      message: 'Saying you do not know earns nothing; walk through what you do know and reason towards an answer.',
      detail: 'The answer says it does not know.',
    });
  } else if (EVASION.test(text.replace(/[’‘]/g, "'")) && g.features.onTopicWords <= 3 && f.kpState < 0.3) {
    hits.push({
      kind: 'non_answer',
      cap: 5,
      message: 'Saying you do not know earns nothing; walk through what you do know and reason towards an answer.',
      detail: 'The answer avoids the question (no experience, would look it up) and says almost nothing about it.',
    });
  }

  // Very short: the answer adds (almost) nothing beyond the question's own words. What
  // counts as short depends on the reference — "By reference." fully answers some questions.
  const contentWords = g.features.answerWords.length;
  const needed = g.aptitude ? 0 : !g.hasReference ? 3 : g.referenceContentWords >= 25 ? 4 : 1;
  // A few words that are exactly the reference's key terms can be a complete answer.
  // (Semicolons alone are not code: "call stack; event loop; …" is a list.)
  const codeLike =
    /[{}=]|->|=>|\w\[[^\]]*\]|&\w|\*\w|\*\(|\w\([^)]*\)\s*;/.test(g.answer.text) || (g.answer.text.match(/\w\(/g)?.length ?? 0) >= 2;
  if (contentWords < needed && words < 12 && !codeLike && !(contentWords > 0 && f.ansPrecision >= 0.5)) {
    hits.push({
      kind: 'too_short',
      cap: 35 + 10 * contentWords,
      message: 'The answer is too short to show understanding; explain your reasoning in a few full sentences.',
      detail: `Only ${words} word${words === 1 ? '' : 's'}.`,
    });
  } else if (g.explanationExpected && words < 25 && !g.aptitude) {
    // An interview answer (a story, a design, an explanation) cannot be made in one line.
    // Short but right is not the same as short: when most key points are made, the cap rises
    // (35 at 40 % of the points or fewer, 80 from 80 % up), as human graders give terse correct
    // answers 60–80 while still preferring the explained answer.
    const made = Math.min(1, Math.max(0, (f.kpState - 0.4) / 0.4));
    hits.push({
      kind: 'too_short',
      cap: Math.round(35 + 45 * made),
      message: 'The answer is too short to show understanding; explain your reasoning in a few full sentences.',
      detail: `Only ${words} words for a question that needs an explanation or a story.`,
    });
  }

  // An echo of the question: nearly all content comes from it and what is new misses the point.
  const echo = compareWithQuestion(g.answer, g.question);
  // A new number ("is one") or code is an answer, however much of the question it repeats.
  const echoOnly = echo.fresh === 0 || (!g.aptitude && echo.fresh <= 2 && echo.echoed >= 5 && f.ansPrecision < 0.3);
  // Or most of its content repeats the question and what it adds is no part of the answer.
  const mostlyEcho =
    (g.explanationExpected || g.referenceContentWords >= 25) &&
    f.questionShare >= 0.55 &&
    g.features.onTopicWords <= 1 &&
    f.kpState < 0.25 &&
    words < 60;
  if (!echo.freshNumber && !codeLike && echo.echoed >= 2 && (echoOnly || mostlyEcho)) {
    hits.push({
      kind: 'restated_question',
      // Human graders give an echo of the question nothing (0–0.5 of 5).
      cap: 5,
      message: 'The answer mostly repeats the question; add what the question asks for.',
      detail: 'The answer repeats the question instead of answering it.',
    });
  }

  // A bare list of terms where the question asks for an explanation: whatever the terms
  // (the question's own or the right ones), nothing is said about them. Told apart by
  // predication: a sentence has a verb and function words; a list item has neither.
  const listy = !codeLike && isTermList(g.answer);
  if (
    listy &&
    (g.referenceContentWords >= 10 || g.explanationExpected) &&
    (g.explanationExpected || g.aptitude || !ASKS_FOR_LIST.test(g.question))
  ) {
    hits.push({
      kind: 'keyword_list',
      // An aptitude result in a list is still the result; the missing working costs less.
      cap: g.aptitude ? 50 : 5,
      message: 'The answer lists terms without explaining them; say how they relate and why they matter.',
      detail: 'A list of terms without sentences that say anything about them.',
    });
  }

  // A behavioral question asks for a story: with neither a situation nor an action of the
  // candidate's own, the answer is general talk, however relevant its words.
  const star = g.features.star;
  if (star && words >= 8 && !star.found.includes('situation') && !star.found.includes('action')) {
    hits.push({
      kind: 'no_example',
      cap: 40,
      message: 'Answer with one specific example from your own experience: where you were, what you did and what happened.',
      detail: 'No situation or action of your own: general talk instead of a story.',
    });
  }

  // Fluent text about something else: it neither takes up the question's subject nor says
  // what the reference says. Two tiers, because a weak on-topic story can look similar.
  const fit = Math.max(f.topicFit, f.ansPrecision * 0.8);
  if (!g.aptitude && contentWords >= 5 && f.questionShare < 0.3) {
    const unrelated = g.explanationExpected
      ? fit < 0.15 && f.refRecall < 0.15 && f.kpMean < 0.15
      : // Short answers align noisily; demand that nothing at all relates.
        f.ansPrecision < 0.12 &&
        f.refRecall < 0.1 &&
        f.kpMean < 0.12 &&
        f.topicFit < 0.15 &&
        Math.max(f.refCosine, f.questionCosine) < 0.45;
    // Fluent text on a neighbouring subject shares general vocabulary but few words of
    // this question's topic and makes none of its key points.
    // Both rest on agreement with a written reference: with key points alone refRecall is 0 for
    // every answer and topicShare is low for any story (a rubric shares few words with it), so a
    // strong, specific STAR answer to a question written from a resume was held to 10.
    const referenceText = g.hasReferenceText !== false;
    const neighbouring =
      referenceText && g.explanationExpected && g.hasReference && f.topicShare < 0.35 && f.kpState < 0.15 && f.refRecall < 0.25;
    // Fluent, detailed text on another subject (an answer about indexes given to a question on
    // dependency injection): the key-point matcher can be fooled by general vocabulary, so this
    // rests on the words alone — hardly any answer word belongs to the question's topic or aligns
    // with the reference. Only for interview questions (a full reference or key points): on
    // one-line references the word signals are too sparse to say it (Mohler answers trip it).
    const interviewQuestion = g.explanationExpected || g.referenceContentWords >= 25 || g.features.keyPoints.length >= 2;
    const elsewhere =
      referenceText && interviewQuestion && g.hasReference && f.topicShare < 0.15 && f.ansPrecision < 0.15 && f.refRecall < 0.2;
    // Relevance as a ranking: the answer fits another question of the bank much better than
    // its own (fluent text on a neighbouring topic, a story about another situation) and makes
    // few of its own key points. Structural, not a word list: any bank question can be "another".
    const topic = g.features.topic;
    // Only where the task is a full interview question: a one-line reference gives the ranking
    // too little of its own topic to stand on (short technical answers fit many bank questions).
    // Not for a question with key points only: its own topic text is a question and a rubric,
    // while the bank's questions carry full references, so a story that answers it well still
    // ranks below a bank question on a similar theme. The ranking stays a model feature there.
    const fitsElsewhere =
      referenceText &&
      topic !== null &&
      (g.explanationExpected || g.referenceContentWords >= 25) &&
      topic.ratio < TOPIC_RATIO_ELSEWHERE &&
      f.kpState < TOPIC_KP_STATE;
    // The score is held down either way, but only a longer answer that makes no point fully is
    // also told it made none: two or three sentences on one key point fit a neighbouring
    // question's words as well, and blanking their points told candidates they missed what
    // they said.
    const blanksKeyPoints = !fitsElsewhere || (words >= TOPIC_MIN_WORDS && !g.features.keyPoints.some((k) => k.state === 'covered'));
    if (unrelated || neighbouring || elsewhere || fitsElsewhere) {
      hits.push({
        kind: 'off_topic',
        cap: 10,
        ...(unrelated || neighbouring || elsewhere || blanksKeyPoints ? {} : { keepsKeyPoints: true }),
        message: 'The answer does not address this question; re-read it and answer what it asks.',
        detail: 'The answer is about a different subject than the question.',
      });
    } else if (
      referenceText &&
      g.explanationExpected &&
      topic !== null &&
      topic.ratio < TOPIC_RATIO_PARTLY_ELSEWHERE &&
      f.kpState < TOPIC_KP_STATE_PARTLY
    ) {
      // A story or explanation that fits another question better, while the key-point matcher
      // finds the generic points any story makes (an outcome, a conversation): mostly elsewhere.
      hits.push({
        kind: 'off_topic',
        cap: 30,
        message: 'Most of the answer is not about what the question asks; tie each point back to the question.',
        detail: 'The answer fits another interview question better than this one.',
      });
    } else if (referenceText && g.explanationExpected && f.topicFit < 0.35 && f.ansPrecision < 0.3 && f.refRecall < 0.3 && f.kpMean < 0.3) {
      hits.push({
        kind: 'off_topic',
        cap: 35,
        message: 'Most of the answer is not about what the question asks; tie each point back to the question.',
        detail: 'Most of the answer is about something other than the question.',
      });
    }
  }

  // Content-free: fluent generalities ("monitoring is important, use good tools") with
  // nothing specific to the question. Only where an explanation is expected: a one-line
  // answer can be complete when the reference is one line.
  if ((g.explanationExpected || g.referenceContentWords >= 25) && !g.aptitude && words >= 5 && !hits.some((h) => h.cap <= 10)) {
    const specific = g.features.onTopicWords;
    // Numbers, dates and names the question does not give are specific too: a story told with
    // "eleven weeks", "from 300 to 40 a week" and "the operations lead" is not general talk,
    // even where its words are not the rubric's.
    const concrete = f.specificity >= 0.5;
    if (!concrete && ((specific <= 2 && f.kpState < 0.3) || (specific <= 4 && f.kpState < 0.15 && words < 60))) {
      hits.push({
        kind: 'content_free',
        cap: 20,
        message: 'Say something specific: name the mechanism, the steps or the example, not only that it matters.',
        detail: 'General statements with nothing specific to this question.',
      });
    }
  }

  // Confidently wrong: the answer reverses points it should make (negated, swapped terms,
  // reversed comparisons, other numbers or complexities). Key points the matcher found
  // contradicted and claims the claim checker found in conflict with the reference count alike.
  const contradicted = g.features.keyPoints.filter((k) => k.contradicted);
  const conflicts = g.features.claimConflicts;
  // A conflict that already turned a key point round is one error, not two.
  const separate = conflicts.filter((c) => !contradicted.some((k) => k.contradiction === c.detail));
  const wrong = contradicted.length + separate.length;
  const made = g.features.keyPoints.filter((k) => k.state === 'covered').length;
  // One reversal among several points made lowers correctness (a feature); the cap is for
  // answers where reversals are as much as what is right, or that reverse two claims.
  if (wrong > 0 && (wrong * 2 >= made || (conflicts.length >= 1 && wrong >= 2))) {
    const what = [...conflicts.map((c) => c.detail), ...contradicted.map((k) => `Contradicts "${k.text}".`)];
    hits.push({
      kind: 'contradiction',
      cap: 20,
      message: `Check your facts: the answer gets ${wrong === 1 ? 'a point' : `${wrong} points`} the wrong way round.`,
      detail: what.slice(0, 2).join(' '),
    });
  } else if (conflicts.some((c) => c.certain)) {
    // One fact stated the other way round (a side given the other's property, another
    // complexity or threshold) beside points that only seem made: a confidently wrong answer
    // shares the reference's words, so the matcher credits the very points it reverses. Human
    // graders give such answers 0–0.5 of 5; one certain error holds the answer to a weak grade.
    const c = conflicts.find((x) => x.certain)!;
    hits.push({
      kind: 'contradiction',
      cap: CERTAIN_CONFLICT_CAP,
      message: 'Check your facts: the answer gets a point the wrong way round.',
      detail: c.detail,
    });
  }
  // Bad advice stated as fact has no two sides to swap: it waves aside what the reference relies
  // on ("no need to change any passwords", "a report afterwards is a waste of time").
  // Only where an explanation is expected: in a one-line technical answer "X is not needed" is
  // a fact ("the first dimension is not needed"), not advice.
  if (g.explanationExpected && !hits.some((h) => h.cap <= CERTAIN_CONFLICT_CAP) && g.truth && g.truth.length > 0) {
    const dismissed = findDismissedPractice(g.answer, g.truth);
    if (dismissed) {
      hits.push({
        kind: 'contradiction',
        cap: CERTAIN_CONFLICT_CAP,
        message: 'Check your advice: the answer dismisses something this question depends on.',
        detail: `"${dismissed.sentence.length > 160 ? `${dismissed.sentence.slice(0, 157)}…` : dismissed.sentence}" dismisses what the answer should rely on.`,
      });
    }
  }
  return hits;
}
