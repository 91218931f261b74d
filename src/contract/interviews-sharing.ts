import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { dimensionScores, interviewType, level, questionType } from './interviews.js';

export const MAX_SHARE_DAYS = 90;

/** A read-only link to one report, for a mentor. Scores and questions are always shown; the rest only if chosen. */
export const createShareLinkBody = z.object({
  /** Days until the link stops working (1–90, default 14). */
  expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS).default(14),
  /** Show the candidate's answers. */
  includeAnswers: z.boolean().default(false),
  /** Show per-question strengths, improvements and key points. */
  includeFeedback: z.boolean().default(true),
});
export type CreateShareLinkBody = z.input<typeof createShareLinkBody>;

export const shareLink = z.object({
  id,
  interviewId: id,
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  includeAnswers: z.boolean(),
  includeFeedback: z.boolean(),
  /** Whether it opens now (not revoked, not expired). */
  active: z.boolean(),
});
export type ShareLink = z.infer<typeof shareLink>;

/** Only the creation response carries the token and URL: the server keeps a hash, so they cannot be shown again. */
export const createdShareLink = shareLink.extend({ token: z.string(), url: z.string() });
export type CreatedShareLink = z.infer<typeof createdShareLink>;

export const shareLinkList = z.object({ items: z.array(shareLink) });
export type ShareLinkList = z.infer<typeof shareLinkList>;

export const shareTokenParams = z.object({ token: z.string().min(20).max(100) });

/** The report as a share link shows it: no account, no ids beyond the report, nothing not chosen. */
export const sharedReport = z.object({
  role: z.string(),
  type: interviewType,
  level,
  completedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime,
  overallScore: z.number().int().nullable(),
  dimensions: dimensionScores.nullable(),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  questions: z.array(
    z.object({
      order: z.number().int(),
      type: questionType,
      text: z.string(),
      score: z.number().int().nullable(),
      /** Present only when the candidate shared answers. */
      answer: z.string().nullable().optional(),
      /** Present only when the candidate shared feedback. */
      strengths: z.array(z.string()).optional(),
      improvements: z.array(z.string()).optional(),
      coveredKeyPoints: z.array(z.string()).optional(),
      missingKeyPoints: z.array(z.string()).optional(),
    }),
  ),
});
export type SharedReport = z.infer<typeof sharedReport>;
