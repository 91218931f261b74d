import { describe, expect, it } from 'vitest';
import { checkAptitudeAnswer, findNumbers, parseNumber } from './aptitude.js';

describe('findNumbers', () => {
  it('reads numbers the way people write them', () => {
    expect(findNumbers('It costs $1,250.50, about 3/4 of the budget, or 40% and twelve items').map((n) => n.value)).toEqual([
      1250.5, 0.75, 40, 12,
    ]);
    expect(parseNumber('minus $1')).toBe(-1);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('no digits here')).toBeNull();
  });
});

describe('checkAptitudeAnswer', () => {
  it('takes the committed result, not the last number of the working', () => {
    const answer = 'The rate is 45 / 3 = 15 pages per minute, so in 20 minutes it prints 300 pages in total. That is 20 times the rate.';
    const check = checkAptitudeAnswer(answer, '300');
    expect(check.correct).toBe(true);
    expect(check.finalAnswer).toBe('300');
  });

  it('reads a result given first, with the working after it, as the result', () => {
    expect(checkAptitudeAnswer('45 minutes (3/4 of an hour, since 60 × 0.75 = 45).', '45 minutes').correct).toBe(true);
    expect(checkAptitudeAnswer('3 days, because 1/6 + 1/3 = 1/2 of the job per day.', '3 days').finalAnswer).toBe('3');
    // A wrong leading result stays wrong, however right the working after it looks.
    expect(checkAptitudeAnswer('12 (90 / 6 = 15).', '15').correct).toBe(false);
    // Working that starts with a number is not a result given first.
    expect(checkAptitudeAnswer('4 × 15 = 60 and 60 − 15 = 45, so the answer is 45.', '45').correct).toBe(true);
  });

  it('reads "which is" as a result after a calculation but as a restatement after a result', () => {
    expect(checkAptitudeAnswer('The angle is 180 minus 105, which is 75 degrees.', '75 degrees').correct).toBe(true);
    expect(checkAptitudeAnswer('It handles 1,728,000 requests per day, which is 20 requests per second.', '1,728,000').correct).toBe(true);
  });

  it('skips sentences that reject an alternative', () => {
    const answer = 'The average speed is 40 km/h. Averaging 30 and 60 would give 45, which is wrong.';
    expect(checkAptitudeAnswer(answer, '40 km/h').correct).toBe(true);
  });

  it('marks a wrong final answer wrong but notices the right value in the working', () => {
    const check = checkAptitudeAnswer('15 times 20 is 300, minus the 20 spoiled pages, so the answer is 280.', '300');
    expect(check).toMatchObject({ correct: false, mentioned: true, finalAnswer: '280' });
  });

  it('checks word answers as whole words in a committing sentence', () => {
    expect(
      checkAptitudeAnswer('Every label is wrong, so I take a fruit from the box labelled Mixed.', 'The box labelled Mixed').correct,
    ).toBe(true);
    expect(checkAptitudeAnswer('It must be Friday.', 'U').correct).toBe(false);
    expect(checkAptitudeAnswer('It is not Wednesday.', 'Wednesday').correct).toBe(false);
  });

  it('does not take the question copied into the answer as the answer', () => {
    const q = 'Ann is taller than Ben. Dana is taller than Ann. Who is tallest?';
    expect(checkAptitudeAnswer('Ann is taller than Ben. Dana is taller than Ann.', 'Dana', q).correct).toBe(false);
    expect(checkAptitudeAnswer('Dana is the tallest, since she is taller than Ann who is taller than Ben.', 'Dana', q).correct).toBe(true);
  });

  it('finds no answer when there is no number', () => {
    expect(checkAptitudeAnswer('I would need a calculator for this.', '42')).toEqual({
      finalAnswer: null,
      correct: false,
      mentioned: false,
    });
  });
});
