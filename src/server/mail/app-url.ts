import type { Config } from '../config.js';

/**
 * An absolute link into the web app for mails and calendar invites: PUBLIC_URL when set (kept
 * with any path prefix it has), otherwise http://localhost:PORT.
 */
export function appUrl(config: Pick<Config, 'publicUrl' | 'port'>, path: string): string {
  const base = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
