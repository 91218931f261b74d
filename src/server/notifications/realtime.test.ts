import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { ServerMessage } from '../../contract/notifications.js';
import { createTestApp, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';
import { notify, publishEvent } from './notify.js';
import { MAX_SOCKETS_PER_USER } from './socket-hub.js';
import { connectLive, type LiveClient } from '../testing/live-client.js';

let t: TestApp;
let base: string;
let ana: Browser;
let bob: Browser;
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await createTestApp({ WS_HEARTBEAT_MS: '150' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/ws`;
  ana = await registerUser(t.app, { name: 'Ana', email: `ana-${Date.now()}@example.com` });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await t.close();
});

const connect = (headers: Record<string, string>, options: WebSocket.ClientOptions = {}, url = base) =>
  connectLive(url, headers, options).then((c) => (clients.push(c), c));

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => ({ status: 101, contentType: '' }),
    (e: { status: number; contentType: string }) => e,
  );

async function hello(client: LiveClient) {
  const first = await client.next();
  expect(first.type).toBe('hello');
  return first as Extract<ServerMessage, { type: 'hello' }>;
}

async function notifyCommitted(userId: string, title: string) {
  return t.database.db.transaction((tx) =>
    notify(tx, { userId, kind: 'results_ready', title, body: 'Your report is ready' }, t.clock.now()),
  );
}

describe('GET /api/v1/ws: who may connect', () => {
  it('accepts the session cookie and says hello with the unread count', async () => {
    await notifyCommitted(ana.user.id, 'before connecting');
    const c = await connect({ cookie: ana.cookie });
    expect(await hello(c)).toEqual({ type: 'hello', userId: ana.user.id, unread: 1 });
    c.close();
  });

  it('accepts a bearer access token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: ana.user.email, password: STRONG_PASSWORD },
    });
    const c = await connect({ authorization: `Bearer ${res.json().accessToken}` });
    expect((await hello(c)).userId).toBe(ana.user.id);
    c.close();
  });

  it('refuses anonymous and bad-token upgrades with 401 before any socket exists', async () => {
    const anonymous = await rejection(connect({}));
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toMatch(/application\/problem\+json/);
    expect((await rejection(connect({ authorization: 'Bearer forged' }))).status).toBe(401);
    expect((await rejection(connect({ cookie: 'panelist_session=forged' }))).status).toBe(401);
  });

  it('refuses a cookie-authenticated upgrade from another site’s page (403), allows our own origin', async () => {
    expect((await rejection(connect({ cookie: ana.cookie, origin: 'https://evil.example' }))).status).toBe(403);
    const own = await connect({ cookie: ana.cookie, origin: `http://127.0.0.1:${new URL(base).port}` });
    expect((await hello(own)).userId).toBe(ana.user.id);
    own.close();
  });
});

describe('live events', () => {
  it('delivers a notification committed for the user, not one rolled back, and not to others', async () => {
    const a = await connect({ cookie: ana.cookie });
    const b = await connect({ cookie: bob.cookie });
    const { unread } = await hello(a);
    await hello(b);
    await t.database.db
      .transaction(async (tx) => {
        await notify(tx, { userId: ana.user.id, kind: 'results_ready', title: 'rolled back', body: '' }, t.clock.now());
        tx.rollback();
      })
      .catch(() => {});
    const id = await notifyCommitted(ana.user.id, 'committed');
    const message = await a.next();
    expect(message).toMatchObject({
      type: 'notification',
      unread: unread + 1,
      notification: { id, title: 'committed', kind: 'results_ready', readAt: null },
    });
    await a.nothingPending();
    await b.nothingPending();
    a.close();
    b.close();
  });

  it('tells every participant of an interview about its new status', async () => {
    const carl = await registerUser(t.app, { name: 'Carl' });
    const [a, b, c] = await Promise.all([
      connect({ cookie: ana.cookie }),
      connect({ cookie: bob.cookie }),
      connect({ cookie: carl.cookie }),
    ]);
    await Promise.all([hello(a), hello(b), hello(c)]);
    const interviewId = '01950000-0000-7000-8000-0000000000aa';
    await t.database.db.transaction((tx) =>
      publishEvent(tx, { type: 'interview', userIds: [ana.user.id, bob.user.id], interviewId, status: 'completed' }),
    );
    expect(await a.next()).toEqual({ type: 'interview', interviewId, status: 'completed' });
    expect(await b.next()).toEqual({ type: 'interview', interviewId, status: 'completed' });
    await c.nothingPending();
    for (const x of [a, b, c]) x.close();
  });

  it('updates the unread count on the user’s other sockets when they read elsewhere', async () => {
    const [tab1, tab2] = await Promise.all([connect({ cookie: ana.cookie }), connect({ cookie: ana.cookie })]);
    await Promise.all([hello(tab1), hello(tab2)]);
    // Connected first: on PostgreSQL the NOTIFY of a notification committed just before
    // connecting may reach a new socket after its hello, so the order is made certain here.
    await notifyCommitted(ana.user.id, 'to be read');
    for (const tab of [tab1, tab2]) {
      const heard = await tab.next();
      expect(heard).toMatchObject({ type: 'notification', notification: { title: 'to be read' } });
      expect((heard as { unread: number }).unread).toBeGreaterThan(0);
    }
    const res = await ana.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } });
    expect(res.json()).toEqual({ unread: 0 });
    expect(await tab1.next()).toEqual({ type: 'unread', unread: 0 });
    expect(await tab2.next()).toEqual({ type: 'unread', unread: 0 });
    tab1.close();
    tab2.close();
  });
});

describe('the socket protocol', () => {
  it('answers ping with pong', async () => {
    const c = await connect({ cookie: bob.cookie });
    await hello(c);
    c.send({ type: 'ping' });
    expect(await c.next()).toEqual({ type: 'pong' });
    c.close();
  });

  it.each([
    ['not JSON', 'hello?'],
    ['an unknown type', JSON.stringify({ type: 'subscribe', topic: 'all' })],
    ['binary', Buffer.from([1, 2, 3])],
  ])('closes with 1003 on %s', async (_what, data) => {
    const c = await connect({ cookie: bob.cookie });
    await hello(c);
    c.ws.send(data);
    expect((await c.closed).code).toBe(1003);
  });

  it(`keeps at most ${MAX_SOCKETS_PER_USER} sockets per user: the oldest is closed with 1008`, async () => {
    const many: LiveClient[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_USER; i++) many.push(await connect({ cookie: bob.cookie }));
    await Promise.all(many.map(hello));
    const extra = await connect({ cookie: bob.cookie });
    await hello(extra);
    expect((await many[0]!.closed).code).toBe(1008);
    await many[1]!.nothingPending();
    for (const c of [...many.slice(1), extra]) c.close();
  });

  it('drops a socket that stops answering the server’s pings', async () => {
    const silent = await connect({ cookie: bob.cookie }, { autoPong: false });
    await hello(silent);
    const started = Date.now();
    expect((await silent.closed).code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(5000);
    // One that answers stays connected over several heartbeats.
    const lively = await connect({ cookie: bob.cookie });
    await hello(lively);
    await new Promise((r) => setTimeout(r, 500));
    await lively.nothingPending();
    lively.close();
  });
});

describe.runIf(process.env.DATABASE_URL)('across instances on one PostgreSQL database', () => {
  it('a socket on instance A hears of changes committed through instance B', async () => {
    const peer = await t.startPeer();
    const a = await connect({ cookie: ana.cookie });
    const { unread } = await hello(a);
    const id = await peer.database.db.transaction((tx) =>
      notify(tx, { userId: ana.user.id, kind: 'interview_completed', title: 'via B', body: '' }, t.clock.now()),
    );
    expect(await a.next()).toMatchObject({ type: 'notification', unread: unread + 1, notification: { id, title: 'via B' } });
    const read = await peer.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: { ids: [id] },
      headers: { cookie: ana.cookie, 'x-csrf-token': ana.csrfToken },
    });
    expect(read.json()).toEqual({ unread });
    expect(await a.next()).toEqual({ type: 'unread', unread });
    a.close();
  });
});

describe('shutdown', () => {
  it('closes open sockets with 1001 (going away) and still closes promptly', async () => {
    const c = await connect({ cookie: ana.cookie });
    await hello(c);
    const started = Date.now();
    await t.app.close();
    expect(await c.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
