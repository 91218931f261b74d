import { existsSync, readFileSync } from 'node:fs';
import { expect, PASSWORD, shot, shotDarkAnd360, test, uniqueEmail } from './fixtures.js';
import { savePlatformAdmin } from './platform-admin.js';

/** The one-time setup link the server logs on first start with no platform admin. */
function setupLinkFromServerLog(): string | null {
  const log = process.env.E2E_SERVER_LOG;
  if (!log || !existsSync(log)) return null;
  const match = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(readFileSync(log, 'utf8'));
  return match ? `/setup?token=${match[1]}` : null;
}

test('the setup page explains a link without a token', async ({ page }) => {
  await page.goto('/setup');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Panelist' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This setup link is incomplete');
});

test('the first admin is created from the one-time setup link', async ({ page }) => {
  const link = setupLinkFromServerLog();
  test.skip(!link, 'needs the server log from `npm run test:e2e` (not available with E2E_BASE_URL)');
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Panelist' })).toBeVisible();
  const admin = { name: 'Platform Admin', email: uniqueEmail('admin'), password: PASSWORD };
  await page.getByLabel('Name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await shot(page, 'setup');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /, Platform$/ })).toBeVisible();
  savePlatformAdmin(admin);

  // The link works once, and says so at once: no form to fill in vain.
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.goto(link!);
  await expect(page.getByRole('alert')).toContainText('This setup link was already used');
  await expect(page.getByLabel('Name')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create admin account' })).toHaveCount(0);
  await shot(page, 'setup-used-link');
  await shotDarkAnd360(page, 'setup-used-link');
});

test('a setup link that is not one says so before the form', async ({ page }) => {
  await page.goto('/setup?token=not-a-real-token');
  await expect(page.getByRole('alert')).toContainText('This is not a valid setup link');
  await expect(page.getByLabel('Name')).toHaveCount(0);
});

test('signed-out pages log no failed request to the console (no 401 from the session check)', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const statuses: number[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/api/v1/auth/')) statuses.push(res.status());
  });
  for (const path of ['/login', '/register', '/reset-password']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.waitForLoadState('networkidle');
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s === 401)).toEqual([]);
  expect(errors).toEqual([]);
});
