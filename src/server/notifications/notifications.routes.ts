import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contract/common.js';
import { markReadBody, notificationList, notificationQuery, unreadCount } from '../../contract/notifications.js';
import type { Config } from '../config.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { NotificationsService } from './notifications.service.js';
import { checkSocketOrigin } from './realtime.js';
import type { SocketHub } from './socket-hub.js';

const errors = { 400: problem, 401: problem, 403: problem };

export async function notificationsRoutes(
  app: FastifyInstance,
  opts: { notifications: NotificationsService; hub: SocketHub; config: Config },
) {
  const { notifications, hub, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: notificationQuery,
        response: { 200: notificationList, ...errors },
      },
    },
    async (request) => notifications.list(requireActor(request), request.query),
  );

  r.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark your notifications read (some ids, or all)',
        body: markReadBody,
        response: { 200: unreadCount, ...errors },
      },
    },
    async (request) => notifications.markRead(requireActor(request), request.body),
  );

  // The upgrade is refused with a plain HTTP problem (401/403) before any socket exists.
  app.get(
    '/ws',
    {
      websocket: true,
      preValidation: async (request) => {
        requireActor(request);
        checkSocketOrigin(request, config);
      },
    },
    (socket, request) =>
      hub.add(
        request.auth!.actor.userId,
        socket,
        { sessionId: request.auth!.sessionId, familyId: request.auth!.familyId },
        request.auth!.actor,
      ),
  );
}
