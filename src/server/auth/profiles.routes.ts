import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_AVATAR_BYTES, preferences, profile, profileBody } from '../../contract/account-profile.js';
import { problem } from '../../contract/common.js';
import { requireActor } from './auth.plugin.js';
import type { ProfilesService } from './profiles.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 413: problem, 415: problem, 422: problem };
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/octet-stream'];

export async function profilesRoutes(app: FastifyInstance, opts: { profiles: ProfilesService }) {
  const { profiles } = opts;
  // Scoped to these routes: the avatar comes as the raw image body. Its declared type only picks
  // this parser; what the image really is gets read from its bytes.
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_AVATAR_BYTES }, (_request, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];

  r.get(
    '/me/profile',
    { schema: { tags, summary: 'My profile and preferences', response: { 200: profile, ...errors } } },
    async (request) => profiles.get(requireActor(request)),
  );

  r.patch(
    '/me/profile',
    {
      schema: {
        tags,
        summary: 'Change my name, phone, location, links or bio (an empty string clears a field)',
        body: profileBody,
        response: { 200: profile, ...errors },
      },
    },
    async (request) => profiles.update(requireActor(request), request.body),
  );

  r.put(
    '/me/preferences',
    {
      schema: {
        tags,
        summary: 'Theme, language and notification channels, applied on every device',
        body: preferences,
        response: { 200: profile, ...errors },
      },
    },
    async (request) => profiles.setPreferences(requireActor(request), request.body),
  );

  r.put(
    '/me/avatar',
    {
      schema: {
        tags,
        summary: 'Upload an avatar as the raw image body (PNG, JPEG, WebP or GIF, at most 5 MB); kept as a 256-pixel square',
        consumes: IMAGE_TYPES,
        response: { 200: profile, ...errors },
      },
    },
    async (request) => profiles.setAvatar(requireActor(request), request.body as Buffer),
  );

  r.delete('/me/avatar', { schema: { tags, summary: 'Remove my avatar', response: { 200: profile, ...errors } } }, async (request) =>
    profiles.removeAvatar(requireActor(request)),
  );

  r.get(
    '/me/avatar',
    { schema: { tags, summary: 'My avatar (WebP)', response: { 200: z.unknown().describe('The image'), 404: problem, 401: problem } } },
    async (request, reply) => {
      const stream = await profiles.avatar(requireActor(request));
      return reply.type('image/webp').header('cache-control', 'private, max-age=31536000, immutable').send(stream);
    },
  );
}
