import { PASSWORD, expect, shot, test, uniqueEmail } from './fixtures.js';

test('a wrong password shows a clear error and stays on the login page', async ({ page, request }) => {
  const email = uniqueEmail('returning');
  const created = await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD, name: 'Alan Turing' } });
  expect(created.status()).toBe(202);

  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
  await page.getByRole('button', { name: 'Log in' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await shot(page, 'login-error');

  // The right password gets in, and protected pages bring you back after logging in.
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /, Alan$/ })).toBeVisible();
});

test('a signed-out visitor is sent to log in and then back to the page they wanted', async ({ page, request }) => {
  const email = uniqueEmail('deep-link');
  expect((await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD, name: 'Katherine Johnson' } })).status()).toBe(
    202,
  );
  await page.goto('/practice/new');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/practice\/new$/);
});

test('registration explains problems next to the fields', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Name').fill('Short Password');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'register-errors');
});
