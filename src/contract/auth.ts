import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const PASSWORD_MIN_LENGTH = 10;

const email = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase());
const password = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(256);

export const registerBody = z.object({
  email,
  password,
  name: z.string().trim().min(1).max(100),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.object({ email, password: z.string().min(1).max(256) });
export type LoginBody = z.infer<typeof loginBody>;

export const platformRole = z.enum(['user', 'superadmin']);
export type PlatformRole = z.infer<typeof platformRole>;

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  platformRole,
  createdAt: isoDateTime,
});
export type User = z.infer<typeof user>;

/** What the browser gets after login/register and from /auth/me. */
export const sessionInfo = z.object({
  user,
  /** Send back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const tokenBody = loginBody;
export type TokenBody = z.infer<typeof tokenBody>;

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(512) });
export type RefreshBody = z.infer<typeof refreshBody>;

export const tokenResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('bearer'),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
});
export type TokenResponse = z.infer<typeof tokenResponse>;

export const setupBody = registerBody.extend({ token: z.string().min(1).max(200) });
export type SetupBody = z.infer<typeof setupBody>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'panelist_session';
