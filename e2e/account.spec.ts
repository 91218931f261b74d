import type { Page } from '@playwright/test';
import { PASSWORD, expect, registerViaUi, shot, shotDarkAnd360, test } from './fixtures.js';
import { newPerson, platformAdminPerson } from './org-helpers.js';

const NEW_PASSWORD = 'maple-lighthouse-ferry-73';
// Each test signs up, mails and signs in several times: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });
/** A screenshot in e2e/screenshots, for people to look at. */
async function keep(page: Page, name: string) {
  await shot(page, name);
}

/** The newest mail of a kind to an address, read from the outbox as the platform admin. */
async function lastMail(adminPage: Page, to: string, kind: string): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(async () => {
      const res = await adminPage.request.get(`/api/v1/admin/mails?to=${encodeURIComponent(to)}&limit=10`);
      const items = ((await res.json()) as { items: { kind: string; subject: string; text: string }[] }).items;
      found = items.find((m) => m.kind === kind);
      return Boolean(found);
    })
    .toBe(true);
  return found!;
}

test('a forgotten password is reset with the emailed code, and the old one stops working', async ({ page, browser }) => {
  const admin = await platformAdminPerson(browser, test);
  const account = await registerViaUi(page, 'Rosalind Franklin');
  await page.context().clearCookies();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();

  // A wrong code is refused next to the field.
  await page.getByLabel('Code from the email').fill('000000');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  const code = /(\d{6})/.exec((await lastMail(admin.page, account.email, 'password_reset')).subject)![1]!;
  if (code !== '000000') {
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByText('The code is wrong or has expired')).toBeVisible();
  }
  await page.getByLabel('Code from the email').fill(code);
  await keep(page, 'reset-password-code');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Password changed' })).toBeVisible();

  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /, Rosalind$/ })).toBeVisible();
  admin.expectNoProblems();
});

test('the sessions page lists where I am signed in and signs out another device', async ({ page, browser }) => {
  const account = await registerViaUi(page, 'Barbara Liskov');
  // A second device signs in.
  const laptop = await newPerson(browser);
  const signIn = await laptop.page.request.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
  expect(signIn.status()).toBe(200);

  await page.goto('/account/sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  const rows = page.getByRole('list').last().getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('This device', { exact: true })).toBeVisible();
  await keep(page, 'account-sessions');
  await page.emulateMedia({ colorScheme: 'dark' });
  await keep(page, 'account-sessions-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: /^Sign out .+, last seen/ }).click();
  await expect(rows).toHaveCount(1);
  expect((await laptop.page.request.get('/api/v1/auth/me')).status()).toBe(401);
  laptop.expectNoProblems();
});

test('the security page changes the password and shows the email as not confirmed yet, at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await registerViaUi(page, 'Frances Allen');
  await page.goto('/account/security');
  await expect(page.getByText('Not confirmed yet')).toBeVisible();
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();
  await keep(page, 'account-security-360');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

test('the profile page keeps which notices reach me by email and in the app', async ({ page }) => {
  await registerViaUi(page, 'Grace Hopper');
  await page.goto('/account/profile');
  const email = page.getByRole('checkbox', { name: 'Interview scheduled: email' });
  await expect(email).toBeChecked();
  // The proctoring alert has no email to turn off.
  await expect(page.getByRole('checkbox', { name: 'Proctoring alert: email' })).toHaveCount(0);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT');
  await email.uncheck();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Interview scheduled: email' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Interview scheduled: in app' })).toBeChecked();
  await page.getByRole('heading', { name: 'Notifications' }).scrollIntoViewIfNeeded();
  await keep(page, 'account-notifications');
  await shotDarkAnd360(page, 'account-notifications');
});
