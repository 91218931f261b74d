import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import type { DatabaseHandle } from '../../db/client.js';
import { jobQueueStats } from '../jobs/job-stats.js';

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The Prometheus metrics of one app instance, in a registry of its own (tests build several
 * apps in one process). Gauges that describe shared state (the job queue, the database pool,
 * open sockets) are read when scraped, so they cost nothing between scrapes.
 */
export function createMetrics(deps: { database: DatabaseHandle; socketCount: () => number }) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'panelist' });
  collectDefaultMetrics({ register: registry, prefix: 'panelist_' });

  const requestDuration = new Histogram({
    name: 'panelist_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'panelist_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const gradingDuration = new Histogram({
    name: 'panelist_grading_duration_seconds',
    help: 'Time to grade one answer, by engine and outcome',
    labelNames: ['engine', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({
    name: 'panelist_websocket_connections',
    help: 'Open WebSocket connections on this instance',
    registers: [registry],
    collect() {
      this.set(deps.socketCount());
    },
  });
  new Gauge({
    name: 'panelist_job_queue_depth',
    help: 'Background jobs not yet completed or failed (all instances)',
    registers: [registry],
    async collect() {
      this.set((await jobQueueStats(deps.database.db)).pending);
    },
  });
  new Gauge({
    name: 'panelist_jobs_failed',
    help: 'Background jobs that failed for good, kept in the jobs table (all instances)',
    registers: [registry],
    async collect() {
      this.set((await jobQueueStats(deps.database.db)).failed);
    },
  });
  new Gauge({
    name: 'panelist_db_pool_connections',
    help: 'PostgreSQL pool connections by state (absent on the embedded database)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = deps.database.poolStats?.();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
      this.set({ state: 'max' }, stats.max);
    },
  });

  return {
    registry,
    observeRequest(labels: { method: string; route: string; status_code: number }, seconds: number) {
      requestDuration.observe(labels, seconds);
      requests.inc(labels);
    },
    /** The same evaluator, timed: every graded answer lands in panelist_grading_duration_seconds. */
    timeEvaluator(evaluator: AnswerEvaluator): AnswerEvaluator {
      return {
        get name() {
          return evaluator.name;
        },
        get version() {
          return evaluator.version;
        },
        async evaluate(input) {
          const end = gradingDuration.startTimer({ engine: evaluator.name });
          try {
            const result = await evaluator.evaluate(input);
            end({ outcome: 'graded' });
            return result;
          } catch (error) {
            end({ outcome: 'failed' });
            throw error;
          }
        },
      };
    },
  };
}
