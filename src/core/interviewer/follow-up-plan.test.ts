import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../contract/interviews.js';
import { findClaims, hasConcreteExample } from './answer-claims.js';
import { planFollowUp, referenceFor, type FollowUpContext } from './follow-up-plan.js';
import { keyPointSubject } from './follow-up-phrasing.js';
import { combineQuestionScore } from './question-score.js';

const question = {
  text: 'How would you speed up a slow SQL query that filters orders by customer and date?',
  type: 'technical' as const,
  keyPoints: [
    'Read the query plan before changing anything',
    'A composite index on customer and date serves the filter',
    'Indexes slow down writes',
  ],
  referenceAnswer:
    'First read the query plan with EXPLAIN to see whether the database scans the whole table. A composite index on customer id and then date serves the filter and the sort. Every index slows down writes, so add only the ones the workload needs.',
};

function judged(states: Record<string, 'covered' | 'partly' | 'missed'>): FollowUpContext['evaluation'] {
  const keyPoints = Object.entries(states).map(([keyPoint, state]) => ({ keyPoint, state, evidence: [] }));
  return { keyPoints, missingKeyPoints: keyPoints.filter((k) => k.state === 'missed').map((k) => k.keyPoint), guards: [], star: null };
}

const ctx = (over: Partial<FollowUpContext>): FollowUpContext => ({
  question,
  answer:
    'I would add a composite index on customer_id and created_at, for example on our orders table it cut the query from 900 ms to 20 ms.',
  evaluation: judged({ [question.keyPoints[0]!]: 'missed', [question.keyPoints[1]!]: 'covered', [question.keyPoints[2]!]: 'partly' }),
  asked: [],
  seed: 'q1',
  ...over,
});

describe('planning a follow-up from the evaluation', () => {
  it('probes the key point the answer missed first, graded against that point and its part of the reference', () => {
    const plan = planFollowUp(ctx({}))!;
    expect(plan.kind).toBe('probe_key_point');
    expect(plan.target).toBe('Read the query plan before changing anything');
    expect(plan.keyPoints).toEqual(['Read the query plan before changing anything']);
    expect(plan.referenceAnswer).toContain('EXPLAIN');
    expect(plan.text).toMatch(/the query plan/);
    expect(plan.text).toMatch(/\?$/);
    // It names the subject, it does not read out the point.
    expect(plan.text).not.toContain('before changing anything');
  });

  it('asks for a concrete example when the answer gave none, and does not ask twice', () => {
    const abstract = ctx({
      answer: 'I would add an index that matches the filter and check that it is used.',
      evaluation: judged({ [question.keyPoints[0]!]: 'covered', [question.keyPoints[1]!]: 'covered', [question.keyPoints[2]!]: 'covered' }),
    });
    const plan = planFollowUp(abstract)!;
    expect(plan.kind).toBe('ask_example');
    expect(plan.keyPoints).toHaveLength(3);
    const second = planFollowUp({ ...abstract, asked: [{ kind: plan.kind, target: plan.target }] });
    expect(second?.kind).not.toBe('ask_example');
  });

  it('digs into a claim the candidate made when every point is covered', () => {
    const plan = planFollowUp(
      ctx({
        evaluation: judged({
          [question.keyPoints[0]!]: 'covered',
          [question.keyPoints[1]!]: 'covered',
          [question.keyPoints[2]!]: 'covered',
        }),
      }),
    )!;
    expect(plan.kind).toBe('dig_claim');
    expect(plan.text).toMatch(/^You (mentioned|brought up)|^Let's dig into/);
    expect(plan.keyPoints.join(' ')).toContain(plan.target);
  });

  it('a second follow-up turns to another kind, and a point is never probed twice', () => {
    const first = planFollowUp(ctx({}))!;
    const second = planFollowUp(ctx({ asked: [{ kind: first.kind, target: first.target }] }))!;
    expect(second.target).not.toBe(first.target);
    expect(second.kind).not.toBe('probe_key_point');
  });

  it('has nothing to ask when the answer covered everything with an example and names nothing new', () => {
    const plan = planFollowUp(
      ctx({
        answer: 'For example, at my last job the orders query filtered by customer and date.',
        evaluation: judged({
          [question.keyPoints[0]!]: 'covered',
          [question.keyPoints[1]!]: 'covered',
          [question.keyPoints[2]!]: 'covered',
        }),
      }),
    );
    expect(plan).toBeNull();
  });

  it('asks about the story in a behavioural question that had none', () => {
    const ev: Pick<Evaluation, 'keyPoints' | 'missingKeyPoints' | 'guards' | 'star'> = {
      keyPoints: [],
      missingKeyPoints: [],
      guards: [{ kind: 'no_example', detail: 'no story', cap: 40 }],
      star: null,
    };
    const plan = planFollowUp({
      question: { text: 'Tell me about a time you disagreed with a teammate.', type: 'behavioral', keyPoints: [], referenceAnswer: null },
      answer: 'I usually listen first and try to find common ground.',
      evaluation: ev,
      asked: [],
      seed: 'b1',
    })!;
    expect(plan.kind).toBe('ask_example');
    expect(plan.text).toMatch(/situation|real time/);
  });
});

describe('the words of the answer', () => {
  it('finds named things the question does not already say', () => {
    const claims = findClaims('We put Redis in front and used a composite index plus JWT sessions.', 'How would you make the page faster?');
    const phrases = claims.map((c) => c.phrase);
    expect(phrases).toEqual(expect.arrayContaining(['JWT', 'Redis', 'composite index']));
    expect(findClaims('An index helps.', 'What is an index?')).toEqual([]);
  });

  it('tells a concrete answer from an abstract one', () => {
    expect(hasConcreteExample('For instance, our checkout service timed out.')).toBe(true);
    expect(hasConcreteExample('It went from 900 ms to 120 ms.')).toBe(true);
    expect(hasConcreteExample('You should generally cache things.')).toBe(false);
  });

  it('names a key point by its subject, or not at all', () => {
    expect(keyPointSubject('Threads within a process share memory but each has its own stack')).toBe('threads within a process');
    expect(keyPointSubject('Defined what the role needs before assessing candidates')).toBeNull();
    expect(keyPointSubject('It can be done top-down with memoization')).toBeNull();
  });

  it('picks the reference sentences about one point', () => {
    expect(referenceFor('Indexes slow down writes', question.referenceAnswer)).toMatch(/^Every index slows down writes/);
    expect(referenceFor('Anything', null)).toBeNull();
  });
});

describe("a question's score with its follow-ups", () => {
  it('weighs the first answer twice and leaves unanswered follow-ups out', () => {
    expect(combineQuestionScore(80, [])).toBe(80);
    expect(combineQuestionScore(80, [null])).toBe(80);
    expect(combineQuestionScore(80, [20])).toBe(60);
    expect(combineQuestionScore(60, [90, 90])).toBe(75);
  });
});
