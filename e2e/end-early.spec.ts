import { answerCurrentQuestion, expect, registerViaUi, SAMPLE_ANSWERS, shot, test } from './fixtures.js';

test('ending early: the dialog, the overall score and the dimensions tell one story; the report opens by its link without warnings', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') warnings.push(msg.text());
  });
  await registerViaUi(page, 'Dorothy Vaughan');
  await page.goto('/practice/new');
  await page.getByRole('radio', { name: 'Behavioral' }).check();
  await page.getByLabel('Role').fill('Software Engineer');
  await page.getByRole('radio', { name: /Fixed list/ }).check();
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await answerCurrentQuestion(page, SAMPLE_ANSWERS[0]!);

  await page.getByRole('button', { name: 'End interview' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('You have answered 1 of 2 questions.');
  await expect(dialog).toContainText('Unanswered questions count as 0 in your overall score and in each dimension');
  await dialog.getByRole('button', { name: 'End and see report' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\/report$/);
  await expect(page.getByTestId('unanswered-note')).toHaveText('1 unanswered question counts as 0 here and in each dimension.');
  await expect(page.getByText(/1 question was left unanswered and counted as 0/)).toBeVisible();
  await shot(page, 'end-early-report-light');

  // Opened by its link (a fresh load of a lazily loaded page): no HydrateFallback warning, no errors.
  const reportUrl = page.url();
  warnings.length = 0;
  await page.goto(reportUrl);
  await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(warnings.filter((w) => /HydrateFallback|hydrat/i.test(w))).toEqual([]);
  expect(warnings.filter((w) => /401|Failed to load resource/.test(w))).toEqual([]);
});
