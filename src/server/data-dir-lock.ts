import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.js';

export const LOCK_FILE = 'panelist.lock';

/** Another live process holds DATA_DIR: the embedded database must not be opened twice. */
export class DataDirInUseError extends ConfigError {}

/**
 * Takes DATA_DIR for this process: the embedded database is one set of files with no locking
 * of its own, and two processes writing it (a `create-admin` beside a running server) lose
 * writes silently. The lock file holds the owner's pid; one left by a process that no longer
 * exists (killed, power cut) is stale and taken over. Resolves to a function that releases it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (holderOf(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = holderOf(file);
    if (holder !== null && isAlive(holder)) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by process ${holder}${holder === process.pid ? ' (this one)' : ''}, ` +
          'most likely a running `panelist serve`. Its embedded database cannot be opened by two processes: ' +
          `stop that process first (or, if it is gone, delete ${file}).`,
      );
    }
    // Stale (its process is gone) or unreadable (a crash between create and write): take it over.
    rmSync(file, { force: true });
  }
  throw new DataDirInUseError(`Could not take the lock ${file}; another process keeps taking it.`);
}

function holderOf(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user, which still counts as holding the lock.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
