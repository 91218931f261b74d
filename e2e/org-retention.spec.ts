import { expect, shot, shotDarkAnd360, test } from './fixtures.js';
import { api, registerViaApi } from './org-helpers.js';

test('an org admin sets how long interviews, resumes and recordings are kept, with bad periods explained', async ({ page }) => {
  await registerViaApi(page, 'Hannah Arendt', 'retention');
  const org = (await api(page, 'POST', '/api/v1/orgs', { name: 'Quiet Archive Ltd' })) as { id: string };
  await page.goto(`/orgs/${org.id}/settings`);
  const section = page.getByRole('region', { name: 'Data retention' });
  const interviews = section.getByLabel('Keep ended interviews for');
  const resumes = section.getByLabel('Keep candidates’ resumes for');
  const recordings = section.getByLabel('Keep recorded answers for');
  // Nothing set yet: interviews and resumes are kept, recordings have the server's default.
  await expect(interviews).toHaveValue('');
  await expect(resumes).toHaveValue('');
  await expect(recordings).toHaveValue(/^\d+$/);

  await interviews.fill('0');
  await resumes.fill('two years');
  await recordings.fill('');
  await section.getByRole('button', { name: 'Save retention periods' }).click();
  await expect(section.getByText('Enter between 1 and 3650 days (ten years).')).toBeVisible();
  await expect(section.getByText('Enter whole days, like 365.')).toBeVisible();
  await expect(section.getByText('Enter a number of days.')).toBeVisible();
  await expect(interviews).toBeFocused();
  await shot(page, 'org-retention-errors');
  // Nothing was saved.
  expect(await api(page, 'GET', `/api/v1/orgs/${org.id}/data-retention`)).toEqual({ interviewDays: null, resumeDays: null });

  await interviews.fill('365');
  await resumes.fill('');
  await recordings.fill('30');
  await section.getByRole('button', { name: 'Save retention periods' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await shot(page, 'org-retention');
  await shotDarkAnd360(page, 'org-retention');
  expect(await api(page, 'GET', `/api/v1/orgs/${org.id}/data-retention`)).toEqual({ interviewDays: 365, resumeDays: null });
  expect(await api(page, 'GET', `/api/v1/orgs/${org.id}/recording-retention`)).toEqual({ days: 30 });
  await page.reload();
  await expect(interviews).toHaveValue('365');
  await expect(recordings).toHaveValue('30');
});
