import type { DeliveryPause } from '../../contract/media.js';
import type { Pcm } from './wav.js';

/** What the recording itself says about how the answer was spoken. */
export interface VoiceAnalysis {
  /** Where speech starts and ends in the recording, in seconds. */
  speechStartSeconds: number;
  speechEndSeconds: number;
  /** Voiced time: from the first word to the last, less the pauses. */
  speakingSeconds: number;
  /** Silences of PAUSE_SECONDS or more inside the speech, from the start of the recording. */
  pauses: DeliveryPause[];
  /** Spread of the voice's pitch (standard deviation, in semitones); null when too little was voiced. */
  pitchVariationSemitones: number | null;
  medianPitchHz: number | null;
  /** Level of the voiced parts (dB below full scale). */
  loudnessDbfs: number;
  /** Share of samples at full scale (the recording distorted). */
  clippedPercent: number;
}

const FRAME_SECONDS = 0.02;
const HOP_SECONDS = 0.01;
/** Gaps shorter than this are stops and joins inside speech, not silences. */
const BRIDGE_SECONDS = 0.2;
/** Voiced runs shorter than this are clicks and bumps, not speech. */
const MIN_RUN_SECONDS = 0.05;
const SILENT_DB = -100;
/** Loudest frames below this: nothing was said loud enough to count as speech. */
const SPEECH_PEAK_DB = -60;
/** Contrast between the quiet and the loud frames that speech always has (syllables and gaps). */
const MIN_CONTRAST_DB = 10;
const PITCH_RATE = 8000;
const PITCH_MIN_HZ = 70;
const PITCH_MAX_HZ = 400;
/** YIN's threshold on the cumulative mean normalised difference: lower is stricter about voicing. */
const YIN_THRESHOLD = 0.15;
/** Pitch is estimated on at most this many frames, spread over the speech: enough for a spread, bounded cost. */
const MAX_PITCH_FRAMES = 3000;

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const round1 = (n: number) => Math.round(n * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))]!;
}

/**
 * Voice activity from frame energy against the recording's own noise floor (an adaptive energy
 * detector: robust on clean and roomy recordings alike, with no model to load), then pauses,
 * pitch (YIN on the voiced frames) and level. Null when the recording holds no speech.
 */
export function analyseVoice(pcm: Pcm, pauseSeconds: number): VoiceAnalysis | null {
  const { samples, sampleRate } = pcm;
  const frame = Math.max(1, Math.round(FRAME_SECONDS * sampleRate));
  const hop = Math.max(1, Math.round(HOP_SECONDS * sampleRate));
  if (samples.length < frame) return null;
  const frames = Math.floor((samples.length - frame) / hop) + 1;
  const power = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * hop, end = i + frame; i < end; i++) sum += samples[i]! * samples[i]!;
    power[f] = sum / frame;
  }
  const db = Array.from(power, (p) => (p > 0 ? Math.max(SILENT_DB, 10 * Math.log10(p)) : SILENT_DB));
  const sorted = [...db].sort((a, b) => a - b);
  const floor = percentile(sorted, 0.1);
  const peak = percentile(sorted, 0.95);
  if (peak < SPEECH_PEAK_DB || peak - floor < MIN_CONTRAST_DB) return null;
  const threshold = floor + Math.max(MIN_CONTRAST_DB * 0.8, (peak - floor) * 0.3);

  // Runs of voiced frames, as [start, end) in seconds (frame centres ± half a hop).
  const runs: { start: number; end: number }[] = [];
  for (let f = 0; f < frames; f++) {
    if (db[f]! < threshold) continue;
    const start = f;
    while (f + 1 < frames && db[f + 1]! >= threshold) f++;
    const centre = (i: number) => (i * hop + frame / 2) / sampleRate;
    runs.push({ start: centre(start) - HOP_SECONDS / 2, end: centre(f) + HOP_SECONDS / 2 });
  }
  const segments: { start: number; end: number }[] = [];
  for (const run of runs) {
    const last = segments[segments.length - 1];
    if (last && run.start - last.end < BRIDGE_SECONDS) last.end = run.end;
    else segments.push({ ...run });
  }
  const speech = segments.filter((s) => s.end - s.start >= MIN_RUN_SECONDS);
  if (speech.length === 0) return null;

  const pauses: DeliveryPause[] = [];
  for (let i = 1; i < speech.length; i++) {
    const gap = speech[i]!.start - speech[i - 1]!.end;
    if (gap >= pauseSeconds) pauses.push({ startSeconds: round3(speech[i - 1]!.end), seconds: round3(gap) });
  }
  const speechStart = speech[0]!.start;
  const speechEnd = speech[speech.length - 1]!.end;
  const paused = pauses.reduce((n, p) => n + p.seconds, 0);

  let voicedPower = 0;
  let voicedFrames = 0;
  for (let f = 0; f < frames; f++)
    if (db[f]! >= threshold) {
      voicedPower += power[f]!;
      voicedFrames++;
    }
  let clipped = 0;
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]!) >= 0.999) clipped++;

  const pitch = pitchSpread(pcm, speech);
  return {
    speechStartSeconds: round3(speechStart),
    speechEndSeconds: round3(speechEnd),
    speakingSeconds: round3(speechEnd - speechStart - paused),
    pauses,
    pitchVariationSemitones: pitch ? round1(pitch.spread) : null,
    medianPitchHz: pitch ? Math.round(pitch.median) : null,
    loudnessDbfs: round1(10 * Math.log10(voicedPower / voicedFrames)),
    clippedPercent: round3((clipped / samples.length) * 100),
  };
}

/** The signal at about PITCH_RATE, box-filtered first so that high frequencies do not fold into the pitch range. */
function downsample(pcm: Pcm): Pcm {
  const factor = Math.max(1, Math.floor(pcm.sampleRate / PITCH_RATE));
  if (factor === 1) return pcm;
  const out = new Float32Array(Math.floor(pcm.samples.length / factor));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let k = 0; k < factor; k++) sum += pcm.samples[i * factor + k]!;
    out[i] = sum / factor;
  }
  return { samples: out, sampleRate: pcm.sampleRate / factor };
}

/** YIN (de Cheveigné and Kawahara, 2002) on one window: the fundamental in Hz, or null when unvoiced. */
function yin(x: Float32Array, at: number, window: number, rate: number): number | null {
  const minLag = Math.floor(rate / PITCH_MAX_HZ);
  const maxLag = Math.ceil(rate / PITCH_MIN_HZ);
  if (at + window + maxLag > x.length) return null;
  const diff = new Float64Array(maxLag + 1);
  for (let lag = 1; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = 0; i < window; i++) {
      const d = x[at + i]! - x[at + i + lag]!;
      sum += d * d;
    }
    diff[lag] = sum;
  }
  let running = 0;
  for (let lag = 1; lag <= maxLag; lag++) {
    running += diff[lag]!;
    const normalised = running > 0 ? (diff[lag]! * lag) / running : 1;
    if (lag >= minLag && normalised < YIN_THRESHOLD) {
      // Walk down to the local minimum, then refine it between its neighbours.
      let best = lag;
      while (best + 1 <= maxLag && diff[best + 1]! < diff[best]!) best++;
      const a = diff[best - 1]!;
      const b = diff[best]!;
      const c = best + 1 <= maxLag ? diff[best + 1]! : b;
      const shift = a + c - 2 * b !== 0 ? (a - c) / (2 * (a + c - 2 * b)) : 0;
      return rate / (best + Math.max(-1, Math.min(1, shift)));
    }
  }
  return null;
}

function pitchSpread(pcm: Pcm, speech: readonly { start: number; end: number }[]): { spread: number; median: number } | null {
  const low = downsample(pcm);
  const window = Math.round(0.03 * low.sampleRate);
  const step = 0.02;
  const starts: number[] = [];
  for (const s of speech) for (let t = s.start; t + 0.03 <= s.end; t += step) starts.push(t);
  const stride = Math.max(1, Math.ceil(starts.length / MAX_PITCH_FRAMES));
  const hz: number[] = [];
  for (let i = 0; i < starts.length; i += stride) {
    const f0 = yin(low.samples, Math.round(starts[i]! * low.sampleRate), window, low.sampleRate);
    if (f0 !== null) hz.push(f0);
  }
  if (hz.length < 20) return null;
  const median = percentile(
    [...hz].sort((a, b) => a - b),
    0.5,
  );
  // An octave away from the median is a tracking error (a halved or doubled period), not intonation.
  const semitones = hz.map((f) => 12 * Math.log2(f / median)).filter((s) => Math.abs(s) < 12);
  const mean = semitones.reduce((n, s) => n + s, 0) / semitones.length;
  const spread = Math.sqrt(semitones.reduce((n, s) => n + (s - mean) ** 2, 0) / semitones.length);
  return { spread, median };
}
