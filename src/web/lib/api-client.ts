import { CSRF_HEADER, problem as problemSchema, type Problem } from '../../contract/index.js';
import type { z } from 'zod';

const CSRF_COOKIE = 'panelist_csrf';
let csrfFromSession: string | null = null;

/** Remember the token from the latest SessionInfo (login, register, setup, /auth/me). */
export function rememberCsrfToken(token: string | null): void {
  csrfFromSession = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The cookie is authoritative (the server may rotate it); the session copy covers the first request. */
export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfFromSession;
}

/** An error response from the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  /** Field errors keyed by the field name (last segment of the path). */
  readonly fieldErrors: Record<string, string>;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
    this.fieldErrors = {};
    for (const e of problem.errors ?? []) {
      const field =
        e.path
          .split(/[./[\]]/)
          .filter(Boolean)
          .pop() ?? '';
      if (!(field in this.fieldErrors)) this.fieldErrors[field] = e.message;
    }
  }
}

/** What to show a person when a request fails in a way they cannot fix by editing a field. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
    return error.message;
  }
  if (error instanceof TypeError) return 'Could not reach Panelist. Check your connection and try again.';
  return 'Something unexpected happened. Please try again.';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  /** The contract schema of the success body; checked so contract drift shows up at once. */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : void;

export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const response = await send(path, options);
  if (response.status === 403) {
    const err = await toApiError(response);
    // A stale CSRF token (e.g. the session was renewed in another tab): refresh it once and retry.
    if (err.code === 'csrf_failed' && options.method && options.method !== 'GET') {
      const me = await fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (me.ok) {
        const info = (await me.json()) as { csrfToken?: string | null };
        rememberCsrfToken(info.csrfToken ?? null);
        return handle(await send(path, options), options.schema);
      }
    }
    // An organization requires two-factor of its staff: the account page is the only way on.
    if (err.code === 'two_factor_enrolment_required' && window.location.pathname !== '/account/security') {
      window.location.assign('/account/security');
    }
    throw err;
  }
  return handle(response, options.schema);
}

function send(path: string, { method = 'GET', body, signal }: RequestOptions<z.ZodType | undefined>) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
}

async function handle<S extends z.ZodType | undefined>(response: Response, schema: S | undefined): Promise<Result<S>> {
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || !schema) return undefined as Result<S>;
  const data: unknown = await response.json();
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // Keep working with what the server sent, but make the mismatch loud for developers and e2e tests.
    console.error(`contract mismatch for ${response.url}:`, parsed.error.issues);
    return data as Result<S>;
  }
  return parsed.data as Result<S>;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON (a proxy error page, say) */
  }
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data);
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    code: response.status === 401 ? 'unauthenticated' : 'http_error',
    detail: response.status === 429 ? 'Too many attempts. Please wait a minute and try again.' : undefined,
  });
}
