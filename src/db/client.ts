import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createPgListener } from './pg-listener.js';
import * as schema from './schema.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a service receives inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Number of migrations in the repo that this database has not applied yet. */
  pendingMigrations(): Promise<number>;
  ping(): Promise<void>;
  /** Connections of the PostgreSQL pool (for metrics); absent for PGlite, which has none. */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  /**
   * Calls onPayload for every NOTIFY on the channel (delivered on commit of the sending
   * transaction). On PostgreSQL this uses one dedicated connection, outside the pool, that
   * reconnects by itself; onResync (if given) is called after a reconnect, since notifications
   * sent while it was down are lost. Resolves to a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResync?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** Folder for PGlite's files; without it PGlite lives in memory (tests). */
  pgliteDir?: string | undefined;
  poolSize?: number;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Journal {
  entries: { when: number }[];
}
let journal: Journal | undefined;
/** drizzle's list of the repo's migrations, read once (readiness asks for it on every probe). */
function migrationJournal(): Journal {
  journal ??= JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal;
}

function migrationCount(): number {
  return migrationJournal().entries.length;
}

/**
 * True when the newest migration of the repo is already applied, by the rule drizzle's migrator
 * itself uses (a migration runs when it is newer than the newest one recorded): the usual start,
 * which then skips reading, hashing and re-checking every migration file (≈ 0.15 s of CPU on PGlite).
 */
async function migrationsUpToDate(db: Database): Promise<boolean> {
  const newest = Math.max(...migrationJournal().entries.map((e) => e.when));
  try {
    const result = await db.execute(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`);
    const rows = (result as unknown as { rows: { newest: string | null }[] }).rows;
    return rows[0]?.newest != null && Number(rows[0].newest) >= newest;
  } catch {
    return false; // the table does not exist before the first migration
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.pgliteDir);
}

async function appliedMigrations(db: Database): Promise<number> {
  try {
    const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = (result as unknown as { rows: { n: number }[] }).rows;
    return rows[0]?.n ?? 0;
  } catch {
    return 0; // the table does not exist before the first migration
  }
}

/**
 * PostgreSQL settings PGlite starts with, besides its own defaults. shared_buffers: PGlite's
 * memory allocator zero-fills the whole buffer pool when it starts, so the default 128MB cost
 * ≈ 0.3 s of CPU (over 1 s of wall time on a crowded machine) before the first query and ≈ 110 MiB
 * of resident memory from the first second. The data files are read through the operating
 * system's page cache, so a page outside the pool costs a read call, not a disk access:
 * measured on a 62 MB table read at random, 32MB costs ≈ 50 % more CPU per query than 128MB once
 * the table is larger than the pool; a Panelist database of one organisation fits in it.
 */
export const PGLITE_SETTINGS = ['shared_buffers=32MB'];

async function openPglite(dir: string | undefined): Promise<DatabaseHandle> {
  // Loaded on demand: a PostgreSQL deployment never pays for the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const options = { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])] };
  const client = dir ? new PGlite(dir, options) : new PGlite(options);
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      if (await migrationsUpToDate(db)) return;
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    },
    pendingMigrations: async () => migrationCount() - (await appliedMigrations(db)),
    ping: async () => {
      await client.query('select 1');
    },
    // PGlite is one in-process connection: NOTIFY from a committed transaction reaches its own
    // listeners (checked in src/db/listen.test.ts), a rolled-back one does not.
    listen: async (channel, onPayload) => {
      const stop = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that errors (e.g. the server restarted) must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Database;
  const listener = createPgListener(url);
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      if (await migrationsUpToDate(db)) return;
      // Several instances may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query(`select pg_advisory_lock(hashtext('panelist:migrate'))`);
        await migrate(drizzle(client, { schema }), { migrationsFolder });
      } finally {
        await client.query(`select pg_advisory_unlock(hashtext('panelist:migrate'))`).catch(() => {});
        client.release();
      }
    },
    pendingMigrations: async () => migrationCount() - (await appliedMigrations(db)),
    ping: async () => {
      await pool.query('select 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    listen: (channel, onPayload, onResync) => listener.listen(channel, onPayload, onResync),
    close: async () => {
      await listener.close();
      // Closing twice (a failed readiness test, then shutdown) must be harmless.
      if (!pool.ended) await pool.end();
    },
  };
}
