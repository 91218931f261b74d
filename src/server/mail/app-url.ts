import type { Config } from '../config.js';
import { ownRequestOrigin, requestOrigin } from '../request-origin.js';

/**
 * An absolute link into the web app for mails and calendar invites: PUBLIC_URL when set (kept
 * with any path prefix it has), otherwise the origin the request came to when that is this machine
 * (127.0.0.1, its LAN address or name), otherwise http://localhost:PORT. Links mailed on request of
 * someone not signed in (password reset, email verification) use this: a request's Host header is
 * the sender's to choose, and such a link carries a secret, so it never points at another host.
 */
export function appUrl(config: Pick<Config, 'publicUrl' | 'port'>, path: string): string {
  return join(config.publicUrl ?? ownRequestOrigin() ?? `http://localhost:${config.port}`, path);
}

/**
 * A link a signed-in user's action sends to someone (invitations, interview notices): PUBLIC_URL
 * when set, otherwise the origin the request came to, so a server reached as 127.0.0.1 or by a LAN
 * name links to that same address and its session cookie; outside a request (background jobs),
 * http://localhost:PORT.
 */
export function linkUrl(config: Pick<Config, 'publicUrl' | 'port'>, path: string): string {
  return join(config.publicUrl ?? requestOrigin() ?? `http://localhost:${config.port}`, path);
}

function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
