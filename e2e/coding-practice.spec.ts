import { codingProblems } from '../content/coding/index.js';
import { writeCode } from './coding-helpers.js';
import { axeViolations, expect, registerViaUi, shot, test } from './fixtures.js';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

const shelf = codingProblems.find((p) => p.slug === 'rotate-the-shelf')!;

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

test('a candidate solves a problem in TypeScript and a SQL problem, and sees each verdict', async ({ page }) => {
  test.setTimeout(180_000);
  await registerViaUi(page, 'Edsger Dijkstra');

  // TypeScript: typed code, transpiled and run in the sandbox; a type-only mistake is not a verdict, a wrong value is.
  await page.goto(`/practice/coding/${shelf.slug}`);
  await expect(page.getByRole('heading', { name: shelf.title })).toBeVisible();
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.getByRole('textbox', { name: 'Your code' })).toContainText('function rotateShelf(items: number[]');
  await writeCode(page, 'function rotateShelf(items: number[], k: number): number[] {\n  return items.slice().reverse();\n}');
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/\d+ of \d+ tests passed\. Keep going\./)).toBeVisible({ timeout: 60_000 });
  await writeCode(
    page,
    [
      'function rotateShelf(items: number[], k: number): number[] {',
      '  const n: number = items.length;',
      '  if (n === 0) return [];',
      '  const shift = k % n;',
      '  return [...items.slice(n - shift), ...items.slice(0, n - shift)];',
      '}',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText('Solved: every test passed.')).toBeVisible({ timeout: 60_000 });

  // SQL: the query runs against a scratch database per run; rows are compared as data, in any order here.
  const sql = codingProblems.find((p) => p.slug === 'customers-who-never-ordered')!;
  await page.goto(`/practice/coding/${sql.slug}`);
  await expect(page.getByRole('heading', { name: sql.title })).toBeVisible();
  await writeCode(page, 'SELECT name FROM customers');
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText(/\d+ of \d+ tests passed\. Keep going\./)).toBeVisible({ timeout: 90_000 });
  await writeCode(page, 'SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)');
  await page.getByRole('button', { name: 'Submit solution' }).click();
  await expect(page.getByText('Solved: every test passed.')).toBeVisible({ timeout: 90_000 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'coding-practice-sql-solved-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
