import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../audit/audit.table.js';
import { mails } from '../mail/mail.table.js';
import { browserFrom, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';

/** Helpers shared by the organization API tests (not used by the app). */

let admins = 0;

/** A signed-in platform admin (the first registered user is not one). */
export async function signInPlatformAdmin(t: TestApp): Promise<Browser> {
  admins += 1;
  const email = `platform-admin-${admins}@example.com`;
  await t.app.services.auth.createPlatformAdmin({ email, password: STRONG_PASSWORD, name: `Platform Admin ${admins}` });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
  return browserFrom(t.app, res);
}

export async function auditOf(t: TestApp, orgId: string) {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.orgId, orgId))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  return rows.map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
}

export async function mailsTo(t: TestApp, to: string) {
  return t.database.db.select().from(mails).where(eq(mails.to, to)).orderBy(asc(mails.createdAt), asc(mails.id));
}

/** The invitation token out of the link in the last invitation mail to this address. */
export async function invitationTokenFor(t: TestApp, email: string): Promise<string> {
  const sent = (await mailsTo(t, email)).filter((m) => m.kind === 'invitation');
  const last = sent.at(-1);
  const token = last && /\/invitations\/accept\?token=([\w-]+)/.exec(last.text)?.[1];
  if (!token) throw new Error(`no invitation mail to ${email}`);
  return token;
}
