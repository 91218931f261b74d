import { describe, expect, it } from 'vitest';
import { estimateComplexity } from './complexity.js';
import { codingEvaluation, combineScores, countVerdicts, scoreCode } from './grading.js';
import { diffLines, sameAnswer, showRows, showValue } from './verdicts.js';

describe('sameAnswer', () => {
  it('compares JSON values exactly, object keys in any order', () => {
    expect(sameAnswer([1, 2], [1, 2], 'exact')).toBe(true);
    expect(sameAnswer([1, 2], [2, 1], 'exact')).toBe(false);
    expect(sameAnswer({ a: 1, b: 2 }, { b: 2, a: 1 }, 'exact')).toBe(true);
    expect(sameAnswer(1, '1', 'exact')).toBe(false);
  });
  it('accepts any order when the problem says so, at one or two levels', () => {
    expect(sameAnswer([1, 2, 2], [2, 1, 2], 'unordered')).toBe(true);
    expect(sameAnswer([1, 2, 2], [2, 1, 1], 'unordered')).toBe(false);
    expect(sameAnswer([['eat', 'tea'], ['bat']], [['bat'], ['tea', 'eat']], 'unordered_nested')).toBe(true);
    expect(sameAnswer([['eat', 'tea'], ['bat']], [['bat', 'tea'], ['eat']], 'unordered_nested')).toBe(false);
  });
  it('tolerates rounding in approximate answers only', () => {
    expect(sameAnswer(0.1 + 0.2, 0.3, 'approximate')).toBe(true);
    expect(sameAnswer(0.3, 0.31, 'approximate')).toBe(false);
  });
});

describe('diffLines', () => {
  it('shows where a long answer parts from the expected one', () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1);
    const expected = showValue(values);
    const actual = showValue(values.map((v) => (v === 15 ? 99 : v)));
    const diff = diffLines(expected, actual);
    expect(diff.filter((d) => d.kind !== 'same')).toEqual([
      { kind: 'expected', text: '  15,' },
      { kind: 'actual', text: '  99,' },
    ]);
  });
  it('caps a very long difference', () => {
    const diff = diffLines(Array.from({ length: 200 }, (_, i) => `${i}`).join('\n'), 'x', 20);
    expect(diff).toHaveLength(21);
    expect(diff.at(-1)!.text).toMatch(/more lines/);
  });
});

describe('estimateComplexity', () => {
  const grow = (f: (n: number) => number) => [5000, 15000, 50000].map((n) => ({ n, timeMs: f(n) }));
  it('reads linear, n log n and quadratic growth', () => {
    expect(estimateComplexity(grow((n) => n / 1000)).class).toBe('O(n)');
    expect(estimateComplexity(grow((n) => (n * Math.log2(n)) / 4000)).class).toBe('O(n log n)');
    expect(estimateComplexity(grow((n) => (n * n) / 1e6)).class).toBe('O(n^2)');
  });
  it('says when timings are too small to tell, and when the large input ran out of time', () => {
    expect(estimateComplexity(grow(() => 0.1)).note).toMatch(/could not be measured/);
    const timedOut = estimateComplexity(
      grow((n) => n / 1000),
      50000,
    );
    expect(timedOut.class).toBeNull();
    expect(timedOut.note).toMatch(/Ran out of time at n = 50,000/);
  });
});

describe('grading', () => {
  const linear = estimateComplexity([5000, 15000, 50000].map((n) => ({ n, timeMs: n / 1000 })));
  const quadratic = estimateComplexity([5000, 15000, 50000].map((n) => ({ n, timeMs: (n * n) / 1e6 })));
  it('gives most of the score for tests passed and the rest for efficiency', () => {
    expect(scoreCode(10, 10, linear, 'O(n)')).toBe(100);
    expect(scoreCode(10, 10, quadratic, 'O(n)')).toBe(90);
    expect(scoreCode(10, 10, quadratic, 'O(log n)')).toBe(80);
    expect(scoreCode(5, 10, linear, 'O(n)')).toBe(50);
    expect(scoreCode(0, 10, linear, 'O(n)')).toBe(0);
  });
  it('gives a query that returns every right row the whole grade, since its time growth is not measured', () => {
    const unmeasured = { class: null, exponent: null, points: [], note: 'A query is judged on the rows it returns.' };
    expect(scoreCode(8, 8, unmeasured, 'O(n log n)', false)).toBe(100);
    expect(scoreCode(4, 8, unmeasured, 'O(n log n)', false)).toBe(50);
    expect(scoreCode(0, 8, unmeasured, 'O(n log n)', false)).toBe(0);
  });
  it('weighs a written explanation at 15 %', () => {
    expect(combineScores(100, null)).toBe(100);
    expect(combineScores(100, 40)).toBe(91);
  });
  it('builds an evaluation whose score factors add up to the score', () => {
    const codeScore = scoreCode(7, 10, quadratic, 'O(n log n)');
    const evaluation = codingEvaluation({
      passed: 7,
      total: 10,
      verdicts: countVerdicts([...Array(7).fill({ verdict: 'passed' }), ...Array(3).fill({ verdict: 'time_limit' })]),
      complexity: quadratic,
      expectedComplexity: 'O(n log n)',
      codeScore,
      explanation: null,
      score: codeScore,
      language: 'python',
    });
    expect(evaluation.score).toBe(codeScore);
    expect(evaluation.scoreFactors!.reduce((s, f) => s + f.effect, 0)).toBe(codeScore);
    expect(evaluation.improvements.join(' ')).toMatch(/3 time limit exceeded/);
  });
});

describe('showRows', () => {
  it('shows a result set a row per line, NULL by name, and says when there are none', () => {
    expect(
      showRows([
        ['Bo', 3, null],
        ['Cy', 1.5, 'x'],
      ]),
    ).toBe('Bo | 3 | NULL\nCy | 1.5 | x');
    expect(showRows([])).toBe('(no rows)');
    expect(showRows('not rows')).toBe('"not rows"');
  });
});
