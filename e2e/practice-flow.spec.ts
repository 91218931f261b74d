import { answerAllAndFinish, expect, registerViaUi, shot, startPractice, test } from './fixtures.js';

test('a new candidate registers, practises, finishes and reads the report', async ({ page }) => {
  const account = await registerViaUi(page, 'Ada Lovelace', 'register');

  // A new user sees an empty dashboard with one obvious next step.
  await expect(page.getByText('No interviews yet')).toBeVisible();
  await shot(page, 'dashboard-empty');
  await page.getByRole('link', { name: 'Start a practice interview' }).first().click();

  await startPractice(page, {
    type: 'Behavioral',
    role: 'Software Engineer',
    level: 'Mid-level',
    questions: 2,
    screenshot: 'practice-setup',
  });
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Interview progress' })).toBeVisible();

  await answerAllAndFinish(page, 2, 'interview');

  // The report: overall score, the five-dimension chart, summary lists and per-question feedback.
  await expect(page.getByRole('heading', { level: 1, name: 'Software Engineer' })).toBeVisible();
  const chart = page.getByTestId('dimension-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-radar-polygon').first()).toBeVisible();
  await expect(chart.getByText('Structure')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Strengths' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Question by question' })).toBeVisible();
  await expect(page.locator('ol > li.card')).toHaveCount(2);
  await shot(page, 'report');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'report-print');
  await page.emulateMedia({ media: 'screen' });

  // Back on the dashboard the interview shows as completed with its score.
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByText('Completed').first()).toBeVisible();
  await expect(page.getByText(/Completed, score \d+/)).toBeAttached();
  await shot(page, 'dashboard-with-history');

  // Log out through the account menu.
  await page.getByRole('button', { name: `Account menu for ${account.name}` }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
});

test('resuming an interview opens the first unanswered question', async ({ page }) => {
  await registerViaUi(page, 'Grace Hopper');
  await startPractice(page, { type: 'Technical', role: 'Backend Engineer', questions: 3 });
  const url = page.url();
  await page
    .getByLabel('Your answer')
    .fill('A first answer about caching: keep hot data close to where it is used, and invalidate it when the source changes.');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 20_000 });

  // An unsent draft survives a reload on this device.
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByLabel('Your answer').fill('Half-written thoughts');
  await page.goto('/');
  await page.getByRole('link', { name: /Resume interview/ }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByText('Question 2 of 3')).toBeVisible();
  await expect(page.getByLabel('Your answer')).toHaveValue('Half-written thoughts');

  // Ending early asks first, then reports on what was answered.
  await page.getByRole('button', { name: 'End interview' }).click();
  const dialog = page.getByRole('dialog', { name: 'End this interview now?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('answered 1 of 3 questions');
  await shot(page, 'interview-end-early-dialog');
  await dialog.getByRole('button', { name: 'End and see report' }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByText('Not answered.')).toHaveCount(2);

  await page.goto('/interviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Interview history' })).toBeVisible();
  await expect(page.getByText('Backend Engineer')).toBeVisible();
  await shot(page, 'history');
});
