/**
 * Where a request's time goes while it is not on the server's CPU: samples, during a scenario,
 * what the server's PostgreSQL connections are doing (pg_stat_activity of the scratch database:
 * running a statement, waiting for a row lock, idle inside a transaction while Node works, idle)
 * and, from the server's /metrics, how many queries wait for a pool connection and the event
 * loop's delay. Printed as the mean number of connections in each state over the samples.
 */
type Query = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

export interface ActivitySummary {
  samples: number;
  /** Mean connections per state over the samples, e.g. "active", "active: Lock/transactionid", "idle in transaction". */
  connections: Record<string, number>;
  /** Queries waiting for a pool connection (mean and max over the /metrics samples). */
  poolWaitingMean: number;
  poolWaitingMax: number;
  /** The event loop's delay p99 (max over the samples, each covering the time since the previous one). */
  eventLoopDelayP99MaxMs: number;
}

export function sampleActivity(query: Query, metricsUrl: string, everyMs = 100) {
  const counts = new Map<string, number>();
  let samples = 0;
  let metricSamples = 0;
  let waitingSum = 0;
  let waitingMax = 0;
  let lagMax = 0;
  let stopped = false;

  const activity = (async () => {
    while (!stopped) {
      const rows = await query<{ state: string | null; wait: string | null; n: number }>(
        `select state, wait_event_type || '/' || wait_event as wait, count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' group by 1, 2`,
      ).catch(() => []);
      samples += 1;
      for (const r of rows) {
        // A client-read wait on an idle connection is just idleness; say only the waits that cost.
        const key = r.state === 'active' && r.wait ? `active: ${r.wait}` : (r.state ?? 'unknown');
        counts.set(key, (counts.get(key) ?? 0) + r.n);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();

  const metrics = (async () => {
    while (!stopped) {
      const text = await fetch(metricsUrl).then(
        (r) => r.text(),
        () => '',
      );
      const waiting = Number(/panelist_db_pool_connections\{[^}]*state="waiting"[^}]*\} (\d+)/.exec(text)?.[1] ?? NaN);
      const lag = Number(/panelist_nodejs_eventloop_lag_p99_seconds\{[^}]*\} ([\d.e-]+)/.exec(text)?.[1] ?? NaN);
      if (!Number.isNaN(waiting)) {
        metricSamples += 1;
        waitingSum += waiting;
        waitingMax = Math.max(waitingMax, waiting);
      }
      if (!Number.isNaN(lag)) lagMax = Math.max(lagMax, lag * 1000);
      await new Promise((r) => setTimeout(r, everyMs * 5));
    }
  })();

  return {
    async stop(): Promise<ActivitySummary> {
      stopped = true;
      await Promise.all([activity, metrics]);
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        samples,
        connections: Object.fromEntries(
          [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / Math.max(1, samples))]),
        ),
        poolWaitingMean: round(waitingSum / Math.max(1, metricSamples)),
        poolWaitingMax: waitingMax,
        eventLoopDelayP99MaxMs: Math.round(lagMax),
      };
    },
  };
}

export function formatActivity(a: ActivitySummary): string {
  const states = Object.entries(a.connections)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `database connections (mean of ${a.samples} samples): ${states || 'none'}; pool waiting mean ${a.poolWaitingMean} max ${a.poolWaitingMax}; event loop delay p99 up to ${a.eventLoopDelayP99MaxMs} ms`;
}
