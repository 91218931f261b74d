import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const PASSWORD_MIN_LENGTH = 10;

export const emailAddress = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const newPassword = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(256);

export const registerBody = z.object({
  email: emailAddress,
  password: newPassword,
  name: z.string().trim().min(1).max(100),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const emailCode = z.string().regex(/^\d{6}$/, 'must be the 6 digits from the email');

export const loginBody = z.object({
  email: emailAddress,
  password: z.string().min(1).max(256),
  /** The code mailed to the owner when the account is slowed down after failed attempts. */
  emailCode: emailCode.optional(),
  /** With two-factor on: the 6 digits the authenticator app shows… */
  totpCode: emailCode.optional(),
  /** …or one of the recovery codes (each works once). */
  recoveryCode: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9]{5}-?[a-zA-Z0-9]{5}$/, 'must be one of your recovery codes, like abcde-fghjk')
    .optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

export const platformRole = z.enum(['user', 'superadmin']);
export type PlatformRole = z.infer<typeof platformRole>;

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  platformRole,
  /** Until the address is confirmed, invitations and sharing wait. */
  emailVerified: z.boolean(),
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

/** `GET /auth/session`: the same as /auth/me, but 200 with `user: null` when nobody is signed in (no 401 for a page to log). */
export const sessionState = z.object({ user: user.nullable(), csrfToken: z.string().nullable() });
export type SessionState = z.infer<typeof sessionState>;

/** The answer to registration, the same whether the email was new or already registered. */
export const registerAccepted = z.object({ message: z.string() });
export type RegisterAccepted = z.infer<typeof registerAccepted>;

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

/** `GET /setup/link?token=`: whether a setup link still works, so the page can say so before the form. */
export const setupLinkQuery = z.object({ token: z.string().min(1).max(200) });
export const setupLinkState = z.object({
  /** ready: it works; used: it made an admin already (or an admin exists); expired; unknown: not a setup link. */
  state: z.enum(['ready', 'used', 'expired', 'unknown']),
});
export type SetupLinkState = z.infer<typeof setupLinkState>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'panelist_session';

/** A single sign-on provider the sign-in page offers ("Continue with <name>"). */
export const oidcProvider = z.object({ id: z.string(), name: z.string() });
export type OidcProvider = z.infer<typeof oidcProvider>;
export const oidcProviderList = z.object({ items: z.array(oidcProvider) });
export type OidcProviderList = z.infer<typeof oidcProviderList>;
export const oidcParams = z.object({ provider: z.string().regex(/^[a-z0-9-]{1,40}$/) });
export const oidcStartQuery = z.object({ returnTo: z.string().max(500).optional() });
/** The callback's query: the provider's code and state, or its error. */
export const oidcCallbackQuery = z
  .object({
    code: z.string().max(4000).optional(),
    state: z.string().max(200).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(1000).optional(),
  })
  .loose();
/** A provider account linked to mine (account › Security). */
export const linkedIdentity = z.object({
  id: z.string(),
  provider: z.string(),
  /** The provider's name, or its id when it is no longer configured. */
  providerName: z.string(),
  /** Whether the provider is still configured here (an identity of a removed one cannot sign in). */
  usable: z.boolean(),
  email: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type LinkedIdentity = z.infer<typeof linkedIdentity>;
export const linkedIdentityList = z.object({
  items: z.array(linkedIdentity),
  /** False for an account made by single sign-on that never set a password. */
  hasPassword: z.boolean(),
  /** Configured providers, to link another. */
  providers: z.array(oidcProvider),
});
export type LinkedIdentityList = z.infer<typeof linkedIdentityList>;
/** Where the browser goes to link a provider (the state cookie is set with this answer). */
export const oidcLinkStarted = z.object({ url: z.string() });

/** What the sign-in page says after a single sign-on that failed (`/login?sso_error=…`). */
export const SSO_ERROR_MESSAGES: Record<string, string> = {
  unknown_provider: 'That sign-in provider is not configured here.',
  provider_unavailable: 'The sign-in provider could not be reached. Try again in a moment, or sign in with your password.',
  provider_error: 'The sign-in provider did not sign you in (it may have been cancelled).',
  state_mismatch: 'That sign-in link expired or was already used. Start again from this page.',
  token_rejected: 'The sign-in provider’s answer could not be checked. Start again from this page.',
  email_missing: 'The sign-in provider did not share your email address, which Panelist needs.',
  email_not_verified:
    'An account with this email exists, and the provider has not verified the address, so we cannot link them. Sign in with your password.',
  two_factor_account: 'This account uses two-factor sign-in, so single sign-on cannot open it. Sign in with your password and code.',
  deactivated: 'This account is deactivated.',
  identity_taken: 'That provider account is already linked to another Panelist account. Unlink it there first.',
  link_mismatch: 'The link was started by another account or you were signed out meanwhile. Sign in and start again.',
};
