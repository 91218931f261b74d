import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { answerCurrentQuestion, expect, registerViaUi, SAMPLE_ANSWERS, startPractice, test } from './fixtures.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.2 A/AA rules) on the page and returns readable violations. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForTimeout(400); // let entrance animations finish so colours are final
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

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
