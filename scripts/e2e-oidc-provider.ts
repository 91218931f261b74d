// A loopback OpenID Connect provider for the browser tests (scripts/e2e.mjs starts it beside the
// server): a real `oidc-provider` with a plain sign-in page. Prints one JSON line, the provider's
// settings, then serves until it is stopped.
import { startLoopbackOidcProvider } from '../src/server/testing/loopback-oidc-provider.js';

const [redirectUri, port] = process.argv.slice(2);
if (!redirectUri) {
  process.stderr.write('usage: e2e-oidc-provider.ts REDIRECT_URI [PORT]\n');
  process.exit(2);
}
const op = await startLoopbackOidcProvider({ redirectUri, loginForm: true, ...(port ? { port: Number(port) } : {}) });
process.stdout.write(`${JSON.stringify({ issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret })}\n`);
const stop = () => void op.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
