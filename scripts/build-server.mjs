// Precompiles the server (the `panelist` command, src/cli/main.ts and what it imports) into one
// JavaScript file, dist/server/cli.mjs, so a start does not transpile and resolve hundreds of
// TypeScript modules through tsx's loader (about half of the time to /readyz). npm packages stay
// outside the bundle. Each module keeps its own import.meta.url (rewritten to its source file),
// so paths to content/, migrations, worker and child-process files resolve as they do from src/.
// The worker threads (grading, voice) and the resume reading process are built in the same run,
// each into its own file beside cli.mjs (WORKER_ENTRIES): a server started from the bundle starts
// them from there (src/server/worker-entry.ts), so no thread or child loads tsx either.
// bin/panelist.mjs uses the bundle when it is newer than every source file, and tsx otherwise;
// `npm start` and `npm run build` rebuild it when it is stale.
//   node scripts/build-server.mjs        build now
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist/server/cli.mjs');
const sourceDirs = ['src/cli', 'src/server', 'src/core', 'src/contract', 'src/db'].map((d) => path.join(root, d));

/** Bundle name (dist/server/<name>.mjs) → TypeScript entry; names match WorkerEntryName in src/server/worker-entry.ts. */
export const WORKER_ENTRIES = {
  'evaluator-thread': 'src/server/ai/evaluator-worker.ts',
  'voice-thread': 'src/server/media/voice-worker.ts',
  'reading-child': 'src/server/resumes/reading/reading-child.ts',
};

/** Newest change among files the server could load: tests and test helpers do not count. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') newest = Math.max(newest, newestMtime(p));
    } else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/server/cli.mjs and every worker bundle exist and no server source (or package.json, the lockfile) is newer. */
export function serverBundleIsFresh() {
  const bundles = [serverBundle, ...Object.keys(WORKER_ENTRIES).map((name) => path.join(path.dirname(serverBundle), `${name}.mjs`))];
  if (!bundles.every(existsSync)) return false;
  const built = Math.min(...bundles.map((f) => statSync(f).mtimeMs));
  const inputs = [path.join(root, 'package.json'), path.join(root, 'package-lock.json')].filter(existsSync);
  return inputs.every((f) => statSync(f).mtimeMs <= built) && sourceDirs.filter(existsSync).every((d) => newestMtime(d) <= built);
}

/** Builds into dist/server, or into `outDir` (tests build elsewhere so a running server's bundle is left alone). */
export async function buildServer({ outDir = path.dirname(serverBundle) } = {}) {
  const esbuild = await import('esbuild');
  const entries = { cli: 'src/cli/main.ts', ...WORKER_ENTRIES };
  // esbuild keeps its service process (≈ 80 MiB) for later calls; `npm start` serves from this
  // same process right after, so the service is stopped once the build is done (a later
  // transform, e.g. of a TypeScript solution, starts a fresh one).
  try {
    await esbuild.build({
      entryPoints: Object.entries(entries).map(([out, entry]) => ({ in: path.join(root, entry), out })),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      // Tells src/server/worker-entry.ts that threads and children are to start from these bundles.
      define: { __PANELIST_BUNDLED__: 'true' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'warning',
      plugins: [
        {
          name: 'keep-import-meta-per-module',
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, (args) => {
              const source = readFileSync(args.path, 'utf8');
              if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
              // The module's own URL, computed from the bundle's location so the checkout can move.
              const rel = path.relative(outDir, args.path).split(path.sep).join('/');
              const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
              const contents = source
                .replaceAll('import.meta.url', `(${url})`)
                .replaceAll('import.meta.dirname', `decodeURIComponent(new URL('.', ${url}).pathname).replace(/\\/$/, '')`);
              return { contents, loader: 'ts' };
            });
          },
        },
      ],
    });
  } finally {
    await esbuild.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  await buildServer();
  process.stdout.write(`Built ${path.relative(root, serverBundle)} in ${Math.round(performance.now() - started)} ms\n`);
}
