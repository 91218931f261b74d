import { and, asc, eq, gt } from 'drizzle-orm';
import type { RecordingRetention } from '../../contract/media.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { FileStorage } from '../files/file-storage.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { media } from './media.table.js';

export const RECORDING_RETENTION_JOB = 'recording-retention';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Recordings deleted per batch, so one run never holds a long transaction. */
const BATCH = 200;

/**
 * Recorded answers are kept for their organization's retention period (practice recordings for
 * MEDIA_RETENTION_DAYS), then deleted with an entry in the audit log. Each recording gets a job at
 * its deadline when its upload finishes; the job looks at the period again when it runs (a longer
 * one moves it), and shortening an organization's period moves every one of its deletions earlier. Answers keep their
 * transcript, grade and delivery figures; only the recording goes.
 */
export function createRecordingRetention(deps: {
  db: Database;
  clock: Clock;
  storage: FileStorage;
  jobs: JobRegistry;
  orgAccess: OrgAccess;
  defaultDays: number;
}) {
  const { db, clock, storage, orgAccess } = deps;

  async function remove(row: Recording) {
    // The file first: a crash between the two leaves a row that the next run deletes again.
    if (row.storageKey) await storage.delete(row.storageKey);
    await db.transaction(async (tx) => {
      // Only the run that deletes the row writes the audit entry (two instances may sweep at once).
      const gone = await tx.delete(media).where(eq(media.id, row.id)).returning({ id: media.id });
      if (gone.length === 0) return;
      await writeAudit(tx, {
        orgId: row.orgId,
        actorId: null,
        action: 'recording.retention_delete',
        targetType: 'media',
        targetId: row.id,
        before: { ownerId: row.ownerId, createdAt: row.createdAt.toISOString() },
        at: clock.now(),
      });
    });
  }

  const columns = { id: media.id, orgId: media.orgId, ownerId: media.ownerId, storageKey: media.storageKey, createdAt: media.createdAt };
  type Recording = { id: string; orgId: string | null; ownerId: string; storageKey: string | null; createdAt: Date };

  /** The period that applies to a recording: its organization's, or the practice default. */
  async function periodOf(orgId: string | null): Promise<number> {
    if (!orgId) return deps.defaultDays;
    return (await orgAccess.recordingRetentionDays(orgId)) ?? deps.defaultDays;
  }
  const deadlineOf = (createdAt: Date, days: number) => new Date(createdAt.getTime() + days * DAY_MS);

  /**
   * After an organization shortens its period: every recording of it is planned again at its new
   * deadline (at once when that has passed), so none waits for the old, later one.
   */
  async function replanOrg(orgId: string): Promise<void> {
    const days = await periodOf(orgId);
    let after: string | null = null;
    for (;;) {
      const batch = await db
        .select({ id: media.id, createdAt: media.createdAt })
        .from(media)
        .where(and(eq(media.orgId, orgId), eq(media.status, 'ready'), after ? gt(media.id, after) : undefined))
        .orderBy(asc(media.id))
        .limit(BATCH);
      const now = clock.now();
      for (const row of batch) {
        const deadline = deadlineOf(row.createdAt, days);
        await planFor(row.id, deadline > now ? deadline : now);
      }
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1]!.id;
    }
  }

  async function planFor(mediaId: string, runAt: Date) {
    await enqueueJob(
      db,
      { kind: RECORDING_RETENTION_JOB, payload: { mediaId }, runAt, dedupeKey: `${RECORDING_RETENTION_JOB}:${mediaId}` },
      clock.now(),
    );
  }

  async function recording(mediaId: string): Promise<Recording | undefined> {
    const [row] = await db.select(columns).from(media).where(eq(media.id, mediaId));
    return row;
  }

  deps.jobs.register(RECORDING_RETENTION_JOB, async (payload) => {
    if (typeof payload.orgId === 'string') return replanOrg(payload.orgId);
    if (typeof payload.mediaId !== 'string') return;
    const row = await recording(payload.mediaId);
    if (!row) return; // deleted by its owner meanwhile
    const deadline = deadlineOf(row.createdAt, await periodOf(row.orgId));
    // Enqueuing the running job's key moves it: the period grew since it was planned.
    if (deadline > clock.now()) return planFor(row.id, deadline);
    await remove(row);
  });

  return {
    /** When a recording's upload finishes: its deletion, at the end of the period that applies now. */
    async plan(mediaId: string): Promise<void> {
      const row = await recording(mediaId);
      if (row) await planFor(row.id, deadlineOf(row.createdAt, await periodOf(row.orgId)));
    },

    async get(actor: Actor, orgId: string): Promise<RecordingRetention> {
      await orgAccess.requireRole(actor, orgId, ['admin', 'coach']);
      return { days: (await orgAccess.recordingRetentionDays(orgId)) ?? deps.defaultDays };
    },

    async set(actor: Actor, orgId: string, body: RecordingRetention): Promise<RecordingRetention> {
      await orgAccess.requireRole(actor, orgId, ['admin']);
      return db.transaction(async (tx) => {
        const before = await orgAccess.setRecordingRetentionDays(orgId, body.days, tx);
        // A shorter period applies to recordings already kept: their deletions move earlier.
        if (body.days < before)
          await enqueueJob(
            tx,
            { kind: RECORDING_RETENTION_JOB, payload: { orgId }, runAt: clock.now(), dedupeKey: `${RECORDING_RETENTION_JOB}:org:${orgId}` },
            clock.now(),
          );
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'org.recording_retention',
          targetType: 'organization',
          targetId: orgId,
          before: { days: before },
          after: { days: body.days },
          at: clock.now(),
        });
        return { days: body.days };
      });
    },
  };
}

export type RecordingRetentionService = ReturnType<typeof createRecordingRetention>;
