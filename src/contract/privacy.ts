import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/**
 * What a person agreed to. `terms` and `privacy` are recorded at registration with the versions
 * shown; `recording` on the Privacy page (withdrawing it makes the server refuse new recordings,
 * 403 consent_withdrawn, until given again); `proctoring` when a proctored interview's pre-check is
 * saved (its `scope` is the interview; it is not withdrawn: it holds for that interview only).
 */
export const CONSENT_KINDS = ['terms', 'privacy', 'recording', 'proctoring'] as const;
export const consentKind = z.enum(CONSENT_KINDS);
export type ConsentKind = z.infer<typeof consentKind>;

/** The versions of the documents a registration accepts; bump them when the text changes. */
export const CURRENT_TERMS_VERSION = '2026-12-01';
export const CURRENT_PRIVACY_VERSION = '2026-12-01';
export const CURRENT_RECORDING_VERSION = '2026-12-01';
export const CURRENT_PROCTORING_VERSION = '2026-12-01';

export const consent = z.object({
  id,
  kind: consentKind,
  version: z.string(),
  /** The interview a proctoring consent was given for; null for account-wide consents. */
  scope: z.string().nullable(),
  givenAt: isoDateTime,
  withdrawnAt: isoDateTime.nullable(),
});
export type Consent = z.infer<typeof consent>;
export const consentList = z.object({ items: z.array(consent) });
export type ConsentList = z.infer<typeof consentList>;

/** `POST /api/v1/me/consents`: give (again) a consent that can be given after registration. */
export const giveConsentBody = z.object({ kind: z.literal('recording') });
export type GiveConsentBody = z.infer<typeof giveConsentBody>;
export const consentKindParams = z.object({ kind: consentKind });

/**
 * `POST /api/v1/me/exports` asks for a ZIP of everything Panelist holds about me; a job makes it
 * and a notification says when it is ready. `GET /api/v1/me/exports/:id/download` serves it
 * until `expiresAt`; after that (or for anyone else) 404.
 */
export const dataExport = z.object({
  id,
  status: z.enum(['pending', 'ready', 'failed', 'expired']),
  requestedAt: isoDateTime,
  readyAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  sizeBytes: z.number().int().nullable(),
});
export type DataExport = z.infer<typeof dataExport>;
export const dataExportList = z.object({ items: z.array(dataExport) });
export type DataExportList = z.infer<typeof dataExportList>;
export const exportIdParams = z.object({ id });

/**
 * `POST /api/v1/me/erasure` schedules the deletion of my account after a grace period;
 * `DELETE` cancels it; `GET` says whether one is pending (`status: 'none'` otherwise).
 */
export const ERASURE_GRACE_DAYS = 14;
export const erasureRequestBody = z.object({
  /** The account's password, so a borrowed session cannot delete it. */
  password: z.string().min(1).max(256),
});
export type ErasureRequestBody = z.infer<typeof erasureRequestBody>;
export const erasureStatus = z.object({
  status: z.enum(['none', 'pending']),
  requestedAt: isoDateTime.nullable(),
  dueAt: isoDateTime.nullable(),
});
export type ErasureStatus = z.infer<typeof erasureStatus>;

/**
 * How long an organization keeps interviews and resumes (days; null keeps them until deleted).
 * Recordings have their own period (`…/recording-retention`).
 */
export const dataRetention = z.object({
  interviewDays: z.number().int().min(1).max(3650).nullable(),
  resumeDays: z.number().int().min(1).max(3650).nullable(),
});
export type DataRetention = z.infer<typeof dataRetention>;
