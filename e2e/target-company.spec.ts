import { axeViolations, expect, hasHorizontalScroll, registerViaUi, shot, test } from './fixtures.js';
import { api } from './org-helpers.js';

const variants = [
  { name: 'light', suffix: '', use: { colorScheme: 'light' as const } },
  { name: 'dark', suffix: '-dark', use: { colorScheme: 'dark' as const } },
  {
    name: '360 px',
    suffix: '-360',
    use: { colorScheme: 'light' as const, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  },
];

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

for (const variant of variants) {
  test.describe(`target company (${variant.name})`, () => {
    test.use(variant.use);

    test('a sales role preparing for Salesforce gets behavioural questions framed by its values', async ({ page }) => {
      await registerViaUi(page, 'Sam Okafor');
      await page.goto('/practice/new');
      await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice interview' })).toBeVisible();
      await page.getByLabel('Role').fill('Account Executive');
      await page.getByLabel('Target company (optional)').fill('Salesforce');
      await expect(page.getByText(/behavioural questions are framed by the values they publish/)).toBeVisible();
      if (variant.suffix === '-360') expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `target-company-setup${variant.suffix}`);

      await page.getByRole('button', { name: 'Start interview' }).click();
      await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
      await expect(page.getByText(/^Question 1 of/)).toBeVisible();
      // Framed questions are mixed with the others, so the first on screen may be either kind.
      const id = /\/interviews\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
      const iv = (await api(page, 'GET', `/api/v1/interviews/${id}`)) as { questions: { text: string }[] };
      expect(iv.questions.some((q) => q.text.startsWith('Salesforce asks its people to'))).toBe(true);
      await shot(page, `target-company-question${variant.suffix}`);
    });
  });
}
