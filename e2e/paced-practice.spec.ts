import { axeViolations, expect, fillPacedPractice, registerViaUi, shot, shotDarkAnd360, test } from './fixtures.js';

test.use({ bypassCSP: true });
test.describe.configure({ timeout: 240_000 });

const ANSWER =
  'In my last role a release broke invoicing for a large customer. I owned the fix: I rolled back within ten minutes, called the customer, and added a contract test so the same change fails in CI. Refunds went out the same day.';

test('a paced practice: think time, answer time running out submits the draft, then practise again with the same questions', async ({
  page,
}) => {
  // The page's clock is Playwright's, so the timers can be run out without waiting.
  await page.clock.install();
  await registerViaUi(page, 'Grace Hopper');
  await fillPacedPractice(page);
  await shot(page, 'paced-setup-light');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
  const interviewUrl = page.url();
  // From here the page's time moves only when the test moves it, whatever the machine's load.
  // A margin of seconds: on a loaded machine the page's clock can pass a closer target before the call lands.
  const pause = async () => page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 3000));
  await pause();

  // Think time first: the answer box is not there yet, and the timer says so.
  await expect(page.getByText('Take a moment to think')).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Think time' })).toBeVisible();
  await expect(page.getByLabel('Your answer')).toHaveCount(0);
  await expect(page.getByTestId('pace-announcement')).toHaveText(/Think time: 15 seconds/);
  const firstQuestion = (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
  await shot(page, 'paced-think-light');
  await shotDarkAnd360(page, 'paced-think');

  // When the think time ends the answer box opens and the answer clock runs.
  await page.clock.fastForward(16_000);
  await expect(page.getByLabel('Your answer')).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Answer time' })).toBeVisible();
  await expect(page.getByTestId('pace-announcement')).toHaveText('Answer now. You have 1 minute.');
  await page.getByLabel('Your answer').fill(ANSWER);

  // Before time runs out, an assertive announcement.
  await page.clock.fastForward(52_000);
  await expect(page.getByTestId('pace-announcement')).toHaveText(/Less than 10 seconds left to answer/);
  await expect(page.getByTestId('pace-announcement')).toHaveAttribute('aria-live', 'assertive');
  await shot(page, 'paced-warning-light');
  await shotDarkAnd360(page, 'paced-warning');

  // Time up: the draft is submitted and graded without a click.
  await page.clock.fastForward(10_000);
  await page.clock.resume();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(ANSWER)).toBeVisible();

  // The second question: skip the think time, then let the answer time run out with nothing written.
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('button', { name: 'Start answering now' }).click();
  await expect(page.getByLabel('Your answer')).toBeVisible();
  await page.clock.fastForward(61_000);
  await expect(page.getByText('Answer time is up', { exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'paced-time-up-light');

  // A reload does not restart the question's clock.
  await page.reload();
  await expect(page.getByText('Answer time is up', { exact: true })).toBeVisible();
  expect(page.url()).toBe(interviewUrl);

  await page.getByRole('button', { name: 'End interview' }).click();
  await expect(page.getByRole('dialog')).toContainText('count as 0');
  await page.getByRole('button', { name: 'End and see report' }).click();
  await expect(page.getByRole('heading', { name: 'Question by question' })).toBeVisible({ timeout: 30_000 });

  // Practise again: the same setup, and the same questions on request.
  await page.getByRole('link', { name: 'Practise again' }).click();
  await expect(page.getByText('Practising again')).toBeVisible();
  await expect(page.getByLabel('Role')).toHaveValue('Support Engineer');
  await expect(page.getByLabel('Think time')).toHaveValue('15');
  await expect(page.getByLabel('Answer time')).toHaveValue('60');
  await expect(page.getByLabel('Number of questions')).toHaveValue('2');
  await page.getByLabel(/Ask the same 2 questions again/).check();
  await shot(page, 'practise-again-light');
  await shotDarkAnd360(page, 'practise-again');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toBe(interviewUrl);
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(firstQuestion);
});
