import { expect, shot, shotDarkAnd360, test } from './fixtures.js';
import { api, platformAdminPerson, registerViaApi } from './org-helpers.js';

test('a platform admin creates and opens organizations from the dashboard', async ({ browser }) => {
  // Names of their own, so a retry (or another spec's organizations) cannot make them ambiguous.
  const run = Math.random().toString(36).slice(2, 6);
  const langley = `Langley Tutors ${run}`;
  const bletchley = `Bletchley Academy ${run}`;
  // An organization the admin is not a member of: still listed, still openable.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await registerViaApi(otherPage, 'Mary Jackson', 'org-owner');
  // Older organizations whose names sort first: the card must still show the newest.
  for (let i = 0; i < 5; i++) await api(otherPage, 'POST', '/api/v1/orgs', { name: `Aardvark School ${run} ${i}` });
  await api(otherPage, 'POST', '/api/v1/orgs', { name: langley });

  const { page } = await platformAdminPerson(browser, test);
  await page.goto('/');
  const card = page.getByTestId('platform-orgs');
  await expect(card.getByRole('heading', { name: 'Organizations on this server' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' })).toBeVisible();

  await card.getByRole('link', { name: 'New organization' }).click();
  await page.getByLabel('Organization name').fill(bletchley);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: bletchley })).toBeVisible();

  await page.goto('/');
  await expect(card.getByRole('link', { name: bletchley })).toBeVisible();
  await expect(card.getByRole('link', { name: langley })).toBeVisible();
  await shot(page, 'platform-admin-dashboard-light');
  await shotDarkAnd360(page, 'platform-admin-dashboard');
  await card.getByRole('link', { name: bletchley }).click();
  await expect(page.getByRole('heading', { level: 1, name: bletchley })).toBeVisible();
  await page.goto('/');
  await card.getByRole('link', { name: langley }).click();
  await expect(page.getByRole('heading', { level: 1, name: langley })).toBeVisible();
  await other.close();
});
