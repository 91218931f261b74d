import { answerCurrentQuestion, expect, registerViaUi, SAMPLE_ANSWERS, shot, shotDarkAnd360, test } from './fixtures.js';

test.describe.configure({ timeout: 180_000 });

const WEAK = 'I fixed it.';

test('a candidate retries a question, keeps the better attempt, and the report says which attempt counted', async ({ page }) => {
  await registerViaUi(page, 'Katherine Johnson');
  await page.goto('/practice/new');
  await page.getByRole('radio', { name: 'Behavioral' }).check();
  await page.getByLabel('Role').fill('Software Engineer');
  await page.getByRole('radio', { name: /Fixed list/ }).check();
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();

  // A strong first answer, then a weaker second go at the same question.
  await answerCurrentQuestion(page, SAMPLE_ANSWERS[0]!);
  await expect(page.getByTestId('attempts')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try this question again' }).click();
  await expect(page.getByText('Your earlier answer is kept as an attempt.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
  await page.getByRole('button', { name: 'Keep my answer' }).click();
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try this question again' }).click();
  await answerCurrentQuestion(page, WEAK);

  // Both attempts are listed; the newest counts until the candidate chooses.
  const attempts = page.getByTestId('attempts');
  await expect(attempts.getByRole('heading', { name: 'Your attempts (2)' })).toBeVisible();
  const items = attempts.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(1).getByText('Counts')).toBeVisible();
  const firstScore = Number(
    (await items
      .nth(0)
      .getByText(/\d+\/100/)
      .textContent())!.match(/(\d+)\/100/)![1],
  );
  const secondScore = Number(
    (await items
      .nth(1)
      .getByText(/\d+\/100/)
      .textContent())!.match(/(\d+)\/100/)![1],
  );
  expect(firstScore).toBeGreaterThan(secondScore);
  await attempts.scrollIntoViewIfNeeded();
  await shot(page, 'retry-attempts-light');
  await shotDarkAnd360(page, 'retry-attempts');

  await attempts.getByRole('button', { name: 'Count attempt 1' }).click();
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Attempt 1 now counts' })).toBeAttached();
  // The page's answer and feedback are now the first attempt's.
  await expect(page.getByRole('region', { name: 'Your answer' }).getByText(SAMPLE_ANSWERS[0]!.slice(0, 60))).toBeVisible();

  await page.getByRole('button', { name: 'Next question' }).click();
  await answerCurrentQuestion(page, SAMPLE_ANSWERS[1]!);
  await page.getByRole('button', { name: 'Finish interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\/report$/);

  // The report scores the chosen attempt and says how many there were.
  const first = page.locator('ol > li.card').first();
  await expect(first.getByText('Attempt 1 of 2 counts')).toBeVisible();
  await expect(first.getByRole('img', { name: `Score ${firstScore} out of 100` })).toBeVisible();
  await expect(
    page
      .locator('ol > li.card')
      .nth(1)
      .getByText(/attempts? .*counts|\d+ attempts/),
  ).toHaveCount(0);
  await first.scrollIntoViewIfNeeded();
  await shot(page, 'retry-report-light');
});
