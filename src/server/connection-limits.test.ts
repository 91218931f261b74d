import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({
    HTTP_HEADERS_TIMEOUT_MS: '600',
    HTTP_REQUEST_TIMEOUT_MS: '1200',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '400',
    MAX_CONNECTIONS_PER_IP: '5',
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await t?.close();
});

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with what the server sent and how long the socket stayed open, or 'open' at the deadline. */
function watch(socket: Socket, deadlineMs: number): Promise<{ closedAfterMs: number; received: string } | 'open'> {
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => {});
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), deadlineMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
  });
}

describe('connection limits over a real socket', () => {
  it('answers 408 and closes a client that trickles its headers one line at a time', async () => {
    const socket = await open();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: still-coming\r\n'), 100);
    const outcome = await watch(socket, 4000);
    clearInterval(drip);
    socket.destroy();
    expect(outcome).not.toBe('open');
    if (outcome === 'open') return;
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408/);
    expect(outcome.closedAfterMs).toBeLessThan(3000);
  });

  it('closes a socket that connects and sends nothing', async () => {
    const socket = await open();
    const outcome = await watch(socket, 4000);
    socket.destroy();
    expect(outcome).not.toBe('open');
  });

  it('closes an idle keep-alive socket after its request was answered', async () => {
    const socket = await open();
    const outcome = watch(socket, 4000);
    socket.write('GET /api/v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const result = await outcome;
    socket.destroy();
    expect(result).not.toBe('open');
    if (result === 'open') return;
    expect(result.received).toMatch(/^HTTP\/1\.1 404/);
  });

  it('refuses connections from one address beyond the cap and accepts again once one closes', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, open));
    try {
      const extra = await open();
      const refused = await watch(extra, 1000);
      extra.destroy();
      expect(refused).not.toBe('open');
      if (refused !== 'open') expect(refused.received).toBe('');
      held[0]!.destroy();
      await new Promise((r) => setTimeout(r, 50));
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
