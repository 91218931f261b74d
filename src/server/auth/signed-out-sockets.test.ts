import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_SIGNED_OUT } from '../notifications/socket-hub.js';
import { mailsTo } from '../testing/recorded.js';
import { createTestApp, registerUser, STRONG_PASSWORD, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let base: string;
const open: WebSocket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/ws`;
}, 120_000);
afterAll(async () => {
  for (const ws of open) ws.terminate();
  await t?.close();
});

/** Opens a socket and resolves once its hello arrived; `closed` settles with the close code. */
function connect(headers: Record<string, string>) {
  const ws = new WebSocket(base, { headers });
  open.push(ws);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const hello = new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
  });
  return hello.then(() => ({ ws, closed }));
}

const within = <T>(p: Promise<T>, ms = 5000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('socket still open')), ms))]);

describe('sockets of a signed-out session close at once', () => {
  it('closes the socket of a session revoked on the sessions page, and keeps the current one open', async () => {
    const email = 'sockets-revoke@example.com';
    const here = await registerUser(t.app, { email });
    const there = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
    const thereCookie = `panelist_session=${there.cookies.find((c) => c.name === 'panelist_session')!.value}`;
    const mine = await connect({ cookie: here.cookie });
    const theirs = await connect({ cookie: thereCookie });
    const res = await here.request({ method: 'DELETE', url: '/api/v1/auth/sessions' });
    expect(res.json()).toEqual({ revoked: 1 });
    expect(await within(theirs.closed)).toBe(CLOSE_SIGNED_OUT);
    expect(mine.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes the socket of a bearer token whose family is logged out', async () => {
    const email = 'sockets-bearer@example.com';
    await registerUser(t.app, { email });
    const { accessToken } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password: STRONG_PASSWORD } })
    ).json();
    const socket = await connect({ authorization: `Bearer ${accessToken}` });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${accessToken}` } });
    expect(await within(socket.closed)).toBe(CLOSE_SIGNED_OUT);
  });

  it('closes every socket of the user after a password reset', async () => {
    const email = 'sockets-reset@example.com';
    const b = await registerUser(t.app, { email });
    const socket = await connect({ cookie: b.cookie });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const code = /(\d{6})/.exec((await mailsTo(t, email, 'password_reset'))[0]!.subject)![1]!;
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { email, code, password: 'copper-kettle-orchard-88' },
    });
    expect(done.statusCode).toBe(204);
    expect(await within(socket.closed)).toBe(CLOSE_SIGNED_OUT);
  });
});
