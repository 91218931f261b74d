import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contract/auth.js';
import type { Invitation, InvitationList } from '../../contract/orgs.js';
import { users } from '../auth/auth.table.js';
import { hashToken } from '../auth/tokens.js';
import { notifications } from '../notifications/notifications.table.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import {
  browserFrom,
  createTestApp,
  expectProblem,
  registerUser,
  STRONG_PASSWORD,
  type Browser,
  type TestApp,
} from '../testing/test-app.js';
import { CSRF_COOKIE } from '../auth/auth.plugin.js';
import { signInPlatformAdmin } from '../testing/platform-admin.js';
import { auditOfOrg, invitationTokenFor, mailsTo } from '../testing/recorded.js';
import { coachAssignments, invitations, memberships } from './orgs.table.js';

let t: TestApp;
let acme: OrgFixture;
let globex: OrgFixture;

const url = (path = '') => `/api/v1/orgs/${acme.orgId}${path}`;
let n = 0;
const freshEmail = (label = 'invitee') => `${label}-${++n}@example.com`;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://panelist.example.org' });
  acme = await createOrgFixture(t, { name: 'Acme', coaches: 2, candidates: 1 });
  globex = await createOrgFixture(t, { name: 'Globex', coaches: 0, candidates: 0 });
});
afterAll(async () => {
  await t?.close();
});

async function invite(b: Browser, body: { email: string; role: string; teamId?: string }, orgId = acme.orgId): Promise<Invitation> {
  const res = await b.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/invitations`, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const accept = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload, headers });
const preview = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/invitations/preview?token=${encodeURIComponent(token)}` });
const invitationRow = async (id: string) => (await t.database.db.select().from(invitations).where(eq(invitations.id, id)))[0]!;
const membership = async (orgId: string, userId: string) =>
  (
    await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  )[0];

describe('inviting by email', () => {
  it('creates a pending invitation and mails the link; the token is in no response and stored only hashed', async () => {
    const email = freshEmail();
    const res = await acme.admin.request({
      method: 'POST',
      url: url('/invitations'),
      payload: { email: email.toUpperCase(), role: 'coach' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json() as Invitation;
    expect(inv).toMatchObject({
      orgId: acme.orgId,
      email,
      role: 'coach',
      status: 'pending',
      teamId: null,
      invitedBy: { id: acme.admin.user.id, name: 'Org Admin' },
    });
    expect(Date.parse(inv.expiresAt) - t.clock.now().getTime()).toBe(7 * 86400_000);
    const [mail] = await mailsTo(t, email);
    expect(mail).toMatchObject({ kind: 'invitation', status: 'queued' });
    expect(mail!.subject).toContain('Acme');
    expect(mail!.text).toMatch(/https:\/\/panelist\.example\.org\/invitations\/accept\?token=[\w-]{43}\b/);
    expect(mail!.html).toContain('href="https://panelist.example.org/invitations/accept?token=');
    const token = await invitationTokenFor(t, email);
    expect(res.body).not.toContain(token);
    const row = await invitationRow(inv.id);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = (await auditOfOrg(t, acme.orgId)).find((a) => a.action === 'invitation.create' && a.targetId === inv.id);
    expect(audit).toMatchObject({ actorId: acme.admin.user.id, after: { email, role: 'coach', teamId: null, replaced: [] } });
    expect(JSON.stringify(await auditOfOrg(t, acme.orgId))).not.toContain(token);
  });

  it('re-inviting a pending address withdraws the old link and sends a new one', async () => {
    const email = freshEmail();
    const first = await invite(acme.admin, { email, role: 'candidate' });
    const oldToken = await invitationTokenFor(t, email);
    const second = await invite(acme.admin, { email, role: 'candidate' });
    const newToken = await invitationTokenFor(t, email);
    expect(newToken).not.toBe(oldToken);
    expect((await mailsTo(t, email)).length).toBe(2);
    expect((await invitationRow(first.id)).revokedAt).not.toBeNull();
    expectProblem(await preview(oldToken), 410, 'link_expired');
    expect((await preview(newToken)).statusCode).toBe(200);
    const audit = await auditOfOrg(t, acme.orgId);
    expect(audit.find((a) => a.action === 'invitation.revoke' && a.targetId === first.id)).toMatchObject({ after: { reason: 'reissued' } });
    expect(audit.find((a) => a.action === 'invitation.create' && a.targetId === second.id)).toMatchObject({
      after: { replaced: [first.id] },
    });
  });

  it('answers 409 already_member for someone already in the organization, sending nothing', async () => {
    const email = acme.candidates[0]!.user.email;
    const before = (await mailsTo(t, email)).length;
    expectProblem(
      await acme.admin.request({ method: 'POST', url: url('/invitations'), payload: { email, role: 'coach' } }),
      409,
      'already_member',
    );
    expect((await mailsTo(t, email)).length).toBe(before);
  });

  it('refuses a bad email or role (400) and a team of another organization (404)', async () => {
    const count = async () => (await t.database.db.select().from(invitations)).length;
    const before = await count();
    expectProblem(
      await acme.admin.request({ method: 'POST', url: url('/invitations'), payload: { email: 'not-an-email', role: 'coach' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await acme.admin.request({ method: 'POST', url: url('/invitations'), payload: { email: freshEmail(), role: 'owner' } }),
      400,
      'validation_failed',
    );
    const theirs = (
      await globex.admin.request({ method: 'POST', url: `/api/v1/orgs/${globex.orgId}/teams`, payload: { name: 'Theirs' } })
    ).json();
    expectProblem(
      await acme.admin.request({
        method: 'POST',
        url: url('/invitations'),
        payload: { email: freshEmail(), role: 'coach', teamId: theirs.id },
      }),
      404,
    );
    expect(await count()).toBe(before);
  });

  it('lets a coach invite candidates only; candidates and outsiders cannot invite', async () => {
    await invite(acme.coaches[0]!, { email: freshEmail(), role: 'candidate' });
    expectProblem(
      await acme.coaches[0]!.request({ method: 'POST', url: url('/invitations'), payload: { email: freshEmail(), role: 'coach' } }),
      403,
      'forbidden',
    );
    expectProblem(
      await acme.coaches[0]!.request({ method: 'POST', url: url('/invitations'), payload: { email: freshEmail(), role: 'admin' } }),
      403,
      'forbidden',
    );
    expectProblem(
      await acme.candidates[0]!.request({ method: 'POST', url: url('/invitations'), payload: { email: freshEmail(), role: 'candidate' } }),
      403,
    );
    expectProblem(
      await globex.admin.request({ method: 'POST', url: url('/invitations'), payload: { email: freshEmail(), role: 'candidate' } }),
      404,
    );
    expectProblem(
      await t.app.inject({ method: 'POST', url: url('/invitations'), payload: { email: freshEmail(), role: 'candidate' } }),
      401,
    );
  });

  it('waits for a confirmed email: an unconfirmed admin gets 403 email_unconfirmed, nothing is stored or mailed; once confirmed, the invitation goes', async () => {
    const unconfirmed = await createOrgFixture(t, { name: 'Fresh Co', coaches: 0, candidates: 0 });
    await t.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unconfirmed.admin.user.id));
    const email = freshEmail('waits');
    const rows = () => t.database.db.select().from(invitations).where(eq(invitations.orgId, unconfirmed.orgId));
    const refused = await unconfirmed.admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${unconfirmed.orgId}/invitations`,
      payload: { email, role: 'coach' },
    });
    const problem = expectProblem(refused, 403, 'forbidden');
    expect(problem.detail).toMatch(/Confirm your email address before inviting/);
    expect(problem.details).toMatchObject({ reason: 'email_unconfirmed' });
    expect(await rows()).toHaveLength(0);
    expect(await mailsTo(t, email)).toHaveLength(0);
    // Another organization's admin still gets 404 first: the check does not reveal the organization.
    expectProblem(await unconfirmed.admin.request({ method: 'POST', url: url('/invitations'), payload: { email, role: 'coach' } }), 404);

    // The confirmation mail's code, entered while signed in, unlocks inviting.
    await unconfirmed.admin.request({ method: 'POST', url: '/api/v1/auth/verify-email/resend' });
    const mail = (await mailsTo(t, unconfirmed.admin.user.email, 'verify_email')).at(-1);
    const code = /account page: (\d{6})/.exec(mail!.text)![1]!;
    const verified = await unconfirmed.admin.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { code } });
    expect(verified.statusCode, verified.body).toBe(204);
    await invite(unconfirmed.admin, { email, role: 'coach' }, unconfirmed.orgId);
    expect(await rows()).toHaveLength(1);
    expect(await mailsTo(t, email, 'invitation')).toHaveLength(1);
  });

  it('a platform admin made by create-admin starts with a confirmed address (the operator vouches for it)', async () => {
    const made = await t.app.services.auth.createPlatformAdmin({
      email: 'operator-made@example.com',
      password: STRONG_PASSWORD,
      name: 'Op',
    });
    expect(made.user.emailVerified).toBe(true);
    // Promoting an existing, unconfirmed account confirms it too.
    const plain = await registerUser(t.app, { name: 'To Promote' });
    expect(plain.user.emailVerified).toBe(false);
    const promoted = await t.app.services.auth.createPlatformAdmin({
      email: plain.user.email,
      password: STRONG_PASSWORD,
      name: 'To Promote',
    });
    expect(promoted).toMatchObject({ created: false, user: { emailVerified: true } });
  });

  it('does not let a coach replace someone else’s pending invitation', async () => {
    const email = freshEmail();
    const adminInv = await invite(acme.admin, { email, role: 'candidate' });
    expectProblem(
      await acme.coaches[0]!.request({ method: 'POST', url: url('/invitations'), payload: { email, role: 'candidate' } }),
      409,
      'conflict',
    );
    expect((await invitationRow(adminInv.id)).revokedAt).toBeNull();
  });
});

describe('previewing a link', () => {
  it('shows the organization, role and inviter without sign-in; says whether the account exists', async () => {
    const email = freshEmail();
    await invite(acme.admin, { email, role: 'coach' });
    const res = await preview(await invitationTokenFor(t, email));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      orgName: 'Acme',
      email,
      role: 'coach',
      invitedBy: 'Org Admin',
      expiresAt: expect.any(String),
      accountExists: false,
    });
    const existing = await registerUser(t.app, { name: 'Has Account' });
    await invite(acme.admin, { email: existing.user.email, role: 'candidate' });
    expect((await preview(await invitationTokenFor(t, existing.user.email))).json().accountExists).toBe(true);
  });

  it('answers 404 for an unknown token and 400 for a malformed one', async () => {
    expectProblem(await preview('A'.repeat(43)), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/invitations/preview' }), 400, 'validation_failed');
  });
});

describe('accepting without an account', () => {
  it('needs a name and a strong password, and creates nothing without them', async () => {
    const email = freshEmail();
    await invite(acme.admin, { email, role: 'candidate' });
    const token = await invitationTokenFor(t, email);
    const missing = expectProblem(await accept({ token }), 400, 'validation_failed');
    expect((missing.errors as { path: string }[]).map((e) => e.path)).toEqual(['body.name', 'body.password']);
    const weak = expectProblem(await accept({ token, name: 'Weak', password: 'qwertyuiop' }), 400, 'validation_failed');
    expect((weak.errors as { path: string }[]).map((e) => e.path)).toContain('body.password');
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await preview(token)).statusCode).toBe(200);
  });

  it('creates the account, signs it in and joins the organization; the inviter is told; the link then is spent', async () => {
    const email = freshEmail('newcoach');
    const inv = await invite(acme.admin, { email, role: 'coach' });
    const token = await invitationTokenFor(t, email);
    const res = await accept({ token, name: 'Nora New', password: STRONG_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ orgId: acme.orgId, orgName: 'Acme', role: 'coach', csrfToken: expect.any(String) });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.httpOnly).toBe(true);
    expect(res.cookies.find((c) => c.name === CSRF_COOKIE)?.value).toBe(body.csrfToken);
    const nora = browserFrom(t.app, res);
    const me = await nora.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user).toMatchObject({ email, name: 'Nora New' });
    expect((await membership(acme.orgId, me.json().user.id))!.role).toBe('coach');
    // The new session works for writes with its CSRF token.
    expect((await nora.request({ method: 'POST', url: '/api/v1/orgs', payload: { name: 'Nora’s own' } })).statusCode).toBe(201);
    const row = await invitationRow(inv.id);
    expect(row.acceptedBy).toBe(me.json().user.id);
    expect(row.acceptedAt).not.toBeNull();
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, acme.admin.user.id));
    expect(told).toEqual([
      expect.objectContaining({ kind: 'invitation_accepted', title: 'Nora New joined Acme', link: `/orgs/${acme.orgId}/members` }),
    ]);
    expect((await mailsTo(t, acme.admin.user.email)).map((m) => m.kind)).toContain('invitation_accepted');
    expect((await auditOfOrg(t, acme.orgId)).find((a) => a.action === 'invitation.accept' && a.targetId === inv.id)).toMatchObject({
      actorId: me.json().user.id,
      after: { role: 'coach', accountCreated: true, coachId: null },
    });
    expectProblem(await accept({ token, name: 'Again', password: STRONG_PASSWORD }), 410, 'link_expired');
    expectProblem(await preview(token), 410, 'link_expired');
  });

  it('asks to sign in first when an account with the invited email exists', async () => {
    const existing = await registerUser(t.app, { name: 'Existing' });
    await invite(acme.admin, { email: existing.user.email, role: 'candidate' });
    const token = await invitationTokenFor(t, existing.user.email);
    const problem = expectProblem(await accept({ token, name: 'Impostor', password: STRONG_PASSWORD }), 401, 'unauthenticated');
    expect(problem.detail).toMatch(/sign in/i);
    expect(await membership(acme.orgId, existing.user.id)).toBeUndefined();
  });

  it('of two simultaneous accepts, exactly one wins', async () => {
    const email = freshEmail('race');
    await invite(acme.admin, { email, role: 'candidate' });
    const token = await invitationTokenFor(t, email);
    const results = await Promise.all([
      accept({ token, name: 'Racer One', password: STRONG_PASSWORD }),
      accept({ token, name: 'Racer Two', password: STRONG_PASSWORD }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    const accounts = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(accounts).toHaveLength(1);
    expect(await membership(acme.orgId, accounts[0]!.id)).toBeDefined();
  });
});

describe('accepting while signed in', () => {
  it('joins with the signed-in account when its email is the invited one; needs the CSRF header', async () => {
    const person = await registerUser(t.app, { name: 'Signed In' });
    await invite(acme.admin, { email: person.user.email, role: 'candidate' });
    const token = await invitationTokenFor(t, person.user.email);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
      headers: { cookie: person.cookie },
    });
    expectProblem(noCsrf, 403, 'csrf_failed');
    expect(await membership(acme.orgId, person.user.id)).toBeUndefined();
    const res = await person.request({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ orgId: acme.orgId, orgName: 'Acme', role: 'candidate', csrfToken: null });
    expect((await membership(acme.orgId, person.user.id))!.role).toBe('candidate');
    // An admin's invitation assigns no coach.
    expect(await t.database.db.select().from(coachAssignments).where(eq(coachAssignments.candidateId, person.user.id))).toEqual([]);
  });

  it('refuses an account whose email is not the invited one (403), with a message that says so', async () => {
    const email = freshEmail();
    const inv = await invite(acme.admin, { email, role: 'coach' });
    const other = await registerUser(t.app, { name: 'Other Person' });
    const problem = expectProblem(
      await other.request({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token: await invitationTokenFor(t, email) } }),
      403,
      'forbidden',
    );
    expect(problem.detail).toContain(email);
    expect(problem.detail).toContain(other.user.email);
    expect(await membership(acme.orgId, other.user.id)).toBeUndefined();
    expect((await invitationRow(inv.id)).acceptedAt).toBeNull();
  });

  it('answers 409 when the account is already a member, leaving the invitation pending', async () => {
    const person = await registerUser(t.app, { name: 'Double' });
    await invite(globex.admin, { email: person.user.email, role: 'candidate' }, globex.orgId);
    const token = await invitationTokenFor(t, person.user.email);
    await t.database.db.insert(memberships).values({
      id: crypto.randomUUID(),
      orgId: globex.orgId,
      userId: person.user.id,
      role: 'coach',
      teamId: null,
      createdAt: t.clock.now(),
    });
    expectProblem(await person.request({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token } }), 409, 'already_member');
    expect((await membership(globex.orgId, person.user.id))!.role).toBe('coach');
  });

  it('a coach’s accepted candidate invitation makes that coach the candidate’s coach', async () => {
    const person = await registerUser(t.app, { name: 'Coached Candidate' });
    const coach = acme.coaches[1]!;
    await invite(coach, { email: person.user.email, role: 'candidate' });
    const res = await person.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: await invitationTokenFor(t, person.user.email) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.database.db.select().from(coachAssignments).where(eq(coachAssignments.candidateId, person.user.id));
    expect(rows.map((r) => [r.orgId, r.coachId])).toEqual([[acme.orgId, coach.user.id]]);
    const list = (await coach.request({ method: 'GET', url: url('/members?role=candidate') })).json();
    expect(list.items.map((m: { userId: string }) => m.userId)).toContain(person.user.id);
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, coach.user.id));
    expect(told.map((x) => x.kind)).toEqual(['invitation_accepted']);
  });

  it('accepts with a bearer token too (API clients have no CSRF)', async () => {
    const person = await registerUser(t.app, { name: 'Api Client' });
    await invite(globex.admin, { email: person.user.email, role: 'coach' }, globex.orgId);
    const tokens = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: person.user.email, password: STRONG_PASSWORD },
    });
    const res = await accept(
      { token: await invitationTokenFor(t, person.user.email) },
      { authorization: `Bearer ${tokens.json().accessToken}` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await membership(globex.orgId, person.user.id))!.role).toBe('coach');
  });
});

describe('expiry', () => {
  it('a link older than 7 days is gone (410) for preview and accept, and lists as expired', async () => {
    const email = freshEmail('late');
    const inv = await invite(acme.admin, { email, role: 'candidate' });
    const token = await invitationTokenFor(t, email);
    t.clock.advance(8 * 86400_000);
    expectProblem(await preview(token), 410, 'link_expired');
    expectProblem(await accept({ token, name: 'Late', password: STRONG_PASSWORD }), 410, 'link_expired');
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    const expired = (
      await acme.admin.request({ method: 'GET', url: url('/invitations?status=expired&limit=100') })
    ).json() as InvitationList;
    expect(expired.items.map((i) => i.id)).toContain(inv.id);
    expect(expired.items.every((i) => i.status === 'expired')).toBe(true);
    const pending = (
      await acme.admin.request({ method: 'GET', url: url('/invitations?status=pending&limit=100') })
    ).json() as InvitationList;
    expect(pending.total).toBe(0);
    // Inviting again issues a fresh link that works.
    await invite(acme.admin, { email, role: 'candidate' });
    expect((await preview(await invitationTokenFor(t, email))).statusCode).toBe(200);
  });
});

describe('listing and withdrawing invitations', () => {
  it('shows an admin every invitation newest first, paged and filtered by status', async () => {
    const all = (await acme.admin.request({ method: 'GET', url: url('/invitations?limit=100') })).json() as InvitationList;
    expect(all.total).toBeGreaterThan(5);
    const created = all.items.map((i) => Date.parse(i.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(all.items.map((i) => i.status))).toEqual(new Set(['pending', 'accepted', 'revoked', 'expired']));
    const page = (await acme.admin.request({ method: 'GET', url: url('/invitations?limit=2&page=2') })).json() as InvitationList;
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect(page.pages).toBe(Math.ceil(all.total / 2));
    const accepted = (
      await acme.admin.request({ method: 'GET', url: url('/invitations?status=accepted&limit=100') })
    ).json() as InvitationList;
    expect(accepted.items.length).toBeGreaterThan(0);
    expect(accepted.items.every((i) => i.status === 'accepted')).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/token/i);
  });

  it('shows a coach only their own invitations; candidates get 403', async () => {
    const coach = acme.coaches[0]!;
    const own = (await coach.request({ method: 'GET', url: url('/invitations?limit=100') })).json() as InvitationList;
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((i) => i.invitedBy?.id === coach.user.id)).toBe(true);
    expectProblem(await acme.candidates[0]!.request({ method: 'GET', url: url('/invitations') }), 403);
    expectProblem(await globex.admin.request({ method: 'GET', url: url('/invitations') }), 404);
  });

  it('withdraws a pending invitation, audited; its link is then gone', async () => {
    const email = freshEmail('withdrawn');
    const inv = await invite(acme.admin, { email, role: 'coach' });
    const token = await invitationTokenFor(t, email);
    const res = await acme.admin.request({ method: 'DELETE', url: url(`/invitations/${inv.id}`) });
    expect(res.statusCode).toBe(204);
    expectProblem(await preview(token), 410, 'link_expired');
    expectProblem(await accept({ token, name: 'Too Late', password: STRONG_PASSWORD }), 410, 'link_expired');
    expect((await auditOfOrg(t, acme.orgId)).find((a) => a.action === 'invitation.revoke' && a.targetId === inv.id)).toMatchObject({
      actorId: acme.admin.user.id,
      before: { email, role: 'coach', status: 'pending' },
    });
    // Withdrawing again changes nothing.
    expect((await acme.admin.request({ method: 'DELETE', url: url(`/invitations/${inv.id}`) })).statusCode).toBe(204);
    expect((await auditOfOrg(t, acme.orgId)).filter((a) => a.action === 'invitation.revoke' && a.targetId === inv.id)).toHaveLength(1);
  });

  it('lets a coach withdraw their own invitation but not an admin’s (404); an accepted one is a 409', async () => {
    const coach = acme.coaches[0]!;
    const mine = await invite(coach, { email: freshEmail(), role: 'candidate' });
    const adminsInv = await invite(acme.admin, { email: freshEmail(), role: 'candidate' });
    expect((await coach.request({ method: 'DELETE', url: url(`/invitations/${mine.id}`) })).statusCode).toBe(204);
    expectProblem(await coach.request({ method: 'DELETE', url: url(`/invitations/${adminsInv.id}`) }), 404);
    expect((await invitationRow(adminsInv.id)).revokedAt).toBeNull();
    const acceptedOne = (await acme.admin.request({ method: 'GET', url: url('/invitations?status=accepted') })).json()
      .items[0] as Invitation;
    expectProblem(await acme.admin.request({ method: 'DELETE', url: url(`/invitations/${acceptedOne.id}`) }), 409, 'invalid_state');
    expectProblem(await globex.admin.request({ method: 'DELETE', url: `/api/v1/orgs/${globex.orgId}/invitations/${adminsInv.id}` }), 404);
    expect((await invitationRow(adminsInv.id)).revokedAt).toBeNull();
  });
});

describe('the outbox', () => {
  it('delivers the invitation mail (dev mail page) and its link is the way in', async () => {
    const root = await signInPlatformAdmin(t);
    const email = freshEmail('outbox');
    await invite(acme.admin, { email, role: 'candidate' });
    await t.runJobs();
    const res = await root.request({ method: 'GET', url: `/api/v1/admin/mails?to=${encodeURIComponent(email)}` });
    expect(res.statusCode, res.body).toBe(200);
    const [mail] = res.json().items as { subject: string; text: string; status: string }[];
    expect(mail).toMatchObject({ subject: 'Org Admin invited you to Acme on Panelist', status: 'stored' });
    const link = new URL(/https:\S+/.exec(mail!.text)![0]);
    expect(link.pathname).toBe('/invitations/accept');
    const joined = await accept({ token: link.searchParams.get('token')!, name: 'From The Mail', password: STRONG_PASSWORD });
    expect(joined.statusCode, joined.body).toBe(200);
  });
});

describe('the accept route and CSRF', () => {
  it('ignores a stale session cookie and treats the caller as signed out', async () => {
    const email = freshEmail('stale');
    await invite(acme.admin, { email, role: 'candidate' });
    const res = await accept(
      { token: await invitationTokenFor(t, email), name: 'Stale Cookie', password: STRONG_PASSWORD },
      { cookie: `${SESSION_COOKIE}=not-a-real-session`, [CSRF_HEADER]: 'whatever' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().csrfToken).toEqual(expect.any(String));
  });
});
