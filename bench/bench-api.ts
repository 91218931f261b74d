import { randomBytes } from 'node:crypto';

/** A JSON call to a running Panelist server, with an optional bearer token; throws on a non-2xx answer. */
export type ApiCall = (method: string, url: string, body?: unknown, token?: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function apiCaller(address: string): ApiCall {
  return async (method, url, body, token) => {
    const res = await fetch(address + url, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

/** Registers a fresh candidate and returns their API access token. */
export async function signUpCandidate(call: ApiCall, prefix: string): Promise<string> {
  const email = `${prefix}-${randomBytes(3).toString('hex')}@example.com`;
  const password = 'bench-password-quiet-river';
  await call('POST', '/api/v1/auth/register', { email, password, name: 'Bench' });
  const { accessToken } = await call('POST', '/api/v1/auth/token', { email, password });
  return accessToken as string;
}
