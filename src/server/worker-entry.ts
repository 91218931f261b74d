/**
 * Where a worker thread or child process of the server starts. Worker threads and forked
 * processes do not inherit tsx's loader hooks, so in development their entry is a small .mjs that
 * registers tsx and loads the TypeScript. A server started from the precompiled bundle
 * (scripts/build-server.mjs defines __PANELIST_BUNDLED__ there) starts them from the bundles built
 * in the same run instead (dist/server/<name>.mjs): plain JavaScript, so each thread or process
 * skips tsx's transform (CPU and ≈ 30–60 MiB at start) and always matches the server's own code.
 */
declare const __PANELIST_BUNDLED__: boolean | undefined;

/** Names of the worker and child-process bundles (the entry points in build-server.mjs). */
export type WorkerEntryName = 'evaluator-thread' | 'voice-thread' | 'reading-child';

export function workerEntry(name: WorkerEntryName, development: URL): URL {
  const bundled = typeof __PANELIST_BUNDLED__ !== 'undefined' && __PANELIST_BUNDLED__;
  // In the bundle this module's URL is its source path (see build-server.mjs), so dist/ is found from src/server.
  return bundled ? new URL(`../../dist/server/${name}.mjs`, import.meta.url) : development;
}
