import { expect, shot, shotDarkAnd360, test } from './fixtures.js';
import { api, platformAdminPerson, registerViaApi } from './org-helpers.js';

test('a platform admin creates and opens organizations from the dashboard', async ({ browser }) => {
  // An organization the admin is not a member of: still listed, still openable.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await registerViaApi(otherPage, 'Mary Jackson', 'org-owner');
  await api(otherPage, 'POST', '/api/v1/orgs', { name: 'Langley Tutors' });

  const { page } = await platformAdminPerson(browser, test);
  await page.goto('/');
  const card = page.getByTestId('platform-orgs');
  await expect(card.getByRole('heading', { name: 'Organizations on this server' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' })).toBeVisible();

  await card.getByRole('link', { name: 'New organization' }).click();
  await page.getByLabel('Organization name').fill('Bletchley Academy');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bletchley Academy' })).toBeVisible();

  await page.goto('/');
  await expect(card.getByRole('link', { name: 'Bletchley Academy' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Langley Tutors' })).toBeVisible();
  await shot(page, 'platform-admin-dashboard-light');
  await shotDarkAnd360(page, 'platform-admin-dashboard');
  await card.getByRole('link', { name: 'Bletchley Academy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bletchley Academy' })).toBeVisible();
  await page.goto('/');
  await card.getByRole('link', { name: 'Langley Tutors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Langley Tutors' })).toBeVisible();
  await other.close();
});
