import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '../../contract/common.js';
import { AppError } from '../../core/errors.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: Omit<Problem, 'type' | 'title'> & { title?: string }) {
  const body: Problem = {
    type: `https://panelist.dev/problems/${p.code.replace(/_/g, '-')}`,
    title: p.title ?? titles[p.status] ?? 'Error',
    status: p.status,
    code: p.code,
    instance: request.url.split('?')[0],
    ...(p.detail !== undefined ? { detail: p.detail } : {}),
    ...(p.errors !== undefined ? { errors: p.errors } : {}),
    ...(p.details !== undefined ? { details: p.details } : {}),
  };
  return reply.status(p.status).type('application/problem+json').send(body);
}

/** Fastify's own error codes that are the client's fault, mapped to our codes. */
const fastifyClientErrors: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', detail: 'Send the body as application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request', detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', detail: 'Content-Length does not match the body.' },
};

/**
 * Every error leaves as RFC 9457 problem details. Unknown errors are logged with their stack
 * and answered with a bare 500: no stack trace or SQL text ever reaches a client.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const errors = error.details?.errors as Problem['errors'] | undefined;
      if (error.code === 'too_many_requests' && typeof error.details?.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      const { errors: _fieldErrors, ...details } = error.details ?? {};
      const hasDetails = Object.keys(details).length > 0;
      return sendProblem(reply, request, {
        status: error.status,
        code: error.code,
        detail: error.message,
        ...(errors ? { errors } : {}),
        ...(hasDetails ? { details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is invalid',
      }));
      return sendProblem(reply, request, {
        status: 400,
        code: 'validation_failed',
        detail: `The request ${where} is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        errors,
      });
    }
    if (error.code && fastifyClientErrors[error.code]) {
      const known = fastifyClientErrors[error.code]!;
      return sendProblem(reply, request, known);
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, request, {
        status: 429,
        code: 'too_many_requests',
        detail: 'Too many requests; slow down and try again shortly.',
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      return sendProblem(reply, request, { status: error.statusCode, code: 'bad_request', detail: error.message });
    }
    // A client that hangs up mid-request (a cancelled upload) is not a server fault.
    if (request.raw.aborted || (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
      request.log.info({ reason: error.message }, 'client went away before the request was read');
      return sendProblem(reply, request, {
        status: 400,
        code: 'bad_request',
        detail: 'The request was interrupted before it was complete.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, { status: 500, code: 'internal', detail: 'Something went wrong on our side. It has been logged.' });
  });
});
