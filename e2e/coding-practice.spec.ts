import type { Page } from '@playwright/test';
import { codingProblems } from '../content/coding/index.js';
import { axeViolations, expect, registerViaUi, shot, test } from './fixtures.js';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

const shelf = codingProblems.find((p) => p.slug === 'rotate-the-shelf')!;

/** Replaces the editor's text (insertText types no keys, so auto-closed brackets do not double). */
async function writeCode(page: Page, code: string) {
  const editor = page.getByRole('textbox', { name: 'Your code' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

test('a candidate filters the practice library, solves a problem and sees it marked solved', async ({ page }) => {
  test.setTimeout(180_000);
  await registerViaUi(page, 'Katherine Johnson');
  await page.goto('/practice/coding');
  await expect(page.getByRole('heading', { name: 'Coding practice' })).toBeVisible();
  await expect(page.getByText('0 / ' + codingProblems.length)).toBeVisible();

  await page.getByRole('combobox', { name: 'Topic' }).selectOption('arrays');
  await page.getByRole('combobox', { name: 'Difficulty' }).selectOption('easy');
  await expect(page.getByRole('link', { name: shelf.title })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Count the islands' })).toHaveCount(0);
  expect(await axeViolations(page), 'practice library').toEqual([]);
  await shot(page, 'coding-practice-library');

  await page.getByRole('link', { name: shelf.title }).click();
  await expect(page.getByRole('heading', { name: shelf.title })).toBeVisible();
  await writeCode(page, 'function rotateShelf(items, k) {\n  return items;\n}');
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/\d+ of \d+ tests passed\. Keep going\./)).toBeVisible({ timeout: 60_000 });

  await writeCode(page, shelf.solutions.javascript!);
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText('Solved: every test passed.')).toBeVisible({ timeout: 60_000 });
  expect(await axeViolations(page), 'practice problem').toEqual([]);
  await shot(page, 'coding-practice-solved');

  await page.getByRole('link', { name: 'All problems' }).click();
  await expect(page.getByText('1 / ' + codingProblems.length)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: shelf.title }).getByLabel('Solved')).toBeVisible();

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), 'practice library, dark').toEqual([]);
  await shot(page, 'coding-practice-library-dark');
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, 'coding-practice-library-360-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: shelf.title }).click();
  await expect(page.getByRole('heading', { name: shelf.title })).toBeVisible();
  await shot(page, 'coding-practice-problem-360');
});
