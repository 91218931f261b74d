import type { GrammarIssue, StarPart } from '../../contract/interviews.js';
import type { AptitudeCheck } from './aptitude.js';
import type { AnswerFeatures } from './features.js';
import type { GuardHit } from './guards.js';

/**
 * Feedback names this answer's own content — the key points it covered or missed, the
 * words it hedged with — so a candidate can act on it. Generic advice is a last resort.
 */
export interface FeedbackInput {
  features: AnswerFeatures;
  guards: readonly GuardHit[];
  grammar: readonly GrammarIssue[];
  answerText: string;
  /** 0–100 content score before caps. */
  contentScore: number;
  aptitude: AptitudeCheck | null;
  expectedAnswer?: string;
  hasReference: boolean;
}

const STAR_ADVICE: Record<StarPart, string> = {
  situation: 'Open with the situation: where you were, who was involved and what was at stake.',
  task: 'State your task: what you specifically were responsible for or had to achieve.',
  action: 'Describe the actions you took yourself ("I …"), step by step, rather than what the team did.',
  result: 'Finish with the result: what changed because of your actions, ideally with a number, and what you learned.',
};

const quote = (s: string, max = 90): string => {
  const t = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '');
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
};

const list = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]!}`;

export function writeFeedback(i: FeedbackInput): { strengths: string[]; improvements: string[] } {
  const strengths: string[] = [];
  const improvements: string[] = [];
  const f = i.features;
  const blocking = i.guards.filter((g) => g.cap <= 30);

  for (const g of i.guards) improvements.push(g.message);

  if (i.aptitude) {
    if (i.aptitude.correct) strengths.push(`Reaches the correct answer (${i.aptitude.finalAnswer ?? i.expectedAnswer ?? ''}).`);
    else if (i.aptitude.finalAnswer) {
      improvements.push(
        i.aptitude.mentioned
          ? `Your working reaches ${i.expectedAnswer ?? 'the right value'}, but the final answer you commit to is ${i.aptitude.finalAnswer}; state the final result clearly.`
          : `The final answer ${i.aptitude.finalAnswer} is not correct; recheck each step of the calculation.`,
      );
    } else improvements.push('Give a clear final answer (a number or option) after your working.');
  }

  if (blocking.length === 0) {
    const covered = f.keyPoints.filter((k) => k.covered).sort((a, b) => b.coverage - a.coverage);
    if (covered.length > 0) strengths.push(`Covers ${list(covered.slice(0, 3).map((k) => quote(k.text, 70)))}.`);
    // No "uses relevant terms" strength without a covered key point: soft word matches are too
    // loose to praise (an off-topic story shares words with almost any reference).

    if (f.star && f.star.found.length >= 3) {
      strengths.push(
        f.star.missing.length === 0
          ? 'Tells a complete STAR story: situation, task, your actions and the result.'
          : `Structures the story with ${list(f.star.found)}.`,
      );
    }
    if (f.style.hedgeRate === 0 && f.style.fillerRate === 0 && f.style.words >= 25)
      strengths.push('States points directly, without hedging or filler words.');
    if (f.values.structure >= 0.65 && f.style.sentences >= 3)
      strengths.push('Well organized: the reasoning is easy to follow from one sentence to the next.');
  }

  const missing = f.keyPoints.filter((k) => !k.covered).sort((a, b) => a.coverage - b.coverage);
  for (const k of missing.slice(0, 3)) {
    improvements.push(
      k.coverage > 0.3 ? `Make this point explicitly: ${quote(k.text, 90)}.` : `Add the missing point: ${quote(k.text, 90)}.`,
    );
  }
  if (missing.length === 0 && i.hasReference && f.missedReferenceWords.length >= 3 && i.contentScore < 80) {
    improvements.push(`Go deeper: the strongest answers also mention ${list(f.missedReferenceWords.slice(0, 4))}.`);
  }
  if (f.star) for (const p of f.star.missing) improvements.push(STAR_ADVICE[p]);

  if (f.style.hedges.length > 0 && f.style.hedgeRate >= 2) {
    improvements.push(`Cut hedges such as ${list(f.style.hedges.slice(0, 3).map((h) => `"${h}"`))}: state what you know with confidence.`);
  }
  if (f.style.fillers.length > 0 && f.style.fillerRate >= 1.5) {
    improvements.push(`Drop filler words such as ${list(f.style.fillers.slice(0, 3).map((h) => `"${h}"`))}.`);
  }
  if (i.grammar.length > 0) {
    const g = i.grammar[0]!;
    const wrong = i.answerText.slice(g.start, g.end);
    const fix = g.suggestions[0];
    improvements.push(
      `Fix ${i.grammar.length} grammar or spelling issue${i.grammar.length > 1 ? 's' : ''}, e.g. ${quote(wrong, 40)}${fix !== undefined ? ` → "${fix}"` : ''}.`,
    );
  }
  if (f.style.wordsPerSentence > 35 && f.style.words > 60)
    improvements.push('Split long sentences: one idea per sentence is easier to follow when spoken.');
  if (f.values.lenRatio > 1.6 && f.style.words > 250 && i.hasReference)
    improvements.push('Tighten the answer: lead with the key point, then support it.');

  return { strengths: dedupe(strengths).slice(0, 5), improvements: dedupe(improvements).slice(0, 6) };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
