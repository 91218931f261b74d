import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';

// LISTEN needs no tables: PGlite in memory, or the PostgreSQL server's own database.
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 2 });
});
afterAll(() => database.close());

const channel = () => `test_${randomBytes(4).toString('hex')}`;

function collector() {
  const got: string[] = [];
  let wake: (() => void) | null = null;
  return {
    got,
    onPayload: (p: string) => {
      got.push(p);
      wake?.();
    },
    /** Resolves once `n` payloads have arrived (NOTIFY reaches another connection asynchronously). */
    async waitFor(n: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (got.length < n) {
        if (Date.now() > deadline) throw new Error(`only ${got.length} of ${n} payloads arrived`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 20);
        });
      }
    },
  };
}

describe(`DatabaseHandle.listen (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('delivers NOTIFY from committed transactions only, and stops when unlistened', async () => {
    const ch = channel();
    const c = collector();
    const stop = await database.listen(ch, c.onPayload);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify(${ch}, 'rolled back')`);
        tx.rollback();
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify(${ch}, ${JSON.stringify({ n: 1 })})`);
    });
    await database.db.execute(sql`select pg_notify(${ch}, 'outside a transaction')`);
    await c.waitFor(2);
    expect(c.got).toEqual(['{"n":1}', 'outside a transaction']);

    await stop();
    await database.db.execute(sql`select pg_notify(${ch}, 'after unlisten')`);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.got).toHaveLength(2);
  });

  it('keeps channels apart and serves several listeners of one channel', async () => {
    const [a, b] = [channel(), channel()];
    const [first, second, other] = [collector(), collector(), collector()];
    const stops = [
      await database.listen(a, first.onPayload),
      await database.listen(a, second.onPayload),
      await database.listen(b, other.onPayload),
    ];
    await database.db.execute(sql`select pg_notify(${a}, 'to a')`);
    await first.waitFor(1);
    await second.waitFor(1);
    expect(other.got).toEqual([]);
    await stops[0]!();
    await database.db.execute(sql`select pg_notify(${a}, 'again')`);
    await second.waitFor(2);
    expect(first.got).toEqual(['to a']);
    for (const stop of stops.slice(1)) await stop();
  });

  it.runIf(process.env.DATABASE_URL)('reconnects after losing its connection, listens again and asks for a resync', async () => {
    const ch = channel();
    const c = collector();
    let resyncs = 0;
    const stop = await database.listen(ch, c.onPayload, () => (resyncs += 1));
    // What a server restart or a network cut does to the dedicated connection.
    await database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'panelist-listener' and pid <> pg_backend_pid() and datname = current_database()`,
    );
    const deadline = Date.now() + 5000;
    while (resyncs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(resyncs).toBe(1);
    await database.db.execute(sql`select pg_notify(${ch}, 'after reconnect')`);
    await c.waitFor(1);
    expect(c.got).toEqual(['after reconnect']);
    await stop();
  });
});
