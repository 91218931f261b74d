import { eq, sql } from 'drizzle-orm';
import { ERASURE_GRACE_DAYS, type ErasureRequestBody, type ErasureStatus } from '../../contract/privacy.js';
import { AppError } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { deleteUserRow, passwordMatches, usersByIds } from '../auth/user-directory.js';
import type { Clock } from '../clock.js';
import type { FileStorage } from '../files/file-storage.js';
import { newId } from '../ids.js';
import { cancelJob, enqueueJob } from '../jobs/job-queue.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import { publishEvent } from '../notifications/notify.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { collectPersonalData, textColumns } from './personal-data.js';
import { erasureRequests } from './privacy.table.js';

export const ERASURE_JOB = 'account-erasure';
const DAY_MS = 86_400_000;
/** Names shorter than this are not replaced in other people's text (too many false matches). */
const MIN_NAME_TO_SCRUB = 4;

const jobKey = (userId: string) => `${ERASURE_JOB}:${userId}`;

/**
 * Account erasure: asked for with the password, carried out ERASURE_GRACE_DAYS later by a job
 * unless cancelled. The job deletes the person's files, then, in one transaction, replaces them by
 * a pseudonym in the audit trail and in text that others keep (mails, notifications, audit
 * details), and deletes the account row, which takes every row that belongs to it (foreign keys
 * cascade) and nulls references from other people's rows. What is left is the audit trail under
 * the pseudonym and an `account.erased` entry with counts of what was deleted.
 */
export function createErasureService(deps: { db: Database; clock: Clock; storage: FileStorage; jobs: JobRegistry; orgAccess: OrgAccess }) {
  const { db, clock, storage, orgAccess } = deps;

  /** Organizations where the person is the only admin: erasing them would leave it unmanaged. */
  async function soleAdminOf(userId: string, tx: DbOrTx = db): Promise<string[]> {
    const orgIds: string[] = [];
    for (const m of await orgAccess.membershipsOf(userId, tx)) {
      if (m.role !== 'admin') continue;
      const admins = await orgAccess.adminIdsOf(m.orgId, tx);
      if (admins.length <= 1) orgIds.push(m.orgId);
    }
    return orgIds;
  }

  async function refuseSoleAdmin(userId: string, tx: DbOrTx) {
    const orgIds = await soleAdminOf(userId, tx);
    if (orgIds.length > 0)
      throw new AppError(
        'conflict',
        'You are the only admin of an organization: make another member admin (or have the organization deleted) first.',
        { orgIds },
      );
  }

  async function erase(userId: string): Promise<void> {
    const [person] = [...(await usersByIds(db, [userId])).values()];
    if (!person) return;
    const data = await collectPersonalData(db, userId);
    // Files first: a crash after this leaves the rows, and the job runs again.
    for (const key of [...data.fileKeys, ...data.exportKeys]) await storage.delete(key);
    const pseudonymId = newId();
    const pseudonym = `erased-${pseudonymId.slice(-12)}`;
    const columns = await textColumns(db);
    await db.transaction(async (tx) => {
      const [pending] = await tx.select().from(erasureRequests).where(eq(erasureRequests.userId, userId)).for('update');
      if (!pending) return; // cancelled meanwhile
      await tx.execute(sql`update audit_log set actor_id = ${pseudonymId}, ip = null where actor_id = ${userId}`);
      await tx.execute(sql`update audit_log set target_id = ${pseudonymId} where target_id = ${userId}`);
      await tx.execute(sql`delete from mails where lower("to") = ${person.email.toLowerCase()}`);
      const needles = [
        { pattern: wholeEmail(person.email), flags: 'gi' },
        ...(person.name.trim().length >= MIN_NAME_TO_SCRUB ? [{ pattern: wholeWords(person.name.trim()), flags: 'g' }] : []),
      ];
      // Text other people keep (their notifications and mails, audit details, invitations) names the person: replaced.
      // Not the users table: another account whose address merely contains this one must keep it.
      // Whole words only, and the name with its capitals: "Mark" leaves "Markdown" and "bookmark"
      // alone, ann@example.com leaves joann@example.com.
      for (const { table, column, type } of columns.filter((c) => c.table !== 'users')) {
        const col = sql.identifier(column);
        for (const { pattern, flags } of needles) {
          const asText = type === 'jsonb' || type === 'json' ? sql`${col}::text` : sql`${col}`;
          const replaced = sql`regexp_replace(${asText}, ${pattern}, ${pseudonym}, ${flags})`;
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${col} = ${type === 'jsonb' || type === 'json' ? sql`${replaced}::${sql.raw(type)}` : replaced} where ${asText} ~* ${pattern}`,
          );
        }
      }
      await deleteUserRow(tx, userId);
      // Open sockets of the account close on every instance, and cached credentials are dropped.
      await publishEvent(tx, { type: 'signed_out', userId, sessionIds: [], familyIds: [], all: true });
      await writeAudit(tx, {
        actorId: null,
        action: 'account.erased',
        targetType: 'user',
        targetId: pseudonymId,
        before: { requestedAt: pending.requestedAt.toISOString() },
        // Anonymised aggregates: how much was deleted, by table, and how many files.
        after: {
          pseudonym,
          rowsDeleted: Object.fromEntries(
            Object.entries(data.tables)
              .filter(([t]) => t !== 'audit_log')
              .map(([t, rows]) => [t, rows.length]),
          ),
          filesDeleted: data.fileKeys.length + data.exportKeys.length,
        },
        at: clock.now(),
      });
    });
  }

  deps.jobs.register(ERASURE_JOB, async (payload) => {
    if (typeof payload.userId !== 'string') return;
    const userId = payload.userId;
    const [pending] = await db.select().from(erasureRequests).where(eq(erasureRequests.userId, userId));
    if (!pending) return;
    const now = clock.now();
    if (pending.dueAt > now) return; // moved
    if ((await soleAdminOf(userId)).length > 0) {
      // Became the only admin during the grace period (the other admin left): try again in a day.
      await enqueueJob(
        db,
        { kind: ERASURE_JOB, payload: { userId }, runAt: new Date(now.getTime() + DAY_MS), dedupeKey: jobKey(userId) },
        now,
      );
      return;
    }
    await erase(userId);
  });

  const statusOf = (row: typeof erasureRequests.$inferSelect | undefined): ErasureStatus =>
    row
      ? { status: 'pending', requestedAt: row.requestedAt.toISOString(), dueAt: row.dueAt.toISOString() }
      : { status: 'none', requestedAt: null, dueAt: null };

  return {
    async status(actor: Actor): Promise<ErasureStatus> {
      const [row] = await db.select().from(erasureRequests).where(eq(erasureRequests.userId, actor.userId));
      return statusOf(row);
    },

    async request(actor: Actor, body: ErasureRequestBody): Promise<ErasureStatus> {
      if (!(await passwordMatches(db, actor.userId, body.password))) throw new AppError('forbidden', 'That is not your password.');
      return db.transaction(async (tx) => {
        await refuseSoleAdmin(actor.userId, tx);
        const [existing] = await tx.select().from(erasureRequests).where(eq(erasureRequests.userId, actor.userId));
        if (existing) return statusOf(existing);
        const now = clock.now();
        const dueAt = new Date(now.getTime() + ERASURE_GRACE_DAYS * DAY_MS);
        const [row] = await tx.insert(erasureRequests).values({ userId: actor.userId, requestedAt: now, dueAt }).returning();
        await enqueueJob(tx, { kind: ERASURE_JOB, payload: { userId: actor.userId }, runAt: dueAt, dedupeKey: jobKey(actor.userId) }, now);
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'account.erasure_request',
          targetType: 'user',
          targetId: actor.userId,
          after: { dueAt: dueAt.toISOString() },
          at: now,
        });
        return statusOf(row);
      });
    },

    async cancel(actor: Actor): Promise<ErasureStatus> {
      return db.transaction(async (tx) => {
        const gone = await tx.delete(erasureRequests).where(eq(erasureRequests.userId, actor.userId)).returning();
        if (gone.length === 0) throw new AppError('not_found', 'No deletion of your account is pending.');
        const now = clock.now();
        await cancelJob(tx, jobKey(actor.userId), now);
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'account.erasure_cancel',
          targetType: 'user',
          targetId: actor.userId,
          at: now,
        });
        return statusOf(undefined);
      });
    },
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;

/** PostgreSQL's regular expressions treat these as operators; a name or address must match itself. */
function regexLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** A name as whole words: not inside a longer word. */
function wholeWords(name: string): string {
  return `(?<![[:alnum:]_])${regexLiteral(name)}(?![[:alnum:]_])`;
}

/** An address as a whole: not the tail of a longer address nor the start of a longer domain (a full stop may end a sentence). */
function wholeEmail(email: string): string {
  return `(?<![[:alnum:]_.%+-])${regexLiteral(email)}(?![[:alnum:]_-]|\\.[[:alnum:]])`;
}
