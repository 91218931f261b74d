import { readFileSync } from 'node:fs';
import { PASSWORD, axeViolations, expect, registerViaUi, shot, shotDarkAnd360, test } from './fixtures.js';

// axe is injected as a script, which the app's CSP forbids.
test.use({ bypassCSP: true });
// Signs up, waits for the export job and signs in again: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('the Privacy page lists my consents, makes a ZIP of my data, and schedules and cancels the deletion of my account', async ({
  page,
}) => {
  const account = await registerViaUi(page, 'Grace Hopper');
  await page.goto('/account/privacy');
  await expect(page.getByRole('heading', { level: 2, name: 'Consents' })).toBeVisible();
  await expect(page.getByText('Terms of use')).toBeVisible();
  await expect(page.getByText('Privacy notice')).toBeVisible();

  // Recording consent: withdrawn, then given again.
  await page.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Allow recordings' }).click();
  await expect(page.getByText('Allowed', { exact: true })).toBeVisible();

  // Export: asked for, made by the job, downloaded as a ZIP.
  await page.getByRole('button', { name: 'Request an export' }).click();
  const download = page.getByRole('link', { name: 'Download ZIP' });
  await expect(download).toBeVisible({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.toString('latin1')).toContain('data/users.json');
  await shot(page, 'privacy-page');

  // Deleting the account: the password, a confirmation, then pending with a way back.
  await page.getByLabel('Your password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete in 14 days' }).click();
  await expect(page.getByText('Your account will be deleted', { exact: true })).toBeVisible();
  await shotDarkAnd360(page, 'privacy-page-pending');
  await shot(page, 'privacy-page-pending');
  expect(await axeViolations(page)).toEqual([]);

  // Signing in again shows it pending on every page.
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Your account will be deleted on' });
  await expect(banner).toBeVisible();
  await banner.getByRole('link', { name: 'Keep my account' }).click();
  await page.getByRole('button', { name: 'Keep my account' }).click();
  await expect(page.getByRole('button', { name: 'Delete my account…' })).toBeVisible();
  await expect(banner).toBeHidden();
});
