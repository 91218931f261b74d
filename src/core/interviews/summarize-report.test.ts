import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../contract/interviews.js';
import { averageDimensions, overallScore, summarizeFeedback, summarizeSkillCoverage } from './summarize-report.js';

function evaluation(score: number, dims: Partial<Evaluation['dimensions']> = {}, extra: Partial<Evaluation> = {}): Evaluation {
  return {
    score,
    dimensions: { relevance: score, correctness: score, completeness: score, clarity: score, structure: score, ...dims },
    strengths: [],
    improvements: [],
    coveredKeyPoints: [],
    missingKeyPoints: [],
    grammar: [],
    star: null,
    confidence: 0.8,
    engine: 'local',
    engineVersion: 'test',
    ...extra,
  };
}

describe('report summary', () => {
  it('counts unanswered questions as zero in the overall score', () => {
    expect(overallScore([evaluation(80), null])).toBe(40);
    expect(overallScore([evaluation(80), evaluation(61)])).toBe(71);
  });
  it('has no overall score when nothing was answered', () => {
    expect(overallScore([null, null])).toBeNull();
    expect(overallScore([])).toBeNull();
  });
  it('averages each dimension', () => {
    expect(averageDimensions([evaluation(80, { clarity: 40 }), evaluation(60, { clarity: 60 })])).toEqual({
      relevance: 70,
      correctness: 70,
      completeness: 70,
      clarity: 50,
      structure: 70,
    });
  });
  it('counts unanswered questions as zero in each dimension, as in the overall score', () => {
    expect(averageDimensions([evaluation(80, { clarity: 40 })], 1)).toEqual({
      relevance: 40,
      correctness: 40,
      completeness: 40,
      clarity: 20,
      structure: 40,
    });
    expect(averageDimensions([], 3)).toBeNull();
  });
  it('names the weakest dimension and unanswered questions as improvements', () => {
    const s = summarizeFeedback([evaluation(80, { structure: 30 }), evaluation(82, { structure: 40 })], 1);
    expect(s.improvements.join(' ')).toMatch(/well-organised answers: it averaged 35/);
    expect(s.improvements.join(' ')).toMatch(/1 question was left unanswered/);
    expect(s.strengths.length).toBeGreaterThan(0);
  });
  it('surfaces notes that recur across answers', () => {
    const s = summarizeFeedback(
      [
        evaluation(50, {}, { improvements: ['Give a concrete example.'] }),
        evaluation(50, {}, { improvements: ['Give a concrete example.'] }),
      ],
      0,
    );
    expect(s.improvements).toContain('Give a concrete example.');
  });
});

describe('"Focus next on" and key points', () => {
  const judged = (keyPoint: string, state: 'covered' | 'partly' | 'missed') => ({ keyPoint, state, evidence: [] });

  it('lists only key points judged missed, most often missed first', () => {
    const s = summarizeFeedback(
      [
        evaluation(70, {}, { keyPoints: [judged('Indexes slow down writes', 'missed'), judged('A B-tree keeps keys sorted', 'partly')] }),
        evaluation(70, {}, { keyPoints: [judged('Indexes slow down writes', 'missed'), judged('Caches need invalidation', 'missed')] }),
        evaluation(70, {}, { keyPoints: [judged('Replicas lag behind the primary', 'covered')] }),
      ],
      0,
    );
    const focus = s.improvements.filter((i) => i.startsWith('Cover the key point'));
    expect(focus).toEqual([
      'Cover the key point you missed: Indexes slow down writes.',
      'Cover the key point you missed: Caches need invalidation.',
    ]);
    expect(s.improvements.join(' ')).not.toMatch(/B-tree|Replicas/);
  });

  it('drops a note that names a key point the engine judged partly or covered', () => {
    const s = summarizeFeedback(
      [
        evaluation(
          70,
          {},
          {
            keyPoints: [judged('A B-tree keeps keys sorted', 'partly')],
            improvements: ['Explain that a B-tree keeps keys sorted.', 'Give a concrete example.'],
          },
        ),
      ],
      0,
    );
    expect(s.improvements).toEqual(['Give a concrete example.']);
  });

  it('falls back to the missing list of evaluations stored before per-point judgements', () => {
    const s = summarizeFeedback(
      [evaluation(70, {}, { coveredKeyPoints: ['Reads get faster'], missingKeyPoints: ['Writes get slower'] })],
      0,
    );
    expect(s.improvements).toEqual(['Cover the key point you missed: Writes get slower.']);
  });
});

describe('skill coverage', () => {
  it('averages the scores of answered questions per target skill, most practised first', () => {
    const coverage = summarizeSkillCoverage(
      [
        { targetSkills: ['go', 'concurrency'], evaluation: evaluation(80) },
        { targetSkills: ['go'], evaluation: evaluation(61) },
        { targetSkills: ['sql'], evaluation: evaluation(40) },
        { targetSkills: ['sql', 'go'], evaluation: null },
      ],
      (id) => ({ go: 'Go', concurrency: 'Concurrency', sql: 'SQL' })[id] ?? id,
    );
    expect(coverage).toEqual([
      { skill: 'go', name: 'Go', questions: 2, averageScore: 71 },
      { skill: 'concurrency', name: 'Concurrency', questions: 1, averageScore: 80 },
      { skill: 'sql', name: 'SQL', questions: 1, averageScore: 40 },
    ]);
  });
  it('is empty when nothing targeted a skill or nothing was answered', () => {
    expect(summarizeSkillCoverage([{ targetSkills: [], evaluation: evaluation(90) }])).toEqual([]);
    expect(summarizeSkillCoverage([{ targetSkills: ['go'], evaluation: null }])).toEqual([]);
  });
  it('counts a skill once per question even when listed twice', () => {
    expect(summarizeSkillCoverage([{ targetSkills: ['go', 'go'], evaluation: evaluation(50) }])).toEqual([
      { skill: 'go', name: 'go', questions: 1, averageScore: 50 },
    ]);
  });
});
