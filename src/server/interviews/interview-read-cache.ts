import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { interview as interviewSchema, report as reportSchema } from '../../contract/interviews.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { coachesSql, roleInSql } from '../orgs/org-access.js';
import { resultsVisible, viewerFrom } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { readStamp } from './interview-reads.js';
import { composeReport } from './interview-reading.service.js';
import { interviews } from './interviews.table.js';

/**
 * One interview's page or report, serialised once for a kind of viewer and kept while its stamp
 * (interview-reads.ts readStamp) says nothing it is made of has changed. `open` bodies end before
 * the closing brace: the clock (serverNow) is appended per request, so a body never goes stale by
 * time alone (nothing else in these bodies depends on the clock; deadlines are absolute times and
 * the status changes at a deadline by a write).
 */
export interface CachedRead {
  stamp: string;
  /** Weak: the bytes differ in serverNow, the meaning does not. */
  etag: string;
  body: Buffer;
  open: boolean;
  /** Filled on the first gzip request (cached-reply.ts). */
  gzip?: { deflated: Buffer; crc: number };
  bytes: number;
  madeAt: number;
}

const RESULTS_HELD = 'Your coach has not released the results of this interview yet. You will be notified when they do.';

/** A least-recently-used map under a byte cap; entries also expire after maxAgeMs. */
export function createReadCache(opts: { maxBytes: number; maxAgeMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, CachedRead>();
  let bytes = 0;
  const drop = (key: string, e: CachedRead) => {
    entries.delete(key);
    bytes -= e.bytes;
  };
  return {
    get(key: string, stamp: string): CachedRead | undefined {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.stamp !== stamp || now() - e.madeAt > opts.maxAgeMs) {
        drop(key, e);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, e);
      return e;
    },
    set(key: string, e: CachedRead): void {
      const old = entries.get(key);
      if (old) drop(key, old);
      if (e.bytes > opts.maxBytes) return;
      entries.set(key, e);
      bytes += e.bytes;
      for (const [k, v] of entries) {
        if (bytes <= opts.maxBytes) break;
        drop(k, v);
      }
    },
    /** A gzip body was added to an entry: count it against the cap. */
    grew(key: string, e: CachedRead, by: number): void {
      if (entries.get(key) !== e) return;
      e.bytes += by;
      bytes += by;
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}
export type ReadCache = ReturnType<typeof createReadCache>;

/**
 * GET interview and GET report from the cache. Every request still runs one statement that reads
 * the facts of access (same rule as interview-access.ts viewerOf) and the stamp: a cached body
 * never reaches anyone the uncached read would refuse, and never outlives a write, whichever
 * instance made it. A miss reads and renders as before, and files the body under the stamp read
 * in the same statement as its content.
 */
export function createCachedReads(ctx: InterviewContext, cache: ReadCache, now: () => number = Date.now) {
  const { db, reads, access, view } = ctx;
  const checkById = prepareCheck(db);

  async function check(actor: Actor, interviewId: string) {
    const [facts] = await checkById.execute({ id: interviewId, userId: actor.userId });
    const viewer = facts
      ? await viewerFrom(actor, facts, { role: () => facts.role, coachesCandidate: () => facts.coachesCandidate })
      : null;
    if (!facts || !viewer) throw notFound('Interview');
    return { facts, viewer };
  }

  function entry(stamp: string, key: string, json: string, open: boolean): CachedRead {
    const body = Buffer.from(open ? json.slice(0, -1) : json);
    const etag = `W/"${createHash('sha1').update(key).update('\0').update(stamp).digest('base64url').slice(0, 22)}"`;
    return { stamp, etag, body, open, bytes: body.length + key.length + stamp.length + 200, madeAt: now() };
  }

  return {
    cache,

    async interview(actor: Actor, interviewId: string): Promise<{ key: string; read: CachedRead }> {
      const { facts, viewer } = await check(actor, interviewId);
      const key = `i:${interviewId}:${viewer}`;
      const hit = cache.get(key, facts.stamp);
      if (hit) return { key, read: hit };
      // A miss reads and checks as the uncached read did (the access facts may have moved meanwhile).
      const found = await reads.interviewWithContent(interviewId);
      const fresh = await access.requireViewer(actor, found?.row);
      const rendered = await view(fresh.row, fresh.viewer, found!.content);
      // Encoded by the contract as the route's serializer did, once per version, not per request; serverNow is added per request.
      const { serverNow: _clock, ...timeless } = z.encode(interviewSchema, rendered);
      const k = `i:${interviewId}:${fresh.viewer}`;
      const read = entry(found!.stamp, k, JSON.stringify(timeless), true);
      cache.set(k, read);
      return { key: k, read };
    },

    async report(actor: Actor, interviewId: string): Promise<{ key: string; read: CachedRead }> {
      const { facts, viewer } = await check(actor, interviewId);
      if (!resultsVisible(viewer, facts)) throw new AppError('forbidden', RESULTS_HELD);
      const key = `r:${interviewId}:${viewer}`;
      const hit = cache.get(key, facts.stamp);
      if (hit) return { key, read: hit };
      const found = await reads.interviewWithContent(interviewId);
      const fresh = await access.requireViewer(actor, found?.row);
      if (!resultsVisible(fresh.viewer, fresh.row)) throw new AppError('forbidden', RESULTS_HELD);
      const rendered = z.encode(reportSchema, await composeReport(ctx, fresh.row, fresh.viewer, found!.content));
      const k = `r:${interviewId}:${fresh.viewer}`;
      const read = entry(found!.stamp, k, JSON.stringify(rendered), false);
      cache.set(k, read);
      return { key: k, read };
    },
  };
}
export type CachedReads = ReturnType<typeof createCachedReads>;

/** A column of the outer interviews row, named with its table inside subqueries. */
const column = (c: { name: string }) => sql.raw(`interviews."${c.name}"`);

/** The one statement a cached read costs: access facts for this user and the stamp. */
function prepareCheck(db: Database) {
  const userId = sql.placeholder('userId');
  return db
    .select({
      candidateId: interviews.candidateId,
      kind: interviews.kind,
      orgId: interviews.orgId,
      coachId: interviews.coachId,
      releaseResults: interviews.releaseResults,
      finalizedAt: interviews.finalizedAt,
      role: roleInSql(userId, column(interviews.orgId)),
      coachesCandidate: coachesSql(userId, column(interviews.candidateId), column(interviews.orgId)),
      stamp: readStamp,
    })
    .from(interviews)
    .where(eq(interviews.id, sql.placeholder('id')))
    .prepare('interview_read_check');
}
