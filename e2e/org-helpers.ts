import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, PASSWORD, uniqueEmail, type Account } from './fixtures.js';
import { platformAdmin } from './platform-admin.js';

/** Another person at their own browser, failing the test on the same problems the `page` fixture catches. */
export interface Person {
  page: Page;
  context: BrowserContext;
  /** Call at the end of the test: no uncaught errors, no contract mismatches. */
  expectNoProblems: () => void;
}

export async function newPerson(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Person> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.text().includes('contract mismatch')) problems.push(msg.text());
  });
  return { page, context, expectNoProblems: () => expect(problems, 'browser errors').toEqual([]) };
}

/** A request as the signed-in browser of `page`, with the CSRF header the web app sends. */
export async function api(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'panelist_csrf')?.value;
  const res = await page.request.fetch(path, {
    method,
    ...(data === undefined ? {} : { data }),
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(400);
  return res.status() === 204 ? null : ((await res.json()) as Record<string, unknown>);
}

/** Registers an account through the API; the page's browser is then signed in as it. */
export async function registerViaApi(page: Page, name: string, prefix = 'person'): Promise<Account> {
  const account = { name, email: uniqueEmail(prefix), password: PASSWORD };
  const res = await page.request.post('/api/v1/auth/register', { data: account });
  expect(res.status()).toBe(202);
  // Registration answers without a session (it must not tell whether the email was taken).
  await signInViaApi(page, account);
  return account;
}

export async function signInViaApi(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A browser signed in as the platform admin setup.spec.ts created; skips the test without one. */
export async function platformAdminPerson(
  browser: Browser,
  test: { skip: (condition: boolean, reason: string) => void },
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Person> {
  const admin = platformAdmin();
  test.skip(!admin, 'needs the platform admin made by setup.spec.ts under `npm run test:e2e`');
  const person = await newPerson(browser, options);
  await signInViaApi(person.page, admin!);
  return person;
}

/**
 * The newest invitation link mailed to `email`, read from the outbox as the platform admin.
 * Only the path is kept, whatever address the mail names (PUBLIC_URL, or the one the inviting request came to).
 */
export async function invitationLink(adminPage: Page, email: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const res = await adminPage.request.get(`/api/v1/admin/mails?to=${encodeURIComponent(email)}&limit=5`);
        const body = (await res.json()) as { items: Array<{ kind: string; text: string }> };
        const mail = body.items.find((m) => m.kind === 'invitation');
        const match = mail ? /https?:\/\/[^/\s]+(\/invitations\/accept\?token=[\w.~%-]+)/.exec(mail.text) : null;
        link = match ? match[1]! : null;
        return link;
      },
      { message: `an invitation mail to ${email}` },
    )
    .not.toBeNull();
  return link!;
}

/** The link of the newest confirmation mail to `to`, read from the outbox as the platform admin. */
export async function confirmationLink(adminPage: Page, to: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const res = await adminPage.request.get(`/api/v1/admin/mails?to=${encodeURIComponent(to)}&limit=10`);
        const items = ((await res.json()) as { items: { kind: string; text: string }[] }).items;
        const mail = items.find((m) => m.kind === 'verify_email');
        link = mail ? (/\/verify-email\?token=[^\s)>"]+/.exec(mail.text)?.[0] ?? '') : '';
        return link;
      },
      { message: `a confirmation mail to ${to}` },
    )
    .not.toBe('');
  return link;
}

/** Confirms `email` with the token of its confirmation mail (inviting people waits for a confirmed address). */
export async function confirmEmailViaApi(page: Page, mailReader: Page, email: string): Promise<void> {
  const token = tokenOf(await confirmationLink(mailReader, email));
  await api(page, 'POST', '/api/v1/auth/verify-email', { token });
}

export function tokenOf(link: string): string {
  return new URL(link, 'http://x').searchParams.get('token') ?? '';
}

export interface SeededOrg {
  orgId: string;
  orgName: string;
  teamId: string;
  admin: Account;
  coach: Account;
  candidate: Account;
}

/**
 * An organization with a team, a coach and a candidate who accepted their invitations, and an
 * assignment; built through the API for tests that look at the pages rather than the flow.
 * `page` is signed in as the new org admin afterwards.
 */
export async function seedOrg(page: Page, mailReader: Page, browser: Browser, orgName = 'Harbour Bootcamp'): Promise<SeededOrg> {
  const admin = await registerViaApi(page, 'Margaret Hamilton', 'org-admin');
  await confirmEmailViaApi(page, mailReader, admin.email);
  const org = (await api(page, 'POST', '/api/v1/orgs', { name: orgName })) as { id: string };
  const team = (await api(page, 'POST', `/api/v1/orgs/${org.id}/teams`, { name: 'Data science cohort' })) as { id: string };
  const people: Account[] = [];
  for (const [name, role, prefix] of [
    ['Edsger Dijkstra', 'coach', 'coach'],
    ['Barbara Liskov', 'candidate', 'candidate'],
  ] as const) {
    const email = uniqueEmail(prefix);
    await api(page, 'POST', `/api/v1/orgs/${org.id}/invitations`, { email, role, teamId: team.id });
    const link = await invitationLink(mailReader, email);
    const joiner = await browser.newContext({ baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000' });
    const res = await joiner.request.post('/api/v1/invitations/accept', { data: { token: tokenOf(link), name, password: PASSWORD } });
    expect(res.status(), await res.text()).toBe(200);
    await joiner.close();
    people.push({ name, email, password: PASSWORD });
  }
  const members = (await api(page, 'GET', `/api/v1/orgs/${org.id}/members`)) as { items: Array<{ userId: string; role: string }> };
  const coachId = members.items.find((m) => m.role === 'coach')!.userId;
  const candidateId = members.items.find((m) => m.role === 'candidate')!.userId;
  await api(page, 'POST', `/api/v1/orgs/${org.id}/assignments`, { coachId, candidateId });
  // One invitation still open, so the invitations page shows both states.
  await api(page, 'POST', `/api/v1/orgs/${org.id}/invitations`, { email: uniqueEmail('pending'), role: 'candidate' });
  return { orgId: org.id, orgName, teamId: team.id, admin, coach: people[0]!, candidate: people[1]! };
}
