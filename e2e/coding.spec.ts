import { problemOnScreen, writeCode } from './coding-helpers.js';
import { expect, registerViaUi, shot, startPractice, test } from './fixtures.js';

test('a candidate writes, runs and submits code in JavaScript and Python and sees the verdicts', async ({ page }) => {
  test.setTimeout(180_000);
  await registerViaUi(page, 'Grace Hopper');
  await startPractice(page, { type: 'Coding', role: 'Software Engineer', questions: 2 });

  const first = await problemOnScreen(page);
  await expect(page.getByRole('textbox', { name: 'Your code' })).toContainText(`function ${first.entry.javascript}(`);

  // A wrong answer first: the console shows the verdict with expected and actual values.
  await writeCode(page, `function ${first.entry.javascript}(...args) {\n  return 'nope';\n}`);
  await page.getByRole('button', { name: 'Run examples' }).click();
  await expect(page.getByText(/0 of \d+ examples passed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Wrong answer').first()).toBeVisible();
  await shot(page, 'coding-wrong-answer');

  await writeCode(page, first.solutions.javascript!);
  await page.getByRole('button', { name: 'Run examples' }).click();
  await expect(page.getByText(/(\d+) of \1 examples passed/)).toBeVisible({ timeout: 30_000 });
  await page
    .getByLabel(/Explain your approach/)
    .fill(`One pass with a hash map: ${first.expectedComplexity} time, O(n) space; empty input returns early.`);
  await shot(page, 'coding-run-passed');
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/Hidden tests: (\d+) of \1 passed/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Time growth:/)).toBeVisible();
  await shot(page, 'coding-submitted');

  // The second problem in Python.
  await page.getByRole('button', { name: 'Next question' }).click();
  const second = await problemOnScreen(page);
  await page.getByLabel('Language').selectOption('python');
  await expect(page.getByRole('textbox', { name: 'Your code' })).toContainText(`def ${second.entry.python}(`);
  await writeCode(page, second.solutions.python!);
  await page.getByRole('button', { name: 'Run examples' }).click();
  await expect(page.getByText(/(\d+) of \1 examples passed/)).toBeVisible({ timeout: 90_000 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'coding-python-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/Hidden tests: (\d+) of \1 passed/)).toBeVisible({ timeout: 90_000 });
});

test('the coding answer works at 360 px and the editor lets the keyboard out', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 780 });
  await registerViaUi(page, 'Alan Turing');
  await startPractice(page, { type: 'Coding', role: 'Software Engineer', questions: 1 });
  const editor = page.getByRole('textbox', { name: 'Your code' });
  await editor.click();
  // Escape then Tab moves focus out of the editor instead of indenting.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'coding-360');
});
