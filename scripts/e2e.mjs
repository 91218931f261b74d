#!/usr/bin/env node
// npm run test:e2e [-- playwright args]
// Builds the web app when its sources changed, starts a throw-away Panelist server (fresh DATA_DIR,
// free port) with a loopback OpenID Connect provider for single sign-on (sso.spec.ts), waits for
// /readyz, runs the Playwright specs in e2e/, stops both.
// Set E2E_BASE_URL to test an already running server instead; CHROMIUM_PATH to use another browser.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function log(msg) {
  console.log(`[e2e] ${msg}`);
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIfNeeded() {
  const index = path.join(root, 'dist/web/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const inputs = ['src/web', 'src/contract', 'content/skills', 'vite.config.ts', 'package-lock.json'].map((p) =>
    newestMtime(path.join(root, p)),
  );
  if (built > Math.max(...inputs) && !process.env.E2E_FORCE_BUILD) {
    log('web app is up to date (dist/web)');
    return;
  }
  log('building the web app…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs / 1000}s`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function runPlaywright(baseUrl, serverLog) {
  return new Promise((resolve) => {
    const cli = path.join(root, 'node_modules/@playwright/test/cli.js');
    const child = spawn(process.execPath, [cli, 'test', ...extraArgs], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        // The first-admin setup link is only printed in the server log; setup.spec.ts reads it there.
        ...(serverLog ? { E2E_SERVER_LOG: serverLog } : {}),
        // Specs share small facts about this server here (e.g. the platform admin setup.spec.ts made).
        ...(serverLog ? { E2E_STATE_DIR: path.dirname(serverLog) } : {}),
        // sso.spec.ts signs in at the loopback provider started beside this server.
        ...(serverLog ? { E2E_OIDC: 'loopback' } : {}),
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      },
    });
    const forward = (sig) => child.kill(sig);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  if (!existsSync(chromium)) {
    console.error(`[e2e] Chromium not found at ${chromium}. Install it with: apt-get update && apt-get install -y chromium`);
    return 1;
  }

  if (process.env.E2E_BASE_URL) {
    log(`testing the running server at ${process.env.E2E_BASE_URL}`);
    return runPlaywright(process.env.E2E_BASE_URL);
  }

  buildIfNeeded();
  const port = await freePort();
  // Playwright empties test-results/ when it starts, so the live log sits beside the data and is
  // copied to test-results/e2e-server.log at the end.
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'panelist-e2e-'));
  const dataDir = path.join(runDir, 'data');
  mkdirSync(dataDir);
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(runDir, 'server.log');
  const keptLog = path.join(root, 'test-results', 'e2e-server.log');
  const out = createWriteStream(logFile);

  // The loopback provider starts beside the server (its address is chosen here, so neither waits
  // for the other). Its client id and secret are the fixed ones of loopback-oidc-provider.ts.
  const opPort = await freePort();
  const provider = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/e2e-oidc-provider.ts'), `${baseUrl}/api/v1/auth/oidc/loopback/callback`, String(opPort)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  provider.stdout.pipe(out, { end: false });
  provider.stderr.pipe(out, { end: false });
  const oidcProviders = JSON.stringify([
    {
      id: 'loopback',
      name: 'Loopback ID',
      issuer: `http://127.0.0.1:${opPort}`,
      clientId: 'panelist-test',
      clientSecret: 'loopback-client-secret-0123456789',
    },
  ]);

  log(`starting the server on ${baseUrl} (DATA_DIR=${dataDir})`);
  const server = spawn(process.execPath, [path.join(root, 'bin/panelist.mjs'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Plain http on loopback: secure-only cookies would never be sent back.
      SECURE_COOKIES: 'false',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      DATABASE_URL: '',
      OIDC_PROVIDERS: oidcProviders,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(out, { end: false });
  server.stderr.pipe(out, { end: false });

  let code = 1;
  const cleanup = async () => {
    await Promise.all([stop(server), stop(provider)]);
    await new Promise((r) => out.end(r));
    mkdirSync(path.dirname(keptLog), { recursive: true });
    if (existsSync(logFile)) copyFileSync(logFile, keptLog);
    rmSync(runDir, { recursive: true, force: true });
  };
  const onSignal = async () => {
    await cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const started = Date.now();
    await waitForReady(baseUrl, server, 120_000);
    log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    code = await runPlaywright(baseUrl, logFile);
  } catch (err) {
    console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
    code = 1;
  } finally {
    await cleanup();
  }
  if (code !== 0) {
    const tail = existsSync(keptLog) ? readFileSync(keptLog, 'utf8').trim().split('\n').slice(-40).join('\n') : '';
    if (tail) console.error(`[e2e] last server log lines:\n${tail}`);
  }
  log(`server log: test-results/e2e-server.log`);
  log(code === 0 ? 'all browser tests passed' : `browser tests failed (exit ${code})`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
