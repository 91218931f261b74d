import { expect, shot, test, uniqueEmail } from './fixtures.js';

// Single sign-on against the loopback OpenID Connect provider that scripts/e2e.mjs starts beside
// the server (a real `oidc-provider` with its own sign-in page).
test('single sign-on: continue with the provider, sign in there, and land signed in', async ({ page }) => {
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
});
