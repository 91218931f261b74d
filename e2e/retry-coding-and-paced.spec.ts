import { problemOnScreen, writeCode } from './coding-helpers.js';
import { expect, fillPacedPractice, registerViaUi, shot, shotDarkAnd360, startPractice, test } from './fixtures.js';

test.use({ bypassCSP: true });
test.describe.configure({ timeout: 240_000 });

test('a coding question can be tried again: the earlier submission stays an attempt and the candidate picks the one that counts', async ({
  page,
}) => {
  await registerViaUi(page, 'Edsger Dijkstra');
  await startPractice(page, { type: 'Coding', role: 'Software Engineer', questions: 1 });
  const problem = await problemOnScreen(page);

  await writeCode(page, `function ${problem.entry.javascript}(...args) {\n  return null;\n}`);
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/Hidden tests: \d+ of \d+ passed/)).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Try this question again' }).click();
  await expect(page.getByText('Your earlier answer is kept as an attempt.')).toBeVisible();
  // The editor opens on the code last written, to improve on it.
  await expect(page.getByRole('textbox', { name: 'Your code' })).toContainText('return null;');
  await shot(page, 'retry-coding-editor-light');
  await writeCode(page, problem.solutions.javascript!);
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/Hidden tests: (\d+) of \1 passed/)).toBeVisible({ timeout: 60_000 });

  const attempts = page.getByTestId('attempts');
  await expect(attempts.getByRole('heading', { name: 'Your attempts (2)' })).toBeVisible();
  await expect(attempts.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'true');
  // A conversational practice (the default) asks no prose follow-up after a coding problem.
  await expect(page.getByText(/^Follow-up 1/)).toHaveCount(0);
  await expect(page.getByLabel('Reply to the follow-up')).toHaveCount(0);
  await attempts.scrollIntoViewIfNeeded();
  await shot(page, 'retry-coding-attempts-light');
  await shotDarkAnd360(page, 'retry-coding-attempts');

  await page.getByRole('button', { name: 'Finish interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\/report$/);
  await expect(page.locator('ol > li.card').first().getByText('Attempt 2 of 2 counts')).toBeVisible();
});

const ANSWER =
  'In my last role a release broke invoicing for a large customer. I owned the fix: I rolled back within ten minutes, called the customer, and added a contract test so the same change fails in CI.';
const BETTER = `${ANSWER} Refunds went out the same day, and the customer renewed that quarter.`;

test('a paced question tried again gets fresh think and answer time, and running out submits the new draft', async ({ page }) => {
  await page.clock.install();
  await registerViaUi(page, 'Barbara Liskov');
  await fillPacedPractice(page);
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
  // A margin of seconds: on a loaded machine the page's clock can pass a closer target before the call lands.
  const pause = async () => page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 3000));
  await pause();

  // The first attempt uses up most of its answer time before it is sent.
  await page.getByRole('button', { name: 'Start answering now' }).click();
  await page.getByLabel('Your answer').fill(ANSWER);
  await page.clock.fastForward(50_000);
  await page.clock.resume();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 30_000 });
  await pause();

  // A retry given up after a while, then begun again, starts again with full time.
  await page.getByRole('button', { name: 'Try this question again' }).click();
  await page.getByRole('button', { name: 'Start answering now' }).click();
  await page.clock.fastForward(40_000);
  await page.getByRole('button', { name: 'Keep my answer' }).click();

  // The retry starts with think time again, and then a whole minute to answer.
  await page.getByRole('button', { name: 'Try this question again' }).click();
  await expect(page.getByText('Take a moment to think')).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Think time' })).toBeVisible();
  await expect(page.getByTestId('pace-announcement')).toHaveText(/Think time: 15 seconds/);
  await shot(page, 'retry-paced-think-light');
  await page.clock.fastForward(16_000);
  await expect(page.getByLabel('Your answer')).toBeVisible();
  await expect(page.getByTestId('pace-announcement')).toHaveText('Answer now. You have 1 minute.');
  await expect(page.getByText('Your earlier answer is kept as an attempt.')).toBeVisible();
  await page.getByLabel('Your answer').fill(BETTER);
  await page.clock.fastForward(52_000);
  await expect(page.getByTestId('pace-announcement')).toHaveText(/Less than 10 seconds left to answer/);
  await shotDarkAnd360(page, 'retry-paced-warning');

  // Time up: the new draft is sent as the second attempt, which counts.
  await page.clock.fastForward(10_000);
  await page.clock.resume();
  const attempts = page.getByTestId('attempts');
  await expect(attempts.getByRole('heading', { name: 'Your attempts (2)' })).toBeVisible({ timeout: 30_000 });
  await expect(attempts.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('region', { name: 'Your answer' }).getByText('the customer renewed that quarter')).toBeVisible();
});
