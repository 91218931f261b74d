import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../core/errors.js';
import { safeEqual } from '../auth/tokens.js';
import type { Metrics } from './metrics.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * With METRICS_TOKEN the scraper sends it as a bearer token; without it only the machine itself
 * may scrape. A request relayed by a proxy (X-Forwarded-For) is not local even when the proxy is.
 */
function allowScrape(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    return Boolean(match && safeEqual(match[1]!.trim(), token));
  }
  return LOOPBACK.has(request.ip) && LOOPBACK.has(request.socket.remoteAddress ?? '') && !request.headers['x-forwarded-for'];
}

/** Times every request (by route pattern, so ids do not explode the label set) and serves GET /metrics. */
export const metricsPlugin = fp(async (app: FastifyInstance, opts: { metrics: Metrics; token: string | undefined }) => {
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs share one label: a scan of random paths must not create a series each.
    const route = request.routeOptions.url ?? 'unmatched';
    opts.metrics.observeRequest({ method: request.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true }, config: { ownAuthorization: true }, logLevel: 'warn' }, async (request, reply) => {
    if (!allowScrape(request, opts.token)) {
      throw new AppError(
        opts.token ? 'unauthenticated' : 'forbidden',
        opts.token
          ? 'Send the metrics token as a bearer token.'
          : 'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.',
      );
    }
    reply.header('content-type', opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });
});
