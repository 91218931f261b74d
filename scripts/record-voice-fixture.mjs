// Records test/fixtures/voice/chromium-160-wpm.webm as a candidate's browser would: Chromium's
// fake microphone plays the espeak-ng fixture into getUserMedia and MediaRecorder writes WebM/Opus
// at 32 kbit/s. Needs Debian's chromium. Usage:
//   node scripts/record-voice-fixture.mjs test/fixtures/voice/espeak-160-wpm.wav test/fixtures/voice/chromium-160-wpm.webm 23
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
const wav = path.resolve(process.argv[2]),
  out = process.argv[3],
  seconds = Number(process.argv[4]),
  mime = process.argv[5] || 'audio/webm;codecs=opus';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}%noloop`,
    '--autoplay-policy=no-user-gesture-required',
  ],
});
const page = await browser.newPage();
const server = http.createServer((q, r) => r.end('<html><body>rec</body></html>')).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
await page.goto(`http://localhost:${server.address().port}/`);
const b64 = await page.evaluate(
  async ({ seconds, mime }) => {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    const rec = new MediaRecorder(stream, { mimeType: mime, audioBitsPerSecond: 32000 });
    const chunks = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    const done = new Promise((r) => (rec.onstop = r));
    rec.start(1000);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    rec.stop();
    await done;
    const buf = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let s = '';
    for (const b of buf) s += String.fromCharCode(b);
    return btoa(s);
  },
  { seconds, mime },
);
writeFileSync(out, Buffer.from(b64, 'base64'));
await browser.close();
server.close();
