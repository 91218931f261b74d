// What an fsync per commit would cost the embedded database. PGlite 0.5 runs PostgreSQL on
// Emscripten's NODEFS, whose stream operations have no fsync: PostgreSQL's fsync calls are
// no-ops, so a commit reaches the OS page cache (survives a killed process) but not the disk
// (lost on a power cut). This measures single-row insert commits as they are, and with the
// current WAL segment fsynced after each commit, which is what PostgreSQL does with fsync=on.
import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const COMMITS = Number(process.env.COMMITS ?? 300);
const dir = mkdtempSync(path.join(process.env.BENCH_DIR ?? tmpdir(), 'panelist-durability-'));
const db = new PGlite(dir);
await db.waitReady;
await db.exec('create table t (id serial primary key, body text not null)');

function fsyncNewestWal(): void {
  const wal = path.join(dir, 'pg_wal');
  const newest = readdirSync(wal)
    .filter((name) => /^[0-9A-F]{24}$/.test(name))
    .map((name) => ({ name, mtime: statSync(path.join(wal, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)[0];
  if (!newest) return;
  const fd = openSync(path.join(wal, newest.name), 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

async function run(label: string, afterCommit: () => void): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < COMMITS; i++) {
    await db.query('insert into t (body) values ($1)', [`answer ${i} `.repeat(20)]);
    afterCommit();
  }
  const ms = (performance.now() - started) / COMMITS;
  console.log(`${label.padEnd(34)} ${ms.toFixed(3)} ms per commit, ${Math.round(1000 / ms)} commits/s (${COMMITS} commits)`);
}

await run('PGlite as shipped (no fsync)', () => {});
await run('PGlite + fsync of WAL per commit', fsyncNewestWal);
await db.close();
rmSync(dir, { recursive: true, force: true });
