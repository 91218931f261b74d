import type { Delivery, DeliveryPause } from '../../contract/media.js';
import type { VoiceAnalysis } from './voice-analysis.js';

/** A word of a transcript with its timing in the recording, in seconds (Whisper-style word timestamps). */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

export interface DeliveryInput {
  transcript: string;
  /** Word timings when the transcriber gave them: pauses and voiced time come from these. */
  words?: readonly TimedWord[] | undefined;
  /** The recording's length, used for the pace when there are no word timings. */
  recordingSeconds?: number | undefined;
  /** What the recording itself says (voice activity, pitch, level): pauses and voiced time come from it when there are no word timings. */
  voice?: VoiceAnalysis | null | undefined;
}

/** A spread of pitch below this many semitones sounds flat to a listener. */
export const MONOTONE_SEMITONES = 2;
/** Voiced parts quieter than this are hard to hear back. */
const QUIET_DBFS = -35;
/** More samples at full scale than this and the distortion is audible. */
const CLIPPED_PERCENT = 0.1;

/** A silence between words at least this long counts as a pause (Yoodli and Speaker Coach use about half a second). */
export const PAUSE_SECONDS = 0.5;
/** Conversational pace that listeners follow comfortably in an interview. */
export const PACE = { min: 130, max: 160 } as const;

// Fillers carry no meaning; hedges soften a claim. Kept apart so advice can name each.
const FILLERS = ['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'hmm', 'you know', 'i mean', 'basically', 'literally'];
const HEDGES = ['i think', 'i guess', 'i suppose', "i'm not sure", 'maybe', 'perhaps', 'probably', 'sort of', 'kind of', 'might'];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Lower-case words with apostrophes kept, so "I'm" and "don't" stay one word. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)
      ?.map((w) => w.replace('’', "'")) ?? []
  );
}

function countPhrases(words: readonly string[], phrases: readonly string[]): { phrase: string; count: number }[] {
  const joined = ` ${words.join(' ')} `;
  const out: { phrase: string; count: number }[] = [];
  for (const phrase of phrases) {
    const count = joined.split(` ${phrase} `).length - 1;
    if (count > 0) out.push({ phrase, count });
  }
  return out.sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
}

/** Silences of PAUSE_SECONDS or more between consecutive timed words. */
export function pausesOf(words: readonly TimedWord[]): DeliveryPause[] {
  const pauses: DeliveryPause[] = [];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.start - words[i - 1]!.end;
    if (gap >= PAUSE_SECONDS) pauses.push({ startSeconds: round1000(words[i - 1]!.end), seconds: round1000(gap) });
  }
  return pauses;
}

const round1000 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * How an answer was spoken, from its transcript: pace, pauses, fillers and hedges, with advice
 * in plain words. Pure: the same transcript always gives the same figures.
 */
export function measureDelivery(input: DeliveryInput): Delivery {
  const words = wordsOf(input.transcript);
  const timed = input.words && input.words.length > 0 ? input.words : undefined;
  const voice = input.voice ?? null;
  // Word timings are the most exact source; else the recording's voice activity (voiced time, its
  // own pauses); else only the recording's length.
  const speakingSeconds = timed
    ? Math.max(0, timed[timed.length - 1]!.end - timed[0]!.start)
    : voice
      ? voice.speakingSeconds
      : input.recordingSeconds && input.recordingSeconds > 0
        ? input.recordingSeconds
        : null;
  const wordsPerMinute =
    speakingSeconds && speakingSeconds > 0 && words.length > 0 ? Math.round((words.length / speakingSeconds) * 60) : null;
  const pauses = timed ? pausesOf(timed) : voice ? voice.pauses : [];
  const longestPauseSeconds = timed || voice ? (pauses.length ? Math.max(...pauses.map((p) => p.seconds)) : 0) : null;
  const fillerCounts = countPhrases(words, FILLERS);
  const fillerTotal = fillerCounts.reduce((n, f) => n + f.count, 0);
  const fillersPer100Words = words.length ? round1((fillerTotal / words.length) * 100) : 0;
  const hedges = countPhrases(words, HEDGES);

  const advice: string[] = [];
  if (wordsPerMinute !== null && wordsPerMinute > PACE.max) {
    advice.push(`You spoke at ${wordsPerMinute} words per minute; aim for ${PACE.min}–${PACE.max} so every point lands.`);
  } else if (wordsPerMinute !== null && wordsPerMinute < PACE.min - 20) {
    advice.push(`You spoke at ${wordsPerMinute} words per minute; aim for ${PACE.min}–${PACE.max} to keep the listener with you.`);
  }
  if (fillersPer100Words >= 3) {
    advice.push(
      `${fillersPer100Words} filler words per 100 (${fillerCounts
        .slice(0, 3)
        .map((f) => `“${f.phrase}”`)
        .join(', ')}): a short silent pause works better.`,
    );
  }
  const hedgeTotal = hedges.reduce((n, h) => n + h.count, 0);
  if (hedgeTotal >= 3) advice.push(`You hedged ${hedgeTotal} times (${hedges[0]!.phrase}…): state what you did and know plainly.`);
  if (longestPauseSeconds !== null && longestPauseSeconds >= 4) {
    advice.push(`Your longest pause was ${round1(longestPauseSeconds)} s; if you need time to think, say so briefly.`);
  }
  const monotone = voice?.pitchVariationSemitones != null ? voice.pitchVariationSemitones < MONOTONE_SEMITONES : null;
  if (monotone) {
    advice.push(
      `Your pitch varied by about ${voice!.pitchVariationSemitones} semitones, which sounds flat; let your voice rise and fall to stress the points that matter.`,
    );
  }
  if (voice && voice.clippedPercent > CLIPPED_PERCENT) {
    advice.push('The recording distorted where it was too loud: sit a little further from the microphone or lower its input level.');
  } else if (voice && voice.loudnessDbfs < QUIET_DBFS) {
    advice.push('Your voice was quiet in the recording: move closer to the microphone or raise its input level.');
  }

  return {
    words: words.length,
    speakingSeconds: speakingSeconds === null ? null : round1(speakingSeconds),
    wordsPerMinute,
    pauses,
    longestPauseSeconds: longestPauseSeconds === null ? null : round1000(longestPauseSeconds),
    fillers: fillerCounts.map((f) => ({ word: f.phrase, count: f.count })),
    fillersPer100Words,
    hedges,
    advice,
    ...(voice
      ? {
          pausesFrom: timed ? ('words' as const) : ('voice' as const),
          speechStartSeconds: voice.speechStartSeconds,
          pitchVariationSemitones: voice.pitchVariationSemitones,
          monotone,
          loudnessDbfs: voice.loudnessDbfs,
          clippedPercent: voice.clippedPercent,
        }
      : timed
        ? { pausesFrom: 'words' as const }
        : {}),
  };
}
