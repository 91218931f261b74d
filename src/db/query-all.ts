import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/**
 * Runs independent queries side by side on the pool, and one after the other inside a
 * transaction. A transaction holds a single connection: node-postgres queues a query sent while
 * another runs on it, warns that pg@9 will refuse it, and gains nothing from the overlap.
 * Each query is a thunk so that nothing is sent before its turn.
 */
export async function queryAll<T extends unknown[]>(on: DbOrTx, queries: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const thunks = queries as ReadonlyArray<() => PromiseLike<unknown>>;
  if (!(on instanceof PgTransaction)) return (await Promise.all(thunks.map((q) => q()))) as T;
  const results: unknown[] = [];
  for (const q of thunks) results.push(await q());
  return results as T;
}
