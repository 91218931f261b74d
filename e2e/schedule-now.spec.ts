import { expect, shot, shotDarkAnd360, test } from './fixtures.js';
import { newPerson, platformAdminPerson, seedOrg, signInViaApi } from './org-helpers.js';

test('a coach who opens the window now is told the questions are fixed, and still reviews them; "In 15 min" keeps them editable', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const mailReader = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, mailReader.page, browser, 'Riverside Coaching');
  const coach = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(coach.page, seed.coach);
  const c = coach.page;

  await c.goto('/coach');
  await c
    .getByRole('link', { name: /^Schedule an interview for / })
    .first()
    .click();
  await expect(c.getByRole('heading', { level: 1, name: 'Schedule an interview' })).toBeVisible();
  await expect(c.getByText('open it a few minutes ahead')).toBeVisible();
  await c.getByRole('radio', { name: 'Behavioral' }).check();
  await c.getByLabel('Role').fill('Data Analyst');
  await c.getByLabel('Number of questions').fill('2');

  const fixedHint = c.getByText(/The candidate can start at once, so the questions are fixed from now/);
  await c.getByRole('button', { name: 'In 15 min' }).click();
  await expect(fixedHint).toHaveCount(0);
  await c.getByRole('button', { name: 'Now', exact: true }).click();
  await expect(fixedHint).toBeVisible();
  await c.getByLabel('Window opens').scrollIntoViewIfNeeded();
  await shot(c, 'schedule-now-hint-light');
  await shotDarkAnd360(c, 'schedule-now-hint');
  await c.getByRole('button', { name: 'Schedule interview' }).click();

  // One story on the interview's page: the candidate can start now, the questions are fixed and listed.
  await expect(c).toHaveURL(/\/coach\/interviews\/[0-9a-f-]{36}$/);
  await expect(c.getByText('Interview scheduled')).toBeVisible();
  await expect(c.getByText(/has been notified and can start now\. Review the questions below\./)).toBeVisible();
  await expect(c.getByText('You can edit the questions below until the window opens.')).toHaveCount(0);
  await expect(c.getByText('The window is open, so the questions are fixed.')).toBeVisible();
  await expect(c.getByRole('button', { name: 'Add question' })).toHaveCount(0);
  await expect(c.getByText(/Question 1/).first()).toBeVisible();
  await shot(c, 'schedule-now-scheduled-light');
  await shotDarkAnd360(c, 'schedule-now-scheduled');
});
