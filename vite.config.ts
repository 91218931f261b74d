import path from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.PANELIST_API_URL ?? 'http://127.0.0.1:3000';
// Everything the server answers itself; the rest is the single-page app.
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/readyz', '/metrics'].map((prefix) => [prefix, { target: apiTarget, changeOrigin: false, ws: prefix === '/api' }]),
);

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
});
