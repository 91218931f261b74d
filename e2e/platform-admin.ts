import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Account } from './fixtures.js';

/**
 * The platform admin is made once per server, through the one-time setup link (setup.spec.ts,
 * which the Playwright config runs before every other spec). It is recorded in the run's state
 * directory (E2E_STATE_DIR, set by scripts/e2e.mjs) for specs that need a platform admin, such as
 * reading invitation emails on the dev mail page.
 */
function stateFile(): string | null {
  const dir = process.env.E2E_STATE_DIR;
  return dir ? path.join(dir, 'platform-admin.json') : null;
}

export function savePlatformAdmin(account: Account): void {
  const file = stateFile();
  if (file) writeFileSync(file, JSON.stringify(account));
}

/** The platform admin of this test server, or null when testing a running server (E2E_BASE_URL). */
export function platformAdmin(): Account | null {
  const file = stateFile();
  if (!file || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Account;
}
