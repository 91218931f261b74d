import { z } from 'zod';
import { id, isoDateTime, pageQuery } from './common.js';
import { integrityEventsBody, integrityReceipt } from './proctoring.js';

export const notificationKind = z.enum([
  'interview_scheduled',
  'interview_rescheduled',
  'interview_cancelled',
  'interview_starting_soon',
  'interview_completed',
  'interview_missed',
  'results_ready',
  'invitation_accepted',
  /** A proctoring threshold was reached in an assigned interview the coach runs. */
  'integrity_threshold',
  /** The ZIP of my data asked for on the Privacy page is ready to download. */
  'data_export_ready',
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
  /** An answer acknowledged with its evaluation pending was graded: GET the interview for the evaluation. */
  z.object({ type: z.literal('answer_graded'), interviewId: id, answerId: id, questionId: id }),
  z.object({ type: z.literal('pong') }),
  /** The answer to an `integrity_events` message with the same ref. */
  z.object({ type: z.literal('integrity_receipt'), ref: z.string(), receipt: integrityReceipt }),
  /** An `integrity_events` message refused, with the status and title its HTTP route would give. */
  z.object({ type: z.literal('integrity_rejected'), ref: z.string(), status: z.number().int(), title: z.string() }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

/** Messages a client may send; anything else closes the socket with 1003. */
export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  /** A proctored interview's events, as POST …/integrity-events takes them; `ref` pairs the answer. */
  integrityEventsBody.extend({ type: z.literal('integrity_events'), ref: z.string().min(1).max(40), interviewId: id }),
]);
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
