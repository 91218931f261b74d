#!/usr/bin/env node
// Runs the precompiled server (dist/server/cli.mjs, see scripts/build-server.mjs) when it is newer
// than every source file, and the TypeScript sources through tsx otherwise, so a checkout works
// right after `npm ci` and an edit is never served stale. PANELIST_FROM_SOURCE=1 forces tsx.
async function freshBundle() {
  if (process.env.PANELIST_FROM_SOURCE === '1') return null;
  try {
    const { serverBundle, serverBundleIsFresh } = await import('../scripts/build-server.mjs');
    return serverBundleIsFresh() ? serverBundle : null;
  } catch {
    return null;
  }
}

const bundle = await freshBundle();
if (bundle) {
  const { pathToFileURL } = await import('node:url');
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
