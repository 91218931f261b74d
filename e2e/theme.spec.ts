import {
  answerCurrentQuestion,
  backgroundLuminance,
  expect,
  registerViaUi,
  SAMPLE_ANSWERS,
  shot,
  startPractice,
  test,
} from './fixtures.js';

test.describe('with a light system setting', () => {
  test.use({ colorScheme: 'light' });

  test('the dark theme can be chosen and survives a reload', async ({ page }) => {
    await page.goto('/login');
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    await shot(page, 'login-light');

    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);

    await page.reload();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await shot(page, 'login-dark');

    // Walk the main pages in dark mode so the screenshots show each of them.
    await registerViaUi(page, 'Dorothy Vaughan');
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await shot(page, 'dashboard-empty-dark');
    await startPractice(page, { type: 'Mixed', role: 'Data Analyst', questions: 1, screenshot: 'practice-setup-dark' });
    await answerCurrentQuestion(page, SAMPLE_ANSWERS[0]!, 'interview-question-dark');
    await shot(page, 'interview-feedback-dark');
    await page.getByRole('button', { name: 'Finish interview' }).click();
    await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
    await shot(page, 'report-dark');
    await page.goto('/');
    await expect(page.getByText('Completed').first()).toBeVisible();
    await shot(page, 'dashboard-dark');

    // Back to light.
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  });
});

test.describe('with a dark system setting', () => {
  test.use({ colorScheme: 'dark' });

  test('the app follows the system until told otherwise', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);

    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    await page.reload();
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);

    await page.getByRole('radio', { name: 'System' }).check();
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await page.reload();
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  });
});
