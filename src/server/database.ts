import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import type { Config } from './config.js';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR/pglite. */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl, poolSize: config.dbPoolSize });
  const dir = path.join(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openDatabase({ pgliteDir: dir });
}
