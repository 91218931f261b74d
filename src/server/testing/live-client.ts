import { expect } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../contract/notifications.js';

/** A WebSocket client that queues what the server sends, so a test can await the next message. */
export class LiveClient {
  readonly messages: ServerMessage[] = [];
  private wake: (() => void) | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      this.wake?.();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  async next(timeoutMs = 3000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length === 0) {
      if (Date.now() > deadline) throw new Error('no message arrived');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 25);
      });
    }
    return this.messages.shift()!;
  }

  send(value: unknown) {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** A ping answered proves every message the server meant to send before it has arrived. */
  async nothingPending(): Promise<void> {
    this.send({ type: 'ping' });
    expect(await this.next()).toEqual({ type: 'pong' });
  }

  close() {
    this.ws.close();
  }
}

/** Opens /api/v1/ws with the given headers; rejects with the HTTP status when the upgrade is refused. */
export function connectLive(url: string, headers: Record<string, string>, options: WebSocket.ClientOptions = {}): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...options });
    const client = new LiveClient(ws);
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, contentType: res.headers['content-type'] }));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}
