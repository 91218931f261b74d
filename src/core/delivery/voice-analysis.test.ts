import { describe, expect, it } from 'vitest';
import { voiceFixtures } from '../../server/testing/voice-fixtures.js';
import { measureDelivery, PAUSE_SECONDS } from './delivery-metrics.js';
import { analyseVoice } from './voice-analysis.js';
import { decodeWav, type Pcm } from './wav.js';
import { captionsOf } from './captions.js';

const RATE = 16000;

/** A seeded generator, so the noise is the same on every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Syllable-like voiced bursts (a buzz with harmonics at the given pitches), separated by short gaps. */
function voiced(pitches: readonly number[], syllableSeconds = 0.25, gapSeconds = 0.08): Pcm {
  const per = Math.round(syllableSeconds * RATE);
  const gap = Math.round(gapSeconds * RATE);
  const samples = new Float32Array(pitches.length * (per + gap) + RATE);
  let at = RATE / 2;
  for (const f0 of pitches) {
    for (let i = 0; i < per; i++) {
      const t = i / RATE;
      const envelope = Math.sin((Math.PI * i) / per);
      let v = 0;
      for (let h = 1; h <= 5; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
      samples[at + i] = 0.2 * envelope * v;
    }
    at += per + gap;
  }
  return { samples, sampleRate: RATE };
}

describe('voice analysis of a recording', () => {
  for (const fixture of voiceFixtures()) {
    it(`${fixture.file}: pace within 8 %, every pause found, onsets within 100 ms`, () => {
      const pcm = decodeWav(fixture.bytes)!;
      expect(pcm.sampleRate).toBe(RATE);
      const voice = analyseVoice(pcm, PAUSE_SECONDS)!;
      const delivery = measureDelivery({ transcript: fixture.transcript, voice });
      const truthPace = (fixture.words / fixture.speechSeconds) * 60;
      expect(Math.abs(truthPace - fixture.targetWordsPerMinute) / fixture.targetWordsPerMinute).toBeLessThan(0.02);
      expect(delivery.words).toBe(fixture.words);
      expect(Math.abs(delivery.wordsPerMinute! - truthPace) / truthPace).toBeLessThan(0.08);
      expect(delivery.pausesFrom).toBe('voice');
      expect(delivery.pauses).toHaveLength(fixture.pauses.length);
      delivery.pauses.forEach((pause, i) => {
        const truth = fixture.pauses[i]!;
        expect(Math.abs(pause.startSeconds - (truth.startSeconds + fixture.leadSeconds))).toBeLessThan(0.1);
        expect(Math.abs(pause.seconds - truth.seconds)).toBeLessThan(0.1);
      });
      expect(voice.speechStartSeconds).toBeCloseTo(fixture.leadSeconds, 1);
      // espeak-ng's voice is famously flat, and clean: neither clipped nor quiet.
      expect(delivery.monotone).toBe(true);
      expect(voice.clippedPercent).toBe(0);
      expect(voice.loudnessDbfs).toBeGreaterThan(-30);
    });
  }

  it('finds the same pauses under room noise', () => {
    const fixture = voiceFixtures()[1]!;
    const clean = decodeWav(fixture.bytes)!;
    const rand = noise(7);
    // White noise at about -45 dBFS: a quiet room and an ordinary microphone.
    const noisy = { ...clean, samples: clean.samples.map((s) => s + rand() * 0.02) };
    const voice = analyseVoice(noisy, PAUSE_SECONDS)!;
    expect(voice.pauses).toHaveLength(fixture.pauses.length);
    voice.pauses.forEach((pause, i) =>
      expect(Math.abs(pause.startSeconds - (fixture.pauses[i]!.startSeconds + fixture.leadSeconds))).toBeLessThan(0.1),
    );
  });

  it('hears a lively voice as lively and a flat one as flat', () => {
    const flat = analyseVoice(voiced(Array(24).fill(120)), PAUSE_SECONDS)!;
    const lively = analyseVoice(voiced(Array.from({ length: 24 }, (_, i) => [110, 140, 180, 150][i % 4]!)), PAUSE_SECONDS)!;
    expect(flat.medianPitchHz).toBeGreaterThan(110);
    expect(flat.medianPitchHz).toBeLessThan(130);
    expect(flat.pitchVariationSemitones!).toBeLessThan(1);
    expect(lively.pitchVariationSemitones!).toBeGreaterThan(2.5);
    expect(measureDelivery({ transcript: 'one two three', voice: flat }).advice.join(' ')).toMatch(/sounds flat/);
    expect(measureDelivery({ transcript: 'one two three', voice: lively }).monotone).toBe(false);
  });

  it('says when the recording distorted or was too quiet', () => {
    const pcm = voiced(Array(20).fill(140));
    const loud = analyseVoice({ ...pcm, samples: pcm.samples.map((s) => Math.max(-1, Math.min(1, s * 12))) }, PAUSE_SECONDS)!;
    expect(loud.clippedPercent).toBeGreaterThan(0.1);
    expect(measureDelivery({ transcript: 'a b c', voice: loud }).advice.join(' ')).toMatch(/distorted/);
    const quiet = analyseVoice({ ...pcm, samples: pcm.samples.map((s) => s * 0.01) }, PAUSE_SECONDS)!;
    expect(quiet.loudnessDbfs).toBeLessThan(-35);
    expect(measureDelivery({ transcript: 'a b c', voice: quiet }).advice.join(' ')).toMatch(/quiet/);
  });

  it('finds no speech in silence, in hiss or in a steady tone, so the pace falls back to the recording length', () => {
    const rand = noise(3);
    const silence = { samples: new Float32Array(RATE * 3), sampleRate: RATE };
    const hiss = { samples: new Float32Array(RATE * 3).map(() => rand() * 0.01), sampleRate: RATE };
    const tone = { samples: new Float32Array(RATE * 3).map((_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / RATE)), sampleRate: RATE };
    for (const pcm of [silence, hiss, tone]) expect(analyseVoice(pcm, PAUSE_SECONDS)).toBeNull();
    expect(measureDelivery({ transcript: 'one two three four', recordingSeconds: 3, voice: null }).wordsPerMinute).toBe(80);
  });

  it('reads 8-bit, 24-bit, float and stereo WAV, and refuses what is not WAV', () => {
    const wav = (bits: number, code: number, channels: number, values: number[][]): Uint8Array => {
      const width = bits / 8;
      const data = values.length * channels * width;
      const b = Buffer.alloc(44 + data);
      b.write('RIFF', 0);
      b.writeUInt32LE(36 + data, 4);
      b.write('WAVEfmt ', 8);
      b.writeUInt32LE(16, 16);
      b.writeUInt16LE(code, 20);
      b.writeUInt16LE(channels, 22);
      b.writeUInt32LE(RATE, 24);
      b.writeUInt32LE(RATE * channels * width, 28);
      b.writeUInt16LE(channels * width, 32);
      b.writeUInt16LE(bits, 34);
      b.write('data', 36);
      b.writeUInt32LE(data, 40);
      values.forEach((frame, i) =>
        frame.forEach((v, c) => {
          const at = 44 + (i * channels + c) * width;
          if (code === 3) b.writeFloatLE(v, at);
          else if (bits === 8) b.writeUInt8(Math.round(v * 127 + 128), at);
          else b.writeIntLE(Math.round(v * (2 ** (bits - 1) - 1)), at, width);
        }),
      );
      return b;
    };
    expect(Array.from(decodeWav(wav(8, 1, 1, [[0.5], [-0.5]]))!.samples)).toEqual([expect.closeTo(0.5, 1), expect.closeTo(-0.5, 1)]);
    expect(decodeWav(wav(24, 1, 1, [[0.25]]))!.samples[0]).toBeCloseTo(0.25, 4);
    expect(decodeWav(wav(32, 3, 1, [[-0.75]]))!.samples[0]).toBeCloseTo(-0.75, 6);
    expect(decodeWav(wav(16, 1, 2, [[0.5, -0.1]]))!.samples[0]).toBeCloseTo(0.2, 3);
    expect(decodeWav(new TextEncoder().encode('OggS'.padEnd(64, '\0')))).toBeNull();
  });
});

describe('captions laid over the voice', () => {
  it.each(voiceFixtures().map((f) => [f.file, f] as const))('%s: start where speech starts and step over each pause', (_file, fixture) => {
    const voice = analyseVoice(decodeWav(fixture.bytes)!, PAUSE_SECONDS)!;
    const delivery = measureDelivery({ transcript: fixture.transcript, voice });
    const cues = captionsOf(fixture.transcript, delivery.speakingSeconds!, undefined, {
      speechStartSeconds: delivery.speechStartSeconds!,
      pauses: delivery.pauses,
    });
    // The four phrases are four sentences of at most 16 words: one cue each, starting after each pause.
    expect(cues).toHaveLength(4);
    expect(cues[0]!.start).toBeCloseTo(fixture.leadSeconds, 1);
    fixture.pauses.forEach((pause, i) => {
      const phraseStart = fixture.leadSeconds + pause.startSeconds + pause.seconds;
      expect(Math.abs(cues[i + 1]!.start - phraseStart)).toBeLessThan(0.5);
    });
  });
});
