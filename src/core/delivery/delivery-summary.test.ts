import { describe, expect, it } from 'vitest';
import { measureDelivery } from './delivery-metrics.js';
import { summariseDelivery } from './delivery-summary.js';

const words = (n: number, filler = '') => Array.from({ length: n }, (_, i) => (filler && i % 10 === 0 ? filler : 'word')).join(' ');

describe('the spoken answers of an interview taken together', () => {
  it('is absent when nothing was spoken', () => {
    expect(summariseDelivery([])).toBeNull();
  });

  it('weighs pace by words, counts fillers over all words, and keeps the longest pause', () => {
    const fast = measureDelivery({ transcript: words(200, 'um'), recordingSeconds: 60 });
    const calm = measureDelivery({ transcript: words(100), recordingSeconds: 60 });
    const summary = summariseDelivery([fast, calm])!;
    expect(summary).toMatchObject({ spokenAnswers: 2, words: 300, wordsPerMinute: 150, fillersPer100Words: 6.7 });
    expect(summary.advice.join(' ')).toMatch(/filler words per 100/);
    // One fast answer of two is not "most": no pace advice across the interview.
    expect(summary.advice.join(' ')).not.toMatch(/faster than/);
    expect(summariseDelivery([fast, fast, calm])!.advice.join(' ')).toMatch(/faster than 160/);
  });

  it('says the voice stayed flat only from answers whose recording was measured', () => {
    const voice = {
      speechStartSeconds: 0,
      speechEndSeconds: 30,
      speakingSeconds: 30,
      pauses: [],
      medianPitchHz: 110,
      loudnessDbfs: -20,
      clippedPercent: 0,
    };
    const flat = measureDelivery({ transcript: words(70), voice: { ...voice, pitchVariationSemitones: 1.2 } });
    const typedTimes = measureDelivery({ transcript: words(70), recordingSeconds: 30 });
    expect(summariseDelivery([flat, typedTimes])!.pitchVariationSemitones).toBe(1.2);
    expect(summariseDelivery([flat])!.advice.join(' ')).toMatch(/flat/);
    expect(summariseDelivery([typedTimes])!.pitchVariationSemitones).toBeNull();
  });
});
