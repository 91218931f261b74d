/**
 * The "limit" the HTTP benchmarks compare Panelist against: a bare Fastify server that answers
 * each request with one primary-key SELECT, on the same database engine and pool size Panelist
 * uses. It runs in its own process, like the real server, so the ratio Panelist / limit is the
 * figure that means something on a shared, noisy machine.
 *   DATABASE_URL=postgres://… PORT=… tsx bench/limit-server.ts    (PostgreSQL, pool of 10)
 *   DATA_DIR=/tmp/x PORT=… tsx bench/limit-server.ts              (PGlite in-process)
 * Prints "ready" on stdout when it listens.
 */
import Fastify from 'fastify';

const rows = 100;
const port = Number(process.env.PORT ?? 0);
const url = process.env.DATABASE_URL;

type Query = (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
let query: Query;
if (url) {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  query = (text, params) => pool.query(text, params);
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(process.env.DATA_DIR ? `${process.env.DATA_DIR}/limit-pglite` : undefined);
  await db.waitReady;
  query = (text, params) => db.query(text, params);
}
await query(
  'create table if not exists limit_items (id uuid primary key, title text not null, body text not null, created_at timestamptz not null default now())',
  [],
);
await query('truncate limit_items', []);
const ids: string[] = [];
for (let i = 0; i < rows; i++) {
  const id = crypto.randomUUID();
  ids.push(id);
  await query('insert into limit_items (id, title, body) values ($1, $2, $3)', [id, `Item ${i}`, 'x'.repeat(400)]);
}

const app = Fastify({ logger: false });
let n = 0;
app.get('/item', async () => {
  const id = ids[n++ % rows];
  const result = await query('select id, title, body, created_at from limit_items where id = $1', [id]);
  return result.rows[0];
});
await app.listen({ port, host: '127.0.0.1' });
console.log('ready');
