// `npm start`: builds the web app and the server when missing or older than their sources, then serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ['src/web', 'src/contract', 'content/skills'].map((d) => path.join(root, d)).filter(existsSync);
const stale = !existsSync(builtIndex) || sources.some((d) => newestMtime(d) > statSync(builtIndex).mtimeMs);
if (stale) {
  process.stdout.write('Building the web app…\n');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// The server, precompiled (see build-server.mjs): a start then skips transpiling its sources.
const { buildServer, serverBundleIsFresh } = await import('./build-server.mjs');
if (!serverBundleIsFresh()) {
  process.stdout.write('Building the server…\n');
  // Without the bundle the server still runs, from its TypeScript sources (only slower to start).
  await buildServer().catch((err) => process.stderr.write(`Could not precompile the server (${err.message}); running the sources.\n`));
}
process.argv = [process.argv[0], path.join(root, 'bin/panelist.mjs'), 'serve'];
await import('../bin/panelist.mjs');
