import type { Evaluation, FollowUpKind, QuestionType } from '../../contract/interviews.js';
import { findClaims, hasConcreteExample } from './answer-claims.js';
import { phraseFollowUp } from './follow-up-phrasing.js';

/**
 * What an interviewer asks after an answer, decided from its evaluation: a key point the answer
 * missed or only touched, a concrete example when there was none, or a claim the candidate made.
 * Pure: the caller passes the question, the answer, its evaluation and what was already asked.
 */

export type { FollowUpKind };

export interface FollowUpPlan {
  kind: FollowUpKind;
  /** What it is about: the key point, "example", or the claim's words; never asked twice. */
  target: string;
  text: string;
  /** What the follow-up's answer is graded against, through the one evaluator. */
  keyPoints: string[];
  referenceAnswer: string | null;
}

export interface FollowUpContext {
  question: { text: string; type: QuestionType; keyPoints: readonly string[]; referenceAnswer: string | null };
  answer: string;
  evaluation: Pick<Evaluation, 'keyPoints' | 'missingKeyPoints' | 'guards' | 'star'>;
  /** Follow-ups already asked about this question (their targets are not asked again). */
  asked: readonly { kind: FollowUpKind; target: string }[];
  /** Varies the wording deterministically (e.g. the question's id). */
  seed: string;
}

const EXAMPLE_TARGET = 'example';

function keyPointsByState(ev: FollowUpContext['evaluation']): { missed: string[]; partly: string[] } {
  if (ev.keyPoints?.length) {
    return {
      missed: ev.keyPoints.filter((k) => k.state === 'missed').map((k) => k.keyPoint),
      partly: ev.keyPoints.filter((k) => k.state === 'partly').map((k) => k.keyPoint),
    };
  }
  return { missed: [...ev.missingKeyPoints], partly: [] };
}

/** The reference answer's sentences that say most about one key point: the follow-up's model answer. */
export function referenceFor(keyPoint: string, referenceAnswer: string | null): string | null {
  if (!referenceAnswer) return null;
  const words = (s: string) => new Set((s.toLocaleLowerCase('en').match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => w.length > 3));
  const point = words(keyPoint);
  const sentences = referenceAnswer.match(/[^.!?]+[.!?]+/g) ?? [referenceAnswer];
  const scored = sentences
    .map((s, i) => ({ s: s.trim(), i, overlap: [...words(s)].filter((w) => point.has(w)).length }))
    .filter((x) => x.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || a.i - b.i)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i);
  return scored.length > 0 ? scored.map((x) => x.s).join(' ') : null;
}

function exampleKeyPoints(type: QuestionType): string[] {
  if (type === 'behavioral' || type === 'communication')
    return [
      'Describes one specific real situation and their part in it',
      'Explains the actions they personally took',
      'States the result or what they learned',
    ];
  return [
    'Names a concrete case, system or project where this applied',
    'Explains how the idea worked in that case',
    'States the outcome or trade-off that was observed',
  ];
}

function claimKeyPoints(claim: string): string[] {
  return [
    `Explains why ${claim} fits this situation`,
    `Names a limit, cost or trade-off of ${claim}`,
    'Says when a different choice would be better',
  ];
}

/** The next follow-up for this answer, or null when there is nothing worth asking. */
export function planFollowUp(ctx: FollowUpContext): FollowUpPlan | null {
  const askedTargets = new Set(ctx.asked.map((a) => a.target.toLocaleLowerCase('en')));
  const askedKinds = new Set(ctx.asked.map((a) => a.kind));
  const fresh = (target: string) => !askedTargets.has(target.toLocaleLowerCase('en'));
  const { missed, partly } = keyPointsByState(ctx.evaluation);
  const n = ctx.asked.length;
  const seed = `${ctx.seed}:${n}`;
  const { type } = ctx.question;

  const probe = (keyPoint: string, state: 'missed' | 'partly'): FollowUpPlan => ({
    kind: 'probe_key_point',
    target: keyPoint,
    text: phraseFollowUp({ kind: 'probe_key_point', keyPoint, state, type, seed }),
    keyPoints: [keyPoint],
    referenceAnswer: referenceFor(keyPoint, ctx.question.referenceAnswer),
  });
  const example = (): FollowUpPlan | null => {
    if (type === 'aptitude' || !fresh(EXAMPLE_TARGET)) return null;
    const storyMissing = ctx.evaluation.guards?.some((g) => g.kind === 'no_example') ?? false;
    if (!storyMissing && hasConcreteExample(ctx.answer)) return null;
    return {
      kind: 'ask_example',
      target: EXAMPLE_TARGET,
      text: phraseFollowUp({ kind: 'ask_example', type, seed }),
      keyPoints: exampleKeyPoints(type),
      referenceAnswer: null,
    };
  };
  const claim = (): FollowUpPlan | null => {
    if (type === 'aptitude') return null;
    const found = findClaims(ctx.answer, ctx.question.text).find((c) => fresh(c.phrase));
    if (!found) return null;
    return {
      kind: 'dig_claim',
      target: found.phrase,
      text: phraseFollowUp({ kind: 'dig_claim', claim: found.phrase, type, seed }),
      keyPoints: claimKeyPoints(found.phrase),
      referenceAnswer: null,
    };
  };

  const firstMissed = missed.find(fresh);
  const firstPartly = partly.find(fresh);
  const missedProbe = () => (firstMissed ? probe(firstMissed, 'missed') : null);
  const partlyProbe = () => (firstPartly ? probe(firstPartly, 'partly') : null);
  // The first follow-up goes to the biggest gap; a later one turns to another kind, so the
  // conversation does not drill one way.
  const order: (() => FollowUpPlan | null)[] =
    n === 0 || !askedKinds.has('probe_key_point') ? [missedProbe, example, partlyProbe, claim] : [example, claim, missedProbe, partlyProbe];
  for (const next of order) {
    const plan = next();
    if (plan) return plan;
  }
  return null;
}
