import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: for session cookies, refresh tokens and one-time links. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored as SHA-256: a leaked table row cannot be replayed as a cookie. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** CSRF token bound to the session, so it needs no storage and dies with the session. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
