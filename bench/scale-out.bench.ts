/**
 * Scale-out latency: two `panelist serve` processes on one PostgreSQL database behind nginx (as
 * in scripts/scale-out.test.ts). A coach schedules interviews through instance A; the candidate's
 * WebSocket is connected through nginx to instance B. Prints how long each notification took to
 * arrive on B, from the moment the request was sent and from the moment its response arrived.
 * Needs DATABASE_URL (a scratch database is created and dropped) and nginx.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:scale-out [-- --count 50]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connectLive } from '../src/server/testing/live-client.js';
import { api, assignCandidate, assignedInterviewBody, findNginx, startCluster } from '../src/server/testing/scale-out-cluster.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '50' }, json: { type: 'boolean', default: false } } });
const count = Number(values.count);
const serverUrl = process.env.DATABASE_URL;
const nginx = findNginx();
if (!serverUrl || !nginx) {
  console.error(!serverUrl ? 'Set DATABASE_URL to a PostgreSQL server.' : 'Install nginx (apt-get install nginx-light).');
  process.exit(2);
}

const c = await startCluster({ serverUrl, nginx });
try {
  const password = 'scale-out-granite-harbour-9';
  const signUp = async (name: string) => {
    const email = `${name}-${randomUUID().slice(0, 8)}@example.com`;
    await api(c.balanced, 'POST', '/api/v1/auth/register', { body: { email, password, name } });
    const token = (await api(c.balanced, 'POST', '/api/v1/auth/token', { body: { email, password } })).json.accessToken as string;
    const id = (await api(c.balanced, 'GET', '/api/v1/auth/me', { token })).json.user.id as string;
    return { token, id };
  };
  const coach = await signUp('coach');
  const candidate = await signUp('candidate');
  const orgId = (await api(c.viaA, 'POST', '/api/v1/orgs', { token: coach.token, body: { name: 'Bench Hiring' } })).json.id as string;
  await assignCandidate(c, orgId, coach.id, candidate.id);
  const live = await connectLive(`${c.viaB.replace('http', 'ws')}/api/v1/ws`, { authorization: `Bearer ${candidate.token}` });
  await live.next(); // hello
  const fromRequest: number[] = [];
  const fromResponse: number[] = [];
  for (let i = 0; i < count; i++) {
    const sentAt = performance.now();
    let arrivedAt = 0;
    const arrived = new Promise<void>((resolve) =>
      live.ws.on('message', function onMessage(data) {
        if ((JSON.parse(data.toString()) as { type: string }).type !== 'notification') return;
        arrivedAt = performance.now();
        live.ws.off('message', onMessage);
        resolve();
      }),
    );
    const made = await api(c.viaA, 'POST', '/api/v1/interviews', { token: coach.token, body: assignedInterviewBody(orgId, candidate.id) });
    const respondedAt = performance.now();
    if (made.status !== 201) throw new Error(`scheduling failed: ${made.status} ${JSON.stringify(made.json)}`);
    await Promise.race([
      arrived,
      new Promise((_, reject) => setTimeout(() => reject(new Error('a notification did not arrive in 10 s')), 10_000)),
    ]);
    fromRequest.push(arrivedAt - sentAt);
    fromResponse.push(Math.max(0, arrivedAt - respondedAt));
  }
  live.close();
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
  };
  const figures = {
    notifications: count,
    afterRequestSent: { p50Ms: pct(fromRequest, 50), p99Ms: pct(fromRequest, 99) },
    afterResponse: { p50Ms: pct(fromResponse, 50), p99Ms: pct(fromResponse, 99) },
  };
  if (values.json) console.log(JSON.stringify(figures, null, 2));
  else {
    console.log(`${count} notifications made through instance A, received on a socket held by instance B (both through nginx):`);
    console.log(`  after the request was sent  p50 ${figures.afterRequestSent.p50Ms} ms   p99 ${figures.afterRequestSent.p99Ms} ms`);
    console.log(`  after its response arrived  p50 ${figures.afterResponse.p50Ms} ms   p99 ${figures.afterResponse.p99Ms} ms`);
  }
} finally {
  await c.close();
}
