import { expect, registerViaUi, shot, startPractice, test } from './fixtures.js';

const VAGUE = 'I would look into it carefully, think about the options, and then pick whatever works best for the team at the time.';

test('a conversational practice: the interviewer follows up, and the model answer teaches', async ({ page }) => {
  await registerViaUi(page, 'Alan Turing');
  await page.goto('/practice/new');
  // Conversational is the default style.
  await expect(page.getByRole('radio', { name: /Conversational/ })).toBeChecked();
  await startPractice(page, { type: 'Technical', role: 'Backend Engineer', questions: 2 });

  await page.getByLabel('Your answer').fill(VAGUE);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 30_000 });

  // What a strong answer says, once answered.
  const model = page.getByTestId('model-answer');
  await expect(model.getByRole('heading', { name: 'How a strong answer goes' })).toBeVisible();
  await expect(model.getByText('Model answer')).toBeVisible();

  // The interviewer follows the weak answer up.
  const followUp = page.getByTestId('follow-up');
  await expect(followUp).toBeVisible({ timeout: 30_000 });
  await expect(followUp.getByText(/Follow-up 1/)).toBeVisible();
  await expect(followUp.getByRole('heading', { level: 2 })).toHaveText(/\?$/);
  await shot(page, 'conversation-follow-up-light');

  await followUp
    .getByLabel('Reply to the follow-up')
    .fill('I would read the query plan first, then add an index that matches the filter and measure the change before and after.');
  await followUp.getByRole('button', { name: 'Answer follow-up' }).click();
  await expect(followUp.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 30_000 });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await shot(page, 'conversation-follow-up-dark');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'conversation-follow-up-360');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The report keeps the conversation in order.
  await page.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('button', { name: 'End and see report' }).click();
  await expect(page.getByRole('heading', { name: 'Question by question' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 4, name: 'Follow-ups' })).toBeVisible();
  await shot(page, 'conversation-report-follow-ups');
});
