import type { z } from 'zod';
import { CSRF_HEADER, problem as problemSchema } from '../../contract/index.js';
import { ApiError, csrfToken, rememberCsrfToken } from './api-client.js';

/** An upload that failed with a problem response; `details` keeps the server's extra fields. */
export class UploadError extends ApiError {
  readonly details: Record<string, unknown>;
  constructor(problem: ConstructorParameters<typeof ApiError>[0], details: Record<string, unknown> = {}) {
    super(problem);
    this.name = 'UploadError';
    this.details = details;
  }
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

interface UploadOptions<S extends z.ZodType> {
  file: File;
  /** The multipart field name the server reads. */
  field?: string;
  schema: S;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * POSTs one file as multipart/form-data. fetch cannot report upload progress, so this uses
 * XMLHttpRequest; otherwise it behaves like apiRequest: CSRF header, problem → ApiError,
 * contract check of the success body, one retry with a fresh CSRF token.
 */
export async function uploadFile<S extends z.ZodType>(path: string, options: UploadOptions<S>): Promise<z.output<S>> {
  try {
    return await sendOnce(path, options);
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'csrf_failed')) throw err;
    const me = await fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!me.ok) throw err;
    const info = (await me.json()) as { csrfToken?: string | null };
    rememberCsrfToken(info.csrfToken ?? null);
    return sendOnce(path, options);
  }
}

function sendOnce<S extends z.ZodType>(
  path: string,
  { file, field = 'file', schema, onProgress, signal }: UploadOptions<S>,
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Upload cancelled', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        /* not JSON (a proxy error page, say) */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = schema.safeParse(body);
        if (!parsed.success) console.error(`contract mismatch for ${path}:`, parsed.error.issues);
        resolve((parsed.success ? parsed.data : body) as z.output<S>);
        return;
      }
      reject(toUploadError(xhr, body));
    };
    // Same shape as fetch's network failure, so errorMessage() words it the same way.
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(field, file, file.name);
    xhr.send(form);
  });
}

function toUploadError(xhr: XMLHttpRequest, body: unknown): UploadError {
  const parsed = problemSchema.safeParse(body);
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const details = raw.details && typeof raw.details === 'object' ? (raw.details as Record<string, unknown>) : {};
  if (parsed.success) return new UploadError(parsed.data, details);
  return new UploadError({
    type: 'about:blank',
    title: xhr.statusText || 'Upload failed',
    status: xhr.status,
    code: xhr.status === 413 ? 'payload_too_large' : xhr.status === 401 ? 'unauthenticated' : 'http_error',
  });
}
