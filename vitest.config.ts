import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'scripts/**/*.test.ts'];

/**
 * Test files whose result depends on the database: they open one (createTestApp, openDatabase)
 * or read DATABASE_URL. CI runs them on PGlite and again on PostgreSQL; every other test runs
 * once, since a second run on another database would prove nothing. Found by reading the files,
 * so a new API test joins the `database` project without being listed.
 */
const DATABASE_MARKERS = /\bcreateTestApp\b|\bopenDatabase\(|process\.env\.DATABASE_URL/;
// Node 20 has no fs.globSync; the include globs above are these two folders' *.test.ts files.
const testFiles = ['src', 'scripts'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts') && !name.includes('node_modules'))
    .map((name) => path.join(dir, name)),
);
const databaseTests = testFiles.filter((file) => DATABASE_MARKERS.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    environment: 'node',
    // Each API test file starts its own embedded PostgreSQL; two at a time fits two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'database', include: databaseTests } },
      { extends: true, test: { name: 'independent', include, exclude: [...databaseTests, '**/node_modules/**'] } },
    ],
  },
});
