import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { CreatedShareLink, ShareLink, SharedReport } from '../../contract/interviews-sharing.js';
import { createShareLinkBody, type CreateShareLinkBody } from '../../contract/interviews-sharing.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Actor } from '../auth/actor.js';
import { emailConfirmed } from '../auth/user-directory.js';
import { newId } from '../ids.js';
import { resultsVisible } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { composeReport } from './interview-reading.service.js';
import { reportShareLinks, type ShareLinkRow } from './report-share-links.table.js';

const DAY = 24 * 3600_000;

/** 32 random bytes: unguessable, and URL-safe as base64url (43 characters). */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toShareLink(row: ShareLinkRow, now: Date): ShareLink {
  return {
    id: row.id,
    interviewId: row.interviewId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    includeAnswers: row.includeAnswers,
    includeFeedback: row.includeFeedback,
    active: !row.revokedAt && now < row.expiresAt,
  };
}

/** Read-only links to a report for a mentor: made, listed and revoked by the candidate alone. */
export function createReportSharing(ctx: InterviewContext) {
  const { db, clock, reads, access, config } = ctx;

  /** The candidate's own finished interview with visible results; staff get 403, anyone else the usual 404. */
  async function ownedReport(actor: Actor, interviewId: string) {
    const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
    if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate can share this report.');
    return { row, viewer };
  }

  return {
    async createShareLink(actor: Actor, interviewId: string, input: CreateShareLinkBody, origin: string): Promise<CreatedShareLink> {
      const body = createShareLinkBody.parse(input);
      const { row, viewer } = await ownedReport(actor, interviewId);
      if (!row.completedAt) throw new AppError('invalid_state', 'Finish the interview before sharing its report.');
      if (!resultsVisible(viewer, row))
        throw new AppError('invalid_state', 'This report can be shared once your coach releases the results.');
      // A link sent outward waits for a confirmed address, as other outward actions do.
      if (!(await emailConfirmed(db, actor.userId)))
        throw new AppError('forbidden', 'Confirm your email address before sharing a report.', { reason: 'email_unconfirmed' });
      const now = clock.now();
      const token = newToken();
      const [inserted] = await db
        .insert(reportShareLinks)
        .values({
          id: newId(),
          interviewId: row.id,
          ownerId: actor.userId,
          tokenHash: tokenHash(token),
          includeAnswers: body.includeAnswers,
          includeFeedback: body.includeFeedback,
          createdAt: now,
          expiresAt: new Date(now.getTime() + body.expiresInDays * DAY),
        })
        .returning();
      const path = `/shared/${token}`;
      const base = (config.publicUrl ?? origin).replace(/\/+$/, '');
      return { ...toShareLink(inserted!, now), token, url: `${base}${path}` };
    },

    async listShareLinks(actor: Actor, interviewId: string): Promise<{ items: ShareLink[] }> {
      await ownedReport(actor, interviewId);
      const rows = await db
        .select()
        .from(reportShareLinks)
        .where(and(eq(reportShareLinks.interviewId, interviewId), eq(reportShareLinks.ownerId, actor.userId)))
        .orderBy(desc(reportShareLinks.createdAt));
      const now = clock.now();
      return { items: rows.map((r) => toShareLink(r, now)) };
    },

    /** Someone else's link is the same 404 as an unknown one; revoking twice keeps the first time. */
    async revokeShareLink(actor: Actor, id: string): Promise<ShareLink> {
      const [row] = await db
        .select()
        .from(reportShareLinks)
        .where(and(eq(reportShareLinks.id, id), eq(reportShareLinks.ownerId, actor.userId)));
      if (!row) throw notFound('Share link');
      const now = clock.now();
      if (row.revokedAt) return toShareLink(row, now);
      const [revoked] = await db.update(reportShareLinks).set({ revokedAt: now }).where(eq(reportShareLinks.id, id)).returning();
      return toShareLink(revoked!, now);
    },

    /** What a link shows, without signing in: the report and only what the candidate chose. Revoked, expired or unknown: 404. */
    async sharedReport(token: string): Promise<SharedReport> {
      const [link] = await db
        .select()
        .from(reportShareLinks)
        .where(eq(reportShareLinks.tokenHash, tokenHash(token)));
      const now = clock.now();
      if (!link || link.revokedAt || now >= link.expiresAt) throw notFound('Shared report');
      const row = await reads.interview(link.interviewId);
      if (!row || row.candidateId !== link.ownerId) throw notFound('Shared report');
      const report = await composeReport(ctx, row, 'candidate');
      return {
        role: row.role,
        type: row.type,
        level: row.level,
        completedAt: row.completedAt?.toISOString() ?? null,
        expiresAt: link.expiresAt.toISOString(),
        overallScore: report.overallScore,
        dimensions: report.dimensions,
        strengths: link.includeFeedback ? report.strengths : [],
        improvements: link.includeFeedback ? report.improvements : [],
        questions: report.questions.map((q) => ({
          order: q.order,
          type: q.type,
          text: q.text,
          score: q.score ?? q.evaluation?.score ?? null,
          ...(link.includeAnswers ? { answer: q.answer } : {}),
          ...(link.includeFeedback && q.evaluation
            ? {
                strengths: q.evaluation.strengths,
                improvements: q.evaluation.improvements,
                coveredKeyPoints: q.evaluation.coveredKeyPoints,
                missingKeyPoints: q.evaluation.missingKeyPoints,
              }
            : {}),
        })),
      };
    },
  };
}
