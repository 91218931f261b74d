import { describe, expect, it } from 'vitest';
import { measureDelivery, pausesOf, wordsOf, type TimedWord } from './delivery-metrics.js';

/** Words spoken evenly at `wpm`, with extra silences inserted after given word indexes. */
function timed(text: string, wpm: number, silences: Record<number, number> = {}): TimedWord[] {
  const per = 60 / wpm;
  let t = 0.3;
  return wordsOf(text).map((word, i) => {
    const w = { word, start: t, end: t + per * 0.8 };
    t += per + (silences[i] ?? 0);
    return w;
  });
}

const STORY =
  'When our release slipped I split the work into three parts, asked each owner for a date, and we shipped two days late instead of two weeks';

describe('measureDelivery', () => {
  it('measures pace from word timings and finds each pause with its onset', () => {
    const words = timed(STORY, 150, { 5: 1.2, 15: 0.7 });
    const d = measureDelivery({ transcript: STORY, words });
    expect(d.words).toBe(27);
    // 27 words over the voiced span (which includes the two extra silences) → below 150.
    expect(d.wordsPerMinute).toBe(Math.round((27 / (words.at(-1)!.end - words[0]!.start)) * 60));
    expect(d.pauses).toHaveLength(2);
    expect(d.pauses[0]!.startSeconds).toBeCloseTo(words[5]!.end, 3);
    expect(d.pauses[0]!.seconds).toBeCloseTo(1.2 + 0.4 * 0.2, 3);
    expect(d.longestPauseSeconds).toBe(d.pauses[0]!.seconds);
  });

  it('ignores gaps shorter than half a second', () => {
    expect(pausesOf(timed(STORY, 150, { 3: 0.05 }))).toEqual([]);
  });

  it('advises slowing down when fast, and names the pace', () => {
    const d = measureDelivery({ transcript: STORY, words: timed(STORY, 200) });
    expect(d.wordsPerMinute).toBeGreaterThan(185);
    expect(d.advice[0]).toMatch(/^You spoke at \d+ words per minute; aim for 130–160/);
  });

  it('uses the recording length for pace when there are no timings, and reports no pauses it cannot know', () => {
    const d = measureDelivery({ transcript: STORY, recordingSeconds: 12 });
    expect(d.wordsPerMinute).toBe(135);
    expect(d.pauses).toEqual([]);
    expect(d.longestPauseSeconds).toBeNull();
    expect(d.advice).toEqual([]);
  });

  it('has no pace for a typed answer', () => {
    const d = measureDelivery({ transcript: STORY });
    expect(d.wordsPerMinute).toBeNull();
    expect(d.speakingSeconds).toBeNull();
  });

  it('counts fillers per 100 words and hedges apart from them', () => {
    const text = 'Um so I think we uh basically rewrote it, you know, and maybe I guess it um worked, I think';
    const d = measureDelivery({ transcript: text });
    expect(d.fillers).toEqual([
      { word: 'um', count: 2 },
      { word: 'basically', count: 1 },
      { word: 'uh', count: 1 },
      { word: 'you know', count: 1 },
    ]);
    expect(d.fillersPer100Words).toBe(Math.round((5 / d.words) * 1000) / 10);
    expect(d.hedges).toEqual([
      { phrase: 'i think', count: 2 },
      { phrase: 'i guess', count: 1 },
      { phrase: 'maybe', count: 1 },
    ]);
    expect(d.advice.some((a) => a.includes('filler words per 100'))).toBe(true);
    expect(d.advice.some((a) => a.startsWith('You hedged 4 times'))).toBe(true);
  });

  it('does not mistake words that contain a filler for one', () => {
    const d = measureDelivery({ transcript: 'The umbrella team erred on the side of caution; mighty effort.' });
    expect(d.fillers).toEqual([]);
    expect(d.hedges).toEqual([]);
  });
});
