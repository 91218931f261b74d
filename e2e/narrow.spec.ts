import {
  answerCurrentQuestion,
  expect,
  hasHorizontalScroll,
  registerViaUi,
  SAMPLE_ANSWERS,
  shot,
  startPractice,
  test,
} from './fixtures.js';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('at 360 px wide nothing scrolls sideways', async ({ page }) => {
  await registerViaUi(page, 'Mary Jackson', 'register-360');
  expect(await hasHorizontalScroll(page), 'dashboard (empty) scrolls sideways').toBe(false);
  await shot(page, 'dashboard-empty-360');

  await startPractice(page, {
    type: 'System design',
    role: 'Senior Platform Reliability Engineer, Payments Infrastructure',
    level: 'Senior',
    questions: 2,
    jobDescription: 'We run payment APIs at scale: Kubernetes, PostgreSQL, Kafka, observability and incident response.',
    screenshot: 'practice-setup-360',
  });
  expect(await hasHorizontalScroll(page), 'interview page scrolls sideways').toBe(false);
  await shot(page, 'interview-question-360');

  await answerCurrentQuestion(page, SAMPLE_ANSWERS[0]!);
  expect(await hasHorizontalScroll(page), 'feedback scrolls sideways').toBe(false);
  await shot(page, 'interview-feedback-360');
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  await answerCurrentQuestion(page, SAMPLE_ANSWERS[1]!);
  await page.getByRole('button', { name: 'Finish interview' }).click();
  await expect(page.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
  expect(await hasHorizontalScroll(page), 'report scrolls sideways').toBe(false);
  await shot(page, 'report-360');

  await page.goto('/');
  await expect(page.getByText(/Completed, score \d+/)).toBeAttached();
  expect(await hasHorizontalScroll(page), 'dashboard (with history) scrolls sideways').toBe(false);
  await shot(page, 'dashboard-360');
});
