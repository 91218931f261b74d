import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

const screenshotDir = path.resolve(import.meta.dirname, 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

/**
 * `page` that fails the test on uncaught exceptions and on contract mismatches (the web client
 * logs "contract mismatch" when an API response does not match src/contract).
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && msg.text().includes('contract mismatch')) problems.push(msg.text());
    });
    await use(page);
    expect(problems, 'browser errors').toEqual([]);
  },
});

/** Saves a full-page screenshot to e2e/screenshots/<name>.png for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  // Let entrance animations and chart transitions settle so the picture shows the real page.
  await page.waitForTimeout(700);
  // Full-page captures of a scrolled page paint the sticky header mid-page; start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The same page again in the dark theme and at 360 px wide (then back to light at desktop size). */
export async function shotDarkAnd360(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await shot(page, `${name}-dark`);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Saves what the window shows (not the full page), e.g. with a tooltip open. */
export async function shotViewport(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

let counter = 0;
export function uniqueEmail(prefix = 'candidate'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

export const PASSWORD = 'quiet-harbour-lantern-42';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export async function registerViaUi(page: Page, name = 'Ada Lovelace', screenshot?: string): Promise<Account> {
  const account = { name, email: uniqueEmail(), password: PASSWORD };
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`, ${name.split(' ')[0]}$`) })).toBeVisible();
  return account;
}

export interface PracticeOptions {
  type?: string;
  role?: string;
  level?: 'Junior' | 'Mid-level' | 'Senior';
  questions: number;
  jobDescription?: string;
  resumeText?: string;
  screenshot?: string;
}

/** Opens the collapsible "Tailor to a job and resume" section of practice setup. */
export async function openTailoring(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /Tailor to a job and resume/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Fills the practice form for a paced behavioural practice of two fixed questions (15 s to think, 60 s to answer), not yet started. */
export async function fillPacedPractice(page: Page): Promise<void> {
  await page.goto('/practice/new');
  await page.getByRole('radio', { name: 'Behavioral' }).check();
  await page.getByLabel('Role').fill('Support Engineer');
  await page.getByRole('radio', { name: /Fixed list/ }).check();
  await page.getByLabel('Number of questions').fill('2');
  await page.getByLabel('Think time').selectOption('15');
  await page.getByLabel('Answer time').selectOption('60');
}

export async function startPractice(page: Page, opts: PracticeOptions): Promise<void> {
  await page.goto('/practice/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice interview' })).toBeVisible();
  await page.getByRole('radio', { name: opts.type ?? 'Behavioral' }).check();
  await page.getByLabel('Role').fill(opts.role ?? 'Software Engineer');
  await page.getByRole('radio', { name: new RegExp(opts.level ?? 'Mid-level') }).check();
  await page.getByLabel('Number of questions').fill(String(opts.questions));
  if (opts.jobDescription || opts.resumeText) await openTailoring(page);
  if (opts.jobDescription) await page.getByLabel(/Job description/).fill(opts.jobDescription);
  if (opts.resumeText) await page.getByLabel(/^Resume/).fill(opts.resumeText);
  if (opts.screenshot) await shot(page, opts.screenshot);
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByText(`Question 1 of ${opts.questions}`)).toBeVisible();
}

export const SAMPLE_ANSWERS = [
  `In my last role as a backend engineer, our checkout service started timing out during a seasonal sale (situation). ` +
    `My task was to restore reliability within a day without stopping sales. I profiled the slowest endpoints, found an ` +
    `unindexed query and a retry storm, added the index, introduced exponential backoff and set up a dashboard with alerts. ` +
    `I kept the product manager and support team updated every hour. As a result, p95 latency dropped from 4 seconds to ` +
    `300 milliseconds, errors fell by 95 percent and we wrote a runbook so the team could handle similar incidents.`,
  `I would start by clarifying the goal and the constraints with the people involved, then break the problem into smaller ` +
    `parts. For example, when our team disagreed about migrating to a new database, I collected data on query patterns, ` +
    `compared the costs and risks of each option, and presented a short written proposal. We agreed on a gradual migration ` +
    `behind a feature flag. The trade-off was a longer timeline, but it reduced risk, and the migration finished with no downtime.`,
  `First I listen carefully and ask questions to understand the other person's concerns. Then I explain my reasoning ` +
    `clearly, using concrete examples and data rather than opinions. In one project a stakeholder wanted a feature that ` +
    `would have delayed the release; I showed the impact on the schedule, proposed a smaller first version, and we shipped ` +
    `on time. Afterwards we measured adoption and planned the rest of the feature based on real usage.`,
];

/** Answers the current question and waits for its feedback. */
export async function answerCurrentQuestion(page: Page, text: string, screenshotBefore?: string): Promise<void> {
  const box = page.getByLabel('Your answer');
  await box.fill(text);
  await expect(page.getByText(/\d+ words/).first()).toBeVisible();
  if (screenshotBefore) await shot(page, screenshotBefore);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Feedback' })).toBeVisible({ timeout: 20_000 });
}

/** Answers every question of the open interview, then finishes it and waits for the report. */
export async function answerAllAndFinish(page: Page, count: number, screenshotPrefix?: string): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await expect(page.getByText(`Question ${i} of ${count}`)).toBeVisible();
    await answerCurrentQuestion(
      page,
      SAMPLE_ANSWERS[(i - 1) % SAMPLE_ANSWERS.length]!,
      screenshotPrefix && i === 1 ? `${screenshotPrefix}-question` : undefined,
    );
    if (screenshotPrefix && i === 1) await shot(page, `${screenshotPrefix}-feedback`);
    if (i < count) await page.getByRole('button', { name: 'Next question' }).click();
  }
  await page.getByRole('button', { name: 'Finish interview' }).click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\/report$/);
  await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
}

/** True when the page is wider than the window (a horizontal scrollbar). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Relative luminance (0 black … 1 white) of the page background. */
export async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const color = getComputedStyle(document.body).backgroundColor;
    const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.2 A/AA rules) on the page and returns readable violations; needs `test.use({ bypassCSP: true })`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForTimeout(400); // let entrance animations finish so colours are final
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 4)
        .join(' | ')}`,
  );
}
