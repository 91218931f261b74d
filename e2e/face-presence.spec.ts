import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { api, newPerson, platformAdminPerson, seedOrg, signInViaApi } from './org-helpers.js';

// A real photograph (shipped with the face-detector package) stands in for the camera: the page's
// getUserMedia gets a canvas stream drawing the part of it the test chooses, and a tone for the
// microphone. Detection itself is the product's, on real pixels, in Chromium.
const PHOTO = readFileSync('node_modules/@vladmandic/face-api/demo/sample6.jpg');
const GROUP = [0, 0, 1920, 1537];
const ONE_FACE = [1450, 250, 420, 480];

test('camera proctoring: the pre-check finds one face, refuses a crowd, and a face that leaves the camera is logged for the coach', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const mailReader = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, mailReader.page, browser, 'Camera Proctored Co');
  const coach = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(coach.page, seed.coach);
  const candidate = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(candidate.page, seed.candidate);
  const k = candidate.page;
  await k.route('**/e2e-camera.jpg', (route) => route.fulfill({ body: PHOTO, contentType: 'image/jpeg' }));
  await k.addInitScript(() => {
    const w = window as unknown as { __crop: number[] | null };
    w.__crop = null;
    navigator.mediaDevices.getUserMedia = async () => {
      const img = new Image();
      img.src = '/e2e-camera.jpg';
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 360;
      const g = canvas.getContext('2d')!;
      const draw = () => {
        g.fillStyle = '#2b2b2b';
        g.fillRect(0, 0, canvas.width, canvas.height);
        const c = w.__crop;
        if (c) g.drawImage(img, c[0]!, c[1]!, c[2]!, c[3]!, 0, 0, canvas.width, canvas.height);
      };
      draw();
      setInterval(draw, 200);
      const stream = canvas.captureStream(5);
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      const sink = audio.createMediaStreamDestination();
      tone.connect(sink);
      tone.start();
      for (const track of sink.stream.getAudioTracks()) stream.addTrack(track);
      return stream;
    };
  });
  const setCrop = (crop: number[] | null) => k.evaluate((c) => ((window as unknown as { __crop: number[] | null }).__crop = c), crop);

  const me = (await api(k, 'GET', '/api/v1/auth/me')) as { user: { id: string } };
  const opens = new Date(Date.now() + 3000);
  const iv = (await api(coach.page, 'POST', '/api/v1/interviews', {
    kind: 'assigned',
    candidateId: me.user.id,
    type: 'behavioral',
    role: 'Field Technician',
    level: 'mid',
    questionCount: 1,
    windowStart: opens.toISOString(),
    windowEnd: new Date(opens.getTime() + 3600_000).toISOString(),
    durationMinutes: 30,
    proctoring: 'full',
  })) as { id: string };
  await k.waitForTimeout(3500);

  await k.goto(`/interviews/${iv.id}/precheck`);
  await expect(k.getByRole('heading', { level: 1, name: 'Device check' })).toBeVisible();
  await k.getByLabel(/I understand what is observed/).check();
  await k.getByRole('button', { name: 'Enter full screen' }).click();

  // A group in view: refused, with what to do.
  await setCrop(GROUP);
  await k.getByRole('button', { name: 'Run the checks' }).click();
  await expect(k.getByText('More than one face is in view. Only you should be in front of the camera.')).toBeVisible({ timeout: 120_000 });

  // The candidate alone: passes.
  await setCrop(ONE_FACE);
  await k.getByRole('button', { name: /Run the checks|Check again/ }).click();
  await expect(k.getByText('One face found.')).toBeVisible({ timeout: 120_000 });
  await k.getByRole('button', { name: 'Play a test tone' }).click();
  await k.getByRole('button', { name: 'I heard it' }).click();
  await k.getByRole('button', { name: 'Save the check' }).click();
  await expect(k.getByText('Your setup passed')).toBeVisible();
  await k.screenshot({ path: 'e2e/screenshots/proctoring-face-precheck.png', fullPage: true });
  await k.getByRole('button', { name: 'Continue to start' }).click();
  await k.getByRole('button', { name: 'Start interview' }).click();
  await expect(k.getByRole('textbox').first()).toBeVisible();

  // The candidate steps away: after two empty samples the log has face_missing, once.
  await setCrop(null);
  await expect
    .poll(
      async () => {
        const log = (await api(coach.page, 'GET', `/api/v1/interviews/${iv.id}/integrity`)) as { events: { kind: string }[] };
        return log.events.map((e) => e.kind).filter((kind) => kind === 'face_missing').length;
      },
      { timeout: 120_000, intervals: [2000] },
    )
    .toBe(1);
  await coach.page.goto(`/coach/interviews/${iv.id}`);
  await expect(coach.page.getByText('Log verified')).toBeVisible({ timeout: 30_000 });
  await expect(coach.page.getByRole('list', { name: 'Integrity events in order' }).getByText('Face not visible')).toBeVisible();
});
