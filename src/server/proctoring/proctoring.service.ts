import { and, asc, eq } from 'drizzle-orm';
import {
  REQUIRED_PRECHECKS,
  type CandidateIntegrity,
  type IntegrityEventsBody,
  type IntegrityFlag,
  type IntegrityReceipt,
  type IntegrityReport,
  type IntegrityView,
  type IntegrityWarning,
  type PrecheckBody,
  type PrecheckName,
  type PrecheckResult,
  type ReviewFlagBody,
} from '../../contract/proctoring.js';
import { AppError, notFound } from '../../core/errors.js';
import { checkAppend } from '../../core/proctoring/integrity-chain.js';
import { serverHashOf, verifyStoredLog, type StoredEvent } from '../../core/proctoring/stored-log.js';
import { countCategories, newlyReached, reachedWarnings } from '../../core/proctoring/thresholds.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { usersByIds } from '../auth/user-directory.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { IntegritySubject } from '../interviews/interview-proctoring.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import { notify } from '../notifications/notify.js';
import { INTERVIEW_SIMILARITY_JOB } from '../interviews/interview-job-plan.js';
import { createSimilarityCheck } from './answer-similarity.js';
import { wordVectorsOnDemand } from './word-vectors-on-demand.js';
import type { WordVectors } from '../../core/evaluation/word-vectors.js';
import { settingsOf } from './proctoring-settings.js';
import { answerSimilarity, integrityEvents, integrityFlags, proctoringSessions, type IntegrityEventRow } from './proctoring.table.js';

export interface ProctoringDeps {
  db: Database;
  clock: Clock;
  interviews: InterviewsService;
  /** Where the similarity job is registered. */
  jobs: JobRegistry;
  log?: { warn(obj: object, msg: string): void };
  /** Word vectors for the similarity job's meaning-level figure; loaded on demand by default. */
  wordVectors?: () => Promise<WordVectors | undefined>;
  /**
   * Records the candidate's consent to what is observed (the privacy feature), in the pre-check's
   * transaction: the page sends the pre-check only once the consent box is ticked.
   */
  recordConsent?: (tx: Pick<Database, 'insert'>, userId: string, interviewId: string, at: Date) => Promise<void>;
}

const UNKNOWN_ALLOWED: Partial<Record<PrecheckName, string>> = {
  single_screen: 'This browser cannot tell whether a second screen is connected; it was recorded as unknown.',
  face: 'Face presence could not be checked in this browser; it was recorded as unknown.',
};

function toStored(r: IntegrityEventRow): StoredEvent {
  return {
    seq: r.seq,
    kind: r.kind,
    at: r.at,
    details: r.details,
    hash: r.hash,
    position: r.position,
    receivedAt: r.receivedAt.toISOString(),
    problem: r.problem,
    serverHash: r.serverHash,
  };
}

/** Replayed events are copies: they do not count twice toward a threshold. */
const counted = (rows: Pick<IntegrityEventRow, 'kind' | 'details' | 'problem'>[]) =>
  countCategories(rows.filter((r) => r.problem !== 'replay'));

/**
 * Proctored assigned interviews: the pre-check, the integrity log (chained by the browser and
 * again by the server, never edited, never silently short), thresholds that warn, notify and,
 * where the organization chose it, terminate; and the coach's view of it all.
 */
export function createProctoringService(deps: ProctoringDeps) {
  const { db, clock, interviews } = deps;
  const checkSimilarity = createSimilarityCheck({ db, clock, interviews, wordVectors: deps.wordVectors ?? wordVectorsOnDemand() });
  deps.jobs.register(INTERVIEW_SIMILARITY_JOB, async (payload) => checkSimilarity(String(payload.interviewId)));

  function requireProctored(subject: IntegritySubject): void {
    if (subject.kind !== 'assigned' || subject.proctoring === 'off')
      throw new AppError('invalid_state', 'This interview is not proctored.');
  }

  async function sessionOf(tx: DbOrTx, interviewId: string) {
    const [row] = await tx.select().from(proctoringSessions).where(eq(proctoringSessions.interviewId, interviewId));
    return row;
  }

  async function flagsOf(interviewId: string): Promise<IntegrityFlag[]> {
    const rows = await db
      .select()
      .from(integrityFlags)
      .where(eq(integrityFlags.interviewId, interviewId))
      .orderBy(asc(integrityFlags.createdAt));
    const people = await usersByIds(
      db,
      rows.flatMap((r) => (r.reviewedBy ? [r.reviewedBy] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      category: r.category,
      message: r.message,
      createdAt: r.createdAt.toISOString(),
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reviewedBy: r.reviewedBy ? { id: r.reviewedBy, name: people.get(r.reviewedBy)?.name ?? 'Former member' } : null,
      reviewNote: r.reviewNote,
    }));
  }

  return {
    /** The candidate's device check before a proctored interview; the server decides `passed` from what the level requires. */
    async precheck(actor: Actor, interviewId: string, body: PrecheckBody): Promise<PrecheckResult> {
      const { subject, viewer } = await interviews.integritySubject(actor, interviewId);
      if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate runs the pre-check.');
      requireProctored(subject);
      if (subject.status !== 'scheduled') throw new AppError('invalid_state', 'The pre-check is run before the interview starts.');
      const byName = new Map(body.checks.map((c) => [c.name, c]));
      const required = REQUIRED_PRECHECKS[subject.proctoring];
      const warnings = [...body.warnings];
      const failed = required.filter((name) => {
        const check = byName.get(name);
        // What the browser cannot tell (no Window Management API; no face detector yet) is recorded as unknown with a warning, not refused.
        const unknown = UNKNOWN_ALLOWED[name];
        if (unknown && check?.passed === null) {
          if (!warnings.includes(unknown)) warnings.push(unknown);
          return false;
        }
        return check?.passed !== true;
      });
      const now = clock.now();
      const result: PrecheckResult = {
        passed: failed.length === 0,
        level: subject.proctoring,
        failed,
        checks: body.checks,
        warnings,
        userAgent: body.userAgent,
        at: now.toISOString(),
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(proctoringSessions)
          .values({ interviewId, precheck: result, precheckPassed: result.passed, updatedAt: now })
          .onConflictDoUpdate({
            target: proctoringSessions.interviewId,
            set: { precheck: result, precheckPassed: result.passed, updatedAt: now },
          });
        await deps.recordConsent?.(tx, actor.userId, interviewId, now);
      });
      return result;
    },

    /**
     * A batch of the browser's events. Each is checked against the chain's head and stored
     * whatever is wrong with it (the problem recorded), chained again by the server with its
     * receive time. Thresholds reached warn the candidate (this answer), tell the coaches, and
     * end the interview only where the organization chose that.
     */
    async appendEvents(actor: Actor, interviewId: string, body: IntegrityEventsBody): Promise<IntegrityReceipt> {
      const { subject, viewer } = await interviews.integritySubject(actor, interviewId);
      if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate sends integrity events.');
      requireProctored(subject);
      if (subject.status !== 'in_progress')
        throw new AppError('interview_completed', 'Events are accepted only while the interview is in progress.');
      const staff = await interviews.integrityStaff(subject);
      const outcome = await db.transaction(async (tx) => {
        const [session] = await tx.select().from(proctoringSessions).where(eq(proctoringSessions.interviewId, interviewId)).for('update');
        if (!session?.nonce) throw new AppError('invalid_state', 'The interview has not been started with its integrity nonce.');
        const existing = await tx
          .select({
            hash: integrityEvents.hash,
            kind: integrityEvents.kind,
            details: integrityEvents.details,
            problem: integrityEvents.problem,
          })
          .from(integrityEvents)
          .where(eq(integrityEvents.interviewId, interviewId));
        const settings = await settingsOf(tx, subject.orgId);
        const head = { seq: session.headSeq, hash: session.headHash ?? session.nonce };
        const { checked, head: nextHead } = checkAppend(head, body.events, new Set(existing.map((e) => e.hash)));
        const now = clock.now();
        let previous = session.serverHead ?? session.nonce;
        const rows = checked.map(({ event, problem }, i) => {
          const base = { ...event, position: session.positions + i + 1, receivedAt: now.toISOString(), problem };
          previous = serverHashOf(previous, base);
          return { id: newId(), interviewId, ...event, position: base.position, problem, receivedAt: now, serverHash: previous };
        });
        await tx.insert(integrityEvents).values(rows);
        const firstProblem = checked.find((c) => c.problem !== null);
        const newlyTampered = !session.tamperedAt && firstProblem;
        await tx
          .update(proctoringSessions)
          .set({
            headSeq: nextHead.seq,
            headHash: nextHead.hash,
            positions: session.positions + rows.length,
            serverHead: previous,
            ...(newlyTampered ? { tamperedAt: firstProblem.event.seq, tamperProblem: firstProblem.problem } : {}),
            updatedAt: now,
          })
          .where(eq(proctoringSessions.interviewId, interviewId));
        if (newlyTampered) {
          await tx
            .insert(integrityFlags)
            .values({
              id: newId(),
              interviewId,
              kind: 'tampered',
              category: firstProblem.problem!,
              message: `The integrity log does not verify at event ${firstProblem.event.seq} (${firstProblem.problem!.replace('_', ' ')}).`,
              createdAt: now,
            })
            .onConflictDoNothing();
        }

        const before = counted(existing);
        const after = counted([...existing, ...rows]);
        const reached = newlyReached(before, after, settings.thresholds);
        for (const w of reached) {
          await tx
            .insert(integrityFlags)
            .values({ id: newId(), interviewId, kind: 'threshold', category: w.category, message: staffMessage(w), createdAt: now })
            .onConflictDoNothing();
        }
        const terminate = reached.length > 0 && settings.terminateOnThreshold;
        if (terminate) {
          const reason = `Ended by the organization's proctoring rules: ${reached.map(staffMessage).join(' ')}`;
          await tx.update(proctoringSessions).set({ terminatedReason: reason }).where(eq(proctoringSessions.interviewId, interviewId));
        }
        for (const coachId of reached.length > 0 ? staff : []) {
          await notify(
            tx,
            {
              userId: coachId,
              kind: 'integrity_threshold',
              title: terminate ? 'Interview ended by proctoring rules' : 'Proctoring threshold reached',
              body: reached.map(staffMessage).join(' '),
              link: `/coach/interviews/${interviewId}`,
              data: { interviewId, categories: reached.map((w) => w.category), terminated: terminate },
            },
            now,
          );
        }
        return {
          receipt: {
            accepted: rows.length,
            nextSeq: nextHead.seq + 1,
            lastHash: nextHead.hash,
            counts: after,
            newWarnings: reached,
            warnings: reachedWarnings(after, settings.thresholds),
          },
          terminate,
        };
      });
      // Outside the log's transaction: termination grades drafts first, which is slow work.
      const terminated = outcome.terminate ? await interviews.terminateForIntegrity(interviewId) : false;
      return { ...outcome.receipt, terminated };
    },

    /** Staff see the whole log, verified again from the nonce; the candidate sees their own counts and warnings. */
    async integrity(actor: Actor, interviewId: string): Promise<IntegrityView> {
      const { subject, viewer } = await interviews.integritySubject(actor, interviewId);
      if (subject.kind !== 'assigned') throw new AppError('invalid_state', 'Practice interviews are not proctored.');
      const session = await sessionOf(db, interviewId);
      const settings = await settingsOf(db, subject.orgId);
      const rows = await db
        .select()
        .from(integrityEvents)
        .where(eq(integrityEvents.interviewId, interviewId))
        .orderBy(asc(integrityEvents.position));
      const categoryCounts = counted(rows);
      if (viewer === 'candidate') {
        const mine: CandidateIntegrity = {
          interviewId,
          level: subject.proctoring,
          precheck: session?.precheck ?? null,
          categoryCounts,
          thresholds: settings.thresholds,
          warnings: reachedWarnings(categoryCounts, settings.thresholds),
          nextSeq: (session?.headSeq ?? 0) + 1,
          lastHash: session?.headHash ?? session?.nonce ?? null,
        };
        return { viewer: 'candidate', ...mine };
      }
      const stored = rows.map(toStored);
      const verdict = session?.nonce
        ? verifyStoredLog(session.nonce, stored, {
            head: { seq: session.headSeq, hash: session.headHash ?? session.nonce },
            positions: session.positions,
            serverHead: session.serverHead,
          })
        : {
            valid: rows.length === 0,
            tamperedAt: rows.length === 0 ? null : rows[0]!.seq,
            problem: rows.length === 0 ? null : ('broken_hash' as const),
          };
      const counts = Object.fromEntries(
        rows.filter((r) => r.problem !== 'replay').reduce((m, r) => m.set(r.kind, (m.get(r.kind) ?? 0) + 1), new Map<string, number>()),
      );
      const similarity = await db.select().from(answerSimilarity).where(eq(answerSimilarity.interviewId, interviewId));
      const report: IntegrityReport = {
        interviewId,
        level: subject.proctoring,
        chainValid: verdict.valid,
        tamperedAt: verdict.tamperedAt,
        tamperProblem: verdict.problem,
        counts,
        categoryCounts,
        thresholds: settings.thresholds,
        terminateOnThreshold: settings.terminateOnThreshold,
        precheck: session?.precheck ?? null,
        events: stored.map(({ serverHash: _s, ...e }) => e),
        flags: await flagsOf(interviewId),
        similarity: similarity.flatMap((s) => s.matches),
        typing: similarity.flatMap((s) => (s.typing ? [s.typing] : [])),
        terminatedReason: session?.terminatedReason ?? null,
      };
      return { viewer: 'staff', ...report };
    },

    /** A coach marks a flag as looked at, with a note; audited. Marking again replaces the note. */
    async reviewFlag(
      actor: Actor,
      interviewId: string,
      flagId: string,
      body: ReviewFlagBody,
      meta: { ip?: string | undefined } = {},
    ): Promise<IntegrityFlag> {
      const { subject, viewer } = await interviews.integritySubject(actor, interviewId);
      if (viewer !== 'staff') throw new AppError('forbidden', "Only the interview's coaches review integrity flags.");
      await db.transaction(async (tx) => {
        const [flag] = await tx
          .select()
          .from(integrityFlags)
          .where(and(eq(integrityFlags.id, flagId), eq(integrityFlags.interviewId, interviewId)))
          .for('update');
        if (!flag) throw notFound('Flag in this interview');
        const now = clock.now();
        await tx
          .update(integrityFlags)
          .set({ reviewedAt: now, reviewedBy: actor.userId, reviewNote: body.note })
          .where(eq(integrityFlags.id, flagId));
        await writeAudit(tx, {
          orgId: subject.orgId,
          actorId: actor.userId,
          action: 'integrity.flag.review',
          targetType: 'interview',
          targetId: interviewId,
          before: { flagId, reviewNote: flag.reviewNote },
          after: { flagId, kind: flag.kind, category: flag.category, reviewNote: body.note },
          ip: meta.ip ?? null,
          at: now,
        });
      });
      return (await flagsOf(interviewId)).find((f) => f.id === flagId)!;
    },
  };
}

export type ProctoringService = ReturnType<typeof createProctoringService>;

const STAFF_WHAT: Record<IntegrityWarning['category'], string> = {
  face_missing: 'face not visible',
  tab_switch: 'left the tab',
  fullscreen_exit: 'left full screen',
  multiple_faces: 'more than one face',
  suspicious_input: 'outside pastes, devtools shortcuts or context menus',
};

function staffMessage(w: IntegrityWarning): string {
  return `Threshold reached: ${STAFF_WHAT[w.category]} ${w.count} of ${w.threshold}.`;
}
