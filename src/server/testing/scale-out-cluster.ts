import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

/**
 * Two real `panelist serve` processes on one PostgreSQL database behind a real nginx (the
 * shipped deploy/nginx/panelist.conf with its upstreams pointed at them), a shared storage
 * folder and an SMTP server that can hold a message mid-delivery. Used by the scale-out test
 * and its benchmark.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function findNginx(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' });
  const found = r.stdout.trim().split('\n')[0];
  return r.status === 0 && found ? found : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh database on the server DATABASE_URL points at, dropped by drop(). */
export async function scratchDatabase(serverUrl: string) {
  const name = `panelist_scale_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    url: url.toString(),
    query: async <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) =>
      (await pool.query<T>(text, values)).rows,
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface HeldMail {
  from: string;
  to: string[];
}

/** An SMTP server that records what it accepts; hold() keeps the next message unanswered (the sender waits mid-job). */
export async function startHoldingSmtp() {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let holdNext: ((m: HeldMail) => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (holdNext) {
          const tell = holdNext;
          holdNext = null;
          tell({ from, to }); // never answered: the sending job hangs until its process dies
          return;
        }
        received.push({ from, to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    hold: () => new Promise<HeldMail>((resolve) => (holdNext = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Instance {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  output: () => string;
  /** The address its mails are sent from (MAIL_FROM), so a mail tells which instance sent it. */
  mailFrom: string;
}

function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const mailFrom = `${name}@panelist.test`;
  const child = spawn(process.execPath, [path.join(root, 'bin/panelist.mjs'), 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', MAIL_FROM: `Panelist ${name} <${mailFrom}>` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, port, url: `http://127.0.0.1:${port}`, process: child, output: () => output, mailFrom };
}

async function waitReady(url: string, alive: () => boolean, what: string, timeoutMs: number, details: () => string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`${what} exited before it was ready:\n${details()}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${details()}`);
    await sleep(100);
  }
}

/**
 * The nginx config: deploy/nginx/panelist.conf as shipped (round robin over both instances,
 * WebSocket upgrade), plus one server per instance pinned to it, so a test can choose which
 * instance a request reaches while still going through nginx.
 */
function nginxConfig(dir: string, ports: { balanced: number; pinned: number[] }, instances: Instance[]): string {
  const shipped = readFileSync(path.join(root, 'deploy/nginx/panelist.conf'), 'utf8');
  const upstreamLines = instances.map((i) => `    server 127.0.0.1:${i.port} max_fails=1 fail_timeout=5s;`).join('\n');
  const withUpstreams = shipped.replace(
    /(upstream panelist \{[^}]*?)(\n\s*server app1[^\n]*\n\s*server app2[^\n]*)/,
    `$1\n${upstreamLines}`,
  );
  if (withUpstreams === shipped)
    throw new Error('deploy/nginx/panelist.conf no longer has the app1/app2 upstream lines this test rewrites');
  const balanced = withUpstreams.replace(/listen 8080;/, `listen 127.0.0.1:${ports.balanced};`);
  const serverBlock = balanced.slice(balanced.indexOf('\nserver {'));
  const pinned = instances
    .map((instance, n) => {
      const upstream = `panelist_${instance.name}`;
      const block = serverBlock
        .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${ports.pinned[n]};`)
        .replaceAll('proxy_pass http://panelist;', `proxy_pass http://${upstream};`);
      return `upstream ${upstream} {\n    server 127.0.0.1:${instance.port};\n    keepalive 8;\n}\n${block}`;
    })
    .join('\n');
  return [
    'worker_processes 1;',
    'daemon off;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 4096; }',
    'http {',
    '    access_log off;',
    `    client_body_temp_path ${dir}/client_body;`,
    `    proxy_temp_path ${dir}/proxy;`,
    balanced,
    pinned,
    '}',
  ].join('\n');
}

export interface Cluster {
  /** Round robin over both instances, through nginx. */
  balanced: string;
  /** Through nginx, always to instance A / B. */
  viaA: string;
  viaB: string;
  a: Instance;
  b: Instance;
  database: Awaited<ReturnType<typeof scratchDatabase>>;
  smtp: Awaited<ReturnType<typeof startHoldingSmtp>>;
  storageDir: string;
  close(): Promise<void>;
}

export async function startCluster(opts: { serverUrl: string; nginx: string; env?: Record<string, string> }): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'panelist-scale-'));
  const storageDir = path.join(dir, 'shared-files');
  mkdirSync(storageDir);
  const database = await scratchDatabase(opts.serverUrl);
  const smtp = await startHoldingSmtp();
  const secret = randomBytes(32).toString('hex');
  const common = {
    NODE_ENV: 'production',
    SECURE_COOKIES: 'false',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    STORAGE_DIR: storageDir,
    SECRET_KEY: secret,
    SMTP_URL: smtp.url,
    JOBS_POLL_MS: '200',
    // A job whose instance died is retried 6 s later instead of a minute (renewed every 2 s while
    // it runs, so only an event loop stalled for 6 s would let another instance take it early).
    JOBS_LEASE_MS: '6000',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    MAX_CONNECTIONS_PER_IP: '100000',
    ...opts.env,
  };
  const instances: Instance[] = [];
  let nginx: ChildProcess | null = null;
  const close = async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx!.once('exit', r));
    }
    await Promise.all(
      instances.map(async (i) => {
        if (i.process.exitCode !== null || i.process.signalCode !== null) return;
        i.process.kill('SIGTERM');
        await Promise.race([new Promise((r) => i.process.once('exit', r)), sleep(10_000)]);
        if (i.process.exitCode === null && i.process.signalCode === null) i.process.kill('SIGKILL');
      }),
    );
    await smtp.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const name of ['a', 'b']) {
      const dataDir = path.join(dir, `data-${name}`);
      mkdirSync(dataDir);
      instances.push(startInstance(name, await freePort(), { ...common, DATA_DIR: dataDir }));
    }
    await Promise.all(
      instances.map((i) => waitReady(`${i.url}/readyz`, () => i.process.exitCode === null, `instance ${i.name}`, 120_000, i.output)),
    );
    const ports = { balanced: await freePort(), pinned: [await freePort(), await freePort()] };
    writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, ports, instances));
    let nginxOutput = '';
    nginx = spawn(opts.nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nginx.stderr!.on('data', (d: Buffer) => (nginxOutput += d.toString()));
    const nginxProcess = nginx;
    await waitReady(
      `http://127.0.0.1:${ports.balanced}/healthz`,
      () => nginxProcess.exitCode === null,
      'nginx',
      10_000,
      () => {
        let log = '';
        try {
          log = readFileSync(path.join(dir, 'error.log'), 'utf8');
        } catch {
          // not written yet
        }
        return nginxOutput + log;
      },
    );
    return {
      balanced: `http://127.0.0.1:${ports.balanced}`,
      viaA: `http://127.0.0.1:${ports.pinned[0]}`,
      viaB: `http://127.0.0.1:${ports.pinned[1]}`,
      a: instances[0]!,
      b: instances[1]!,
      database,
      smtp,
      storageDir,
      close,
    };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

/**
 * The body of a coach's POST /api/v1/interviews scheduling a one-question technical interview
 * for `candidateId` two days ahead: the request the scale-out test and benchmark repeat, which
 * notifies the candidate (live and by mail).
 */
export function assignedInterviewBody(orgId: string, candidateId: string) {
  const hour = 3_600_000;
  return {
    kind: 'assigned',
    candidateId,
    orgId,
    type: 'technical',
    role: 'Backend engineer',
    level: 'mid',
    questionCount: 1,
    windowStart: new Date(Date.now() + 48 * hour).toISOString(),
    windowEnd: new Date(Date.now() + 50 * hour).toISOString(),
    durationMinutes: 30,
  };
}

/** Makes `candidateId` a candidate of the organization, assigned to `coachId` (the invitation flow has its own tests). */
export async function assignCandidate(cluster: Pick<Cluster, 'database'>, orgId: string, coachId: string, candidateId: string) {
  await cluster.database.query(`insert into memberships (id, org_id, user_id, role, created_at) values ($1, $2, $3, 'candidate', now())`, [
    randomUUID(),
    orgId,
    candidateId,
  ]);
  await cluster.database.query(
    `insert into coach_assignments (id, org_id, coach_id, candidate_id, created_by, created_at) values ($1, $2, $3, $4, $3, now())`,
    [randomUUID(), orgId, coachId, candidateId],
  );
}

/** A JSON call that returns status and body instead of throwing. */
export async function api(
  base: string,
  method: string,
  url: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}
