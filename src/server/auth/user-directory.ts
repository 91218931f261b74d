import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from './auth.table.js';
import { verifyPassword } from './passwords.js';
import { twoFactor } from './two-factor.table.js';

export interface DirectoryEntry {
  id: string;
  name: string;
  email: string;
  deactivated: boolean;
}

/**
 * Names and emails of accounts, for features that show who did what (members, coaches,
 * candidates) or write to them. Other features read users only through here.
 */
export async function usersByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, email: r.email, deactivated: r.deactivatedAt !== null }]));
}

/**
 * The directory entries of the users a condition on `users.id` selects, as a JSON array inside
 * another statement (so a read that names people needs no query of its own); read it back with
 * directoryFromJson.
 */
export function directoryJson(where: (userId: SQL) => SQL): SQL {
  // Aliased: drizzle drops table names in one-table selects, which would be ambiguous here.
  const u = (column: { name: string }) => sql.raw(`u."${column.name}"`);
  return sql`(select coalesce(json_agg(json_build_object('id', ${u(users.id)}, 'name', ${u(users.name)}, 'email', ${u(users.email)}, 'deactivated', ${u(users.deactivatedAt)} is not null)), '[]'::json) from ${users} u where ${where(u(users.id))})`;
}

/**
 * The row versions (`xmin`) of the users a condition selects, in id order, as text inside another
 * statement: it changes whenever one of them is renamed, changes email, is deactivated or goes.
 */
export function directoryStamp(where: (userId: SQL) => SQL): SQL {
  const u = (column: { name: string }) => sql.raw(`u."${column.name}"`);
  return sql`(select string_agg(u.xmin::text, ',' order by ${u(users.id)}) from ${users} u where ${where(u(users.id))})`;
}

export function directoryFromJson(value: unknown): Map<string, DirectoryEntry> {
  const entries = Array.isArray(value) ? (value as DirectoryEntry[]) : [];
  return new Map(entries.map((e) => [e.id, { id: e.id, name: e.name, email: e.email, deactivated: e.deactivated }]));
}

export async function userByEmail(db: DbOrTx, email: string): Promise<DirectoryEntry | null> {
  const [r] = await db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return r ? { id: r.id, name: r.name, email: r.email, deactivated: r.deactivatedAt !== null } : null;
}

/** Whether the account's email address is confirmed (features that send a link outward wait for it). */
export async function emailConfirmed(db: DbOrTx, userId: string): Promise<boolean> {
  const [r] = await db
    .select({ at: users.emailVerifiedAt })
    .from(users)
    .where(inArray(users.id, [userId]));
  return !!r?.at;
}

/** Whether `password` is the account's (asked again before the account is deleted). */
export async function passwordMatches(db: DbOrTx, userId: string, password: string): Promise<boolean> {
  const [r] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(inArray(users.id, [userId]));
  return !!r && (await verifyPassword(r.hash, password));
}

/**
 * Deletes the account row: every row that belongs to it goes too (foreign keys cascade), and
 * references from other people's rows become null. Only the privacy feature's erasure calls it.
 */
export async function deleteUserRow(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(users).where(inArray(users.id, [userId]));
}

export interface AccountFacts {
  lastSignInAt: Date | null;
  emailVerified: boolean;
  twoFactor: boolean;
  platformAdmin: boolean;
}

/** What an org admin may see of members' accounts: last sign-in, verified email, two-factor on. */
export async function accountFacts(db: DbOrTx, ids: readonly string[]): Promise<Map<string, AccountFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      lastSignInAt: users.lastSignInAt,
      emailVerifiedAt: users.emailVerifiedAt,
      platformRole: users.platformRole,
      twoFactorAt: twoFactor.enabledAt,
    })
    .from(users)
    .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
    .where(inArray(users.id, unique));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        lastSignInAt: r.lastSignInAt,
        emailVerified: r.emailVerifiedAt !== null,
        twoFactor: r.twoFactorAt !== null,
        platformAdmin: r.platformRole === 'superadmin',
      },
    ]),
  );
}
