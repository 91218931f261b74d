import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { queryAll } from './query-all.js';

// PGlite in memory, or the PostgreSQL server's own database (no tables needed).
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 4 });
});
afterAll(() => database.close());

/** Thunks that record how many of them were running at once. */
function tracked(on: DatabaseHandle['db'], n: number) {
  let running = 0;
  let most = 0;
  const queries = Array.from({ length: n }, (_, i) => async () => {
    running++;
    most = Math.max(most, running);
    // A macrotask between start and query, so thunks started together really overlap.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = (await on.execute(sql`select ${i}::int as n`)) as unknown as { rows: { n: number }[] };
    running--;
    return result.rows[0]!.n;
  });
  return { queries, most: () => most };
}

describe('queryAll', () => {
  it('runs queries side by side on the pool and returns them in order', async () => {
    const t = tracked(database.db, 3);
    expect(await queryAll(database.db, t.queries)).toEqual([0, 1, 2]);
    expect(t.most()).toBe(3);
  });

  it('runs them one after the other inside a transaction, in order', async () => {
    const got = await database.db.transaction(async (tx) => {
      const t = tracked(tx as unknown as DatabaseHandle['db'], 3);
      return { rows: await queryAll(tx, t.queries), most: t.most() };
    });
    expect(got).toEqual({ rows: [0, 1, 2], most: 1 });
  });

  it('stops at the first failure inside a transaction and sends nothing after it', async () => {
    let sentAfter = false;
    await expect(
      database.db.transaction(async (tx) =>
        queryAll(tx, [
          () => tx.execute(sql`select 1/0`),
          async () => {
            sentAfter = true;
            return tx.execute(sql`select 1`);
          },
        ]),
      ),
    ).rejects.toThrow();
    expect(sentAfter).toBe(false);
  });
});
