import { describe, expect, it } from 'vitest';
import { reconcileWithGuards } from './evaluate-answer.js';
import type { GuardHit } from './guards.js';
import type { KeyPointCoverage } from './key-points.js';

/**
 * The key points tell the same story as the guards, except where the off-topic cap comes from
 * the topic ranking on a short answer: the score is held down, but the point the answer does
 * make is not reported missed (telling a candidate they missed what they said is the worst error).
 */
const point = (state: KeyPointCoverage['state']): KeyPointCoverage =>
  ({
    text: 'Indexes slow down writes',
    coverage: 0.6,
    covered: state !== 'missed',
    state,
    evidence: [{ start: 0, end: 20 }],
    contradicted: false,
    wholeCoverage: 0.6,
    missingWords: [],
    matched: [{ start: 0, end: 20 }],
  }) as unknown as KeyPointCoverage;
const offTopic = (extra: Partial<GuardHit> = {}): GuardHit => ({
  kind: 'off_topic',
  cap: 10,
  message: 'Answer the question asked.',
  detail: 'The answer is about a different subject than the question.',
  ...extra,
});

describe('key points after an off-topic guard', () => {
  it('a long answer held down as being about another subject makes none of the points', () => {
    const [k] = reconcileWithGuards([point('partly')], [offTopic()], 120);
    expect(k!.state).toBe('missed');
    expect(k!.evidence).toEqual([]);
  });

  it('in a short answer, a point fully made with evidence is shown as partly made under an off-topic cap, never as missed', () => {
    const [k] = reconcileWithGuards([point('covered')], [offTopic()], 18);
    expect(k!.state).toBe('partly');
    expect(k!.evidence.length).toBe(1);
    expect(k!.note).toMatch(/another subject/);
  });

  it('in a short answer, a point the matcher is unsure of stays partly under an off-topic cap; one it finds absent is missed', () => {
    const [unsure, absent] = reconcileWithGuards([point('partly'), point('missed')], [offTopic()], 18);
    expect(unsure!.state).toBe('partly');
    expect(unsure!.note).toMatch(/another subject/);
    expect(absent!.state).toBe('missed');
    expect(absent!.evidence).toEqual([]);
  });

  it('in a long answer on another subject, a point the matcher took as made is still missed', () => {
    const [k] = reconcileWithGuards([point('covered')], [offTopic()], 180);
    expect(k!.state).toBe('missed');
    expect(k!.evidence).toEqual([]);
  });

  it('a ranking cap that keeps key points leaves a partly made point partly made, with its evidence', () => {
    const [k] = reconcileWithGuards([point('partly')], [offTopic({ keepsKeyPoints: true })]);
    expect(k!.state).toBe('partly');
    expect(k!.evidence.length).toBe(1);
  });
});
