import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from './auth.table.js';

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

export async function userByEmail(db: DbOrTx, email: string): Promise<DirectoryEntry | null> {
  const [r] = await db
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return r ? { id: r.id, name: r.name, email: r.email, deactivated: r.deactivatedAt !== null } : null;
}
