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
