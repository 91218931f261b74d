import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { serverMessage, type ClientMessage, type ServerMessage } from '../../contract/index.js';
import { sessionQuery } from './api/auth.js';
import { interviewKeys } from './api/interviews.js';
import { notificationKeys } from './api/notifications.js';

export type LiveHandler = (message: ServerMessage) => void;
export type LiveStatus = 'connecting' | 'open' | 'closed';
/** Client messages that expect an answer carrying the same ref. */
export type LiveRequest = Extract<ClientMessage, { ref: string }>;
export type LiveReply = Extract<ServerMessage, { ref: string }>;

interface LiveEvents {
  subscribe: (handler: LiveHandler) => () => void;
  status: LiveStatus;
  /**
   * Sends a message over the open socket and resolves with the server's answer to it. Rejects
   * at once when no socket is open, and when the socket closes or the answer is late; the caller
   * then does not know whether the server acted on it.
   */
  request: (message: LiveRequest, timeoutMs?: number) => Promise<LiveReply>;
}

const LiveEventsContext = createContext<LiveEvents | null>(null);

/** A request found no open live connection: nothing was sent, so the caller can use HTTP instead. */
export class NoLiveConnection extends Error {}

/** Keeps idle proxies from closing the socket; the server answers with `pong`. */
const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

function socketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/v1/ws`;
}

/** What every page gets for free from a server message: fresh counts and refetched lists. */
function applyToCache(queryClient: QueryClient, message: ServerMessage) {
  switch (message.type) {
    case 'hello':
    case 'unread':
      queryClient.setQueryData(notificationKeys.unread(), message.unread);
      if (message.type === 'unread') void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
      break;
    case 'notification':
      queryClient.setQueryData(notificationKeys.unread(), message.unread);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
      break;
    case 'answer_graded':
      void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(message.interviewId) });
      break;
    case 'interview':
      void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(message.interviewId) });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.report(message.interviewId) });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
      break;
    case 'pong':
    case 'integrity_receipt':
    case 'integrity_rejected':
      break;
  }
}

/**
 * One WebSocket per tab for the signed-in person (mounted by the app layout). Reconnects with
 * exponential backoff and jitter; after a reconnect the server's `hello` arrives again, and
 * notification lists are refetched because events may have been missed meanwhile.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const handlers = useRef(new Set<LiveHandler>());
  const [status, setStatus] = useState<LiveStatus>('connecting');
  /** The socket once the server said hello, for requests. */
  const openSocket = useRef<WebSocket | null>(null);
  const waiting = useRef(new Map<string, { resolve: (reply: LiveReply) => void; reject: (err: Error) => void }>());

  useEffect(() => {
    let socket: WebSocket | null = null;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let greetedBefore = false;

    function connect() {
      if (stopped) return;
      clearTimeout(retry);
      setStatus('connecting');
      const ws = new WebSocket(socketUrl());
      socket = ws;
      ws.onopen = () => {
        ping = setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' } satisfies ClientMessage));
        }, PING_MS);
      };
      ws.onmessage = (event) => {
        let data: unknown;
        try {
          data = JSON.parse(String(event.data));
        } catch {
          return;
        }
        const parsed = serverMessage.safeParse(data);
        if (!parsed.success) {
          // Same wording as the HTTP client, so e2e tests catch drift here too.
          console.error('contract mismatch for websocket message:', parsed.error.issues);
          return;
        }
        const message = parsed.data;
        if ('ref' in message) {
          waiting.current.get(message.ref)?.resolve(message);
          waiting.current.delete(message.ref);
          return;
        }
        if (message.type === 'hello') {
          openSocket.current = ws;
          attempt = 0;
          setStatus('open');
          if (greetedBefore) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          greetedBefore = true;
        }
        applyToCache(queryClient, message);
        for (const handler of handlers.current) handler(message);
      };
      ws.onclose = () => {
        clearInterval(ping);
        if (socket === ws) socket = null;
        if (openSocket.current === ws) openSocket.current = null;
        for (const w of waiting.current.values()) w.reject(new Error('the live connection closed'));
        waiting.current.clear();
        if (stopped) return;
        setStatus('closed');
        // A socket that keeps failing may mean the session ended: asking the server settles it
        // (a 401 signs the app out, which unmounts this provider).
        if (attempt >= 2) void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
        attempt += 1;
        retry = setTimeout(connect, delay);
      };
    }

    /** Back online or back in the tab: try at once instead of waiting out the backoff. */
    function reconnectNow() {
      if (stopped || socket || document.visibilityState === 'hidden') return;
      attempt = 0;
      connect();
    }

    connect();
    window.addEventListener('online', reconnectNow);
    document.addEventListener('visibilitychange', reconnectNow);
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      window.removeEventListener('online', reconnectNow);
      document.removeEventListener('visibilitychange', reconnectNow);
      socket?.close(1000);
    };
  }, [queryClient]);

  const subscribe = useCallback((handler: LiveHandler) => {
    handlers.current.add(handler);
    return () => void handlers.current.delete(handler);
  }, []);
  const request = useCallback((message: LiveRequest, timeoutMs = 8000) => {
    const ws = openSocket.current;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new NoLiveConnection('no live connection'));
    return new Promise<LiveReply>((resolve, reject) => {
      const late = setTimeout(() => {
        waiting.current.delete(message.ref);
        reject(new Error('no answer on the live connection'));
      }, timeoutMs);
      waiting.current.set(message.ref, {
        resolve: (reply) => {
          clearTimeout(late);
          resolve(reply);
        },
        reject: (err) => {
          clearTimeout(late);
          reject(err);
        },
      });
      ws.send(JSON.stringify(message));
    });
  }, []);
  const value = useMemo<LiveEvents>(() => ({ status, subscribe, request }), [status, subscribe, request]);
  return <LiveEventsContext value={value}>{children}</LiveEventsContext>;
}

/**
 * Calls `handler` for every message from the server (`notification`, `unread`, `interview`,
 * `hello` …). A `hello` after the first means the connection was re-established and events may
 * have been missed: refetch what the page shows. Outside the signed-in layout it does nothing.
 *
 *   useLiveEvents((m) => { if (m.type === 'interview' && m.interviewId === id) void refetch(); });
 */
export function useLiveEvents(handler: LiveHandler): void {
  const ctx = use(LiveEventsContext);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const subscribe = ctx?.subscribe;
  useEffect(() => {
    if (!subscribe) return;
    return subscribe((m) => latest.current(m));
  }, [subscribe]);
}

/** Requests over the live connection, or null outside the signed-in layout. */
export function useLiveRequest(): LiveEvents['request'] | null {
  return use(LiveEventsContext)?.request ?? null;
}

/** Whether live updates are flowing (for a small "reconnecting…" hint). */
export function useLiveStatus(): LiveStatus | null {
  return use(LiveEventsContext)?.status ?? null;
}
