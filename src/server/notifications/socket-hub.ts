import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { clientMessage, type ClientMessage, type ServerMessage } from '../../contract/notifications.js';
import type { IntegrityEventsBody, IntegrityReceipt } from '../../contract/proctoring.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../auth/actor.js';
import type { NotificationsService } from './notifications.service.js';
import type { BusEvent } from './notify.js';

export const MAX_SOCKETS_PER_USER = 10;
/** Policy violation: sent to the oldest socket when a user opens one too many. */
const CLOSE_TOO_MANY = 1008;
const CLOSE_UNSUPPORTED = 1003;
const CLOSE_GOING_AWAY = 1001;
/** Application code (4000–4999): the session or token behind the socket was signed out. */
export const CLOSE_SIGNED_OUT = 4401;

/** What authenticated the socket, so signing that out closes it. */
export interface SocketCredential {
  sessionId: string | null;
  familyId: string | null;
}

interface Tracked {
  userId: string;
  credential: SocketCredential;
  alive: boolean;
  /** Events that arrive while the hello is being prepared wait, so hello is always first. */
  pending: ServerMessage[] | null;
  /** Who opened the socket, for messages that act (integrity events); absent for listen-only sockets. */
  actor: Actor | null;
  /** A socket's acting messages run one after another, so a chain's batches cannot overtake each other. */
  acting: Promise<void>;
}

/** What the socket can do besides listening: the same service calls the HTTP routes make. */
export interface SocketActions {
  appendIntegrityEvents(actor: Actor, interviewId: string, body: IntegrityEventsBody): Promise<IntegrityReceipt>;
}

/**
 * The live sockets of this instance, by user. It pushes bus events to the sockets of the
 * users they concern, answers pings, and drops sockets that stop answering its own pings
 * (a laptop that went to sleep leaves a socket that never closes by itself).
 */
export function createSocketHub(deps: {
  notifications: NotificationsService;
  log: FastifyBaseLogger;
  heartbeatMs: number;
  actions?: SocketActions;
}) {
  const { notifications, log } = deps;
  const byUser = new Map<string, Set<WebSocket>>();
  const tracked = new Map<WebSocket, Tracked>();
  let heartbeat: NodeJS.Timeout | null = null;
  let closing = false;

  function send(socket: WebSocket, message: ServerMessage) {
    const pending = tracked.get(socket)?.pending;
    if (pending) pending.push(message);
    else if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  function sendToUser(userId: string, message: ServerMessage) {
    for (const socket of byUser.get(userId) ?? []) send(socket, message);
  }

  function forget(socket: WebSocket) {
    const entry = tracked.get(socket);
    if (!entry) return;
    tracked.delete(socket);
    const sockets = byUser.get(entry.userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) byUser.delete(entry.userId);
  }

  function beat() {
    for (const [socket, entry] of tracked) {
      if (!entry.alive) {
        forget(socket);
        socket.terminate();
        continue;
      }
      entry.alive = false;
      socket.ping();
    }
  }

  function onMessage(socket: WebSocket, entry: Tracked, data: RawData, isBinary: boolean) {
    entry.alive = true;
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    const message = clientMessage.safeParse(parsed);
    if (!message.success) {
      socket.close(CLOSE_UNSUPPORTED, 'unsupported message');
      return;
    }
    if (message.data.type === 'ping') send(socket, { type: 'pong' });
    else {
      const act = message.data;
      entry.acting = entry.acting.then(() => integrityEvents(socket, entry, act));
    }
  }

  /** The WebSocket way of POST …/integrity-events: same service, same checks, the answer paired by ref. */
  async function integrityEvents(socket: WebSocket, entry: Tracked, message: Extract<ClientMessage, { type: 'integrity_events' }>) {
    const { ref, interviewId, events } = message;
    try {
      if (!entry.actor || !deps.actions) throw new AppError('forbidden', 'This connection cannot send integrity events.');
      const receipt = await deps.actions.appendIntegrityEvents(entry.actor, interviewId, { events });
      send(socket, { type: 'integrity_receipt', ref, receipt });
    } catch (err) {
      if (!(err instanceof AppError)) log.error({ err }, 'integrity events over the socket failed');
      const status = err instanceof AppError ? err.status : 500;
      const title = err instanceof AppError ? err.message : 'The events could not be stored; send them again.';
      send(socket, { type: 'integrity_rejected', ref, status, title });
    }
  }

  async function deliver(event: BusEvent): Promise<void> {
    if (event.type === 'interview') {
      for (const userId of event.userIds) sendToUser(userId, { type: 'interview', interviewId: event.interviewId, status: event.status });
      return;
    }
    if (event.type === 'answer_graded') {
      const { interviewId, answerId, questionId } = event;
      for (const userId of event.userIds) sendToUser(userId, { type: 'answer_graded', interviewId, answerId, questionId });
      return;
    }
    // Only users with a socket here cost a query.
    if (!byUser.has(event.userId) || event.type === 'account_changed') return;
    if (event.type === 'signed_out') {
      for (const socket of [...(byUser.get(event.userId) ?? [])]) {
        const { sessionId, familyId } = tracked.get(socket)!.credential;
        const ended = event.all || (sessionId && event.sessionIds.includes(sessionId)) || (familyId && event.familyIds.includes(familyId));
        if (!ended) continue;
        forget(socket);
        socket.close(CLOSE_SIGNED_OUT, 'signed out');
      }
      return;
    }
    if (event.type === 'notification') {
      const found = await notifications.forDelivery(event.userId, event.notificationId);
      if (found) sendToUser(event.userId, { type: 'notification', ...found });
    } else {
      sendToUser(event.userId, { type: 'unread', unread: await notifications.unreadCount(event.userId) });
    }
  }

  return {
    async add(
      userId: string,
      socket: WebSocket,
      credential: SocketCredential = { sessionId: null, familyId: null },
      actor: Actor | null = null,
    ): Promise<void> {
      if (closing) {
        socket.close(CLOSE_GOING_AWAY, 'server shutting down');
        return;
      }
      let sockets = byUser.get(userId);
      if (!sockets) byUser.set(userId, (sockets = new Set()));
      // A Set iterates in insertion order: the first is the oldest.
      while (sockets.size >= MAX_SOCKETS_PER_USER) {
        const oldest = sockets.values().next().value!;
        forget(oldest);
        oldest.close(CLOSE_TOO_MANY, 'too many connections');
      }
      // Tracked before the unread count is read, so no event committed meanwhile is missed.
      const entry: Tracked = { userId, credential, alive: true, pending: [], actor, acting: Promise.resolve() };
      sockets.add(socket);
      tracked.set(socket, entry);
      socket.on('pong', () => (entry.alive = true));
      socket.on('message', (data, isBinary) => onMessage(socket, entry, data, isBinary));
      socket.on('close', () => forget(socket));
      heartbeat ??= setInterval(beat, deps.heartbeatMs);
      heartbeat.unref();
      const unread = await notifications.unreadCount(userId);
      const waiting = entry.pending ?? [];
      entry.pending = null;
      for (const message of [{ type: 'hello', userId, unread } as const, ...waiting]) send(socket, message);
    },

    /** Called for every event on the bus; failures are logged, never thrown at the listener. */
    deliver(event: BusEvent): void {
      deliver(event).catch((err: unknown) => log.error({ err }, 'could not deliver a realtime event'));
    },

    /** After the bus reconnects: events may have been missed, so every socket gets its count again. */
    resync(): void {
      for (const userId of byUser.keys()) {
        notifications.unreadCount(userId).then(
          (unread) => sendToUser(userId, { type: 'unread', unread }),
          (err: unknown) => log.error({ err }, 'could not resync unread counts'),
        );
      }
    },

    socketCount: () => tracked.size,

    /** Says goodbye (1001) to every socket; one that does not finish the closing handshake quickly is cut. */
    async close(): Promise<void> {
      closing = true;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      const sockets = [...tracked.keys()];
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === socket.CLOSED) return resolve();
              const cut = setTimeout(() => socket.terminate(), 1000);
              socket.once('close', () => {
                clearTimeout(cut);
                resolve();
              });
              socket.close(CLOSE_GOING_AWAY, 'server shutting down');
            }),
        ),
      );
      tracked.clear();
      byUser.clear();
    },
  };
}

export type SocketHub = ReturnType<typeof createSocketHub>;
