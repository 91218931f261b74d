import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';

/**
 * The classes of the global rate limit. Each has its own budget per user (or, signed out, per
 * IP address), so a burst of answers does not use up the budget for reading pages, and one
 * person's burst never touches another's.
 */
export type RateClass = 'sign-in' | 'grading' | 'uploads' | 'runs' | 'other';

export interface RateLimits {
  /** Length of the window the budgets below count in. */
  windowMs: number;
  grading: number;
  uploads: number;
  runs: number;
  other: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the class worked out from the route's path (see rateClassOf). */
    rateClass?: RateClass;
  }
}

/** Routes by method and path pattern (as registered, with `:params`), each listed once here. */
const CLASSES: { cls: RateClass; methods: readonly string[]; url: RegExp }[] = [
  // Answers are graded by the evaluator before the reply: the costliest thing a user can ask.
  { cls: 'grading', methods: ['POST'], url: /^\/api\/v1\/interviews\/:id\/answers$/ },
  { cls: 'grading', methods: ['POST'], url: /^\/api\/v1\/interviews\/:id\/questions\/:questionId\/counting-attempt$/ },
  { cls: 'grading', methods: ['POST'], url: /^\/api\/v1\/coding\/problems\/:slug\/attempts$/ },
  { cls: 'runs', methods: ['POST'], url: /^\/api\/v1\/coding\/problems\/:slug\/run$/ },
  { cls: 'runs', methods: ['POST'], url: /^\/api\/v1\/interviews\/:id\/questions\/:questionId\/run$/ },
  { cls: 'uploads', methods: ['POST', 'PATCH'], url: /^\/api\/v1\/uploads(\/:id)?$/ },
  { cls: 'uploads', methods: ['POST'], url: /^\/api\/v1\/resumes$/ },
  { cls: 'uploads', methods: ['PUT', 'POST'], url: /^\/api\/v1\/me\/avatar$/ },
];

export function rateClassOf(request: FastifyRequest): RateClass {
  const config = request.routeOptions.config;
  if (config.rateClass) return config.rateClass;
  // Sign-in routes carry their own per-route limit (AUTH_RATE_LIMIT_PER_MINUTE).
  if (config.rateLimit) return 'sign-in';
  const url = request.routeOptions.url ?? '';
  const method = request.method;
  return CLASSES.find((c) => c.methods.includes(method) && c.url.test(url))?.cls ?? 'other';
}

/** Who spends the budget: the signed-in user, or the address of someone signed out. */
export function rateKeyOf(request: FastifyRequest): string {
  const cls = rateClassOf(request);
  const who = cls !== 'sign-in' && request.auth ? `user:${request.auth.actor.userId}` : `ip:${request.ip}`;
  return `${cls}|${who}`;
}

export function budgetOf(limits: RateLimits, key: string): number {
  const cls = key.slice(0, key.indexOf('|')) as RateClass;
  return cls === 'sign-in' ? limits.other : limits[cls];
}

const WHAT: Record<RateClass, string> = {
  'sign-in': 'sign-in attempts',
  grading: 'answers sent for grading',
  uploads: 'uploads',
  runs: 'code runs',
  other: 'requests',
};

/** A 429 problem naming the class and when to try again (Retry-After says the same). */
export function tooManyRequests(request: FastifyRequest, context: { ttl: number; max: number }): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
  const cls = rateClassOf(request);
  return new AppError(
    'too_many_requests',
    `Too many ${WHAT[cls]} (${context.max} allowed at a time). Try again in ${retryAfterSeconds} s.`,
    {
      retryAfterSeconds,
      rateClass: cls,
    },
  );
}
