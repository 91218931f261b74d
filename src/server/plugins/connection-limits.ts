import type { Server, Socket } from 'node:net';
import type { Config } from '../config.js';

/**
 * Bounds what one client can hold: headers must arrive within headersTimeoutMs and a whole
 * request within requestTimeoutMs (408 after), an idle keep-alive socket closes after
 * keepAliveTimeoutMs, and one peer address may hold at most maxConnectionsPerIp sockets; the
 * next is closed at once. Without these, a few thousand slow or idle sockets exhaust the
 * process's file descriptors and take the server down.
 */
export function applyConnectionLimits(server: Server & Partial<HttpTimeouts>, limits: Config['http']): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Node checks the two timeouts above on this interval (30 s by default), which would let a
  // slow client overstay a short timeout by that much. Read when the server starts listening.
  server.connectionsCheckingInterval = Math.min(1000, Math.max(50, Math.floor(limits.headersTimeoutMs / 2)));

  const perPeer = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? 'unknown';
    const held = perPeer.get(peer) ?? 0;
    if (held >= limits.maxConnectionsPerIp) {
      socket.destroy();
      return;
    }
    perPeer.set(peer, held + 1);
    socket.once('close', () => {
      const left = (perPeer.get(peer) ?? 1) - 1;
      if (left <= 0) perPeer.delete(peer);
      else perPeer.set(peer, left);
    });
  });
}

interface HttpTimeouts {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
}
