import { axeViolations, expect, registerViaUi, shot, shotDarkAnd360, test } from './fixtures.js';
import { confirmationLink, platformAdminPerson } from './org-helpers.js';

test.use({ bypassCSP: true });
test.describe.configure({ timeout: 240_000 });

const ANSWER =
  'When two teams disagreed about an API, I wrote down both options with their costs, we tested the riskier one for a week, and the numbers settled it; the release shipped on time.';

test('saved questions and a report shared with a mentor, opened signed out, then revoked', async ({ page, browser }) => {
  const admin = await platformAdminPerson(browser, test);
  const account = await registerViaUi(page, 'Katherine Johnson');
  await page.goto('/practice/new');
  await page.getByRole('radio', { name: 'Behavioral' }).check();
  await page.getByLabel('Role').fill('Engineering Manager');
  await page.getByRole('radio', { name: /Fixed list/ }).check();
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();

  // Save the first question from the session.
  const save = page.getByTestId('save-question');
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(save).toHaveText(/Saved/);
  await page.getByLabel('Your answer').fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('button', { name: 'End and see report' }).click();
  await expect(page.getByRole('heading', { name: 'Question by question' })).toBeVisible({ timeout: 30_000 });

  // And the second from the report.
  const saves = page.getByTestId('save-question');
  await expect(saves.nth(0)).toHaveAttribute('aria-pressed', 'true');
  await saves.nth(1).click();
  await expect(saves.nth(1)).toHaveAttribute('aria-pressed', 'true');

  // The PDF downloads as a real PDF.
  const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Sharing waits for a confirmed address.
  const share = page.getByRole('region', { name: 'Share with a mentor' });
  await share.getByLabel('My answers').check();
  await share.getByRole('button', { name: 'Create link' }).click();
  await expect(share.getByText('Confirm your email first')).toBeVisible();
  const reportUrl = new URL(page.url()).pathname;
  await page.goto(await confirmationLink(admin.page, account.email));
  await expect(page.getByText('Email confirmed')).toBeVisible();
  await page.goto(reportUrl);
  await expect(page.getByRole('heading', { name: 'Question by question' })).toBeVisible({ timeout: 30_000 });
  await share.getByLabel('My answers').check();
  await share.getByRole('button', { name: 'Create link' }).click();
  const urlField = share.getByLabel(/Your link/);
  await expect(urlField).toHaveValue(/\/shared\/[A-Za-z0-9_-]{43}$/);
  const sharedUrl = new URL(await urlField.inputValue());
  await expect(share.getByRole('list', { name: 'Links to this report' }).getByText('Active')).toBeVisible();
  await share.scrollIntoViewIfNeeded();
  await shot(page, 'report-share-light');
  await shotDarkAnd360(page, 'report-share');

  // A mentor opens it signed out: the report, the answer, nothing of the account.
  const mentor = await browser.newContext({ baseURL: page.url().replace(/\/interviews\/.*$/, '') });
  const mentorPage = await mentor.newPage();
  await mentorPage.goto(sharedUrl.pathname);
  await expect(mentorPage.getByRole('heading', { level: 1, name: 'Engineering Manager' })).toBeVisible();
  await expect(mentorPage.getByText(ANSWER)).toBeVisible();
  await expect(mentorPage.getByText('Shared interview report · read only')).toBeVisible();
  await expect(mentorPage.getByText(account.email)).toHaveCount(0);
  await expect(mentorPage.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  expect(await axeViolations(mentorPage)).toEqual([]);
  await shot(mentorPage, 'shared-report-light');
  await shotDarkAnd360(mentorPage, 'shared-report');
  // The token opens nothing else.
  expect((await mentorPage.request.get('/api/v1/interviews')).status()).toBe(401);

  // Saved questions: both listed; practise them.
  await page.goto('/practice/saved');
  await expect(page.getByRole('heading', { level: 1, name: 'Saved questions' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Saved questions' }).getByRole('listitem')).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'saved-questions-light');
  await shotDarkAnd360(page, 'saved-questions');
  await page.getByRole('button', { name: 'Practise 2 selected' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible({ timeout: 30_000 });

  // Revoked: the mentor's link stops opening.
  await page.goto(reportUrl);
  await share.getByRole('button', { name: 'Revoke' }).click();
  await expect(share.getByText('Revoked', { exact: true })).toBeVisible();
  await mentorPage.reload();
  await expect(mentorPage.getByRole('heading', { level: 1, name: 'This link does not open a report' })).toBeVisible();
  await mentor.close();
});
