import type { Client } from 'pg';

interface Subscriber {
  onPayload: (payload: string) => void;
  onResync: (() => void) | undefined;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 30_000;

/**
 * LISTEN on PostgreSQL through one dedicated connection. It stays outside the pool because a
 * pooled connection is handed to other queries between uses and would drop its LISTENs. When
 * the connection is lost (server restart, network), it reconnects with backoff, listens again,
 * and tells subscribers to resync what they may have missed meanwhile.
 */
export function createPgListener(url: string) {
  const channels = new Map<string, Set<Subscriber>>();
  let client: Client | null = null;
  let connecting: Promise<Client> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;

  async function connect(): Promise<Client> {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'panelist-listener' });
    c.on('notification', (msg) => {
      for (const sub of channels.get(msg.channel) ?? []) sub.onPayload(msg.payload ?? '');
    });
    // 'error' is followed by 'end'; both only matter for the connection currently in use.
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    await c.connect();
    for (const channel of channels.keys()) await c.query(`listen ${c.escapeIdentifier(channel)}`);
    return c;
  }

  function ensureConnected(): Promise<Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect().then(
      (c) => {
        connecting = null;
        if (closed) {
          void c.end().catch(() => {});
          throw new Error('listener closed');
        }
        client = c;
        return c;
      },
      (err: unknown) => {
        connecting = null;
        throw err;
      },
    );
    return connecting;
  }

  function lost(c: Client) {
    if (client !== c) return;
    client = null;
    void c.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || retryTimer || channels.size === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      ensureConnected().then(
        () => {
          retryMs = FIRST_RETRY_MS;
          for (const subs of channels.values()) for (const sub of subs) sub.onResync?.();
        },
        () => {
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          scheduleReconnect();
        },
      );
    }, retryMs);
    retryTimer.unref();
  }

  return {
    async listen(channel: string, onPayload: (payload: string) => void, onResync?: () => void): Promise<() => Promise<void>> {
      if (closed) throw new Error('the database is closed');
      const sub: Subscriber = { onPayload, onResync };
      let subs = channels.get(channel);
      const isNew = !subs;
      if (!subs) channels.set(channel, (subs = new Set()));
      subs.add(sub);
      try {
        const c = await ensureConnected();
        // LISTEN twice is harmless, so a channel added while connect() ran is safe either way.
        if (isNew) await c.query(`listen ${c.escapeIdentifier(channel)}`);
      } catch (err) {
        subs.delete(sub);
        if (subs.size === 0) channels.delete(channel);
        throw err;
      }
      return async () => {
        const current = channels.get(channel);
        if (!current?.delete(sub) || current.size > 0) return;
        channels.delete(channel);
        const c = client;
        if (!c) return;
        if (channels.size === 0) {
          client = null;
          await c.end().catch(() => {});
        } else {
          await c.query(`unlisten ${c.escapeIdentifier(channel)}`).catch(() => {});
        }
      };
    },

    async close(): Promise<void> {
      closed = true;
      channels.clear();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
      await connecting?.catch(() => {});
    },
  };
}
