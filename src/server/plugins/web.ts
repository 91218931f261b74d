import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './errors.js';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * Serves the built single-page app and answers unknown non-API GETs with index.html so client
 * routes survive a reload. Unknown API paths stay 404 problems.
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { distDir?: string; serveSourceMaps?: boolean }) => {
  const root = opts.distDir ?? webDistDir;
  const hasWeb = existsSync(path.join(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Vite writes source maps; production does not hand its sources to every visitor.
      allowedPath: (pathName) => opts.serveSourceMaps !== false || !pathName.endsWith('.map'),
      // Headers are ours alone: Vite fingerprints assets, so they can be cached for good; every
      // other file, the HTML shell above all, is revalidated on each use, so a deploy shows at once.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const fingerprinted = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (hasWeb && (isPage || request.url === '/')) {
      return reply.sendFile('index.html', root);
    }
    return sendProblem(reply, request, {
      status: 404,
      code: 'not_found',
      detail: `No route for ${request.method} ${request.url.split('?')[0]}.`,
    });
  });
});
