import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';

// The embedded database only (PGlite in memory): what it costs to start.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded database at start', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase({});
    await database.migrate();
  });
  afterAll(() => database.close());

  it('zero-fills a 32MB buffer pool, not PostgreSQL’s 128MB default', async () => {
    const result = (await database.db.execute(sql`show shared_buffers`)) as unknown as { rows: { shared_buffers: string }[] };
    expect(result.rows[0]!.shared_buffers).toBe('32MB');
  });

  it('a second migrate() on a migrated database leaves it migrated', async () => {
    await database.migrate();
    expect(await database.pendingMigrations()).toBe(0);
  });
});
