import { eq, sql } from 'drizzle-orm';
import type { DataRetention } from '../../contract/privacy.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { FileStorage } from '../files/file-storage.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { rowsOf } from './personal-data.js';
import { orgDataRetention } from './privacy.table.js';

export const DATA_RETENTION_JOB = 'data-retention';
const DAY_MS = 86_400_000;
const BATCH = 200;

/**
 * Retention of an organization's interviews and resumes. Interviews: those of the organization
 * that ended (completed, missed, cancelled…: anything but scheduled or in progress) longer ago than
 * the period, with their answers. Resumes: those of the organization's candidate members not
 * changed for longer than the period (a resume belongs to its owner, not to one organization, so
 * the shortest period of the organizations the owner is a candidate in applies). A sweep job per
 * organization runs when the period is set and then daily; every deletion is audited with what
 * went. Like erasure, it works on the interviews and resumes tables by name (the deliberate
 * exception in DESIGN §6): their rows' children cascade.
 */
export function createDataRetention(deps: { db: Database; clock: Clock; storage: FileStorage; jobs: JobRegistry; orgAccess: OrgAccess }) {
  const { db, clock, storage, orgAccess } = deps;
  const jobKey = (orgId: string) => `${DATA_RETENTION_JOB}:${orgId}`;

  async function periodsOf(orgId: string): Promise<DataRetention> {
    const [row] = await db.select().from(orgDataRetention).where(eq(orgDataRetention.orgId, orgId));
    return { interviewDays: row?.interviewDays ?? null, resumeDays: row?.resumeDays ?? null };
  }

  async function sweepInterviews(orgId: string, days: number) {
    const cutoff = new Date(clock.now().getTime() - days * DAY_MS);
    for (;;) {
      const batch = await rowsOf<{ id: string; candidate_id: string; status: string; created_at: string }>(
        db,
        sql`select id, candidate_id, status, created_at from interviews
             where org_id = ${orgId} and status not in ('scheduled', 'in_progress')
               and coalesce(completed_at, created_at) < ${cutoff.toISOString()}
             order by id limit ${BATCH}`,
      );
      if (batch.length === 0) return;
      await db.transaction(async (tx) => {
        for (const row of batch) {
          const gone = await rowsOf(tx, sql`delete from interviews where id = ${row.id} returning id`);
          if (gone.length === 0) continue;
          await writeAudit(tx, {
            orgId,
            actorId: null,
            action: 'interview.retention_delete',
            targetType: 'interview',
            targetId: row.id,
            before: {
              candidateId: row.candidate_id,
              status: row.status,
              createdAt: new Date(row.created_at).toISOString(),
              periodDays: days,
            },
            at: clock.now(),
          });
        }
      });
      if (batch.length < BATCH) return;
    }
  }

  async function sweepResumes(orgId: string, days: number) {
    const cutoff = new Date(clock.now().getTime() - days * DAY_MS);
    for (;;) {
      const batch = await rowsOf<{ id: string; owner_id: string; storage_key: string; created_at: string }>(
        db,
        sql`select r.id, r.owner_id, r.storage_key, r.created_at from resumes r
             join memberships m on m.user_id = r.owner_id and m.org_id = ${orgId} and m.role = 'candidate'
             where r.updated_at < ${cutoff.toISOString()} order by r.id limit ${BATCH}`,
      );
      if (batch.length === 0) return;
      for (const row of batch) {
        await storage.delete(row.storage_key); // the file first: a crash leaves a row the next sweep deletes
        await db.transaction(async (tx) => {
          const gone = await rowsOf(tx, sql`delete from resumes where id = ${row.id} returning id`);
          if (gone.length === 0) return;
          await writeAudit(tx, {
            orgId,
            actorId: null,
            action: 'resume.retention_delete',
            targetType: 'resume',
            targetId: row.id,
            before: { ownerId: row.owner_id, createdAt: new Date(row.created_at).toISOString(), periodDays: days },
            at: clock.now(),
          });
        });
      }
      if (batch.length < BATCH) return;
    }
  }

  deps.jobs.register(DATA_RETENTION_JOB, async (payload) => {
    if (typeof payload.orgId !== 'string') return;
    const orgId = payload.orgId;
    const periods = await periodsOf(orgId);
    if (periods.interviewDays === null && periods.resumeDays === null) return; // nothing to keep an eye on
    if (periods.interviewDays !== null) await sweepInterviews(orgId, periods.interviewDays);
    if (periods.resumeDays !== null) await sweepResumes(orgId, periods.resumeDays);
    const now = clock.now();
    await enqueueJob(
      db,
      { kind: DATA_RETENTION_JOB, payload: { orgId }, runAt: new Date(now.getTime() + DAY_MS), dedupeKey: jobKey(orgId) },
      now,
    );
  });

  return {
    async get(actor: Actor, orgId: string): Promise<DataRetention> {
      await orgAccess.requireRole(actor, orgId, ['admin', 'coach']);
      return periodsOf(orgId);
    },

    async set(actor: Actor, orgId: string, body: DataRetention): Promise<DataRetention> {
      await orgAccess.requireRole(actor, orgId, ['admin']);
      const before = await periodsOf(orgId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(orgDataRetention)
          .values({ orgId, ...body, updatedAt: now })
          .onConflictDoUpdate({ target: orgDataRetention.orgId, set: { ...body, updatedAt: now } });
        // The sweep runs now (a shorter period applies at once), then daily.
        if (body.interviewDays !== null || body.resumeDays !== null)
          await enqueueJob(tx, { kind: DATA_RETENTION_JOB, payload: { orgId }, runAt: now, dedupeKey: jobKey(orgId) }, now);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'org.data_retention',
          targetType: 'organization',
          targetId: orgId,
          before,
          after: body,
          at: now,
        });
      });
      return body;
    },
  };
}

export type DataRetentionService = ReturnType<typeof createDataRetention>;
