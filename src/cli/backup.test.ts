import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../server/auth/auth.service.js';
import { systemClock } from '../server/clock.js';
import { loadConfig, type Config } from '../server/config.js';
import { openConfiguredDatabase } from '../server/database.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/panelist.mjs');
const lockModule = path.join(root, 'src/server/data-dir-lock.ts');
const work = mkdtempSync(path.join(tmpdir(), 'panelist-backup-'));
const source = path.join(work, 'source');
const fresh = path.join(work, 'fresh');
const backupFile = path.join(work, 'panelist.backup.zip');
let holder: ChildProcess | undefined;

afterAll(() => {
  holder?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const configOf = (dataDir: string): Config => loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', NODE_ENV: 'test' });

async function cli(args: string[], dataDir: string) {
  try {
    const r = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A process that takes DATA_DIR's lock as `panelist serve` does, then waits. */
function holdLock(dataDir: string): Promise<ChildProcess> {
  const script = `const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)}); acquireDataDirLock(${JSON.stringify(dataDir)}); console.log('holding'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

/** Each table's row count and a digest of all its rows, for the whole public schema. */
async function snapshot(dataDir: string): Promise<Record<string, { rows: number; digest: string }>> {
  const database = await openConfiguredDatabase(configOf(dataDir));
  try {
    const res = await database.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of (res as unknown as { rows: { name: string }[] }).rows) {
      const r = await database.db.execute(
        sql`select count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${sql.identifier(name)} t`,
      );
      out[name] = (r as unknown as { rows: { rows: number; digest: string }[] }).rows[0]!;
    }
    return out;
  } finally {
    await database.close();
  }
}

function filesOf(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, filesOf(path.join(dir, e.name), rel));
    else out[rel] = readFileSync(path.join(dir, e.name)).toString('base64');
  }
  return out;
}

describe('panelist backup and restore (embedded database)', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    const config = configOf(source);
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
      const auth = createAuthService({ db: database.db, config, clock: systemClock });
      for (const n of [1, 2, 3])
        await auth.register(
          { email: `person${n}@example.com`, password: 'violet-harbour-lantern-42', name: `Person ${n}` },
          { ip: '127.0.0.1', userAgent: 'test' },
        );
    } finally {
      await database.close();
    }
    for (const area of ['resumes', 'media', 'avatars']) {
      mkdirSync(path.join(config.storageDir, area), { recursive: true });
      writeFileSync(path.join(config.storageDir, area, randomUUID()), `bytes of ${area} ${randomUUID()}`);
    }
  });

  it('refuses to back up while the server holds DATA_DIR, then backs up once it is stopped', async () => {
    holder = await holdLock(source);
    const refused = await cli(['backup', backupFile], source);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`in use by process ${holder.pid}`);
    holder.kill('SIGKILL');
    await new Promise((r) => holder!.once('exit', r));
    holder = undefined;

    const done = await cli(['backup', backupFile], source);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Backed up database .* and 3 stored files/);
  });

  it('restores into a fresh DATA_DIR every row, every file and the secret key; refuses while locked and over an existing database', async () => {
    mkdirSync(fresh, { recursive: true });
    holder = await holdLock(fresh);
    const refused = await cli(['restore', backupFile], fresh);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`in use by process ${holder.pid}`);
    holder.kill('SIGKILL');
    await new Promise((r) => holder!.once('exit', r));
    holder = undefined;

    const restored = await cli(['restore', backupFile], fresh);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored database .* and 3 stored files/);

    const [before, after] = [await snapshot(source), await snapshot(fresh)];
    expect(Object.keys(after).length).toBeGreaterThan(30);
    expect(before.users!.rows).toBe(3);
    expect(after).toEqual(before);
    expect(filesOf(path.join(fresh, 'files'))).toEqual(filesOf(path.join(source, 'files')));
    expect(readFileSync(path.join(fresh, 'secret.key'), 'utf8')).toBe(readFileSync(path.join(source, 'secret.key'), 'utf8'));

    const again = await cli(['restore', backupFile], fresh);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already holds a database.*--force/);
    const forced = await cli(['restore', backupFile, '--force'], fresh);
    expect(forced.code, forced.stderr).toBe(0);
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(work, 'bogus.zip');
    writeFileSync(bogus, 'not a zip');
    const r = await cli(['restore', bogus], path.join(work, 'other'));
    expect(r.code).not.toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
  });
});
