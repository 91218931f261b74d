/**
 * Scale-out: two Panelist processes on one PostgreSQL database behind a real nginx (the shipped
 * deploy/nginx/panelist.conf), sharing a storage folder. Runs in CI's PostgreSQL stage; skipped,
 * with a line saying why, when process.env.DATABASE_URL is unset or nginx is not installed.
 * Latency figures are in `npm run bench:scale-out`; this test asserts delivery and correctness.
 */
import { randomUUID } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveClient } from '../src/server/testing/live-client.js';
import {
  api,
  assignCandidate,
  assignedInterviewBody,
  findNginx,
  startCluster,
  type Cluster,
} from '../src/server/testing/scale-out-cluster.js';

const serverUrl = process.env.DATABASE_URL;
const nginx = findNginx();
const skipReason = !serverUrl ? 'DATABASE_URL is not set' : !nginx ? 'nginx is not installed (apt-get install nginx-light)' : null;
if (skipReason) console.warn(`scale-out test skipped: ${skipReason}`);

const PASSWORD = 'scale-out-granite-harbour-9';

async function signUp(base: string, name: string) {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  expect((await api(base, 'POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, name } })).status).toBeLessThan(300);
  const token = await api(base, 'POST', '/api/v1/auth/token', { body: { email, password: PASSWORD } });
  expect(token.status, JSON.stringify(token.json)).toBe(200);
  const me = await api(base, 'GET', '/api/v1/auth/me', { token: token.json.accessToken });
  return { email, token: token.json.accessToken as string, id: me.json.user?.id ?? me.json.id };
}

const messageId = (m: { raw: string }) => /^Message-ID:\s*(.*?)\s*$/im.exec(m.raw)?.[1] ?? '';

const waitFor = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.skipIf(skipReason !== null)('two instances behind nginx on one PostgreSQL', { timeout: 60_000 }, () => {
  let c: Cluster;
  let coach: Awaited<ReturnType<typeof signUp>>;
  let candidate: Awaited<ReturnType<typeof signUp>>;
  let orgId: string;

  const schedule = (base: string) =>
    api(base, 'POST', '/api/v1/interviews', { token: coach.token, body: assignedInterviewBody(orgId, candidate.id) });

  beforeAll(async () => {
    c = await startCluster({ serverUrl: serverUrl!, nginx: nginx! });
    coach = await signUp(c.balanced, 'Coach');
    candidate = await signUp(c.balanced, 'Candidate');
    const org = await api(c.viaA, 'POST', '/api/v1/orgs', { token: coach.token, body: { name: 'Scale Hiring' } });
    expect(org.status, JSON.stringify(org.json)).toBe(201);
    orgId = org.json.id;
    await assignCandidate(c, orgId, coach.id, candidate.id);
  }, 150_000);
  afterAll(async () => {
    await c?.close();
  });

  it('pushes a notification made through instance A to a socket connected through nginx to instance B', async () => {
    const live: LiveClient = await connectLive(`${c.viaB.replace('http', 'ws')}/api/v1/ws`, { authorization: `Bearer ${candidate.token}` });
    try {
      expect(await live.next()).toMatchObject({ type: 'hello', userId: candidate.id });
      for (let i = 0; i < 3; i++) {
        const made = await schedule(c.viaA);
        expect(made.status, JSON.stringify(made.json)).toBe(201);
        // Scheduling also tells the socket that the interview changed; the notification is what counts here.
        let message = await live.next(5000);
        while (message.type === 'interview') message = await live.next(5000);
        expect(message).toMatchObject({ type: 'notification', notification: { link: `/interviews/${made.json.id}` } });
      }
    } finally {
      live.close();
    }
  });

  it('accepts a session made on A and a token made on A on B, and a sign-out on A ends the session on B', async () => {
    const login = await fetch(`${c.viaA}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: candidate.email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    const onB = await api(c.viaB, 'GET', '/api/v1/auth/me', { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(JSON.stringify(onB.json)).toContain(candidate.email);
    expect((await api(c.viaB, 'GET', '/api/v1/interviews', { token: candidate.token })).status).toBe(200);

    expect((await api(c.viaA, 'POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBeLessThan(300);
    // B may have remembered the session (AUTH_CACHE_MS); the sign-out event makes it forget at once.
    await waitFor(
      'B to refuse the signed-out session',
      async () => (await api(c.viaB, 'GET', '/api/v1/auth/me', { headers: { cookie } })).status === 401,
      3000,
    );
  });

  it('serves a file uploaded through A from B (shared storage folder)', async () => {
    const canvas = createCanvas(64, 64);
    const g = canvas.getContext('2d');
    g.fillStyle = '#2a7';
    g.fillRect(0, 0, 64, 64);
    const png = canvas.toBuffer('image/png');
    const put = await fetch(`${c.viaA}/api/v1/me/avatar`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${candidate.token}`, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const fromA = await fetch(`${c.viaA}/api/v1/me/avatar`, { headers: { authorization: `Bearer ${candidate.token}` } });
    const fromB = await fetch(`${c.viaB}/api/v1/me/avatar`, { headers: { authorization: `Bearer ${candidate.token}` } });
    expect(fromB.status).toBe(200);
    expect(fromB.headers.get('content-type')).toBe('image/webp');
    const [a, b] = [Buffer.from(await fromA.arrayBuffer()), Buffer.from(await fromB.arrayBuffer())];
    expect(b.length).toBeGreaterThan(0);
    expect(b.equals(a)).toBe(true);
  });

  it('runs every job exactly once across both instances', async () => {
    for (let i = 0; i < 4; i++) expect((await schedule(c.balanced)).status).toBe(201);
    await waitFor('the outbox to empty', async () => {
      const [row] = await c.database.query<{ n: number }>(`select count(*)::int as n from mails where status = 'queued'`);
      return row!.n === 0;
    });
    const jobs = await c.database.query<{ attempts: number; done: boolean; failed: boolean }>(
      `select attempts, completed_at is not null as done, failed_at is not null as failed from jobs where kind = 'send-mail'`,
    );
    expect(jobs.length).toBeGreaterThanOrEqual(7); // 3 + 4 scheduling mails, plus any account mails
    expect(jobs.every((j) => j.done && !j.failed && j.attempts === 1)).toBe(true);
    // One delivery per mail: every message received is the one its mail row records as sent.
    const sent = await c.database.query<{ message_id: string }>(`select message_id from mails where status = 'sent'`);
    expect(c.smtp.received).toHaveLength(sent.length);
    expect(c.smtp.received.map(messageId).sort()).toEqual(sent.map((m) => m.message_id).sort());
    // Both instances took part.
    expect(new Set(c.smtp.received.map((m) => m.from)).size).toBe(2);
  });

  it('retries a job once on the other instance when the one running it is killed with -9 mid-job', async () => {
    const held = c.smtp.hold();
    const before = c.smtp.received.length;
    const made = await schedule(c.balanced);
    expect(made.status).toBe(201);
    const { from } = await held;
    const [victim, survivor] = from === c.a.mailFrom ? [c.a, c.b] : [c.b, c.a];
    victim.process.kill('SIGKILL');
    await new Promise((r) => victim.process.once('exit', r));

    await waitFor('the other instance to send the mail', async () => c.smtp.received.length > before);
    // A little longer: no second copy arrives.
    await new Promise((r) => setTimeout(r, 1500));
    const after = c.smtp.received.slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]!.from).toBe(survivor.mailFrom);
    const [job] = await c.database.query<{ attempts: number; done: boolean; message_id: string }>(
      `select j.attempts, j.completed_at is not null as done, m.message_id from jobs j join mails m on j.payload->>'mailId' = m.id::text where m.ics like $1`,
      [`%${made.json.id}%`],
    );
    expect(job).toEqual({ attempts: 2, done: true, message_id: messageId(after[0]!) });
    // nginx takes the dead instance out of the rotation: the balanced address keeps answering.
    for (let i = 0; i < 4; i++) expect((await api(c.balanced, 'GET', '/api/v1/interviews', { token: candidate.token })).status).toBe(200);
  });
});
