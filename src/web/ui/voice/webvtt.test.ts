import { describe, expect, it } from 'vitest';
import { toWebVtt } from './webvtt.js';

describe('toWebVtt', () => {
  it('writes valid WebVTT and keeps cue text from closing a cue', () => {
    const vtt = toWebVtt([{ start: 0, end: 61.5, text: 'a --> b' }]);
    expect(vtt).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:01:01.500\na -> b\n');
  });
});
