import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, '../../../test/fixtures/voice');

/** One spoken answer made by scripts/make-voice-fixtures.sh, with what is known about it by construction. */
export interface VoiceFixture {
  file: string;
  bytes: Buffer;
  transcript: string;
  targetWordsPerMinute: number;
  words: number;
  /** Seconds of silence before the first word. */
  leadSeconds: number;
  /** Time spent speaking: the phrases' lengths, without the silences between them. */
  speechSeconds: number;
  /** The silences put between phrases; onsets count from the first word. */
  pauses: { startSeconds: number; seconds: number }[];
}

/** The espeak-ng answers at 120, 160 and 200 words per minute (test/fixtures/voice/). */
export function voiceFixtures(): VoiceFixture[] {
  const truth = JSON.parse(readFileSync(path.join(DIR, 'truth.json'), 'utf8')) as Record<
    string,
    Omit<VoiceFixture, 'file' | 'bytes' | 'transcript'>
  >;
  const transcript = readFileSync(path.join(DIR, 'transcript.txt'), 'utf8').trim().split('\n').join('. ') + '.';
  return Object.entries(truth).map(([file, t]) => ({ ...t, file, transcript, bytes: readFileSync(path.join(DIR, file)) }));
}

/** The 160 words-per-minute answer as Chromium recorded it from its fake microphone (WebM/Opus, scripts/record-voice-fixture.mjs). */
export function chromiumRecording(): Buffer {
  return readFileSync(path.join(DIR, 'chromium-160-wpm.webm'));
}
