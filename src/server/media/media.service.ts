import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import { and, eq, sum } from 'drizzle-orm';
import { UPLOADS_PATH, uploadMetadata, type MediaInfo, type MediaUsage, type Transcription } from '../../contract/media.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { newStorageKey, type FileStorage } from '../files/file-storage.js';
import { newId } from '../ids.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { media, type MediaRow } from './media.table.js';
import type { VoiceAnalysis } from '../../core/delivery/voice-analysis.js';
import type { VoiceAnalyser } from './voice-analyser.js';
import { createOpenAiTranscriber, TranscriptionFailed, type Transcriber } from './openai-transcriber.js';
import { SNIFF_BYTES, sniffMediaFile } from './sniff-media-type.js';

export type MediaService = ReturnType<typeof createMediaService>;

interface Log {
  warn(obj: object, msg: string): void;
}

/** tus answers an error thrown from a hook with this status and body. */
function tusRefusal(status: number, code: string, detail: string) {
  return { status_code: status, body: JSON.stringify({ type: 'about:blank', title: detail, status, detail, code }) };
}

/**
 * Recorded answers: resumable uploads (tus 1.0.0) staged on disk, then checked from their bytes
 * and moved into the same FileStorage as resumes. Who is uploading rides in an AsyncLocalStorage
 * from the route (which authenticated the request) to tus's hooks.
 */
export function createMediaService(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  storage: FileStorage;
  orgAccess: OrgAccess;
  log: Log;
  /** Overrides the configured transcriber (tests). */
  transcriber?: Transcriber;
  /** Plans a finished recording's deletion at the end of its retention period. */
  retention?: { plan(mediaId: string): Promise<void> };
  /** Measures the voice in a finished recording (pauses, pitch, level); without it answers rest on the transcript. */
  voice?: VoiceAnalyser;
  /** False when the person withdrew recording consent (the privacy feature): new uploads are refused. */
  recordingAllowed?: (userId: string) => Promise<boolean>;
}) {
  const { db, clock, config, storage, orgAccess } = deps;
  const stagingDir = path.join(config.storageDir, '.uploads');
  const datastore = new FileStore({ directory: stagingDir });
  const caller = new AsyncLocalStorage<Actor>();
  const transcriber = deps.transcriber ?? (config.stt.provider === 'openai' ? createOpenAiTranscriber(config.stt) : null);

  async function usedBytes(column: typeof media.ownerId | typeof media.orgId, value: string): Promise<number> {
    const [row] = await db
      .select({ total: sum(media.size) })
      .from(media)
      .where(eq(column, value));
    return Number(row?.total ?? 0);
  }

  async function discard(id: string) {
    await datastore.remove(id).catch(() => undefined);
    await db.delete(media).where(eq(media.id, id));
  }

  /** Copies the staged file into storage, hashing it on the way. */
  async function store(file: string): Promise<{ key: string; sha256: string }> {
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const key = newStorageKey('media');
    await storage.put(key, createReadStream(file).pipe(hashing));
    return { key, sha256: hash.digest('hex') };
  }

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    respectForwardedHeaders: config.trustProxy,
    maxSize: config.media.maxBytes,
    // The media id: a UUIDv7 like every other id, and the last segment of the Location URL.
    namingFunction: () => newId(),
    async onUploadCreate(_req, upload) {
      const actor = caller.getStore();
      if (!actor) throw tusRefusal(401, 'unauthenticated', 'Sign in to continue.');
      if (deps.recordingAllowed && !(await deps.recordingAllowed(actor.userId)))
        throw tusRefusal(
          403,
          'consent_withdrawn',
          'You withdrew your consent to recordings: give it again on the Privacy page of your account to record answers.',
        );
      if (upload.size === undefined) throw tusRefusal(400, 'bad_request', 'Upload-Length is required: a recording has a known size.');
      const meta = uploadMetadata.safeParse(Object.fromEntries(Object.entries(upload.metadata ?? {}).filter(([, v]) => v !== null)));
      if (!meta.success) throw tusRefusal(400, 'validation_failed', 'Upload-Metadata has a field that is not valid.');
      let orgId: string | null = null;
      if (meta.data.orgId) {
        const memberships = await orgAccess.membershipsOf(actor.userId);
        if (!memberships.some((m) => m.orgId === meta.data.orgId))
          throw tusRefusal(403, 'forbidden', 'You are not a member of that organization.');
        orgId = meta.data.orgId;
      }
      if ((await usedBytes(media.ownerId, actor.userId)) + upload.size > config.media.userQuotaBytes) {
        throw tusRefusal(413, 'payload_too_large', 'Your recordings use up your storage quota. Delete old recordings to record more.');
      }
      if (orgId && (await usedBytes(media.orgId, orgId)) + upload.size > config.media.orgQuotaBytes) {
        throw tusRefusal(413, 'payload_too_large', "The organization's recordings use up its storage quota.");
      }
      await db.insert(media).values({
        id: upload.id,
        ownerId: actor.userId,
        orgId,
        status: 'uploading',
        size: upload.size,
        durationMs: meta.data.durationMs ?? null,
        createdAt: clock.now(),
      });
      return {};
    },
    async onUploadFinish(_req, upload) {
      const file = path.join(stagingDir, upload.id);
      const mimeType = await sniffMediaFile(file);
      if (!mimeType) {
        await discard(upload.id);
        throw tusRefusal(415, 'unsupported_media_type', 'This is not a WebM, Ogg, MP4/M4A or WAV recording.');
      }
      // Measured before the recording is ready, so the answer that follows always has its figures.
      const voice = deps.voice
        ? await deps.voice.analyse(file, mimeType).catch((error: unknown) => {
            deps.log.warn({ err: error, mediaId: upload.id }, 'recording not measured');
            return null;
          })
        : null;
      const { key, sha256 } = await store(file);
      await db
        .update(media)
        .set({ status: 'ready', mimeType, storageKey: key, sha256, size: upload.offset, voice, completedAt: clock.now() })
        .where(eq(media.id, upload.id));
      await deps.retention?.plan(upload.id);
      await datastore.remove(upload.id).catch((error: unknown) => deps.log.warn({ err: error }, 'staged upload not removed'));
      return {};
    },
  });

  /** Set once the interviews feature exists (it is built after this one): who else may play a recording. */
  let mayReview: (actor: Actor, mediaId: string) => Promise<boolean> = async () => false;

  /** The caller's own recording, or one they review as a coach or admin of its interview. */
  async function viewableRow(actor: Actor, id: string): Promise<MediaRow> {
    const [row] = await db.select().from(media).where(eq(media.id, id));
    if (row && (row.ownerId === actor.userId || (await mayReview(actor, id)))) return row;
    throw notFound('Recording');
  }

  async function ownRow(actor: Actor, id: string): Promise<MediaRow> {
    const [row] = await db
      .select()
      .from(media)
      .where(and(eq(media.id, id), eq(media.ownerId, actor.userId)));
    // Someone else's recording is "not found", so ids cannot be probed.
    if (!row) throw notFound('Recording');
    return row;
  }

  return {
    /**
     * One tus request. For an existing upload: only its owner, and its type is checked as soon as
     * enough bytes have arrived, so a wrong file is refused early rather than after minutes of upload.
     */
    async handleUpload(actor: Actor, uploadId: string | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
      if (uploadId) {
        const row = await ownRow(actor, uploadId);
        if (row.status === 'uploading' && req.method === 'PATCH') {
          const staged = path.join(stagingDir, uploadId);
          const size = await stat(staged).then(
            (s) => s.size,
            () => 0,
          );
          if (size >= Math.min(SNIFF_BYTES, row.size) && !(await sniffMediaFile(staged))) {
            await discard(uploadId);
            throw new AppError('unsupported_media_type', 'This is not a WebM, Ogg, MP4/M4A or WAV recording.');
          }
        }
      }
      await caller.run(actor, () => tus.handle(req, res));
    },

    allowReviewers(check: (actor: Actor, mediaId: string) => Promise<boolean>): void {
      mayReview = check;
    },

    async info(actor: Actor, id: string): Promise<MediaInfo> {
      return toInfo(await viewableRow(actor, id));
    },

    /** A ready recording for playback, whole or one byte range (players seek with Range). */
    async open(
      actor: Actor,
      id: string,
      range?: { start: number; end?: number },
    ): Promise<{ info: MediaInfo; body: Readable; start: number; end: number }> {
      const row = await viewableRow(actor, id);
      if (row.status !== 'ready' || !row.storageKey) throw new AppError('invalid_state', 'This recording is still uploading.');
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? row.size - 1, row.size - 1);
      if (start > end) throw new AppError('bad_request', 'The requested range is outside the recording.');
      return { info: toInfo(row), body: storage.get(row.storageKey, { start, end }), start, end };
    },

    /** The candidate deletes their own recording; answers that pointed at it keep their transcript. */
    async remove(actor: Actor, id: string): Promise<void> {
      const row = await ownRow(actor, id);
      if (row.status === 'uploading') await datastore.remove(id).catch(() => undefined);
      if (row.storageKey) await storage.delete(row.storageKey);
      await db.delete(media).where(eq(media.id, id));
    },

    async usage(actor: Actor): Promise<MediaUsage> {
      return {
        usedBytes: await usedBytes(media.ownerId, actor.userId),
        quotaBytes: config.media.userQuotaBytes,
        maxFileBytes: config.media.maxBytes,
      };
    },

    /**
     * The recording transcribed on the server (STT_PROVIDER=openai), with word timings. A
     * recording heard in another language than the interview's is refused, never graded as if
     * it were; when the service fails the browser's transcript stays the answer.
     */
    async transcribe(actor: Actor, id: string, expectedLanguage: string | undefined): Promise<Transcription> {
      if (!transcriber)
        throw new AppError('invalid_state', 'This server does not transcribe recordings: the transcript comes from your browser.');
      const row = await ownRow(actor, id);
      if (row.status !== 'ready' || !row.storageKey) throw new AppError('invalid_state', 'This recording is still uploading.');
      const chunks: Buffer[] = [];
      for await (const chunk of storage.get(row.storageKey)) chunks.push(chunk as Buffer);
      const extension = row.mimeType?.split('/')[1]?.replace('x-', '') ?? 'webm';
      let result;
      try {
        result = await transcriber.transcribe(new Blob([Buffer.concat(chunks)], { type: row.mimeType ?? '' }), `answer.${extension}`);
      } catch (err) {
        if (!(err instanceof TranscriptionFailed)) throw err;
        deps.log.warn({ err }, 'transcription failed');
        throw new AppError('unavailable', 'Transcription is not available right now; correct the transcript below yourself.');
      }
      const expected = expectedLanguage?.slice(0, 2).toLowerCase();
      if (expected && result.language && result.language !== expected) {
        throw new AppError(
          'unprocessable',
          `This recording sounds like another language (${result.language}) than the interview's (${expected}). Answer in ${expected}.`,
          {
            heard: result.language,
            expected,
          },
        );
      }
      return result;
    },

    /** For answers: a ready recording of the caller's, or an error that says why not. */
    async requireReady(actor: Actor, id: string): Promise<MediaInfo & { voice: VoiceAnalysis | null }> {
      const row = await ownRow(actor, id);
      if (row.status !== 'ready') throw new AppError('invalid_state', 'This recording has not finished uploading.');
      return { ...toInfo(row), voice: row.voice ?? null };
    },
  };
}

function toInfo(row: MediaRow): MediaInfo {
  return {
    id: row.id,
    status: row.status,
    mimeType: row.mimeType,
    size: row.size,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
  };
}
