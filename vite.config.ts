import { readFileSync } from 'node:fs';
import path from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.PANELIST_API_URL ?? 'http://127.0.0.1:3000';
// Everything the server answers itself; the rest is the single-page app.
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/readyz', '/metrics'].map((prefix) => [prefix, { target: apiTarget, changeOrigin: false, ws: prefix === '/api' }]),
);

/**
 * `virtual:skill-names`: skill id → name from the taxonomy in content/, so the web app names
 * skills as the server does without a hand-kept copy or shipping the whole taxonomy.
 */
function skillNamesPlugin(): Plugin {
  const id = 'virtual:skill-names';
  const file = path.resolve(import.meta.dirname, 'content/skills/skills.json');
  return {
    name: 'panelist-skill-names',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      this.addWatchFile(file);
      const { skills } = JSON.parse(readFileSync(file, 'utf8')) as { skills: { id: string; name: string }[] };
      return `export default ${JSON.stringify(Object.fromEntries(skills.map((s) => [s.id, s.name])))};`;
    },
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react(), tailwindcss(), skillNamesPlugin()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
});
