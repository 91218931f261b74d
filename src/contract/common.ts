import { z } from 'zod';

/** UUIDv7 (or any UUID) as carried in paths and bodies. */
export const id = z.uuid();

export const idParams = z.object({ id });
export type IdParams = z.infer<typeof idParams>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** Every list endpoint answers with this envelope. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    pages: z.number().int(),
  });
}
export type Paginated<T> = { items: T[]; total: number; page: number; limit: number; pages: number };

/** RFC 9457 problem details, the body of every error response. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Machine-readable facts about the error, e.g. `opensAt` for an interview window not open yet. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Problem = z.infer<typeof problem>;

export const isoDateTime = z.string().describe('ISO 8601 UTC timestamp');

/** A NUL character or half of a surrogate pair: text no one types, and PostgreSQL cannot store. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'contains a NUL character or an unpaired surrogate';

/**
 * The path (e.g. `answer.text`, `items.2`) of the first string, or object key, in a parsed
 * request part that holds unsafe text; null when all text is safe. The server runs it on every
 * body, query and path before any route's schema, so no field can forget it.
 */
export function findUnsafeText(value: unknown, at: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? at.join('.') : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...at, String(i)], depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (UNSAFE_TEXT.test(key)) return [...at, key.replace(UNSAFE_TEXT, '\uFFFD')].join('.');
    const found = findUnsafeText(inner, [...at, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
