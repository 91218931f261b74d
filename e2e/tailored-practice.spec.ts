import {
  answerCurrentQuestion,
  axeViolations,
  expect,
  hasHorizontalScroll,
  openTailoring,
  registerViaUi,
  SAMPLE_ANSWERS,
  shot,
  shotViewport,
  test,
} from './fixtures.js';

const JOB_DESCRIPTION =
  'Backend Engineer, Payments Platform. You will build event pipelines on Kafka and design schemas and queries in PostgreSQL. ' +
  'We value clear communication, ownership of services in production, and careful code review.';

const RESUME =
  'Jordan Rivera, Backend Engineer.\n' +
  'Acme Payments (2019–2024): built the ledger service in Go on PostgreSQL; led the migration of order events to Kafka, ' +
  'cutting settlement delays from hours to minutes.\n' +
  'Project: open-source PostgreSQL migration linter used by 40 teams.';

/** An answer with a few deliberate grammar slips, so inline notes show. */
const ANSWER_WITH_SLIPS =
  'At Acme Payments I has seen a deadlock between two transfer jobs in PostgreSQL. Each job locked a account row and then waited for the other one. ' +
  'We fixed it by always locking rows in the same order, by keeping transactions short and by adding a retry with backoff. ' +
  'Their was also a alert on lock waits in Kafka consumers, so we noticed quickly. Deadlocks need mutual exclusion, hold and wait, ' +
  'no preemption and a circular wait; breaking any one of them prevents deadlocks.';

const QUESTIONS = 3;

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
  test.describe(`tailored practice (${variant.name})`, () => {
    test.use(variant.use);

    test('a job description and resume give targeted questions, inline grammar notes and a skill coverage card', async ({ page }) => {
      const narrow = variant.suffix === '-360';
      const noSideScroll = async (where: string) => {
        if (narrow) expect(await hasHorizontalScroll(page), `${where} scrolls sideways`).toBe(false);
      };
      await registerViaUi(page, 'Jordan Rivera');

      // Setup: the tailoring section starts closed, opens, and counts characters as you type.
      await page.goto('/practice/new');
      await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice interview' })).toBeVisible();
      await expect(page.getByLabel(/Job description/)).toBeHidden();
      await page.getByRole('radio', { name: 'Technical' }).check();
      await page.getByLabel('Role').fill('Backend Engineer');
      await page.getByLabel('Number of questions').fill(String(QUESTIONS));
      await openTailoring(page);
      await page.getByLabel(/Job description/).fill(JOB_DESCRIPTION);
      const resume = page.getByLabel(/^Resume/);
      await resume.fill(RESUME);
      await expect(resume).toHaveAttribute('maxlength', '30000');
      await expect(page.getByText(`${RESUME.length} / 30,000`)).toBeVisible();
      await expect(page.getByText('Used only to tailor your questions. It is not stored.')).toBeVisible();
      await expect(page.getByRole('complementary', { name: 'Summary' }).getByText('Job and resume')).toBeVisible();
      await noSideScroll('practice setup');
      if (!variant.suffix) expect(await axeViolations(page), 'practice setup with tailoring').toEqual([]);
      await shot(page, `tailored-setup${variant.suffix}`);

      // Closing the section keeps what was pasted, and says so.
      await page.getByRole('button', { name: /Tailor to a job and resume/ }).click();
      await expect(page.getByText('Job description added')).toBeVisible();
      await expect(page.getByText('Resume added')).toBeVisible();
      await shot(page, `tailored-setup-closed${variant.suffix}`);

      await page.getByRole('button', { name: 'Start interview' }).click();
      await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);

      const targeted: string[] = [];
      let pictured = false;
      for (let i = 1; i <= QUESTIONS; i++) {
        await expect(page.getByText(`Question ${i} of ${QUESTIONS}`)).toBeVisible();
        const chips = page.getByRole('list', { name: 'Targets:' });
        if (i === 1) {
          // The first question shows the skills it targets, by name rather than by id.
          await expect(chips).toBeVisible();
          await expect(chips.getByRole('listitem').first()).toBeVisible();
          await noSideScroll('question');
        }
        const names = (await chips.isVisible()) ? await chips.getByRole('listitem').allTextContents() : [];
        targeted.push(...names);
        // Picture the first question aimed at the posting's skills (or the last one, failing that).
        if (!pictured && (names.some((n) => /PostgreSQL|Kafka/.test(n)) || i === QUESTIONS)) {
          await shot(page, `tailored-question${variant.suffix}`);
          pictured = true;
        }

        await answerCurrentQuestion(page, i === 1 ? ANSWER_WITH_SLIPS : SAMPLE_ANSWERS[(i - 1) % SAMPLE_ANSWERS.length]!);
        if (i === 1) {
          // Grammar notes sit on the answer itself: on keyboard focus and on hover.
          const answerCard = page.getByRole('region', { name: 'Your answer' });
          const marks = answerCard.locator('mark[data-grammar-issue]');
          await expect(marks.first()).toBeVisible();
          expect(await marks.count()).toBeGreaterThanOrEqual(2);
          await expect(marks.first()).toHaveText('has');
          await expect(marks.first()).toHaveAccessibleDescription(/^Grammar note: .+Try “have”\.$/);
          const tooltip = page.getByTestId('grammar-tooltip');
          await marks.first().focus();
          await expect(tooltip).toBeVisible();
          await expect(tooltip).toContainText('“have”');
          await noSideScroll('feedback with a grammar note open');
          await marks.first().scrollIntoViewIfNeeded();
          await page.evaluate(() => window.scrollBy(0, -120));
          await shotViewport(page, `tailored-grammar${variant.suffix}`);
          await page.keyboard.press('Tab');
          await expect(marks.nth(1)).toBeFocused();
          await expect(tooltip).toContainText('“an”');
          await page.keyboard.press('Escape');
          await expect(tooltip).toBeHidden();
          if (!narrow) {
            await marks.nth(2).hover();
            await expect(tooltip).toBeVisible();
            await page.mouse.move(0, 0);
            await expect(tooltip).toBeHidden();
          }
          // The list under "Grammar notes" is still there.
          await expect(page.getByRole('heading', { level: 3, name: 'Grammar notes' })).toBeVisible();
          if (!variant.suffix) expect(await axeViolations(page), 'feedback with inline grammar notes').toEqual([]);
        }
        if (i < QUESTIONS) await page.getByRole('button', { name: 'Next question' }).click();
      }
      expect(targeted.length, 'skills targeted across the interview').toBeGreaterThan(0);
      // Which posting skills get a question of their own varies between interviews (about a third
      // of the questions are tailored), so this is noted rather than required.
      test.info().annotations.push({ type: 'targeted skills', description: targeted.join(', ') });
      for (const name of targeted) expect(name, 'skill names are readable').not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);

      await page.getByRole('button', { name: 'Finish interview' }).click();
      await expect(page).toHaveURL(/\/report$/);
      await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();

      // Report: a skill coverage card with a question count and an average score per skill.
      const coverage = page.getByRole('region', { name: 'Skill coverage' });
      await expect(coverage).toBeVisible();
      const rows = coverage.getByRole('listitem');
      expect(await rows.count()).toBeGreaterThan(0);
      await expect(rows.first()).toContainText(/\d+ questions?/);
      // Every question was answered, so each skill a question targets is in the card, by the same name.
      const coverageText = await coverage.textContent();
      const reportChips = await page.getByRole('list', { name: 'Targets:' }).getByRole('listitem').allTextContents();
      expect(reportChips.length).toBeGreaterThan(0);
      for (const name of reportChips) expect(coverageText, `coverage lists ${name}`).toContain(name);
      await noSideScroll('report');
      if (!variant.suffix) expect(await axeViolations(page), 'report with skill coverage').toEqual([]);
      await coverage.scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await coverage.screenshot({ path: `e2e/screenshots/tailored-report-skills${variant.suffix}.png`, animations: 'disabled' });
      const firstQuestion = page.locator('ol > li.card').first();
      await firstQuestion.scrollIntoViewIfNeeded();
      await firstQuestion.screenshot({ path: `e2e/screenshots/tailored-report-question${variant.suffix}.png`, animations: 'disabled' });
      await shot(page, `tailored-report${variant.suffix}`);
    });
  });
}
