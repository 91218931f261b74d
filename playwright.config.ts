import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (no browser downloads). Run them with `npm run test:e2e`,
 * which builds the web app, starts a throw-away server and sets E2E_BASE_URL.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  // Two cores are shared with other work: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  // One retry in CI: a long flow on a shared 2-core machine can lose a race with its own timers;
  // a retried pass is reported as flaky in the JSON output, so it stays visible.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  // The one-time setup link makes the platform admin, so setup.spec.ts runs first, every time
  // (even when the command line picks other specs); it records the admin for specs that need one.
  projects: [
    { name: 'first-run', testMatch: 'setup.spec.ts' },
    { name: 'app', testIgnore: 'setup.spec.ts', dependencies: ['first-run'] },
  ],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000',
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
