import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { axeViolations, expect, hasHorizontalScroll, PASSWORD, registerViaUi, shot, test, uniqueEmail } from './fixtures.js';
import { confirmEmailViaApi, invitationLink, newPerson, signInViaApi, tokenOf } from './org-helpers.js';
import { platformAdmin } from './platform-admin.js';

const fixtures = path.resolve(import.meta.dirname, '../test/fixtures/resumes');
/** A clean two-page PDF resume (an ML engineer), and one with keywords hidden from a human reader. */
const CLEAN_PDF = 'pdf-ml-engineer-two-page.pdf';
const FLAGGED_PDF = 'pdf-marketing-hidden-keywords.pdf';
/** An image, to be uploaded under a name that pretends it is a PDF. */
const PNG = readFileSync(path.join(fixtures, 'bad/image.png'));

const JOB_TITLE = 'Machine Learning Engineer, Recommendations';
const JOB_TEXT =
  'We are hiring a machine learning engineer to train and ship recommendation models. You will build models in PyTorch and Python, ' +
  'feature pipelines on Apache Spark and Airflow, and serve models on Kubernetes. Requirements: 5+ years of experience with Python, ' +
  'PyTorch, SQL, Scala and Kubernetes. Nice to have: Kafka, Go, Terraform and experience with large language models. ' +
  'You explain trade-offs clearly to product managers.';
const CURATED_QUESTION = 'Walk us through how you would serve a PyTorch recommendation model behind an API with tail latency under 50 ms.';

const variants = [
  { name: 'light', suffix: '', use: { colorScheme: 'light' as const } },
  { name: 'dark', suffix: '-dark', use: { colorScheme: 'dark' as const } },
  {
    name: '360 px',
    suffix: '-360',
    use: { colorScheme: 'light' as const, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  },
];

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

async function csrfOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'panelist_csrf');
  if (!cookie) throw new Error('no CSRF cookie: not signed in');
  return decodeURIComponent(cookie.value);
}

/** A JSON API call as the signed-in person of `context`; fails the test on an error status. */
async function api<T = unknown>(
  context: BrowserContext,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  data?: unknown,
): Promise<T> {
  const request: APIRequestContext = context.request;
  const headers: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': await csrfOf(context) };
  const res = await request.fetch(url, { method, headers, ...(data === undefined ? {} : { data }) });
  expect(res.ok(), `${method} ${url} → ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** Slows uploads down (Chromium DevTools throttling) so the progress bar can be seen and pictured. */
async function throttleUploads(page: Page, bytesPerSecond: number | null): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: bytesPerSecond ? 20 : 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}

for (const variant of variants) {
  test.describe(`resumes and job descriptions (${variant.name})`, () => {
    test.use(variant.use);

    test('a coach shares a job; the candidate uploads a resume, checks it against the job and practises for it', async ({
      page,
      browser,
    }) => {
      test.setTimeout(240_000);
      const narrow = variant.suffix === '-360';
      const noSideScroll = async (p: Page, where: string) => {
        if (narrow) expect(await hasHorizontalScroll(p), `${where} scrolls sideways`).toBe(false);
      };
      const axe = async (p: Page, where: string) => {
        if (!narrow) expect(await axeViolations(p), where).toEqual([]);
      };

      // ── The coach: an organization, a job description written in the form, a curated question.
      const coachContext = await browser.newContext({ ...variant.use, baseURL: process.env.E2E_BASE_URL, bypassCSP: true });
      const coachPage = await coachContext.newPage();
      const coachErrors: string[] = [];
      coachPage.on('pageerror', (err) => coachErrors.push(err.message));
      coachPage.on('console', (msg) => {
        if (msg.type() === 'error' && msg.text().includes('contract mismatch')) coachErrors.push(msg.text());
      });
      const coachEmail = uniqueEmail('coach');
      const signup = await coachContext.request.post('/api/v1/auth/register', {
        data: { name: 'Grace Hopper', email: coachEmail, password: PASSWORD },
      });
      expect(signup.ok()).toBe(true);
      const signin = await coachContext.request.post('/api/v1/auth/login', { data: { email: coachEmail, password: PASSWORD } });
      expect(signin.ok()).toBe(true);
      const org = await api<{ id: string }>(coachContext, 'POST', '/api/v1/orgs', { name: `Acme Careers ${variant.name}` });

      await coachPage.goto('/jobs/new');
      await expect(coachPage.getByRole('heading', { level: 1, name: 'New job description' })).toBeVisible();
      await coachPage.getByLabel('Title').fill(JOB_TITLE);
      await coachPage.getByRole('radio', { name: /Mid-level/ }).check();
      await coachPage.getByLabel('Job description').fill(JOB_TEXT);
      // Skills are read from the text as it is pasted, and fill the chips.
      const required = coachPage.getByRole('list', { name: 'Required skills' });
      await expect(required.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 });
      const requiredNames = (await required.getByRole('listitem').allTextContents()).map((s) => s.trim());
      expect(requiredNames.join(' ')).toMatch(/PyTorch/i);
      // A chip can be removed and added back by hand.
      const firstChip = requiredNames[0]!;
      await coachPage.getByRole('button', { name: `Remove ${firstChip}` }).click();
      await expect(required.getByText(firstChip, { exact: true })).toHaveCount(0);
      const requiredInput = coachPage.getByRole('textbox', { name: 'Required skills' });
      await requiredInput.fill(firstChip);
      await requiredInput.press('Enter');
      await expect(required.getByText(firstChip, { exact: true })).toBeVisible();
      await coachPage.getByRole('button', { name: 'Add a question' }).click();
      await coachPage.getByLabel('Type', { exact: true }).selectOption('technical');
      await coachPage.getByLabel('Question', { exact: true }).fill(CURATED_QUESTION);
      await coachPage
        .getByLabel(/Key points/)
        .fill('Batch requests on the GPU\nCache embeddings of popular items\nMeasure p99, not the mean');
      await noSideScroll(coachPage, 'job form');
      await axe(coachPage, 'job form');
      await shot(coachPage, `jobs-form${variant.suffix}`);
      await coachPage.getByRole('button', { name: 'Create job description' }).click();
      await expect(coachPage).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
      await expect(coachPage.getByRole('heading', { level: 1, name: JOB_TITLE })).toBeVisible();
      const jobId = coachPage.url().split('/').pop()!;

      // ── The candidate joins the organization through the emailed invitation.
      const candidate = await registerViaUi(page, 'Jordan Rivera');
      // The invitation mail is read from the outbox by the platform admin that setup.spec.ts made;
      // so is the coach's confirmation mail (inviting waits for a confirmed address).
      let shared = false;
      if (platformAdmin()) {
        const mailReader = await newPerson(browser);
        await signInViaApi(mailReader.page, platformAdmin()!);
        await confirmEmailViaApi(coachPage, mailReader.page, coachEmail);
        await api(coachContext, 'POST', `/api/v1/orgs/${org.id}/invitations`, { email: candidate.email, role: 'candidate' });
        const token = tokenOf(await invitationLink(mailReader.page, candidate.email));
        await mailReader.context.close();
        await api(page.context(), 'POST', '/api/v1/invitations/accept', { token });
        await coachPage.reload();
        const sharePanel = coachPage.getByRole('region', { name: 'Shared with candidates' });
        await sharePanel.getByRole('checkbox', { name: /Jordan Rivera/ }).check();
        await sharePanel.getByRole('button', { name: 'Share with 1 candidate' }).click();
        await expect(sharePanel.getByRole('list', { name: 'Shared with' }).getByText('Jordan Rivera', { exact: true })).toBeVisible();
        shared = true;
      } else {
        test.info().annotations.push({
          type: 'outbox',
          description: 'no platform admin to read the outbox: job not shared, ATS check uses pasted text',
        });
      }
      await noSideScroll(coachPage, 'job detail');
      await axe(coachPage, 'job detail');
      await shot(coachPage, `jobs-detail${variant.suffix}`);

      // The list finds the job by title or skill, and says so when nothing matches.
      await coachPage.goto('/jobs');
      await expect(coachPage.getByRole('heading', { level: 1, name: 'Job descriptions' })).toBeVisible();
      const search = coachPage.getByRole('searchbox', { name: 'Search' });
      await search.fill('no such job anywhere');
      await expect(coachPage.getByText('Nothing matches')).toBeVisible();
      await search.fill('Recommendations');
      await expect(coachPage.getByRole('link', { name: new RegExp(JOB_TITLE) })).toBeVisible();
      if (shared) await expect(coachPage.getByText('Shared with 1').first()).toBeVisible();
      await noSideScroll(coachPage, 'jobs list');
      await axe(coachPage, 'jobs list');
      await shot(coachPage, `jobs-list${variant.suffix}`);

      // ── Resumes: empty list, then a file that only pretends to be a PDF.
      await page.goto('/resumes');
      await expect(page.getByRole('heading', { level: 1, name: 'Your resumes' })).toBeVisible();
      await expect(page.getByText('No resumes yet')).toBeVisible();
      const fileInput = page.getByTestId('resume-file-input');
      await fileInput.setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: PNG });
      await expect(page.getByRole('alert')).toContainText('“photo.pdf” is not a PDF, Word or text file');
      await noSideScroll(page, 'upload error');
      await axe(page, 'resumes, upload error');
      await shot(page, `resumes-upload-error${variant.suffix}`);
      // Too large is caught before sending anything.
      await fileInput.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
      await expect(page.getByRole('alert')).toContainText('“huge.txt” is too large');

      // ── A long upload, slowed down so the progress bar shows, then cancelled.
      const long = Buffer.from('Jordan Rivera, machine learning engineer: Python, PyTorch, Kubernetes.\n'.repeat(7000));
      await throttleUploads(page, 48 * 1024);
      await fileInput.setInputFiles({ name: 'long-resume.txt', mimeType: 'text/plain', buffer: long });
      const progress = page.getByRole('progressbar', { name: 'Uploading long-resume.txt' });
      await expect(progress).toBeVisible();
      const sent = async () => Number(await progress.getAttribute('aria-valuenow'));
      await expect.poll(sent, { timeout: 10_000 }).toBeGreaterThan(4);
      await shot(page, `resumes-upload-progress${variant.suffix}`);
      expect(await sent(), 'still uploading when pictured').toBeLessThan(100);
      await page.getByRole('button', { name: 'Cancel upload' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Upload cancelled' })).toBeVisible();
      await throttleUploads(page, null);

      // ── A clean two-page PDF.
      await fileInput.setInputFiles(path.join(fixtures, CLEAN_PDF));
      await expect(page.getByText(`Uploaded “${CLEAN_PDF}”`)).toBeVisible({ timeout: 30_000 });
      const list = page.getByRole('list', { name: 'Resumes' });
      await expect(list.locator(':scope > li')).toHaveCount(1);
      await expect(list.getByText('Active')).toBeVisible();
      await expect(page.getByText('No resumes yet')).toHaveCount(0);
      if (shared)
        await expect(
          page.getByRole('region', { name: 'Jobs shared with you' }).getByRole('link', { name: new RegExp(JOB_TITLE) }),
        ).toBeVisible();
      await noSideScroll(page, 'resumes list');
      await axe(page, 'resumes list');
      await shot(page, `resumes-list${variant.suffix}`);

      // ── The coach schedules an interview with the shared job and the candidate's resume.
      if (shared) {
        const members = await api<{ items: Array<{ userId: string; email: string }> }>(
          coachContext,
          'GET',
          `/api/v1/orgs/${org.id}/members?role=candidate`,
        );
        const candidateId = members.items.find((m) => m.email === candidate.email)!.userId;
        const me = await api<{ user: { id: string } }>(coachContext, 'GET', '/api/v1/auth/me');
        await api(coachContext, 'POST', `/api/v1/orgs/${org.id}/assignments`, { coachId: me.user.id, candidateId });
        await coachPage.goto('/coach/schedule');
        await expect(coachPage.getByRole('heading', { level: 1, name: 'Schedule an interview' })).toBeVisible();
        await coachPage.getByRole('radio', { name: 'Technical' }).check();
        await coachPage.getByLabel('Role').fill(JOB_TITLE);
        await coachPage.getByLabel('Number of questions').fill('2');
        await coachPage.getByLabel(/^Saved job description/).selectOption(jobId);
        // A saved job replaces the pasted one.
        await expect(coachPage.getByLabel(/^Job description/)).toHaveCount(0);
        await coachPage.getByLabel(/^Candidate’s resume/).selectOption({ label: `${CLEAN_PDF} (active)` });
        await noSideScroll(coachPage, 'schedule form with saved job and resume');
        await axe(coachPage, 'schedule form with saved job and resume');
        await shot(coachPage, `coach-schedule-saved${variant.suffix}`);
        await coachPage.getByRole('button', { name: 'Schedule interview' }).click();
        await expect(coachPage).toHaveURL(/\/coach\/interviews\/[0-9a-f-]{36}$/);
        await expect(coachPage.getByText(CURATED_QUESTION).first()).toBeVisible();
      }

      // ── A resume with hidden text: flagged, with the snippet, and a second row.
      await fileInput.setInputFiles(path.join(fixtures, FLAGGED_PDF));
      await expect(page.getByText(`Uploaded “${FLAGGED_PDF}”`)).toBeVisible({ timeout: 30_000 });
      await expect(list.locator(':scope > li')).toHaveCount(2);
      await page.getByRole('link', { name: 'See what Panelist read' }).click();
      await expect(page).toHaveURL(/\/resumes\/[0-9a-f-]{36}$/);
      const flags = page.getByRole('region', { name: 'Panelist found problems in this file' });
      await expect(flags).toBeVisible();
      await expect(flags.getByText('Hidden text', { exact: true }).first()).toBeVisible();
      await expect(flags.getByText(/Ignored text \(\d+\)/)).toBeVisible();
      await noSideScroll(page, 'flagged resume');
      await axe(page, 'flagged resume');
      await shot(page, `resume-flagged${variant.suffix}`);

      // ── The clean resume's parsed view: skills as chips, a correction marked as such.
      await page.goto('/resumes');
      await list.getByRole('link', { name: CLEAN_PDF, exact: true }).click();
      const skills = page.getByRole('list', { name: 'Skills found' });
      await expect(skills.getByRole('listitem').first()).toBeVisible();
      expect(await skills.getByRole('listitem').count()).toBeGreaterThan(2);
      const contact = page.getByRole('region', { name: 'Contact' });
      await contact.getByRole('button', { name: 'Edit contact' }).click();
      await contact.getByLabel('Location').fill('Singapore');
      await contact.getByRole('button', { name: 'Save correction' }).click();
      await expect(contact.getByText('Singapore', { exact: true })).toBeVisible();
      await expect(contact.getByText('Corrected')).toBeVisible();
      await expect(contact.getByRole('button', { name: 'Edit contact' })).toBeFocused();
      await noSideScroll(page, 'parsed resume');
      await shot(page, `resume-parsed${variant.suffix}`);

      // ── ATS check against the shared job (or the posting pasted).
      const ats = page.getByRole('region', { name: 'ATS check' });
      if (shared) {
        await ats.getByLabel('Job description').selectOption(jobId);
      } else {
        await ats.getByRole('radio', { name: 'Paste a posting' }).check();
        await ats.getByLabel('Job posting').fill(JOB_TEXT);
      }
      await ats.getByRole('button', { name: 'Run ATS check' }).click();
      const report = page.getByRole('region', { name: 'ATS report' });
      await expect(report.getByRole('img', { name: /^ATS score \d+ out of 100$/ })).toBeVisible({ timeout: 20_000 });
      await expect(report.getByRole('heading', { name: 'ATS report' })).toBeFocused();
      await expect(report.getByText(/counts \d+%/).first()).toBeVisible();
      await expect(report.getByRole('heading', { name: 'Where points were lost' })).toBeVisible();
      if (shared) await expect(report).toContainText(JOB_TITLE);
      await noSideScroll(page, 'ATS report');
      await axe(page, 'ATS report');
      await shot(page, `resume-ats${variant.suffix}`);
      // The report on its own, without the sticky header painted over it.
      await page
        .locator('header')
        .first()
        .evaluate((el) => (el.style.visibility = 'hidden'));
      await report.scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await report.screenshot({ path: `e2e/screenshots/resume-ats-report${variant.suffix}.png`, animations: 'disabled' });
      await page
        .locator('header')
        .first()
        .evaluate((el) => (el.style.visibility = ''));

      // ── A practice tailored to this resume and job: the job's own question comes first.
      await report.getByRole('button', { name: 'Start a tailored practice' }).click();
      const dialog = page.getByRole('dialog', { name: 'Start a tailored practice' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('Role')).toBeFocused();
      if (!shared) await dialog.getByLabel('Role').fill(JOB_TITLE);
      await dialog.getByLabel('Interview type').selectOption('technical');
      await dialog.getByLabel('Number of questions').fill('3');
      await axe(page, 'tailored practice dialog');
      await dialog.getByRole('button', { name: 'Start interview' }).click();
      await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
      await expect(page.getByText('Question 1 of 3')).toBeVisible();
      const interviewId = page.url().split('/').pop()!;
      const interview = await api<{ questions: Array<{ order: number; text: string; targetSkills: string[] }> }>(
        page.context(),
        'GET',
        `/api/v1/interviews/${interviewId}`,
      );
      const targeted = interview.questions.flatMap((q) => q.targetSkills);
      expect(
        targeted.some((s) => /pytorch|python|kubernetes|spark|airflow|scala|sql/i.test(s)),
        `targets ${targeted.join(', ')}`,
      ).toBe(true);
      if (shared) {
        // The curated question of the job opens the interview and names the skill it targets.
        await expect(page.getByText(CURATED_QUESTION)).toBeVisible();
        await expect(page.getByRole('list', { name: 'Targets:' }).getByText(/PyTorch/)).toBeVisible();
      }
      await shot(page, `resume-tailored-question${variant.suffix}`);

      // ── Practice setup offers the saved resume and the shared job.
      await page.goto('/practice/new');
      await page.getByRole('button', { name: /Tailor to a job and resume/ }).click();
      const savedResume = page.getByLabel(/^Saved resume/);
      await expect(savedResume).toBeVisible();
      await savedResume.selectOption({ label: `${CLEAN_PDF} (active)` });
      if (shared) await page.getByLabel(/^Saved job description/).selectOption(jobId);
      await expect(page.getByRole('complementary', { name: 'Summary' }).getByText(shared ? 'Job and resume' : 'Resume')).toBeVisible();
      await noSideScroll(page, 'practice setup with saved resume');
      await axe(page, 'practice setup with saved resume');
      await shot(page, `practice-saved-picker${variant.suffix}`);
      await page.getByRole('radio', { name: 'Technical' }).check();
      await page.getByLabel('Role').fill(JOB_TITLE);
      await page.getByLabel('Number of questions').fill('2');
      await page.getByRole('button', { name: 'Start interview' }).click();
      await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
      if (shared) await expect(page.getByText(CURATED_QUESTION)).toBeVisible();
      else await expect(page.getByText('Question 1 of 2')).toBeVisible();

      // ── The candidate sees the shared job read-only, with the two ways to prepare.
      if (shared) {
        await page.goto(`/jobs/${jobId}`);
        await expect(page.getByRole('heading', { level: 1, name: JOB_TITLE })).toBeVisible();
        await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
        await expect(page.getByRole('link', { name: 'Check my resume against this job' })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Practice for this job' })).toBeVisible();
        await noSideScroll(page, 'shared job, candidate');
        await axe(page, 'shared job, candidate');
        await shot(page, `jobs-detail-candidate${variant.suffix}`);
        // "Check my resume" opens the active resume and runs the check against this job at once.
        await page.getByRole('link', { name: 'Check my resume against this job' }).click();
        await expect(page).toHaveURL(/\/resumes\/[0-9a-f-]{36}\?job=/);
        const again = page.getByRole('region', { name: 'ATS report' });
        await expect(again.getByRole('img', { name: /^ATS score \d+ out of 100$/ })).toBeVisible({ timeout: 20_000 });
        await expect(again).toContainText(JOB_TITLE);
      }
      expect(coachErrors, 'coach browser errors').toEqual([]);
      await coachContext.close();
    });
  });
}

test('the resumes page works with the keyboard: choose a file, make active, delete with a confirmation', async ({ page }) => {
  await registerViaUi(page, 'Key Board');
  await page.goto('/resumes');
  const text = Buffer.from(
    'Kim Lee\nkim@example.com\n\nExperience\nBackend Engineer, Acme (2019 - present)\nBuilt services in Go and PostgreSQL.\n\nSkills\nGo, PostgreSQL, Docker\n',
  );
  const input = page.getByTestId('resume-file-input');
  await input.setInputFiles({ name: 'first.txt', mimeType: 'text/plain', buffer: text });
  await expect(page.getByText('Uploaded “first.txt”')).toBeVisible();
  await input.setInputFiles({ name: 'second.txt', mimeType: 'text/plain', buffer: text });
  await expect(page.getByText('Uploaded “second.txt”')).toBeVisible();
  const list = page.getByRole('list', { name: 'Resumes' });
  await expect(list.locator(':scope > li')).toHaveCount(2);
  // The first upload is active; make the second one active with the keyboard.
  const makeActive = list.getByRole('button', { name: 'Make active (second.txt)' });
  await makeActive.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('“second.txt” is now your active resume.')).toBeVisible();
  await expect(list.getByRole('button', { name: 'Make active (first.txt)' })).toBeVisible();
  // Delete asks first; Escape cancels and nothing changes.
  await list.getByRole('button', { name: 'Delete first.txt' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete this resume?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list.locator(':scope > li')).toHaveCount(2);
  await list.getByRole('button', { name: 'Delete first.txt' }).click();
  await dialog.getByRole('button', { name: 'Delete resume' }).click();
  await expect(page.getByText('Deleted “first.txt”.')).toBeVisible();
  await expect(list.locator(':scope > li')).toHaveCount(1);
});

test('each refused file says what is wrong with it', async ({ page }) => {
  await registerViaUi(page, 'Refused Files');
  await page.goto('/resumes');
  const input = page.getByTestId('resume-file-input');
  const cases: Array<[string, RegExp]> = [
    ['bad/encrypted.pdf', /“encrypted\.pdf” is password-protected/],
    ['bad/corrupt.pdf', /“corrupt\.pdf” could not be read/],
    ['bad/zip-bomb.docx', /“zip-bomb\.docx” was refused for safety/],
    ['bad/program.exe', /“program\.exe” is not a file Panelist can read/],
    ['bad/legacy-word.doc', /“legacy-word\.doc” is not a file Panelist can read/],
    ['bad/empty.txt', /“empty\.txt” is empty/],
  ];
  for (const [file, message] of cases) {
    await input.setInputFiles(path.join(fixtures, file));
    await expect(page.getByRole('alert'), file).toContainText(message);
  }
  // A scan is accepted, but says that nothing could be read.
  await input.setInputFiles(path.join(fixtures, 'pdf-scanned.pdf'));
  await expect(page.getByText('Uploaded “pdf-scanned.pdf”, but no text could be read')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Resumes' }).getByText('No text found')).toBeVisible();
});

for (const variant of variants) {
  test.describe(`past ATS analyses (${variant.name})`, () => {
    test.use(variant.use);

    test('every ATS check is kept on the resume page, newest first, and an older one opens', async ({ page }) => {
      await registerViaUi(page, `History ${variant.name}`);
      await page.goto('/resumes');
      await page.getByTestId('resume-file-input').setInputFiles(path.join(fixtures, CLEAN_PDF));
      await expect(page.getByText(`Uploaded “${CLEAN_PDF}”`)).toBeVisible({ timeout: 30_000 });
      await page.getByRole('link', { name: 'See what Panelist read' }).click();
      await expect(page).toHaveURL(/\/resumes\/[0-9a-f-]{36}$/);

      const history = page.getByRole('region', { name: 'Past analyses' });
      await expect(history.getByText(/No checks yet/)).toBeVisible();

      const ats = page.getByRole('region', { name: 'ATS check' });
      const report = page.getByRole('region', { name: 'ATS report' });
      const rows = history.getByRole('list', { name: 'Past analyses' }).getByRole('listitem');
      const check = async (posting: string, kept: number) => {
        await ats.getByRole('radio', { name: 'Paste a posting' }).check();
        await ats.getByLabel('Job posting').fill(posting);
        await ats.getByRole('button', { name: 'Run ATS check' }).click();
        // The new check is listed once it is stored; the report then shows it.
        await expect(rows).toHaveCount(kept, { timeout: 20_000 });
        await expect(report.getByRole('img', { name: /^ATS score \d+ out of 100$/ })).toBeVisible({ timeout: 20_000 });
        return Number(
          /ATS score (\d+)/.exec((await report.getByRole('img', { name: /^ATS score/ }).getAttribute('aria-label')) ?? '')?.[1],
        );
      };
      const first = await check(JOB_TEXT, 1);
      const second = await check(
        'Payroll Administrator. Requirements: 3+ years running monthly payroll in Sage, Excel, PAYE and pensions auto-enrolment. ' +
          'You reconcile payroll to the general ledger and answer staff questions kindly.',
        2,
      );
      expect(second).not.toBe(first);

      await expect(history.getByText('2 checks, newest first.')).toBeVisible();
      await expect(rows.nth(0)).toContainText(String(second));
      await expect(rows.nth(1)).toContainText(String(first));
      await expect(rows.nth(0).getByRole('button', { name: /the check of/ })).toHaveAttribute('aria-pressed', 'true');

      // Opening the older check shows its report again.
      await rows
        .nth(1)
        .getByRole('button', { name: /the check of/ })
        .click();
      await expect(report.getByRole('img', { name: `ATS score ${first} out of 100` })).toBeVisible();
      await expect(report.getByRole('heading', { name: 'ATS report' })).toBeFocused();
      await expect(rows.nth(1).getByRole('button', { name: /the check of/ })).toHaveAttribute('aria-pressed', 'true');

      // It is still there after a reload: the checks are stored, not held by the page.
      await page.reload();
      await expect(page.getByRole('region', { name: 'Past analyses' }).getByRole('listitem')).toHaveCount(2);
      expect(await hasHorizontalScroll(page), 'no sideways scrolling').toBe(false);
      if (variant.suffix !== '-360') expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('region', { name: 'Past analyses' }).scrollIntoViewIfNeeded();
      await shot(page, `resume-past-analyses${variant.suffix}`);
      await page
        .getByRole('region', { name: 'Past analyses' })
        .screenshot({ path: `e2e/screenshots/resume-past-analyses-panel${variant.suffix}.png`, animations: 'disabled' });
    });
  });
}
