#!/usr/bin/env node
// npm run dev: the API under `tsx watch` (restarts on change) plus the Vite dev server (hot reload),
// which proxies /api, /healthz and /readyz to the API. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '3000';
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const children = [];
let stopping = false;

function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? code}); stopping.`);
      shutdown(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000);
  force.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

start('api', bin('tsx'), ['watch', '--clear-screen=false', 'src/cli/main.ts', 'serve'], {
  PORT: apiPort,
  HOST: process.env.HOST ?? '127.0.0.1',
});
start('web', bin('vite'), [], { PANELIST_API_URL: `http://127.0.0.1:${apiPort}` });
console.log(`[dev] API on http://127.0.0.1:${apiPort}, web app on http://127.0.0.1:5173 (Ctrl-C stops both)`);
