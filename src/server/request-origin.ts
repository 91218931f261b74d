import { AsyncLocalStorage } from 'node:async_hooks';
import { isIP } from 'node:net';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';

/**
 * The origin (scheme://host[:port]) the current request came to, for links made while serving it.
 * With TRUST_PROXY the proxy's X-Forwarded-Proto and X-Forwarded-Host decide, as Fastify reads them.
 */
const origins = new AsyncLocalStorage<string>();

export function requestOrigin(): string | undefined {
  return origins.getStore();
}

/**
 * The request's origin when its host is this machine itself — localhost, a loopback or interface
 * address, or the machine's own name — and undefined otherwise. Links mailed on request of
 * someone not signed in use only this: a Host header is the sender's to choose, and a reset link
 * must not be pointed at another site, but a server reached as 127.0.0.1 or by its LAN address
 * should still mail links that open there.
 */
export function ownRequestOrigin(): string | undefined {
  const origin = requestOrigin();
  if (origin === undefined) return undefined;
  let hostname: string;
  try {
    hostname = new URL(origin).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return isOwnHost(hostname) ? origin : undefined;
}

export function isOwnHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare)) return bare.startsWith('127.') || bare === '::1' || interfaceAddresses().has(bare);
  const machine = os.hostname().toLowerCase();
  return bare === machine || bare.startsWith(`${machine}.`);
}

function interfaceAddresses(): Set<string> {
  const addresses = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) addresses.add(a.address.toLowerCase());
  return addresses;
}

/** Every request runs with its origin known to requestOrigin() (background jobs have none). */
export function trackRequestOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    origins.enterWith(`${request.protocol}://${request.host}`);
    done();
  });
}
