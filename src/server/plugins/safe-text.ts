import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../contract/common.js';
import { AppError } from '../../core/errors.js';

/**
 * Refuses a NUL character or an unpaired surrogate anywhere in the body, query or path with a
 * 400 naming the field, before validation and before any work (grading, storing) starts.
 * PostgreSQL cannot store either, so without this they surfaced as 500s after the work was done.
 * Registered once for the whole app: a new route cannot forget it.
 */
export const safeTextPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, querystring: request.query, body: request.body } as const;
    for (const [where, value] of Object.entries(parts)) {
      const field = findUnsafeText(value);
      if (field === null) continue;
      const path = field ? `${where}.${field}` : where;
      throw new AppError('validation_failed', `The request ${where} is invalid: ${path} ${UNSAFE_TEXT_MESSAGE}.`, {
        errors: [{ path, message: UNSAFE_TEXT_MESSAGE }],
      });
    }
  });
});
