import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/panelist.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-cli-'));
// The CLI is tried on the embedded database only: it is the same code path either way.
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };

async function panelist(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each case starts a whole Node process (PGlite, content, engine): on a busy 2-core machine that
// takes far longer than a unit test, so these get minutes, not the default 30 s.
describe('the panelist command', { timeout: 180_000 }, () => {
  it('prints usage', async () => {
    const r = await panelist(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/create-admin --email E --password P/);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const r = await panelist(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it('stops on bad configuration with a message naming the variable', async () => {
    const r = await panelist(['migrate'], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('migrates, then creates a platform admin and promotes on a second run', async () => {
    expect((await panelist(['migrate'])).stdout).toMatch(/Migrations applied \(pglite\)/);
    const weak = await panelist(['create-admin', '--email', 'boss@example.com', '--password', 'password1234']);
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/common password/);
    const first = await panelist(['create-admin', '--email', 'boss@example.com', '--password', 'granite-meadow-compass-7']);
    expect(first.stdout, first.stderr).toMatch(/Created platform admin boss@example.com/);
    const again = await panelist(['create-admin', '--email', 'boss@example.com', '--password', 'granite-meadow-compass-8']);
    expect(again.stdout).toMatch(/Promoted platform admin boss@example.com/);
  });
});

describe('panelist serve', { timeout: 180_000 }, () => {
  async function startServe() {
    const { spawn } = await import('node:child_process');
    // Grading waits inline here (the pending path, 202 then a background grade, has its own tests):
    // this test is about an answer in flight when Ctrl-C arrives.
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ANSWER_WAIT_MS: '600000' },
    });
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on('exit', () => reject(new Error(`server exited:\n${output}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, address, exited, log: () => output };
  }

  it('finishes an in-flight answer on Ctrl-C, closes cleanly, and keeps the data across a restart', async () => {
    const first = await startServe();
    const body = { email: 'keeper@example.com', password: 'granite-meadow-compass-9', name: 'Keeper' };
    const json = { 'content-type': 'application/json' };
    const reg = await fetch(`${first.address}/api/v1/auth/token`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    expect(reg.status).toBe(401); // not registered yet
    expect(
      (await fetch(`${first.address}/api/v1/auth/register`, { method: 'POST', headers: json, body: JSON.stringify(body) })).status,
    ).toBe(202);
    const { accessToken } = await (
      await fetch(`${first.address}/api/v1/auth/token`, { method: 'POST', headers: json, body: JSON.stringify(body) })
    ).json();
    const auth = { ...json, authorization: `Bearer ${accessToken}` };
    const iv = await (
      await fetch(`${first.address}/api/v1/interviews`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ kind: 'practice', type: 'behavioral', role: 'Engineer', level: 'mid', questionCount: 1 }),
      })
    ).json();
    const inFlight = fetch(`${first.address}/api/v1/interviews/${iv.id}/answers`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        questionId: iv.questions[0].id,
        text: 'When our release slipped, I split the work, told the client early and we shipped a week later with fewer bugs. '.repeat(8),
      }),
    });
    await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGINT');
    expect((await inFlight).status).toBe(201);
    expect(await first.exited, first.log()).toBe(0);
    expect(first.log()).toMatch(/closed cleanly/);

    const second = await startServe();
    try {
      const login = await fetch(`${second.address}/api/v1/auth/token`, { method: 'POST', headers: json, body: JSON.stringify(body) });
      expect(login.status).toBe(200);
      const token = (await login.json()).accessToken;
      const list = await (await fetch(`${second.address}/api/v1/interviews`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(list.items[0]).toMatchObject({ id: iv.id, answeredCount: 1 });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
