import { z } from 'zod';
import { id, isoDateTime, pageQuery } from './common.js';

export const notificationKind = z.enum([
  'interview_scheduled',
  'interview_rescheduled',
  'interview_cancelled',
  'interview_starting_soon',
  'interview_completed',
  'interview_missed',
  'results_ready',
  'invitation_accepted',
]);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notification = z.object({
  id,
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  /** An in-app path, e.g. /interviews/<id>. */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationQuery = pageQuery.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type NotificationQuery = z.infer<typeof notificationQuery>;

export const notificationList = z.object({
  items: z.array(notification),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  pages: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

/** Mark the given notifications read, or all of them with `all: true`. */
export const markReadBody = z
  .object({ ids: z.array(id).max(200).optional(), all: z.boolean().optional() })
  .refine((b) => (b.ids?.length ?? 0) > 0 || b.all === true, 'give ids or all: true');
export type MarkReadBody = z.infer<typeof markReadBody>;
export const unreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCount>;

/** Messages the server sends over /api/v1/ws (JSON text frames). */
export const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: id, unread: z.number().int() }),
  z.object({ type: z.literal('notification'), notification, unread: z.number().int() }),
  z.object({ type: z.literal('unread'), unread: z.number().int() }),
  /** An interview the user takes part in changed state (started, completed, reviewed …). */
  z.object({ type: z.literal('interview'), interviewId: id, status: z.string() }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

/** Messages a client may send; anything else closes the socket with 1003. */
export const clientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type ClientMessage = z.infer<typeof clientMessage>;

export const mailStatus = z.enum(['queued', 'sent', 'stored', 'failed']);
export type MailStatus = z.infer<typeof mailStatus>;
/** An outgoing email as kept in the outbox (GET /api/v1/admin/mails). */
export const mail = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /** The text/calendar attachment, when the mail carries one. */
  ics: z.string().nullable(),
  kind: z.string(),
  status: mailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export type Mail = z.infer<typeof mail>;
export const mailQuery = pageQuery.extend({ to: z.string().trim().max(254).optional() });
export type MailQuery = z.infer<typeof mailQuery>;
export const mailList = z.object({
  items: z.array(mail),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  pages: z.number().int(),
});
export type MailList = z.infer<typeof mailList>;
