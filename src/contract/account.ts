import { z } from 'zod';
import { emailAddress, emailCode, newPassword } from './auth.js';
import { id, isoDateTime } from './common.js';

/** Asks for a reset code; answered 202 whether or not the email has an account. */
export const passwordResetBody = z.object({ email: emailAddress });
export type PasswordResetBody = z.infer<typeof passwordResetBody>;

const linkToken = z.string().min(10).max(200);

/** The 6-digit code from the mail, or the token of its link: one of the two. */
export const passwordResetConfirmBody = z
  .object({ email: emailAddress, code: emailCode.optional(), token: linkToken.optional(), password: newPassword })
  .refine((b) => Boolean(b.code) !== Boolean(b.token), { message: 'give either the code or the link token', path: ['code'] });
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBody>;

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword });
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** Confirms an address: the link's token (no sign-in needed) or the code (signed in). */
export const emailProofBody = z
  .object({ code: emailCode.optional(), token: linkToken.optional() })
  .refine((b) => Boolean(b.code) !== Boolean(b.token), { message: 'give either the code or the link token', path: ['code'] });
export type EmailProofBody = z.infer<typeof emailProofBody>;

export const changeEmailBody = z.object({ newEmail: emailAddress, password: z.string().min(1).max(256) });
export type ChangeEmailBody = z.infer<typeof changeEmailBody>;

export const accepted = z.object({ message: z.string() });
export type Accepted = z.infer<typeof accepted>;

/** A browser session or an API token family, as the sessions page lists them. */
export const accountSession = z.object({
  id,
  kind: z.enum(['browser', 'api']),
  /** Browser and system read from the user agent, e.g. "Firefox on Linux". */
  device: z.string(),
  ip: z.string().nullable(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  /** The session (or token family) making this request. */
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSession>;

export const accountSessionList = z.object({ items: z.array(accountSession) });
export type AccountSessionList = z.infer<typeof accountSessionList>;

export const revokedCount = z.object({ revoked: z.number().int() });
export type RevokedCount = z.infer<typeof revokedCount>;
