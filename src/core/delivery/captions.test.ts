import { describe, expect, it } from 'vitest';
import { captionsOf, sentencesOf } from './captions.js';

const TEXT = 'I led the migration. It took six weeks! We kept every service up.';

describe('captions', () => {
  it('shares the recording out by words when there are no timings', () => {
    const cues = captionsOf(TEXT, 14);
    expect(cues.map((c) => c.text)).toEqual(['I led the migration.', 'It took six weeks!', 'We kept every service up.']);
    // 4, 4 and 5 words over 14 s: 13 words → 4/13*14 ≈ 4.31 s for the first.
    expect(cues[0]!.end).toBeCloseTo((4 / 13) * 14, 5);
    expect(cues[2]!.end).toBeCloseTo(14, 5);
  });

  it('follows word timings when given', () => {
    const words = TEXT.split(' ').map((w, i) => ({ word: w, start: i * 0.5, end: i * 0.5 + 0.4 }));
    const cues = captionsOf(TEXT, 99, words);
    expect(cues[1]).toMatchObject({ start: 2, end: 3.9 });
  });

  it('cuts a long sentence so a caption fits', () => {
    expect(sentencesOf(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '), 16)).toHaveLength(2);
  });
});
