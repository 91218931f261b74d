import path from 'node:path';
import { axeViolations, expect, registerViaUi, shot, startPractice, test } from './fixtures.js';

// Chromium's fake camera and microphone, with the permission prompt answered yes: the recorder
// runs end to end with no person at the machine. The microphone plays an espeak-ng answer (looped),
// so the server measures a real voice: pauses, pitch and level.
const SPEECH = path.resolve('test/fixtures/voice/espeak-160-wpm.wav');
test.use({
  // axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
  bypassCSP: true,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${SPEECH}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
});

const TRANSCRIPT =
  'Um, when our checkout slowed down during a sale I added tracing, found a missing index on the orders table and added it. ' +
  'Latency fell from four seconds to three hundred milliseconds, and I think we wrote a runbook afterwards.';

test('a candidate records a spoken answer, uploads it, sees delivery figures and plays it back with captions', async ({ page }) => {
  // A long flow (sign-up, practice, recording, grading) on a shared two-core machine.
  test.setTimeout(300_000);
  await registerViaUi(page, 'Vera Voice');
  await startPractice(page, { type: 'Behavioral', questions: 2 });

  // The interviewer panel: avatar and read-aloud controls; settings persist on this device.
  const interviewer = page.getByRole('region', { name: 'Interviewer' });
  await expect(interviewer.getByRole('img', { name: /Neutral interviewer/ })).toBeVisible();
  await interviewer.getByText('Voice and interviewer settings').click();
  await interviewer.getByRole('radio', { name: 'Warm' }).check();
  await expect(interviewer.getByRole('img', { name: /Warm interviewer/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Interviewer' }).getByRole('img', { name: /Warm interviewer/ })).toBeVisible();

  const recorder = page.getByRole('region', { name: 'Answer out loud' });
  await expect(recorder.getByLabel('Microphone')).toBeVisible();
  await shot(page, 'voice-question');
  await recorder.getByRole('button', { name: 'Start recording' }).click();
  await expect(recorder.getByText(/recording starts in \d s/)).toBeVisible();
  await recorder.getByRole('button', { name: 'Start now' }).click();
  await expect(recorder.getByText(/Recording \d+:\d\d of 10:00/)).toBeVisible();
  // The fake microphone's voice moves the level meter.
  await expect
    .poll(async () => Number(await recorder.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')), {
      timeout: 15_000,
      intervals: [100],
    })
    .toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Interviewer' }).getByRole('img', { name: /listening/ })).toBeVisible();
  await page.waitForTimeout(4000);
  await recorder.getByRole('button', { name: 'Stop recording' }).click();
  await expect(recorder.getByText(/Recording saved \(\d+:\d\d\)/)).toBeVisible({ timeout: 20_000 });
  await expect(recorder.getByRole('button', { name: 'Record again' })).toBeVisible();
  expect(await axeViolations(page), 'recorded answer before submit').toEqual([]);

  // No speech recognition offline: the candidate types what they said.
  await page.getByLabel('Your answer').fill(TRANSCRIPT);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 30_000 });

  const review = page.getByRole('region', { name: 'Your recorded answer' });
  const delivery = review.getByTestId('delivery');
  await expect(delivery.getByText(/\d+ wpm/)).toBeVisible();
  await expect(delivery.getByText('um', { exact: true })).toBeVisible();
  // Measured from the recording itself: espeak-ng's voice is flat, and clean.
  await expect(delivery.getByText('Pitch variation')).toBeVisible();
  await expect(delivery.getByText('sounds flat', { exact: true })).toBeVisible();
  await expect(delivery.getByText(/-\d+ dBFS/)).toBeVisible();

  // The stored recording plays (WebM with its duration written in) and the transcript follows.
  const audio = review.getByLabel('Recording', { exact: true });
  await expect.poll(() => audio.evaluate((a: HTMLMediaElement) => a.duration), { timeout: 10_000 }).toBeGreaterThan(2);
  expect(await audio.evaluate((a: HTMLMediaElement) => Number.isFinite(a.duration))).toBe(true);
  // Two sentences of 23 and 17 words: captions hold at most 16 words, so four cues.
  await expect.poll(() => audio.evaluate((a: HTMLMediaElement) => a.textTracks[0]?.cues?.length ?? 0)).toBe(4);
  await review.getByRole('button', { name: /^Latency fell/ }).click();
  await expect(review.getByRole('button', { name: /^Latency fell/ })).toHaveAttribute('aria-current', 'true', { timeout: 10_000 });
  // A key point's evidence plays the sentence that makes it.
  await audio.evaluate((a: HTMLMediaElement) => {
    a.pause();
    a.currentTime = 0;
  });
  const keyPoints = page.getByTestId('key-point-review');
  const made = keyPoints.getByRole('button', { pressed: false }).filter({ hasText: /Covered|Partly/ });
  if ((await made.count()) > 0) {
    await made.first().click();
    await keyPoints.getByRole('button', { name: 'Play where you said it' }).click();
    await expect.poll(() => audio.evaluate((a: HTMLMediaElement) => a.currentTime)).toBeGreaterThan(0);
  }
  expect(await axeViolations(page), 'spoken answer review').toEqual([]);
  await shot(page, 'voice-feedback');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await shot(page, 'voice-feedback-dark');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('button', { name: 'Next question' }).click();
  await shot(page, 'voice-question-360');
});
