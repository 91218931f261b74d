import { wordsOf, type TimedWord } from './delivery-metrics.js';

export interface Caption {
  start: number;
  end: number;
  text: string;
}

/** Sentences of a transcript; a long one is cut into parts of at most `maxWords` so a caption fits two lines. */
export function sentencesOf(transcript: string, maxWords = 16): string[] {
  const sentences =
    transcript
      .match(/[^.!?]+[.!?]*/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [];
  const out: string[] = [];
  for (const s of sentences) {
    const parts = s.split(/\s+/);
    for (let i = 0; i < parts.length; i += maxWords) out.push(parts.slice(i, i + maxWords).join(' '));
  }
  return out;
}

/**
 * Captions for a recording from its transcript. With word timings each caption spans its own
 * words; without them the recording's length is shared out by word count, which keeps captions
 * close to speech of even pace.
 */
export function captionsOf(transcript: string, recordingSeconds: number, words?: readonly TimedWord[]): Caption[] {
  const parts = sentencesOf(transcript);
  const counts = parts.map((p) => Math.max(1, wordsOf(p).length));
  const total = counts.reduce((a, b) => a + b, 0);
  const cues: Caption[] = [];
  let seen = 0;
  let t = 0;
  for (let i = 0; i < parts.length; i++) {
    const n = counts[i]!;
    if (words && words.length >= total) {
      cues.push({ start: words[seen]!.start, end: words[seen + n - 1]!.end, text: parts[i]! });
    } else {
      const length = (recordingSeconds * n) / total;
      cues.push({ start: t, end: t + length, text: parts[i]! });
      t += length;
    }
    seen += n;
  }
  return cues;
}
