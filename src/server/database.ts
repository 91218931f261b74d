import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import type { Config } from './config.js';
import { acquireDataDirLock } from './data-dir-lock.js';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR/pglite,
 * opened only while this process holds DATA_DIR's lock (released when the database closes).
 */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl, poolSize: config.dbPoolSize });
  const dir = path.join(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const release = acquireDataDirLock(config.dataDir);
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ pgliteDir: dir });
  } catch (err) {
    release();
    throw err;
  }
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        release();
      }
    },
  };
}
