import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** The person who signs in at the provider next, and whether they agree. */
export interface ProviderAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface LoopbackOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in next (login is answered for them, consent given), or a refusal. */
  next: { account: ProviderAccount } | { deny: true };
  /**
   * Follows the browser's way from the provider's authorization URL through login and consent
   * (cookies kept) to the redirect back to the client; returns that callback URL.
   */
  authorize(url: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, for tests. Its login
 * and consent pages are answered by the test: `next` says who signs in.
 */
export async function startLoopbackOidcProvider(options: { redirectUri: string }): Promise<LoopbackOidcProvider> {
  const clientId = 'panelist-test';
  const clientSecret = 'loopback-client-secret-0123456789';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const accounts = new Map<string, ProviderAccount>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'loopback' }] },
    cookies: { keys: ['loopback-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ ...account }) } : undefined;
    },
  });
  const state: { next: LoopbackOidcProvider['next'] } = { next: { deny: true } };
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const next = state.next;
      if ('deny' in next) {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person declined.' });
      }
      if (details.prompt.name === 'login') {
        accounts.set(next.account.sub, next.account);
        return provider.interactionFinished(req, res, { login: { accountId: next.account.sub } });
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
      grant.addOIDCScope('openid email profile');
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    get next() {
      return state.next;
    },
    set next(value) {
      state.next = value;
    },
    async authorize(url: string): Promise<URL> {
      const jar = new Map<string, string>();
      let at = new URL(url);
      for (let hop = 0; hop < 10; hop++) {
        if (!at.href.startsWith(issuer)) return at;
        const res = await fetch(at, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const line of res.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const eq = pair!.indexOf('=');
          jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`the provider stopped at ${at.href}: ${res.status} ${await res.text()}`);
        at = new URL(location, at);
      }
      throw new Error('too many redirects at the provider');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
