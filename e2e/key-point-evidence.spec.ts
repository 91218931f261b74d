import type { Page, Route } from '@playwright/test';
import { answerCurrentQuestion, axeViolations, expect, registerViaUi, shot, startPractice, test } from './fixtures.js';

// The page is tested against hand-made evaluations (key points with evidence, score factors,
// guards): the server's real answers are fetched and their evaluations replaced in flight, so
// the test does not depend on what a given engine version says about this answer. The
// fixtures' `page` still fails on any response the contract rejects.

const ANSWER =
  'An index lets the database find rows without scanning the whole table. ' +
  'It speeds up reads, but every insert must also update the index, so writes get slower.';

const span = (text: string, part: string) => {
  const start = text.indexOf(part);
  return start < 0 ? [] : [{ start, end: start + part.length }];
};

type Mode = 'judged' | 'legacy';

/** The evaluation as engine 2 writes it, or as evaluations stored before it look. */
function patchEvaluation(evaluation: Record<string, unknown>, text: string, mode: Mode): Record<string, unknown> {
  if (mode === 'legacy') {
    const { keyPoints: _k, guards: _g, scoreFactors: _s, ...old } = evaluation;
    return { ...old, coveredKeyPoints: ['An index avoids scanning the whole table'], missingKeyPoints: ['A B-tree keeps keys sorted'] };
  }
  return {
    ...evaluation,
    score: 58,
    coveredKeyPoints: ['An index avoids scanning the whole table', 'Indexes slow down writes'],
    missingKeyPoints: ['A B-tree keeps keys sorted'],
    keyPoints: [
      {
        keyPoint: 'An index avoids scanning the whole table',
        state: 'covered',
        evidence: span(text, 'find rows without scanning the whole table'),
      },
      { keyPoint: 'Indexes slow down writes', state: 'partly', evidence: span(text, 'so writes get slower'), note: 'says that, not why' },
      { keyPoint: 'A B-tree keeps keys sorted', state: 'missed', evidence: [] },
    ],
    scoreFactors: [
      { label: 'Makes the central point of the question', effect: 18 },
      { label: 'Clear sentences', effect: 6 },
      { label: 'No concrete example', effect: -7 },
    ],
    guards: [{ kind: 'too_short', detail: 'Two sentences are short for a technical question.', cap: 60 }],
  };
}

/** Rewrites every answer's evaluation in answer, interview and report responses. */
function patchTree(node: unknown, mode: Mode): unknown {
  if (Array.isArray(node)) return node.map((n) => patchTree(n, mode));
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  // A report question carries the question as `text` and the answer as `answer`; an answer carries its own `text`.
  const text = typeof o.answer === 'string' ? o.answer : typeof o.text === 'string' && 'evaluation' in o ? o.text : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = patchTree(v, mode);
  if (text !== undefined && o.evaluation && typeof o.evaluation === 'object') {
    out.evaluation = patchEvaluation(o.evaluation as Record<string, unknown>, text, mode);
  }
  return out;
}

async function serveJudgedEvaluations(page: Page, mode: Mode) {
  await page.route(/\/api\/v1\/interviews\/[0-9a-f-]{36}(\/answers|\/report)?$/, async (route: Route) => {
    const response = await route.fetch();
    const type = response.headers()['content-type'] ?? '';
    if (!response.ok() || !type.includes('json')) return route.fulfill({ response });
    return route.fulfill({ response, json: patchTree(await response.json(), mode) });
  });
}

async function answerOneTechnicalQuestion(page: Page, name: string) {
  await registerViaUi(page, name);
  await startPractice(page, { type: 'Technical', role: 'Backend Engineer', questions: 1 });
  await answerCurrentQuestion(page, ANSWER);
}

test.use({ bypassCSP: true });

test('each key point shows its state, and selecting one marks its evidence in the answer', async ({ page }) => {
  await serveJudgedEvaluations(page, 'judged');
  await answerOneTechnicalQuestion(page, 'Barbara Liskov');

  const review = page.getByTestId('key-point-review');
  await expect(review).toContainText('1 of 3 covered, 1 partly, 1 missed.');
  const covered = review.getByRole('button', { name: /^Covered An index avoids scanning the whole table$/ });
  const partly = review.getByRole('button', { name: /^Partly Indexes slow down writes$/ });
  const missed = review.getByRole('button', { name: /^Missed A B-tree keeps keys sorted$/ });
  await expect(covered).toHaveAttribute('aria-pressed', 'false');
  await expect(review.locator('mark')).toHaveCount(0);

  await covered.click();
  await expect(covered).toHaveAttribute('aria-pressed', 'true');
  await expect(review.locator('mark')).toHaveText(['find rows without scanning the whole table']);
  await shot(page, 'key-points-evidence-light');

  // Keyboard: Tab to the next point and press Space.
  await covered.focus();
  await page.keyboard.press('Tab');
  await expect(partly).toBeFocused();
  await page.keyboard.press('Space');
  await expect(partly).toHaveAttribute('aria-pressed', 'true');
  await expect(covered).toHaveAttribute('aria-pressed', 'false');
  await expect(review.locator('mark')).toHaveText(['so writes get slower']);
  await expect(review).toContainText('says that, not why');

  await missed.press('Enter');
  await expect(review.locator('mark')).toHaveCount(0);
  await expect(review).toContainText('Your answer does not make this point yet');

  const why = page.getByTestId('why-this-score');
  await expect(page.getByRole('heading', { name: 'Why this score' })).toBeVisible();
  await expect(why.getByRole('listitem').filter({ hasText: 'Makes the central point of the question' })).toContainText('+18 points');
  await expect(why.getByRole('listitem').filter({ hasText: 'No concrete example' })).toContainText('−7 points');
  await expect(why).toContainText('It is too short to show what you know, so the score can be at most 60.');
  expect(await axeViolations(page), 'feedback with key points, light').toEqual([]);

  await page.emulateMedia({ colorScheme: 'dark' });
  await covered.click();
  await shot(page, 'key-points-evidence-dark');
  expect(await axeViolations(page), 'feedback with key points, dark').toEqual([]);

  // The report shows the same, per question.
  await page.getByRole('button', { name: 'Finish interview' }).click();
  await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
  const reportReview = page.getByTestId('key-point-review');
  await reportReview.getByRole('button', { name: /^Covered / }).click();
  await expect(reportReview.locator('mark')).toHaveText(['find rows without scanning the whole table']);
  await expect(page.getByTestId('why-this-score')).toContainText('What held it down');
  expect(await axeViolations(page), 'report with key points, dark').toEqual([]);
  await shot(page, 'report-key-points-dark');
});

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  test('key points and why-this-score fit a phone', async ({ page }) => {
    await serveJudgedEvaluations(page, 'judged');
    await answerOneTechnicalQuestion(page, 'Frances Allen');
    await page.getByRole('button', { name: /^Partly / }).click();
    await expect(page.getByTestId('key-point-review').locator('mark')).toHaveText(['so writes get slower']);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(wide, 'feedback scrolls sideways').toBe(false);
    await shot(page, 'key-points-evidence-360');
  });
});

test('an evaluation stored before key-point judgements still shows its covered and missed lists', async ({ page }) => {
  await serveJudgedEvaluations(page, 'legacy');
  await answerOneTechnicalQuestion(page, 'Jean Sammet');
  await expect(page.getByTestId('key-point-review')).toHaveCount(0);
  await expect(page.getByTestId('why-this-score')).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'Covered: An index avoids scanning the whole table' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Missed: A B-tree keeps keys sorted' })).toBeVisible();
});
