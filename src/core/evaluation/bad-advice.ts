import { contentTokens, isContentToken, type AnalyzedText } from './analyzed-text.js';

/**
 * Confidently wrong answers with no two sides to swap: bad advice stated as fact. Such an
 * answer shares the reference's vocabulary, so the key-point matcher credits it, and the claim
 * checker finds nothing turned round because there is no pair of terms to swap. What gives it
 * away is that it waves aside something the reference relies on: "there is no need to change
 * any passwords", "writing a report afterwards is a waste of time", "tagging resources is
 * pointless overhead", "dropout should always be turned off".
 *
 * Only outright dismissals count, not every negation: "the database doesn't need to look at
 * every row", "the model never needs labels to watch its outputs" and "never pull the plug" are
 * how correct answers talk. Over all 1,170 hand-graded answers the phrases below occur, beside a
 * word of the reference, in 28 of 180 confidently wrong answers and in no excellent, good,
 * terse-but-correct or partial one.
 */
const DISMISSAL =
  /\b(?:(?:there is )?no need (?:to|for)|(?:is|are|be|seems?) (?:completely |totally )?unnecessary|pointless|(?:a |just )?waste of (?:time|money|effort)|only (?:slows?|confuses?|clutters?|annoys?|creates? bureaucracy|adds? overhead)|(?:should|must) (?:always )?be (?:turned off|switched off|disabled|skipped|removed|ignored|avoided|left out)|(?:always )?turned? (?:them |it )?off because|(?:is|are) overhead)\b/i;

/**
 * A story reports what someone else felt or said ("he felt it was pointless to try"): that is
 * not the candidate's advice. The candidate's own view ("I think tests are pointless") still is.
 */
const REPORTED =
  /\b(?:felt|feels?|thought|thinks?|believed|believes?|said|says|told|complained|argued|claimed|claims|insisted|assumed|worried)\b/gi;

function reportsSomeoneElse(before: string): boolean {
  for (const m of before.matchAll(REPORTED)) if (!/\bI\s+$/.test(before.slice(0, m.index))) return true;
  return false;
}

export interface DismissedPractice {
  /** The sentence that dismisses it, as written. */
  sentence: string;
  /** The dismissing phrase. */
  phrase: string;
}

/**
 * The first sentence of the answer that dismisses something the reference or key points talk
 * about (the sentence also names one of their content words), or null.
 */
export function findDismissedPractice(answer: AnalyzedText, truth: readonly AnalyzedText[]): DismissedPractice | null {
  const truthLemmas = new Set(truth.flatMap((t) => contentTokens(t).map((k) => k.lemma.toLowerCase())));
  if (truthLemmas.size === 0) return null;
  for (const s of answer.sentences) {
    const text = answer.text.slice(s.start, s.end);
    const m = DISMISSAL.exec(text);
    if (!m || reportsSomeoneElse(text.slice(0, m.index))) continue;
    const tokens = answer.tokens.slice(s.tokenStart, s.tokenEnd);
    if (tokens.some((t) => isContentToken(t) && truthLemmas.has(t.lemma.toLowerCase()))) return { sentence: text.trim(), phrase: m[0] };
  }
  return null;
}
