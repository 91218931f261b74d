import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { api, newPerson, platformAdminPerson, seedOrg, signInViaApi } from './org-helpers.js';

const SHOTS = 'e2e/screenshots';

async function pictures(page: Page, name: string) {
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/proctoring-${name}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/proctoring-${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/proctoring-${name}-360.png`, fullPage: true });
  await page.setViewportSize(size);
}

/** What the coach's API says was logged. */
async function logged(coach: Page, id: string) {
  return (await api(coach, 'GET', `/api/v1/interviews/${id}/integrity`)) as { chainValid: boolean; events: { kind: string }[] };
}

test('a proctored interview: consent and pre-check, an honest stretch logs nothing, leaving the tab, pasting and leaving full screen are logged and warned, the coach sees the verified timeline', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const mailReader = await platformAdminPerson(browser, test);
  const seed = await seedOrg(page, mailReader.page, browser, 'Proctored Hiring');
  const coach = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(coach.page, seed.coach);
  const candidate = await newPerson(browser, { colorScheme: 'light' });
  await signInViaApi(candidate.page, seed.candidate);
  const k = candidate.page;
  const me = (await api(k, 'GET', '/api/v1/auth/me')) as { user: { id: string } };

  const opens = new Date(Date.now() + 3000);
  const iv = (await api(coach.page, 'POST', '/api/v1/interviews', {
    kind: 'assigned',
    candidateId: me.user.id,
    type: 'behavioral',
    role: 'Support Engineer',
    level: 'mid',
    questionCount: 2,
    windowStart: opens.toISOString(),
    windowEnd: new Date(opens.getTime() + 3600_000).toISOString(),
    durationMinutes: 30,
    proctoring: 'light',
  })) as { id: string };
  await k.waitForTimeout(3500);

  // The lobby says it is proctored; Start is refused until the pre-check passed.
  await k.goto(`/interviews/${iv.id}`);
  await expect(k.getByRole('heading', { name: 'Proctored in the browser' })).toBeVisible();
  await k.getByRole('button', { name: 'Start interview' }).click();
  await expect(k.getByText(/pass the device pre-check first/)).toBeVisible();

  await k.getByRole('link', { name: 'Check my device' }).click();
  await expect(k.getByRole('heading', { level: 1, name: 'Device check' })).toBeVisible();
  await expect(k.getByText(/never the text itself/)).toBeVisible();
  await pictures(k, 'precheck-consent');
  await k.getByLabel(/I understand what is observed/).check();
  await k.getByRole('button', { name: 'Enter full screen' }).click();
  await k.getByRole('button', { name: 'Run the checks' }).click();
  await expect(k.getByText(/Panelist answered in/)).toBeVisible();
  await k.getByRole('button', { name: 'Save the check' }).click();
  await expect(k.getByText('Your setup passed')).toBeVisible();
  await pictures(k, 'precheck-passed');
  await k.getByRole('button', { name: 'Continue to start' }).click();
  await k.getByRole('button', { name: 'Start interview' }).click();
  const answer = k.getByRole('textbox').first();
  await expect(answer).toBeVisible();

  // An honest stretch: reading and typing log nothing.
  await answer.click();
  await answer.pressSequentially('I would first reproduce the customer problem, then ', { delay: 5 });
  await k.waitForTimeout(4000);
  expect((await logged(coach.page, iv.id)).events).toEqual([]);

  // Leaving the tab twice reaches the default threshold: the candidate is warned at once.
  const leaveTab = () =>
    k.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
  await leaveTab();
  await answer.focus();
  await k.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'text from somewhere else');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await leaveTab();
  await expect(k.getByText(/You left the interview tab twice/)).toBeVisible({ timeout: 15_000 });
  await pictures(k, 'live-warning');

  // The pre-check put the page in full screen; leaving it reaches its threshold of one.
  expect(await k.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await k.evaluate(() => document.exitFullscreen());
  await expect(k.getByText(/You left full screen once/)).toBeVisible({ timeout: 15_000 });

  // The coach sees the verified log and the timeline against the question.
  const log = await logged(coach.page, iv.id);
  expect(log.chainValid).toBe(true);
  expect(log.events.map((e) => e.kind)).toEqual(['tab_hidden', 'paste', 'tab_hidden', 'fullscreen_exit']);
  await coach.page.goto(`/coach/interviews/${iv.id}`);
  await expect(coach.page.getByText('Log verified')).toBeVisible();
  await expect(coach.page.getByText('Pasted, 24 characters, from outside the page')).toBeVisible();
  await expect(coach.page.getByText(/Threshold reached: left the tab 2 of 2/)).toBeVisible();
  await expect(coach.page.getByText(/Threshold reached: left full screen 1 of 1/)).toBeVisible();
  const tabFlag = coach.page.getByRole('listitem').filter({ hasText: 'Threshold reached: left the tab' });
  await tabFlag.getByLabel('Review note').fill('Asked about it: a notification took focus.');
  await tabFlag.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(coach.page.getByText(/Reviewed by/)).toBeVisible();
  await pictures(coach.page, 'coach-integrity');
});
