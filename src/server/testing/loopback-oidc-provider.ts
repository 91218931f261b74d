import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
export async function startLoopbackOidcProvider(options: {
  redirectUri: string;
  /**
   * Serve a sign-in page where a person types their email and name (browser tests), instead of
   * signing in `next` without asking (API tests). Consent is given either way.
   */
  loginForm?: boolean;
  port?: number;
}): Promise<LoopbackOidcProvider> {
  // scripts/e2e.mjs names these two in the server's OIDC_PROVIDERS: change them there too.
  const clientId = 'panelist-test';
  const clientSecret = 'loopback-client-secret-0123456789';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const accounts = new Map<string, ProviderAccount>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
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
      if (options.loginForm && details.prompt.name === 'login') {
        if (req.method !== 'POST') return sendLoginForm(res, req.url!);
        const form = new URLSearchParams(await readBody(req));
        const email = (form.get('email') ?? '').trim().toLowerCase();
        const account = { sub: `loopback-${email}`, email, email_verified: true, name: (form.get('name') ?? '').trim() || email };
        accounts.set(account.sub, account);
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } });
      }
      const next = state.next;
      // With the sign-in page, the person who typed there has just signed in: consent follows.
      if (!options.loginForm && 'deny' in next) {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person declined.' });
      }
      if (details.prompt.name === 'login' && 'account' in next) {
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** The provider's own sign-in page: deliberately plain, so a test sees it is somewhere else. */
function sendLoginForm(res: ServerResponse, action: string): void {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loopback ID</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem">
<h1>Sign in to Loopback ID</h1>
<form method="post" action="${action.replace(/"/g, '&quot;')}">
<p><label>Email <input name="email" type="email" required></label></p>
<p><label>Name <input name="name"></label></p>
<p><button type="submit">Sign in</button></p>
</form></body></html>`);
}
