import type { Page } from '@playwright/test';
import { axeViolations, expect, hasHorizontalScroll, SAMPLE_ANSWERS, shot, test } from './fixtures.js';
import { api, newPerson, platformAdminPerson, seedOrg, signInViaApi, type Person } from './org-helpers.js';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

const pad = (n: number) => String(n).padStart(2, '0');
/** The value of an <input type="datetime-local"> for `date` (the browser and this process share the machine's time zone). */
function localInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Light, dark and 360 px pictures of the page as it is, and no sideways scrolling at 360 px. */
async function shotAll(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 860 };
  await shot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await hasHorizontalScroll(page), `${name} scrolls sideways at 360 px`).toBe(false);
  await shot(page, `${name}-360`);
  await page.setViewportSize(size);
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), `${what} (light)`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), `${what} (dark)`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function signedIn(browser: Parameters<typeof newPerson>[0], account: { email: string; password: string }): Promise<Person> {
  const person = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(person.page, account);
  return person;
}

test('a coach schedules an interview, the candidate takes it, the coach overrides a score and the candidate reads the results', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const mailReader = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, mailReader.page, browser, 'Lakeside Coaching');
  const coach = await signedIn(browser, seed.coach);
  const candidate = await signedIn(browser, seed.candidate);
  const c = coach.page;
  const k = candidate.page;

  // The coach finds the Coach area in the header and their candidate on it.
  await c.goto('/');
  await c.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coach' }).click();
  await expect(c.getByRole('heading', { level: 1, name: 'Your candidates' })).toBeVisible();
  await expect(c.getByText('Barbara Liskov')).toBeVisible();
  await expect(c.getByText('Nothing to review')).toBeVisible();
  await expectNoAxeViolations(c, 'coach dashboard (empty)');
  await shotAll(c, 'coach-dashboard-empty');

  // Scheduling: the candidate comes prefilled from their row; the window opens in an hour for now.
  await c.getByRole('link', { name: 'Schedule an interview for Barbara Liskov' }).click();
  await expect(c.getByRole('heading', { level: 1, name: 'Schedule an interview' })).toBeVisible();
  await expect(c.getByLabel('Candidate', { exact: true })).toHaveValue(/\|/);
  await c.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(c.getByText('Enter the role, for example “Software Engineer”.')).toBeVisible();
  await c.getByRole('radio', { name: 'Behavioral' }).check();
  await c.getByLabel('Role').fill('Data Analyst');
  await c.getByLabel('Number of questions').fill('2');
  const opens = new Date(Date.now() + 60 * 60_000);
  await c.getByLabel('Window opens').fill(localInput(opens));
  await c.getByLabel('Window closes').fill(localInput(new Date(opens.getTime() + 3 * 3600_000)));
  await c.getByLabel('Time to answer (minutes)').fill('20');
  await expect(c.getByText(/Times are in your time zone/)).toBeVisible();
  await expectNoAxeViolations(c, 'schedule form');
  await shotAll(c, 'coach-schedule');
  await c.getByRole('button', { name: 'Schedule interview' }).click();

  // The coach's page of the interview: scheduled, with the question editor open until the window opens.
  await expect(c).toHaveURL(/\/coach\/interviews\/[0-9a-f-]{36}$/);
  const interviewId = /\/coach\/interviews\/([0-9a-f-]{36})/.exec(c.url())![1]!;
  await expect(c.getByText('Interview scheduled')).toBeVisible();
  await expect(c.getByRole('heading', { level: 3, name: /^Question 2/ })).toBeVisible();

  // Edit: add a question, write it, give it key points, move it to the top with the keyboard, remove the last one.
  await c.getByRole('button', { name: 'Add question' }).click();
  const added = c.getByRole('listitem').filter({ has: c.getByRole('heading', { level: 3, name: /^Question 3/ }) });
  await expect(added.getByLabel('Question', { exact: true })).toBeFocused();
  await c.keyboard.type('Tell me about a time you turned messy data into a decision your team acted on.');
  await added.getByLabel('Key points').fill('cleaning the data\n\nthe decision it changed\n');
  await added.getByRole('button', { name: 'Move question 3 up' }).focus();
  await c.keyboard.press('Enter');
  await expect(c.getByRole('button', { name: 'Move question 2 up' })).toBeFocused();
  await c.keyboard.press('Enter');
  // At the top "up" is disabled, so focus moves to the same question's "down".
  await expect(c.getByRole('button', { name: 'Move question 1 down' })).toBeFocused();
  await expect(c.getByRole('status').filter({ hasText: 'Question moved up to position 1 of 3.' })).toBeAttached();
  await c.getByRole('button', { name: 'Remove question 3' }).click();
  await expect(c.getByText('You have unsaved changes.')).toBeVisible();
  await expectNoAxeViolations(c, 'question editor');
  await shotAll(c, 'coach-question-editor');
  await c.getByRole('button', { name: 'Save questions' }).click();
  await expect(c.getByText('All changes saved.')).toBeVisible();
  const saved = (await api(c, 'GET', `/api/v1/interviews/${interviewId}`)) as {
    questions: Array<{ order: number; text: string; keyPoints?: string[] }>;
  };
  const first = [...saved.questions].sort((a, b) => a.order - b.order)[0]!;
  expect(saved.questions).toHaveLength(2);
  expect(first.text).toContain('messy data');
  expect(first.keyPoints).toEqual(['cleaning the data', 'the decision it changed']);

  // The candidate sees it coming, with the Start button off until the window opens.
  await k.goto('/');
  const upcoming = k.getByRole('region', { name: 'Upcoming interviews' });
  await expect(upcoming.getByText('From Edsger Dijkstra')).toBeVisible();
  // The window was set an hour ahead at the start of the form; a slow machine may have spent a few
  // minutes since, so any span of three quarters of an hour or more is right.
  await expect(upcoming.getByText(/^Opens in (4[5-9]|5\d|60) min$|^Opens in 1 h$/)).toBeVisible();
  await expect(upcoming.getByRole('button', { name: 'Start' })).toBeDisabled();
  await shotAll(k, 'candidate-upcoming-before');

  // The coach moves the window to open now; the candidate's card turns on by itself (live event).
  await c.getByRole('button', { name: 'Reschedule' }).click();
  const dialog = c.getByRole('dialog', { name: 'Reschedule' });
  await dialog.getByLabel('Window opens').fill(localInput(new Date()));
  await dialog.getByRole('button', { name: 'Save new time' }).click();
  await expect(dialog).toBeHidden();
  await expect(c.getByText('The window is open, so the questions are fixed.')).toBeVisible();
  await expect(upcoming.getByRole('link', { name: 'Start' })).toBeVisible({ timeout: 15_000 });
  await expect(upcoming.getByText(/Open now · closes in/)).toBeVisible();
  await expectNoAxeViolations(k, 'dashboard with an upcoming interview');
  await shotAll(k, 'candidate-upcoming');

  // Taking it: the rules first, then the questions with a server-owned countdown.
  await upcoming.getByRole('link', { name: 'Start' }).click();
  await expect(k.getByRole('heading', { level: 2, name: 'Before you start' })).toBeVisible();
  await expect(k.getByText('Edsger Dijkstra reviews your answers first, then releases your scores and feedback.')).toBeVisible();
  await expectNoAxeViolations(k, 'interview lobby');
  await shotAll(k, 'assigned-lobby');
  await k.getByRole('button', { name: 'Start interview' }).click();
  await expect(k.getByText('Question 1 of 2')).toBeVisible();
  await expect(k.getByRole('heading', { level: 1, name: /messy data/ })).toBeVisible();
  await expect(k.getByRole('timer', { name: 'Time left' })).toContainText(/1[89]:\d\d/);

  // The draft reaches the server: even with this device's copy gone, a reload brings it back.
  const box = k.getByLabel('Your answer');
  await box.fill(SAMPLE_ANSWERS[0]!);
  await expect(k.getByText('Draft saved to Panelist as you type.')).toBeVisible();
  await k.evaluate(() => localStorage.clear());
  await k.reload();
  await expect(k.getByLabel('Your answer')).toHaveValue(SAMPLE_ANSWERS[0]!);
  await expectNoAxeViolations(k, 'assigned interview question');
  await shotAll(k, 'assigned-interview');

  // Results are held back for review: the candidate sees that the answer went in, not a score.
  await k.getByRole('button', { name: 'Submit answer' }).click();
  await expect(k.getByRole('heading', { level: 2, name: 'Submitted — your coach will review it' })).toBeVisible({ timeout: 20_000 });
  await expect(k.getByRole('heading', { name: 'Feedback' })).toHaveCount(0);
  await shot(k, 'assigned-answer-submitted');
  await k.getByRole('button', { name: 'Next question' }).click();
  await expect(k.getByText('Question 2 of 2')).toBeVisible();
  await k.getByLabel('Your answer').fill(SAMPLE_ANSWERS[1]!);
  await k.getByRole('button', { name: 'Submit answer' }).click();
  await expect(k.getByRole('heading', { level: 2, name: 'Submitted — your coach will review it' })).toBeVisible({ timeout: 20_000 });
  await k.getByRole('button', { name: 'Finish and submit' }).click();
  await expect(k.getByRole('heading', { level: 1, name: 'Submitted — your coach will review it' })).toBeVisible();
  await expect(k.getByText('You answered 2 of 2 questions')).toBeVisible();
  await expectNoAxeViolations(k, 'submitted interview');
  await shotAll(k, 'assigned-submitted');

  // The coach reviews: the engine's evaluation, then an override with a note, side by side.
  await c.goto('/coach');
  const toReview = c.getByRole('region', { name: /^To review/ });
  await expect(toReview.getByRole('link', { name: /Barbara Liskov/ })).toBeVisible();
  await shotAll(c, 'coach-dashboard');
  await toReview.getByRole('link', { name: /Barbara Liskov/ }).click();
  await expect(c.getByRole('heading', { level: 1, name: 'Data Analyst' })).toBeVisible();
  await expect(c.getByText('Engine evaluation').first()).toBeVisible();
  await expect(c.getByText('What a good answer covers').first()).toBeVisible();
  const q1 = c.getByRole('listitem').filter({ has: c.getByRole('heading', { level: 3, name: /messy data/ }) });
  await q1.getByRole('button', { name: 'Override score' }).click();
  await q1.getByLabel('Your score').fill('');
  await q1.getByRole('button', { name: 'Save score' }).click();
  await expect(q1.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
  await q1.getByLabel('Your score').fill('88');
  await q1.getByLabel('Note').fill('Clear story with a measurable result; the engine undervalued the data cleaning.');
  await q1.getByRole('button', { name: 'Save score' }).click();
  await expect(q1.getByText(/Coach · Edsger Dijkstra/)).toBeVisible();
  await expect(q1.getByText('Score overridden')).toBeVisible();
  await expectNoAxeViolations(c, 'review page');
  await shotAll(c, 'coach-review-override');

  // The candidate still cannot see scores before the review is finalized.
  const early = await k.request.get(`/api/v1/interviews/${interviewId}/report`);
  expect(early.status()).toBe(403);

  await c.getByRole('button', { name: 'Finalize review' }).first().click();
  const confirm = c.getByRole('dialog', { name: 'Finalize this review?' });
  await confirm.getByRole('button', { name: 'Finalize and release' }).click();
  await expect(c.getByText('Reviewed').first()).toBeVisible();
  await expect(c.getByRole('button', { name: 'Override score' })).toHaveCount(0);

  // Released: the candidate's results show the coach's score and note.
  await k.goto(`/interviews/${interviewId}`);
  await expect(k).toHaveURL(new RegExp(`/interviews/${interviewId}/report$`));
  await expect(k.getByText('Edsger Dijkstra set the score to 88')).toBeVisible();
  await expect(k.getByText(/the engine undervalued the data cleaning/)).toBeVisible();
  await expect(k.getByRole('img', { name: /^Overall score \d+ out of 100$/ })).toBeVisible();
  await expectNoAxeViolations(k, 'released results');
  await shotAll(k, 'assigned-results');

  coach.expectNoProblems();
  candidate.expectNoProblems();
  await Promise.all([coach.context.close(), candidate.context.close(), mailReader.context.close()]);
});

test('when time runs out the interview is submitted for the candidate', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const mailReader = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, mailReader.page, browser, 'Quayside Coaching');
  const coach = await signedIn(browser, seed.coach);
  const candidate = await signedIn(browser, seed.candidate);
  const k = candidate.page;
  const candidateId = ((await api(candidate.page, 'GET', '/api/v1/auth/me')) as { user: { id: string } }).user.id;
  const now = Date.now();
  const created = (await api(coach.page, 'POST', '/api/v1/interviews', {
    kind: 'assigned',
    candidateId,
    orgId: seed.orgId,
    type: 'technical',
    role: 'Backend Engineer',
    level: 'mid',
    questionCount: 1,
    windowStart: new Date(now - 60_000).toISOString(),
    windowEnd: new Date(now + 3600_000).toISOString(),
    durationMinutes: 1,
    releaseResults: 'on_finalize',
  })) as { id: string };

  await k.goto(`/interviews/${created.id}`);
  await k.getByRole('button', { name: 'Start interview' }).click();
  await expect(k.getByText('Question 1 of 1')).toBeVisible();
  // Under a minute from the start: the warning is shown and announced.
  await expect(k.getByText('Less than a minute left — submit the answer you are writing now.')).toBeVisible({ timeout: 15_000 });
  await expect(k.getByRole('status').filter({ hasText: 'Less than 1 minute left.' })).toBeAttached();
  await k.getByLabel('Your answer').fill('Caching keeps hot data close to where it is read; the hard part is invalidation when');
  await expect(k.getByText('Draft saved to Panelist as you type.')).toBeVisible();
  await shot(k, 'assigned-last-minute');

  // The page's own clock says time is up; the server's deadline job may submit (and the live
  // event refresh the page) in the same second, so either screen may be the one caught here.
  const timeUp = k.getByRole('heading', { level: 1, name: 'Time is up' });
  const submitted = k.getByRole('heading', { level: 1, name: 'Submitted — your coach will review it' });
  await expect(timeUp.or(submitted)).toBeVisible({ timeout: 75_000 });
  if (await timeUp.isVisible()) await shot(k, 'assigned-time-up');
  // The server's deadline job completes it; the page follows.
  await expect(k.getByRole('heading', { level: 1, name: 'Submitted — your coach will review it' })).toBeVisible({ timeout: 60_000 });
  await expect(k.getByText('Time ran out, so Panelist submitted your interview for you.')).toBeVisible();
  // The text still being typed at the deadline was kept as a draft and graded as the answer.
  await expect(k.getByText('You answered 1 of 1 question')).toBeVisible();

  await coach.page.goto('/coach');
  await expect(coach.page.getByRole('region', { name: /^To review/ }).getByRole('link', { name: /Barbara Liskov/ })).toBeVisible();

  // A later interview is cancelled with a reason; the candidate's link then says so.
  const later = (await api(coach.page, 'POST', '/api/v1/interviews', {
    kind: 'assigned',
    candidateId,
    orgId: seed.orgId,
    type: 'behavioral',
    role: 'Team Lead',
    level: 'senior',
    questionCount: 1,
    windowStart: new Date(Date.now() + 2 * 3600_000).toISOString(),
    windowEnd: new Date(Date.now() + 5 * 3600_000).toISOString(),
    durationMinutes: 30,
  })) as { id: string };
  await coach.page.goto(`/coach/interviews/${later.id}`);
  await coach.page.getByRole('button', { name: 'Cancel interview' }).click();
  const cancel = coach.page.getByRole('dialog', { name: 'Cancel this interview?' });
  await cancel.getByLabel(/Reason/).fill('The team lead role was filled internally.');
  await cancel.getByRole('button', { name: 'Cancel interview' }).click();
  await expect(cancel).toBeHidden();
  await expect(coach.page.getByText('Cancelled').first()).toBeVisible();
  await expect(coach.page.getByRole('link', { name: 'Schedule again' })).toBeVisible();
  await k.goto(`/interviews/${later.id}`);
  await expect(k.getByRole('heading', { level: 1, name: 'This interview was cancelled' })).toBeVisible();
  coach.expectNoProblems();
  candidate.expectNoProblems();
  await Promise.all([coach.context.close(), candidate.context.close(), mailReader.context.close()]);
});
