import { expect, shot, shotDarkAnd360, test, uniqueEmail } from './fixtures.js';

// Single sign-on against the loopback OpenID Connect provider that scripts/e2e.mjs starts beside
// the server (a real `oidc-provider` with its own sign-in page).
test('single sign-on: continue with the provider, sign in there, and land signed in', async ({ page }) => {
  // Two providers' pages, three account pages and their screenshots: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  test.skip(!process.env.E2E_OIDC, 'needs the loopback provider that `npm run test:e2e` starts');
  await page.goto('/login');
  const sso = page.getByRole('link', { name: 'Continue with Loopback ID' });
  await expect(sso).toBeVisible();
  await shot(page, 'login-sso');
  await sso.click();

  // At the provider (another origin): Panelist's page is gone until the provider sends us back.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Loopback ID' })).toBeVisible();
  expect(new URL(page.url()).port).not.toBe(new URL(test.info().project.use.baseURL!).port);
  const email = uniqueEmail('sso');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name').fill('Hedy Lamarr');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Back at Panelist with a new account, its address confirmed by the provider.
  await expect(page.getByRole('heading', { level: 1, name: /, Hedy$/ })).toBeVisible({ timeout: 20_000 });
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { user: { email: string; emailVerified: boolean } };
  expect(session.user).toMatchObject({ email, emailVerified: true });

  // Account › Security lists the identity; it cannot be unlinked while it is the only way in.
  await page.goto('/account/security');
  const linked = page.getByRole('list', { name: 'Linked sign-in providers' });
  await expect(linked.getByRole('listitem')).toHaveCount(1);
  await expect(linked.getByText(email)).toBeVisible();
  await expect(page.getByText('This account has no password yet')).toBeVisible();
  // No password to ask for: the Password card offers the reset mail, and two-factor waits for a password.
  const passwordCard = page.getByRole('region', { name: 'Password' });
  await expect(passwordCard.getByLabel('Current password')).toHaveCount(0);
  await passwordCard.getByRole('button', { name: 'Mail me a link to set a password' }).click();
  await expect(passwordCard.getByText('Mail sent')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Two-factor sign-in' }).getByText('Set a password above first')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Change email' }).getByLabel('Your password')).toHaveCount(0);
  await shot(page, 'account-security-no-password');
  await shotDarkAnd360(page, 'account-security-no-password');
  await linked.getByRole('button', { name: /^Unlink Loopback ID/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Unlink this provider?' });
  await dialog.getByRole('button', { name: 'Unlink' }).click();
  await expect(dialog.getByText('This is your only way to sign in.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Link a second provider account while signed in: its page, then back here.
  await page.getByRole('button', { name: 'Link Loopback ID', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Loopback ID' })).toBeVisible();
  const work = uniqueEmail('sso-work');
  await page.getByLabel('Email').fill(work);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Provider linked' })).toBeVisible({ timeout: 20_000 });
  await expect(linked.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('region', { name: 'Single sign-on' }).scrollIntoViewIfNeeded();
  await shot(page, 'account-single-sign-on');
  await shotDarkAnd360(page, 'account-single-sign-on');

  // Now the first can go.
  await linked.getByRole('button', { name: `Unlink Loopback ID (${email})` }).click();
  await dialog.getByRole('button', { name: 'Unlink' }).click();
  await expect(dialog).toBeHidden();
  await expect(linked.getByRole('listitem')).toHaveCount(1);
  await expect(linked.getByText(work)).toBeVisible();
});
