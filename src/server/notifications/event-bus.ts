import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../db/client.js';
import { EVENTS_CHANNEL, type BusEvent } from './notify.js';

function parseEvent(payload: string): BusEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (e.type === 'notification' && isId(e.userId) && isId(e.notificationId))
    return { type: 'notification', userId: e.userId, notificationId: e.notificationId };
  if (e.type === 'unread' && isId(e.userId)) return { type: 'unread', userId: e.userId };
  if (e.type === 'account_changed' && isId(e.userId)) return { type: 'account_changed', userId: e.userId };
  if (e.type === 'signed_out' && isId(e.userId) && Array.isArray(e.sessionIds) && Array.isArray(e.familyIds)) {
    return {
      type: 'signed_out',
      userId: e.userId,
      sessionIds: e.sessionIds.filter(isId),
      familyIds: e.familyIds.filter(isId),
      all: e.all === true,
    };
  }
  if (e.type === 'interview' && Array.isArray(e.userIds) && e.userIds.every(isId) && isId(e.interviewId) && typeof e.status === 'string') {
    return { type: 'interview', userIds: e.userIds, interviewId: e.interviewId, status: e.status };
  }
  if (
    e.type === 'answer_graded' &&
    Array.isArray(e.userIds) &&
    e.userIds.every(isId) &&
    isId(e.interviewId) &&
    isId(e.answerId) &&
    isId(e.questionId)
  ) {
    return { type: 'answer_graded', userIds: e.userIds, interviewId: e.interviewId, answerId: e.answerId, questionId: e.questionId };
  }
  return null;
}

/**
 * Receives the events every instance publishes with pg_notify inside its transactions, so a
 * socket held by this instance hears of a change committed on any other. The same path is used
 * on a single PGlite instance, which keeps "only on commit" true there too.
 */
export async function listenForEvents(
  database: DatabaseHandle,
  handlers: { onEvent: (event: BusEvent) => void; onResync: () => void; log: FastifyBaseLogger },
): Promise<() => Promise<void>> {
  return database.listen(
    EVENTS_CHANNEL,
    (payload) => {
      const event = parseEvent(payload);
      if (event) handlers.onEvent(event);
      else handlers.log.warn('ignored a malformed realtime event');
    },
    handlers.onResync,
  );
}
