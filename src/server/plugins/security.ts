import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { budgetOf, rateKeyOf, tooManyRequests } from './rate-limits.js';

/**
 * Security headers on every response, CORS closed unless CORS_ORIGINS names origins, and the
 * global rate limit on the API: a budget per user (or IP when signed out) and route class
 * (see rate-limits.ts). Sign-in routes set a stricter per-route limit with config.rateLimit.
 */
export const securityPlugin = fp(async (app: FastifyInstance, opts: { config: Config }) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts and the UI kit set style attributes; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    // Sent below, only on answers that went out over HTTPS (browsers ignore it over http anyway).
    strictTransportSecurity: false,
  });
  const forceSecure = opts.config.secureCookies;
  app.addHook('onSend', async (request, reply) => {
    if (forceSecure ?? request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  if (opts.config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: opts.config.corsOrigins,
      credentials: true,
      // The plugin's default allows only GET, HEAD and POST: edits and deletes from a listed origin failed.
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    });
  }
  const limits = opts.config.rateLimits;
  await app.register(rateLimit, {
    global: true,
    // The route's own onRequest hook, so it runs after the auth plugin has found the user.
    hook: 'onRequest',
    timeWindow: limits.windowMs,
    max: (_request, key) => budgetOf(limits, key),
    keyGenerator: rateKeyOf,
    // Pages, scripts, health and metrics are not limited here (the connection cap covers them).
    allowList: (request) => !request.url.startsWith('/api/'),
    cache: 50_000,
    errorResponseBuilder: (request, context) => tooManyRequests(request, context),
  });
  // API answers are personal (or say whether someone is signed in): no shared or browser cache keeps them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
});
