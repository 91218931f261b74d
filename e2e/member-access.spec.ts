import { expect, shot, shotDarkAnd360, test } from './fixtures.js';
import { newPerson, platformAdminPerson, seedOrg, signInViaApi } from './org-helpers.js';

test('an org admin switches a member off and on from the Access tab; the platform admin sees failed sign-ins', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const platform = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, platform.page, browser, 'Pier Street Academy');
  const candidate = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(candidate.page, seed.candidate);
  const orgStatus = async () => (await candidate.page.request.get(`/api/v1/orgs/${seed.orgId}`)).status();
  expect(await orgStatus()).toBe(200);

  await page.goto(`/orgs/${seed.orgId}`);
  await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Access' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Access' })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: seed.candidate.email });
  await expect(row).toContainText('Last sign-in:');
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Reactivate' })).toBeVisible();
  // Their access to the organization ended at once.
  expect(await orgStatus()).toBe(404);
  await shot(page, 'org-access-deactivated');
  await shotDarkAnd360(page, 'org-access-deactivated');

  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByRole('button', { name: 'Deactivate' })).toBeVisible();
  expect(await orgStatus()).toBe(200);

  // Both changes are in the organization's audit log.
  await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Membership deactivated · Barbara Liskov' })).toBeVisible();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Membership reactivated · Barbara Liskov' })).toBeVisible();

  // A failed sign-in shows on the platform admin's users page.
  const failed = await candidate.page.request.post('/api/v1/auth/login', {
    data: { email: seed.candidate.email, password: 'not-my-password-9' },
  });
  expect(failed.status()).toBe(401);
  await platform.page.goto('/admin/users');
  const card = platform.page.getByRole('region', { name: 'Failed sign-ins' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('list', { name: 'Failed sign-ins per day' })).toBeVisible();
  await expect(card).toContainText(/[1-9]\d* in the last 14 days/);
  await shot(platform.page, 'admin-sign-in-failures');
});
