import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import * as schema from '../../db/schema.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { enqueueJob } from './job-queue.js';
import { claimDueJobs } from './job-runner.js';
import { jobs } from './jobs.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.delete(jobs);
  await t.database.db.transaction(async (tx) => {
    for (let i = 0; i < 3; i++) await enqueueJob(tx, { kind: 'noop', payload: { i }, runAt: t.clock.now() }, t.clock.now());
  });
});

const claim = (db: Database, lockedBy: string) => claimDueJobs(db, { now: t.clock.now(), limit: 10, leaseMs: 60_000, lockedBy });

/** The same database through a drizzle instance that records every statement it sends. */
async function recordingDb(): Promise<{ db: Database; statements: string[] }> {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query.toLowerCase()) };
  const client = (t.database.db as unknown as { $client: never }).$client;
  const module = t.database.kind === 'pglite' ? await import('drizzle-orm/pglite') : await import('drizzle-orm/node-postgres');
  const drizzle = module.drizzle as unknown as (client: never, config: object) => Database;
  return { db: drizzle(client, { schema, logger }), statements };
}

describe('claiming due jobs', () => {
  // PGlite is one connection, so a second claimer cannot be run beside the first there: what it
  // can check is that the row lock the claim takes skips rows other claimers hold.
  it('locks the rows it reads with FOR UPDATE SKIP LOCKED (on every database)', async () => {
    const { db, statements } = await recordingDb();
    expect(await claim(db, 'worker-a')).toHaveLength(3);
    expect(statements.some((s) => /^select .* for update skip locked/.test(s))).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)('does not wait for a row another transaction holds: it takes the others at once', async () => {
    const peer = await t.startPeer();
    const [held] = await t.database.db.select({ id: jobs.id }).from(jobs).limit(1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select id from jobs where id = ${held!.id} for update`);
      locked();
      await released;
    });
    await isLocked;
    try {
      const outcome = await Promise.race([
        claim(peer.database.db, 'worker-b'),
        new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3000)),
      ]);
      expect(outcome).not.toBe('blocked');
      if (outcome === 'blocked') return;
      expect(outcome.map((j) => j.id).sort()).not.toContain(held!.id);
      expect(outcome).toHaveLength(2);
    } finally {
      release();
      await holder;
    }
  });
});
