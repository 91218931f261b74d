import { z } from 'zod';
import { id, isoDateTime, pageQuery, paginated } from './common.js';
import { platformRole } from './auth.js';

export const adminUserQuery = pageQuery.extend({
  /** Part of the name or email, any case. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  role: platformRole.optional(),
});
export type AdminUserQuery = z.infer<typeof adminUserQuery>;

export const adminUser = z.object({
  id,
  email: z.string(),
  name: z.string(),
  platformRole,
  emailVerified: z.boolean(),
  twoFactor: z.boolean(),
  deactivatedAt: isoDateTime.nullable(),
  lastSignInAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type AdminUser = z.infer<typeof adminUser>;

export const adminUserList = paginated(adminUser);
export type AdminUserList = z.infer<typeof adminUserList>;

export const adminRoleBody = z.object({ platformRole });
export type AdminRoleBody = z.infer<typeof adminRoleBody>;

export const signInFailuresQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) });
export type SignInFailuresQuery = z.infer<typeof signInFailuresQuery>;

/** Failed sign-ins from the audit log: per UTC day (every day of the range, zeros included) and the busiest addresses. */
export const signInFailures = z.object({
  since: isoDateTime,
  total: z.number().int(),
  days: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), failures: z.number().int() })),
  topIps: z.array(z.object({ ip: z.string(), failures: z.number().int(), lastAt: isoDateTime })),
});
export type SignInFailures = z.infer<typeof signInFailures>;
