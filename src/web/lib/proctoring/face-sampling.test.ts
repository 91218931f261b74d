import { describe, expect, it } from 'vitest';
import { nextDelay, observeFaces, SAMPLE_EVERY_MS, startWatch, type FaceEventKind } from './face-sampling.js';

function run(counts: number[]): (FaceEventKind | null)[] {
  let watch = startWatch();
  return counts.map((n) => {
    const step = observeFaces(watch, n);
    watch = step.watch;
    return step.event;
  });
}

describe('face sampling', () => {
  it('reports a missing face after two empty samples in a row, once, until the face is back', () => {
    expect(run([1, 0, 1, 0, 0, 0, 0, 1, 0, 0])).toEqual([null, null, null, null, 'face_missing', null, null, null, null, 'face_missing']);
  });

  it('reports a second face the same way, and a change from one finding to the other', () => {
    expect(run([2, 2, 2, 0, 0, 1])).toEqual([null, 'multiple_faces', null, null, 'face_missing', null]);
  });

  it('an honest session with one face throughout records nothing', () => {
    expect(run(Array.from({ length: 200 }, () => 1)).filter(Boolean)).toEqual([]);
  });

  it('samples every few seconds and never takes more than a quarter of a core', () => {
    expect(nextDelay(40)).toBe(SAMPLE_EVERY_MS);
    expect(nextDelay(900)).toBe(2700 > SAMPLE_EVERY_MS ? 2700 : SAMPLE_EVERY_MS);
    expect(nextDelay(2000)).toBe(6000);
    const share = (ms: number) => ms / (ms + nextDelay(ms));
    for (const ms of [10, 300, 1100, 5000]) expect(share(ms)).toBeLessThanOrEqual(0.25);
  });
});
