import { and, count, desc, eq, gte, like, lte, max, or, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { usersByIds } from '../auth/user-directory.js';
import { newId } from '../ids.js';
import { auditLog } from './audit.table.js';

export interface AuditEntry {
  /** Set for actions inside an organization, so its admins can read them. */
  orgId?: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: Date;
}

/** Call inside the transaction of the action itself: no action without its audit row. */
export async function writeAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: newId(),
    orgId: entry.orgId ?? null,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: entry.ip ?? null,
    createdAt: entry.at,
  });
}

/** The caller, as the auth feature describes it (kept structural so audit imports no feature). */
interface AuditReader {
  userId: string;
  platformRole: 'user' | 'superadmin';
}

export interface AuditLogFilter {
  orgId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  limit: number;
}

export interface AuditLogPage {
  items: {
    id: string;
    orgId: string | null;
    actor: { id: string; name: string } | null;
    action: string;
    targetType: string;
    targetId: string | null;
    before: unknown;
    after: unknown;
    ip: string | null;
    createdAt: string;
  }[];
  total: number;
  page: number;
  limit: number;
  pages: number;
}

const parseJson = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

/**
 * The audit log, newest first. Org admins read their organization's entries and must name it;
 * the platform admin reads everything. `action` matches exactly or as a prefix
 * (`invitation` finds `invitation.create`, `invitation.accept` …).
 */
export async function listAuditLog(
  db: DbOrTx,
  access: { requireRole(actor: AuditReader, orgId: string, roles: readonly ['admin']): Promise<unknown> },
  actor: AuditReader,
  filter: AuditLogFilter,
): Promise<AuditLogPage> {
  if (filter.orgId) await access.requireRole(actor, filter.orgId, ['admin']);
  else if (actor.platformRole !== 'superadmin') {
    throw new AppError('validation_failed', 'Name the organization whose audit log you want to read (orgId).', {
      errors: [{ path: 'querystring.orgId', message: 'is required' }],
    });
  }
  const where = and(
    filter.orgId ? eq(auditLog.orgId, filter.orgId) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action
      ? or(eq(auditLog.action, filter.action), like(auditLog.action, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`))
      : undefined,
    filter.from ? gte(auditLog.createdAt, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLog.createdAt, new Date(filter.to)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(filter.limit)
      .offset((filter.page - 1) * filter.limit),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const actors = await usersByIds(
    db,
    rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  const n = Number(total?.n ?? 0);
  return {
    items: rows.map((r) => {
      const who = r.actorId ? actors.get(r.actorId) : undefined;
      return {
        id: r.id,
        orgId: r.orgId,
        actor: r.actorId ? { id: r.actorId, name: who?.name ?? 'Deleted account' } : null,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        before: parseJson(r.before),
        after: parseJson(r.after),
        ip: r.ip,
        createdAt: r.createdAt.toISOString(),
      };
    }),
    total: n,
    page: filter.page,
    limit: filter.limit,
    pages: Math.ceil(n / filter.limit),
  };
}

const DAY_MS = 86_400_000;

/**
 * Failed sign-ins (password, second factor and single sign-on all write `auth.sign_in_failed`)
 * over the last `days` UTC days, for the platform admin: a count per day and the ten addresses
 * with most failures.
 */
export async function signInFailureStats(db: DbOrTx, actor: AuditReader, days: number, now: Date) {
  if (actor.platformRole !== 'superadmin') throw new AppError('forbidden', 'Only platform admins see sign-in failures.');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * DAY_MS);
  const where = and(eq(auditLog.action, 'auth.sign_in_failed'), gte(auditLog.createdAt, since));
  const day = sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [perDay, perIp] = await Promise.all([
    db.select({ date: day, n: count() }).from(auditLog).where(where).groupBy(day),
    db
      .select({ ip: auditLog.ip, n: count(), lastAt: max(auditLog.createdAt) })
      .from(auditLog)
      .where(and(where, sql`${auditLog.ip} is not null`))
      .groupBy(auditLog.ip)
      .orderBy(desc(count()), auditLog.ip)
      .limit(10),
  ]);
  const byDate = new Map(perDay.map((r) => [r.date, Number(r.n)]));
  const series = Array.from({ length: days }, (_, i) => {
    const date = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { date, failures: byDate.get(date) ?? 0 };
  });
  return {
    since: since.toISOString(),
    total: series.reduce((sum, d) => sum + d.failures, 0),
    days: series,
    topIps: perIp.map((r) => ({ ip: r.ip!, failures: Number(r.n), lastAt: new Date(r.lastAt!).toISOString() })),
  };
}
