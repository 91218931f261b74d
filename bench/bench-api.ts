import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../src/server/testing/scale-out-cluster.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A JSON call to a running Panelist server, with an optional bearer token; throws on a non-2xx answer. */
export type ApiCall = (method: string, url: string, body?: unknown, token?: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function apiCaller(address: string): ApiCall {
  return async (method, url, body, token) => {
    const res = await fetch(address + url, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

/** Registers a fresh candidate and returns their API access token. */
export async function signUpCandidate(call: ApiCall, prefix: string): Promise<string> {
  const email = `${prefix}-${randomBytes(3).toString('hex')}@example.com`;
  const password = 'bench-password-quiet-river';
  await call('POST', '/api/v1/auth/register', { email, password, name: 'Bench' });
  const { accessToken } = await call('POST', '/api/v1/auth/token', { email, password });
  return accessToken as string;
}

export interface BenchServer {
  process: ChildProcess;
  pid: number;
  port: number;
  address: string;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  /** SIGTERM, and waits for the exit (SIGKILL after 20 s). */
  stop(): Promise<void>;
}

/**
 * A real `panelist serve` in its own process with production settings, as the HTTP, load, memory
 * and start benchmarks run it: PGlite in `dataDir`, or PostgreSQL at `databaseUrl`; sign-in and
 * per-address connection limits lifted so the load generator on 127.0.0.1 is not refused.
 * `profile` writes a V8 CPU profile into that folder when the process exits.
 */
export async function startBenchServer(opts: {
  dataDir: string;
  databaseUrl?: string;
  profile?: string;
  env?: Record<string, string>;
  stdout?: 'inherit' | 'ignore';
  /** Another checkout whose bin/panelist.mjs to run (a before/after under the same machine load). */
  root?: string;
}): Promise<BenchServer> {
  await ensureServerBundle(opts.root ?? root);
  const port = await freePort();
  const profileArgs = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profile)}`] : [];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...profileArgs, path.join(opts.root ?? root, 'bin/panelist.mjs'), 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SECURE_COOKIES: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      DATABASE_URL: opts.databaseUrl ?? '',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      MAX_CONNECTIONS_PER_IP: '100000',
      ...opts.env,
    },
    stdio: ['ignore', opts.stdout ?? 'inherit', 'inherit'],
  });
  return {
    process: child,
    pid: child.pid!,
    port,
    address: `http://127.0.0.1:${port}`,
    spawnedAt,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Builds the checkout's precompiled server (dist/server/cli.mjs) when it is missing or older than
 * its sources, as `npm start` does: otherwise bin/panelist.mjs runs the TypeScript through tsx and
 * the bench measures the transpiler (a start several times slower), not the server users run.
 */
async function ensureServerBundle(checkout: string): Promise<void> {
  const script = path.join(checkout, 'scripts/build-server.mjs');
  if (!existsSync(script)) return;
  const { buildServer, serverBundleIsFresh } = (await import(pathToFileURL(script).href)) as {
    buildServer(): Promise<void>;
    serverBundleIsFresh(): boolean;
  };
  if (!serverBundleIsFresh()) await buildServer();
}

/** Polls /readyz until it answers 200; returns the milliseconds since the spawn. */
export async function waitForReady(server: BenchServer, timeoutMs = 240_000, pollMs = 20): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.process.exitCode !== null) throw new Error(`the server exited before it was ready (exit code ${server.process.exitCode})`);
    if (Date.now() > deadline) throw new Error(`the server was not ready in ${timeoutMs / 1000} s`);
    const ok = await fetch(`${server.address}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return performance.now() - server.spawnedAt;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** CPU time (user + system, all threads) and resident memory of a process, from /proc (Linux); zeros once it is gone. */
export function processUsage(pid: number): { cpuMs: number; rssMiB: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, in clock ticks (100 Hz)
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { cpuMs: ticks * 10, rssMiB: Math.round(rssKiB / 1024) };
  } catch {
    return { cpuMs: 0, rssMiB: 0 };
  }
}

/**
 * What a bench must undo however it ends (after its work, on a thrown error, on Ctrl-C or SIGTERM):
 * stop its servers, drop its scratch database, remove its folders. On a shared machine a bench that
 * fails mid-load must not leave a `panelist serve` or a database behind. Steps run once, newest
 * first; a process that exits without running them (process.exit elsewhere) still kills the
 * children it was given.
 */
export function benchTeardown() {
  const steps: (() => unknown)[] = [];
  const children = new Set<ChildProcess>();
  let running: Promise<void> | null = null;
  const run = (): Promise<void> =>
    (running ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (err) {
          console.error('teardown:', err instanceof Error ? err.message : err);
        }
      }
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping the bench's servers and dropping its scratch data`);
    void run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    /** A step to run at the end (registered after what it depends on: it runs before it). */
    add(step: () => unknown): void {
      steps.push(step);
    },
    /** A child process killed at the latest when this process exits. */
    track(child: ChildProcess): void {
      children.add(child);
    },
    run,
  };
}
