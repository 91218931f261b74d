/**
 * How long measuring the voice in a recording takes (decode + voice activity + pitch + level),
 * per minute of audio, on the committed fixtures: WAV as it is, and Chromium's WebM/Opus decoded
 * with the WebAssembly Opus decoder. A 10-minute answer is the longest the recorder allows.
 *
 *   npm run bench:voice
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAUSE_SECONDS } from '../src/core/delivery/delivery-metrics.js';
import { analyseVoice } from '../src/core/delivery/voice-analysis.js';
import { decodeWav } from '../src/core/delivery/wav.js';
import { voiceOfRecording } from '../src/server/media/voice-of-recording.js';

const dir = path.resolve(import.meta.dirname, '../test/fixtures/voice');
const ms = (start: number) => performance.now() - start;

const wav = decodeWav(readFileSync(path.join(dir, 'espeak-160-wpm.wav')))!;
const minutes = 10;
const copies = Math.ceil((minutes * 60 * wav.sampleRate) / wav.samples.length);
const long = new Float32Array(wav.samples.length * copies);
for (let i = 0; i < copies; i++) long.set(wav.samples, i * wav.samples.length);
const longSeconds = long.length / wav.sampleRate;

analyseVoice(wav, PAUSE_SECONDS); // warm the JIT
let t = performance.now();
const result = analyseVoice({ samples: long, sampleRate: wav.sampleRate }, PAUSE_SECONDS)!;
const analyseMs = ms(t);
console.log(
  `analyse ${(longSeconds / 60).toFixed(1)} min of 16 kHz speech: ${analyseMs.toFixed(0)} ms ` +
    `(${((analyseMs / longSeconds) * 60).toFixed(0)} ms per minute), ${result.pauses.length} pauses found`,
);

const webm = readFileSync(path.join(dir, 'chromium-160-wpm.webm'));
await voiceOfRecording(webm, 'audio/webm'); // first call loads the decoder's WebAssembly
const runs = 5;
t = performance.now();
for (let i = 0; i < runs; i++) await voiceOfRecording(webm, 'audio/webm');
const webmMs = ms(t) / runs;
console.log(`decode + analyse 23 s of WebM/Opus: ${webmMs.toFixed(0)} ms (${((webmMs / 23) * 60).toFixed(0)} ms per minute of audio)`);
const rss = process.memoryUsage().rss / 2 ** 20;
console.log(`RSS after: ${rss.toFixed(0)} MiB`);
