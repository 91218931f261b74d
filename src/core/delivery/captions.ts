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
export function captionsOf(transcript: string, recordingSeconds: number, words?: readonly TimedWord[], voice?: SpeechTimeline): Caption[] {
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
  if (!voice || (words && words.length >= total)) return cues;
  const at = (t: number) => onRecording(t, voice);
  const laid = cues.map((c) => ({ ...c, start: at(c.start), end: at(c.end) }));
  // Captions are cut at sentences, and speakers pause between sentences: a cue that begins within
  // a couple of seconds of a pause begins when that pause ends (word counts only estimate where a
  // sentence falls; long words make it drift). Each pause takes one cue at most.
  const used = new Set<number>();
  for (let i = 1; i < laid.length; i++) {
    const start = laid[i]!.start;
    let near: (typeof voice.pauses)[number] | undefined;
    let best = Infinity;
    voice.pauses.forEach((p, k) => {
      const distance = Math.abs(p.startSeconds + p.seconds - start);
      if (!used.has(k) && distance <= Math.max(2, 2 * p.seconds) && distance < best && p.startSeconds > laid[i - 1]!.start) {
        near = p;
        best = distance;
      }
    });
    if (!near) continue;
    used.add(voice.pauses.indexOf(near));
    laid[i - 1]!.end = near.startSeconds;
    laid[i]!.start = Math.round((near.startSeconds + near.seconds) * 1000) / 1000;
    if (laid[i]!.end < laid[i]!.start) laid[i]!.end = laid[i]!.start;
  }
  return laid;
}

/** Where speech starts in the recording and the pauses inside it: what the voice analysis heard. */
export interface SpeechTimeline {
  speechStartSeconds: number;
  pauses: readonly { startSeconds: number; seconds: number }[];
}

/**
 * A moment of speaking time (the voiced time, pauses left out) as a moment of the recording:
 * captions shared out over the voiced time then fall where the voice is, not in its silences.
 */
function onRecording(t: number, voice: SpeechTimeline): number {
  let at = voice.speechStartSeconds + t;
  for (const pause of voice.pauses) {
    if (pause.startSeconds < at || (pause.startSeconds === at && t > 0)) at += pause.seconds;
    else break;
  }
  return Math.round(at * 1000) / 1000;
}
