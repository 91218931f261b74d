import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { PASSWORD, axeViolations, expect, registerViaUi, shot, test } from './fixtures.js';
import { platformAdminPerson } from './org-helpers.js';

// Sign-up, enrolment and a wait for the authenticator's next 30-second step.
test.describe.configure({ timeout: 180_000 });
test.use({ bypassCSP: true });

const codeAt = (secret: string, ms: number) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });
const stepOf = (ms: number) => Math.floor(ms / 30_000);

async function threeWays(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, `${name}-light`);
  expect(await axeViolations(page), `${name} light`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, `${name}-dark`);
  expect(await axeViolations(page), `${name} dark`).toEqual([]);
  const size = page.viewportSize() ?? { width: 1280, height: 860 };
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, `${name}-360`);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('two-factor is set up with the app code, recovery codes are shown once, and sign-in then asks for the code', async ({ page }) => {
  const account = await registerViaUi(page, 'Grace Hopper');
  await page.goto('/account/security');
  await page.getByLabel('Confirm with your password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set up two-factor' }).click();
  await expect(page.getByRole('img', { name: 'QR code of your two-factor secret' })).toBeVisible();
  const secret = (await page.locator('code').first().textContent())!.trim();
  await threeWays(page, 'two-factor-setup');
  const enrolledAt = Date.now();
  await page.getByLabel('6-digit code from the app').fill(codeAt(secret, enrolledAt));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await shot(page, 'two-factor-recovery-codes');

  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  const field = page.getByLabel('Code from your authenticator app');
  await expect(field).toBeVisible();
  await threeWays(page, 'two-factor-sign-in');
  // A code is good once: wait for the app's next code after the one used at enrolment.
  const wait = (stepOf(enrolledAt) + 1) * 30_000 - Date.now() + 500;
  if (wait > 0) await page.waitForTimeout(wait);
  await field.fill(codeAt(secret, Date.now()));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /, Grace$/ })).toBeVisible();
});

test('the profile keeps links and the theme chosen, which the next sign-in applies', async ({ page }) => {
  await registerViaUi(page, 'Katherine Johnson');
  await page.goto('/account/profile');
  await page.getByLabel('GitHub').fill('https://evil.example/kj');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText(/must be a link like https:\/\/github.com/i)).toBeVisible();
  await page.getByLabel('GitHub').fill('https://github.com/kjohnson');
  await page.getByLabel('Location').fill('Hampton, Virginia');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  await threeWays(page, 'profile');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  // Another device: nothing in local storage, the server's choice applies.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByLabel('Location')).toHaveValue('Hampton, Virginia');
});

test('the platform admin finds, deactivates and reactivates a user', async ({ page, browser }) => {
  const admin = await platformAdminPerson(browser, test);
  const account = await registerViaUi(page, 'Dorothy Vaughan');
  await admin.page.goto('/admin/users');
  await admin.page.getByLabel('Name or email').fill(account.email);
  await admin.page.getByRole('button', { name: 'Search' }).click();
  const row = admin.page.getByRole('listitem').filter({ hasText: account.email });
  await expect(row).toHaveCount(1);
  await threeWays(admin.page, 'admin-users');
  await admin.page.getByRole('button', { name: 'Deactivate Dorothy Vaughan' }).click();
  await expect(row.getByText('Deactivated')).toBeVisible();
  // Her open page is signed out at once.
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await admin.page.getByRole('button', { name: 'Reactivate Dorothy Vaughan' }).click();
  await expect(row.getByText('Deactivated')).toHaveCount(0);
  admin.expectNoProblems();
});
