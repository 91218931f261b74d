import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/**
 * The origin (scheme://host[:port]) the current request came to, for links made while serving it.
 * With TRUST_PROXY the proxy's X-Forwarded-Proto and X-Forwarded-Host decide, as Fastify reads them.
 */
const origins = new AsyncLocalStorage<string>();

export function requestOrigin(): string | undefined {
  return origins.getStore();
}

/** Every request runs with its origin known to requestOrigin() (background jobs have none). */
export function trackRequestOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    origins.enterWith(`${request.protocol}://${request.host}`);
    done();
  });
}
