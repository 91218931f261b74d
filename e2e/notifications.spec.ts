import type { WebSocketRoute } from '@playwright/test';
import { expect, PASSWORD, shot, shotViewport, test, uniqueEmail } from './fixtures.js';
import { api, confirmEmailViaApi, invitationLink, platformAdminPerson, registerViaApi, tokenOf } from './org-helpers.js';

test('the bell and the notifications page: live, announced, reconnecting, marked read', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const mailReader = await platformAdminPerson(browser, test);

  // Count the page's live connections, and keep the first one to cut it later.
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/api\/v1\/ws$/, (ws) => {
    sockets.push(ws);
    ws.connectToServer();
  });

  const radia = await registerViaApi(page, 'Radia Perlman', 'bell');
  await confirmEmailViaApi(page, mailReader.page, radia.email);
  const org = (await api(page, 'POST', '/api/v1/orgs', { name: 'Spanning Tree Labs' })) as { id: string };
  await page.goto('/');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(page.locator('[data-live="open"]')).toBeAttached();

  // Nothing yet: the panel says so.
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByText('You are all caught up')).toBeVisible();
  await shotViewport(page, 'bell-empty');
  await bell.click();
  await expect(panel).toBeHidden();

  const names = ['Vint Cerf', 'Bob Kahn', 'Judy Estrin'];
  const emails = names.map(() => uniqueEmail('joiner'));
  for (const email of emails) await api(page, 'POST', `/api/v1/orgs/${org.id}/invitations`, { email, role: 'candidate' });
  const accept = async (i: number) => {
    const link = await invitationLink(mailReader.page, emails[i]!);
    // A new person, at their own browser, creates their account with the invitation.
    const joiner = await browser.newContext({ baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000' });
    const res = await joiner.request.post('/api/v1/invitations/accept', {
      data: { token: tokenOf(link), name: names[i], password: PASSWORD },
    });
    expect(res.status(), await res.text()).toBe(200);
    await joiner.close();
  };

  await accept(0);
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(
    page.locator('[aria-live="polite"]').filter({ hasText: 'New notification: Vint Cerf joined Spanning Tree Labs' }),
  ).toBeAttached();

  // The connection drops: the app reconnects by itself and the next notification still arrives live.
  expect(sockets).toHaveLength(1);
  await sockets[0]!.close({ code: 1012, reason: 'restart' });
  await expect.poll(() => sockets.length, { timeout: 15_000 }).toBe(2);
  await expect(page.locator('[data-live="open"]')).toBeAttached();
  await accept(1);
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await accept(2);
  await expect(bell).toHaveAccessibleName('Notifications, 3 unread');

  // Keyboard: Enter opens, Tab goes into the panel, Escape closes and returns to the bell.
  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Mark all read' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  // Newest first; one is marked read with its own button.
  await bell.click();
  const items = panel.getByRole('list', { name: 'Latest notifications' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('Judy Estrin joined');
  await shotViewport(page, 'bell-open-unread');
  await panel.getByRole('button', { name: 'Mark “Bob Kahn joined Spanning Tree Labs” as read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await expect(items.filter({ hasText: 'Bob Kahn' })).not.toContainText('(unread)');

  // The full page: filter unread, follow one (which marks it read), then mark all read.
  await panel.getByRole('link', { name: 'See all notifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByText('2 unread.')).toBeVisible();
  const list = page.getByRole('region', { name: 'Notification list' }).getByRole('listitem');
  await expect(list).toHaveCount(3);
  await shot(page, 'notifications');
  await page.getByRole('radio', { name: 'Unread' }).check();
  await expect(page).toHaveURL(/show=unread/);
  await expect(list).toHaveCount(2);
  await page.getByRole('link', { name: /Vint Cerf joined Spanning Tree Labs/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}/members$`));
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await page.goBack();
  await expect(list).toHaveCount(1);
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(page.getByText('No unread notifications')).toBeVisible();
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(list).toHaveCount(3);
  await expect(page.getByText('Everything is read.')).toBeVisible();

  // Read state is the server's, not just this tab's.
  await page.reload();
  await expect(bell).toHaveAccessibleName('Notifications');

  mailReader.expectNoProblems();
  await mailReader.context.close();
});
