import {
  answerCurrentQuestion,
  axeViolations,
  expect,
  openTailoring,
  registerViaUi,
  SAMPLE_ANSWERS,
  startPractice,
  test,
} from './fixtures.js';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

for (const scheme of ['light', 'dark'] as const) {
  test(`main pages pass axe checks in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/login');
    expect(await axeViolations(page), 'login page').toEqual([]);

    await registerViaUi(page, 'Hedy Lamarr');
    expect(await axeViolations(page), 'empty dashboard').toEqual([]);

    await startPractice(page, { type: 'Behavioral', role: 'Product Manager', questions: 1 });
    expect(await axeViolations(page), 'interview question').toEqual([]);

    await answerCurrentQuestion(page, SAMPLE_ANSWERS[0]!);
    expect(await axeViolations(page), 'answer feedback').toEqual([]);

    await page.getByRole('button', { name: 'Finish interview' }).click();
    await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
    expect(await axeViolations(page), 'report').toEqual([]);

    await page.goto('/practice/new');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await axeViolations(page), 'practice setup').toEqual([]);
    await openTailoring(page);
    await page.getByLabel(/^Resume/).fill('Backend engineer at Acme Payments.');
    expect(await axeViolations(page), 'practice setup, tailoring open').toEqual([]);

    await page.goto('/');
    await expect(page.getByText('Completed').first()).toBeVisible();
    expect(await axeViolations(page), 'dashboard with history').toEqual([]);
  });
}

test('the interview can be done with the keyboard alone', async ({ page }) => {
  await registerViaUi(page, 'Keyboard User');
  await startPractice(page, { type: 'Technical', role: 'Frontend Engineer', questions: 1 });
  const box = page.getByLabel('Your answer');
  await box.focus();
  await page.keyboard.type('Use semantic HTML, visible focus styles and labels for every control, and test with a screen reader.');
  await page.keyboard.press('Control+Enter');
  // Focus moves to the feedback heading so the result is read out first.
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeFocused({ timeout: 20_000 });
  await page.keyboard.press('Tab');
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    reached = await page.getByRole('button', { name: 'Finish interview' }).evaluate((el) => el === document.activeElement);
    if (!reached) await page.keyboard.press('Tab');
  }
  expect(reached, 'Finish interview is reachable with Tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/report$/);
});
