import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../core/errors.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { Config } from '../config.js';
import { listenForEvents } from './event-bus.js';
import type { BusEvent } from './notify.js';
import type { NotificationsService } from './notifications.service.js';
import type { SocketHub } from './socket-hub.js';

/** Client messages are tiny; anything bigger is not ours. */
const MAX_MESSAGE_BYTES = 16 * 1024;

/**
 * A browser sends its cookie with a WebSocket handshake from any page, so a cookie-authenticated
 * upgrade must come from our own origin (or one CORS_ORIGINS allows); otherwise another site
 * could read the user's live events. Bearer clients carry no ambient credential.
 */
export function checkSocketOrigin(request: FastifyRequest, config: Config): void {
  if (request.auth?.via !== 'cookie') return;
  const origin = request.headers.origin;
  if (!origin) return; // not a browser
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('forbidden', 'This origin may not open a live connection.');
  }
  const allowed =
    host === request.headers.host ||
    (config.publicUrl !== undefined && new URL(config.publicUrl).origin === origin) ||
    config.corsOrigins.includes(origin);
  if (!allowed) throw new AppError('forbidden', 'This origin may not open a live connection.');
}

/**
 * The live side of notifications: the WebSocket server, this instance's sockets, and the
 * database listener that feeds them. Started when the app is ready; closed before the server
 * closes (sockets get 1001, the listener stops) so the database can close after it.
 */
export const realtimePlugin = fp(
  async (
    app: FastifyInstance,
    opts: {
      database: DatabaseHandle;
      notifications: NotificationsService;
      hub: SocketHub;
      /** Others that follow the same events (the credential cache forgets signed-out users). */
      followers?: { onEvent: (event: BusEvent) => void; onResync: () => void }[];
    },
  ) => {
    const { hub } = opts;
    let stopListening: (() => Promise<void>) | null = null;
    await app.register(websocket, {
      options: { maxPayload: MAX_MESSAGE_BYTES },
      // Sockets are closed by the hub (with a going-away code and a time limit) in preClose below.
      preClose: (done) => done(),
    });
    // An upgrade refused with an HTTP answer (401, 403, 429 …) leaves a socket no parser reads
    // any more; without this it would stay open and hold the server's close() forever.
    app.addHook('onResponse', async (request) => {
      if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket?.destroy();
    });
    app.addHook('onReady', async () => {
      stopListening = await listenForEvents(opts.database, {
        onEvent: (event) => {
          for (const f of opts.followers ?? []) f.onEvent(event);
          return hub.deliver(event);
        },
        onResync: () => {
          for (const f of opts.followers ?? []) f.onResync();
          return hub.resync();
        },
        log: app.log,
      });
    });
    app.addHook('preClose', async () => {
      await hub.close();
      await stopListening?.();
      stopListening = null;
      await new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
    });
  },
  { name: 'realtime' },
);
