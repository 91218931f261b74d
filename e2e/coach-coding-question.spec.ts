import { expect, shot, test } from './fixtures.js';
import { api, newPerson, platformAdminPerson, seedOrg, signInViaApi } from './org-helpers.js';

test('a coach adds a coding problem from the bank to a scheduled interview and sees it saved', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const mailReader = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, mailReader.page, browser, 'Ridgeline Engineering');
  const coach = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(coach.page, seed.coach);
  const c = coach.page;

  const members = (await api(page, 'GET', `/api/v1/orgs/${seed.orgId}/members`)) as { items: Array<{ userId: string; role: string }> };
  const candidateId = members.items.find((m) => m.role === 'candidate')!.userId;
  const opens = Date.now() + 2 * 3600_000;
  const iv = (await api(c, 'POST', '/api/v1/interviews', {
    kind: 'assigned',
    candidateId,
    type: 'technical',
    role: 'Backend engineer',
    level: 'mid',
    questionCount: 2,
    windowStart: new Date(opens).toISOString(),
    windowEnd: new Date(opens + 3 * 3600_000).toISOString(),
    durationMinutes: 45,
    releaseResults: 'on_finalize',
  })) as { id: string };

  await c.goto(`/coach/interviews/${iv.id}`);
  await expect(c.getByRole('heading', { level: 3, name: /^Question 2/ })).toBeVisible();
  await c.getByRole('button', { name: 'Add coding problem' }).click();
  const added = c.getByRole('listitem').filter({ has: c.getByRole('heading', { level: 3, name: /^Question 3/ }) });
  const picker = added.getByLabel('Coding problem');
  await expect(picker).toBeFocused();

  // Saving without a choice says what is missing and keeps the list as it was.
  await c.getByRole('button', { name: 'Save questions' }).click();
  await expect(added.getByText('Choose a coding problem.')).toBeVisible();
  await expect(picker).toBeFocused();

  await picker.selectOption({ label: 'Rotate the shelf · easy · JavaScript, TypeScript, Python' });
  await shot(c, 'coach-question-editor-coding');
  await c.getByRole('button', { name: 'Save questions' }).click();
  await expect(c.getByText('All changes saved.')).toBeVisible();
  await expect(added.getByText('Rotate the shelf', { exact: true })).toBeVisible();

  const saved = (await api(c, 'GET', `/api/v1/interviews/${iv.id}`)) as { questions: Array<{ order: number; coding?: { slug: string } }> };
  expect(saved.questions.find((q) => q.order === 3)?.coding?.slug).toBe('rotate-the-shelf');
  await c.emulateMedia({ colorScheme: 'dark' });
  await c.setViewportSize({ width: 360, height: 780 });
  await shot(c, 'coach-question-editor-coding-360-dark');
});

test('an organization puts a coding problem in a job’s question set', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const mailReader = await platformAdminPerson(browser, test);
  await seedOrg(page, mailReader.page, browser, 'Parcelway');
  await page.goto('/jobs/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New job description' })).toBeVisible();
  await page.getByLabel('Title').fill('Routing engineer');
  await page.getByRole('radio', { name: /Mid-level/ }).check();
  await page.getByLabel('Job description').fill('You will build the route planner of a parcel network in TypeScript and PostgreSQL.');
  await page.getByRole('button', { name: 'Add a coding problem' }).click();

  // Creating it before a problem is chosen says what is missing.
  await page.getByRole('button', { name: 'Create job description' }).click();
  await expect(page.getByText('Choose a coding problem.')).toBeVisible();
  await page.getByLabel('Coding problem').selectOption({ label: 'Rotate the shelf · easy · JavaScript, TypeScript, Python' });
  // The error goes as soon as the choice is made, not at the next submit.
  await expect(page.getByText('Choose a coding problem.')).toHaveCount(0);
  await shot(page, 'job-form-coding-problem');
  await page.getByRole('button', { name: 'Create job description' }).click();
  // Saving reads the job's skills; the language models load on the first such read after a start.
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/, { timeout: 45_000 });
  const jobId = page.url().split('/').pop()!;
  const job = (await api(page, 'GET', `/api/v1/job-descriptions/${jobId}`)) as { questionSet: Array<{ codingProblem?: string }> };
  expect(job.questionSet).toEqual([expect.objectContaining({ codingProblem: 'rotate-the-shelf' })]);
});
