import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../contract/common.js';
import { mediaInfo, mediaUsage, transcription, transcriptionBody } from '../../contract/media.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { MediaService } from './media.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const RANGE = /^bytes=(\d+)-(\d*)$/;

export async function mediaRoutes(app: FastifyInstance, opts: { media: MediaService }) {
  const { media } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['media'];

  // tus chunks are streamed straight to the staging file by the tus server, never buffered here.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null, undefined));

  // The tus protocol (creation, HEAD for the offset, PATCH to append, DELETE to cancel). Not in
  // OpenAPI: its headers are the protocol, see https://tus.io/protocols/resumable-upload.
  for (const url of ['/uploads', '/uploads/:id']) {
    app.route({
      method: ['POST', 'HEAD', 'PATCH', 'DELETE'],
      url,
      schema: { hide: true },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const id = (request.params as { id?: string }).id;
        if (id !== undefined && !z.uuid().safeParse(id).success) return reply.code(404).send();
        await media.handleUpload(actor, id, request.raw, reply.raw);
        reply.hijack();
      },
    });
  }

  r.get(
    '/media/usage',
    { schema: { tags, summary: 'How much recording storage the caller uses, of their quota', response: { 200: mediaUsage, ...errors } } },
    async (request) => media.usage(requireActor(request)),
  );

  r.get(
    '/media/:id',
    { schema: { tags, summary: 'One of your recordings: type, size, length', params: idParams, response: { 200: mediaInfo, ...errors } } },
    async (request) => media.info(requireActor(request), request.params.id),
  );

  r.get(
    '/media/:id/content',
    {
      schema: {
        tags,
        summary: 'The recording itself, for playback (supports Range)',
        params: idParams,
        response: { 200: z.any(), 206: z.any(), ...errors, 416: problem },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const match = RANGE.exec(request.headers.range ?? '');
      const range = match ? { start: Number(match[1]), ...(match[2] ? { end: Number(match[2]) } : {}) } : undefined;
      const { info, body, start, end } = await media.open(actor, request.params.id, range);
      reply
        .header('content-type', info.mimeType ?? 'application/octet-stream')
        .header('accept-ranges', 'bytes')
        .header('content-length', String(end - start + 1))
        .header('cache-control', 'private, no-store');
      if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`);
      return reply.send(body);
    },
  );

  r.post(
    '/media/:id/transcription',
    {
      schema: {
        tags,
        summary: 'Transcribe one of your recordings on the server (STT_PROVIDER=openai), with word timings',
        description:
          '409 when the server does not transcribe (the browser does), 422 when the recording is in another language than `language`, 503 when the service failed.',
        params: idParams,
        body: transcriptionBody,
        response: { 200: transcription, ...errors, 422: problem, 503: problem },
      },
    },
    async (request) => media.transcribe(requireActor(request), request.params.id, request.body.language),
  );

  r.delete(
    '/media/:id',
    { schema: { tags, summary: 'Delete one of your recordings', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await media.remove(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
