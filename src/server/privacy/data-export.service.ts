import { Transform, type Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import yazl from 'yazl';
import type { DataExport, DataExportList } from '../../contract/privacy.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { newStorageKey, type FileStorage } from '../files/file-storage.js';
import { newId } from '../ids.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import { notify } from '../notifications/notify.js';
import { collectPersonalData } from './personal-data.js';
import { dataExports } from './privacy.table.js';

export const DATA_EXPORT_JOB = 'data-export';
export const DATA_EXPORT_EXPIRY_JOB = 'data-export-expiry';
/** How long a finished export can be downloaded. */
export const EXPORT_TTL_DAYS = 7;
const DAY_MS = 86_400_000;

type ExportRow = typeof dataExports.$inferSelect;
const toExport = (r: ExportRow): DataExport => ({
  id: r.id,
  status: r.status,
  requestedAt: r.requestedAt.toISOString(),
  readyAt: r.readyAt?.toISOString() ?? null,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  sizeBytes: r.sizeBytes ?? null,
});

async function bufferOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const README = `Everything Panelist holds about you, as of the date in manifest.json.

data/<table>.json  the rows of each table that belong to you (your account, profile, consents,
                   interviews and answers, resumes, recordings' details, notifications, sessions,
                   memberships…) and the audit entries of your own actions. Password hashes,
                   token hashes and two-factor secrets are left out.
files/<key>        your files: resumes, recorded answers, your avatar.
`;

/**
 * `POST /me/exports` → a job collects the person's rows and files into a ZIP in the file storage,
 * notifies them, and plans the ZIP's deletion EXPORT_TTL_DAYS later.
 */
export function createDataExportService(deps: { db: Database; clock: Clock; storage: FileStorage; jobs: JobRegistry }) {
  const { db, clock, storage } = deps;

  async function build(row: ExportRow): Promise<{ key: string; size: number }> {
    const data = await collectPersonalData(db, row.userId);
    const zip = new yazl.ZipFile();
    const manifest = {
      exportedAt: clock.now().toISOString(),
      userId: row.userId,
      tables: Object.fromEntries(Object.entries(data.tables).map(([t, rows]) => [t, rows.length])),
      files: [] as string[],
      missingFiles: [] as string[],
    };
    zip.addBuffer(Buffer.from(README), 'README.txt');
    for (const [table, rows] of Object.entries(data.tables))
      zip.addBuffer(Buffer.from(JSON.stringify(rows, null, 2)), `data/${table}.json`);
    for (const key of data.fileKeys) {
      try {
        zip.addBuffer(await bufferOf(storage.get(key)), `files/${key}`);
        manifest.files.push(key);
      } catch {
        manifest.missingFiles.push(key); // deleted meanwhile (retention), or lost: said in the manifest
      }
    }
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
    zip.end();
    let size = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    const key = newStorageKey('exports');
    await storage.put(key, zip.outputStream.pipe(counting));
    return { key, size };
  }

  deps.jobs.register(DATA_EXPORT_JOB, async (payload, ctx) => {
    if (typeof payload.exportId !== 'string') return;
    const [row] = await db.select().from(dataExports).where(eq(dataExports.id, payload.exportId));
    if (!row || row.status !== 'pending') return;
    let built: { key: string; size: number };
    try {
      built = await build(row);
    } catch (err) {
      // The last attempt marks it failed, so the person can ask again (one pending at a time).
      if (ctx.attempt >= ctx.maxAttempts) await db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.id, row.id));
      throw err;
    }
    const { key, size } = built;
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + EXPORT_TTL_DAYS * DAY_MS);
    await db.transaction(async (tx) => {
      await tx
        .update(dataExports)
        .set({ status: 'ready', storageKey: key, sizeBytes: size, readyAt: now, expiresAt })
        .where(eq(dataExports.id, row.id));
      await notify(
        tx,
        {
          userId: row.userId,
          kind: 'data_export_ready',
          title: 'Your data export is ready',
          body: `Download it from your account's Privacy page before ${expiresAt.toISOString().slice(0, 10)}.`,
          link: '/account/privacy',
        },
        now,
      );
      await enqueueJob(
        tx,
        { kind: DATA_EXPORT_EXPIRY_JOB, payload: { exportId: row.id }, runAt: expiresAt, dedupeKey: `${DATA_EXPORT_EXPIRY_JOB}:${row.id}` },
        now,
      );
    });
  });

  deps.jobs.register(DATA_EXPORT_EXPIRY_JOB, async (payload) => {
    if (typeof payload.exportId !== 'string') return;
    const [row] = await db.select().from(dataExports).where(eq(dataExports.id, payload.exportId));
    if (!row || row.status !== 'ready') return;
    if (row.storageKey) await storage.delete(row.storageKey);
    await db.update(dataExports).set({ status: 'expired', storageKey: null }).where(eq(dataExports.id, row.id));
  });

  async function mine(actor: Actor, exportId: string): Promise<ExportRow> {
    const [row] = await db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.id, exportId), eq(dataExports.userId, actor.userId)));
    if (!row) throw new AppError('not_found', 'No such export.');
    return row;
  }

  return {
    async request(actor: Actor): Promise<DataExport> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const [pending] = await tx
          .select()
          .from(dataExports)
          .where(and(eq(dataExports.userId, actor.userId), eq(dataExports.status, 'pending')));
        // One at a time: asking again while one is being made returns that one.
        if (pending) return toExport(pending);
        const id = newId();
        const [row] = await tx.insert(dataExports).values({ id, userId: actor.userId, status: 'pending', requestedAt: now }).returning();
        await enqueueJob(tx, { kind: DATA_EXPORT_JOB, payload: { exportId: id }, runAt: now, maxAttempts: 3 }, now);
        await writeAudit(tx, { actorId: actor.userId, action: 'privacy.export_request', targetType: 'data_export', targetId: id, at: now });
        return toExport(row!);
      });
    },

    async list(actor: Actor): Promise<DataExportList> {
      const rows = await db
        .select()
        .from(dataExports)
        .where(eq(dataExports.userId, actor.userId))
        .orderBy(desc(dataExports.requestedAt), desc(dataExports.id))
        .limit(20);
      return { items: rows.map(toExport) };
    },

    async get(actor: Actor, exportId: string): Promise<DataExport> {
      return toExport(await mine(actor, exportId));
    },

    async download(actor: Actor, exportId: string): Promise<{ stream: Readable; size: number; fileName: string }> {
      const row = await mine(actor, exportId);
      if (row.status !== 'ready' || !row.storageKey || (row.expiresAt && row.expiresAt <= clock.now()))
        throw new AppError(
          'not_found',
          row.status === 'pending' ? 'This export is still being made.' : 'This export has expired: ask for a new one.',
        );
      return {
        stream: storage.get(row.storageKey),
        size: row.sizeBytes ?? 0,
        fileName: `panelist-export-${row.requestedAt.toISOString().slice(0, 10)}.zip`,
      };
    },
  };
}

export type DataExportService = ReturnType<typeof createDataExportService>;
