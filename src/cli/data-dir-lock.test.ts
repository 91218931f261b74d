import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE } from '../server/data-dir-lock.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/panelist.mjs');
const lockModule = path.join(root, 'src/server/data-dir-lock.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-lock-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
let holder: ChildProcess | undefined;

afterAll(() => {
  holder?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A second process that takes DATA_DIR's lock the way `panelist serve` does, then waits. */
function startHolder(): Promise<ChildProcess> {
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

async function createAdmin() {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [bin, 'create-admin', '--email', 'root@example.com', '--password', 'violet-harbour-lantern-42'],
      { env, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the lock on DATA_DIR', { timeout: 180_000 }, () => {
  it('makes create-admin exit non-zero, saying which process holds the data directory, while another process has it', async () => {
    holder = await startHolder();
    const r = await createAdmin();
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toMatch(/Created|Promoted/);
    expect(r.stderr).toContain(`in use by process ${holder.pid}`);
    expect(r.stderr).toMatch(/panelist serve/);
  });

  it('takes over a lock left by a process that was killed', async () => {
    const pid = holder!.pid!;
    holder!.kill('SIGKILL');
    await new Promise((resolve) => holder!.once('exit', resolve));
    expect(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(pid));
    const release = acquireDataDirLock(dataDir);
    expect(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('lets create-admin through once the directory is free, and releases the lock when it exits', async () => {
    const r = await createAdmin();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Created platform admin root@example.com/);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });
});
