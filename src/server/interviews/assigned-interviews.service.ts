import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  Answer,
  CancelBody,
  Interview,
  OverrideBody,
  ReplaceQuestionsBody,
  ScheduleInterviewBody,
  UpdateInterviewBody,
} from '../../contract/interviews.js';
import type { CoachedCandidateList } from '../../contract/orgs.js';
import { AppError, notFound } from '../../core/errors.js';
import { checkStart, deadlineFor, windowProblems } from '../../core/interviews/interview-window.js';
import { finalScoreOf } from '../../core/interviews/summarize-report.js';
import { extractSkills } from '../../core/skills/extract-skills.js';
import type { Tx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { usersByIds } from '../auth/user-directory.js';
import { newId } from '../ids.js';
import { cancelJob } from '../jobs/job-queue.js';
import { notify } from '../notifications/notify.js';
import { recomputeOverall } from './answers.js';
import type { InterviewViewer } from './interview-access.js';
import { noticePeople, publishInterviewChange } from './interview-audience.js';
import { markMissedLocked } from './interview-completion.js';
import type { InterviewContext } from './interview-context.js';
import { cancelWindowJobs, interviewJobKeys, planDeadlineJob, planWindowJobs } from './interview-job-plan.js';
import { cancelledNotice, rescheduledNotice, resultsReadyNotice, scheduledNotice } from './interview-notices.js';
import { insertPlannedQuestions, prepareInterview } from './interview-questions.js';
import { toAnswer } from './interview-views.js';
import { answers, interviewQuestions, interviews, type InterviewRow } from './interviews.table.js';

/** Who did it and from where, for the audit log. */
export interface ActionMeta {
  ip?: string | undefined;
}

function invalidWindow(problems: Record<string, string>): AppError {
  const errors = Object.entries(problems).map(([field, message]) => ({ path: `body.${field}`, message }));
  return new AppError('validation_failed', `The interview window is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, {
    errors,
  });
}

function requireAssigned(row: InterviewRow): void {
  if (row.kind !== 'assigned')
    throw new AppError('invalid_state', 'This is a practice interview; only assigned interviews are scheduled and reviewed.');
}

function requireStaff(viewer: InterviewViewer, doing: string): void {
  if (viewer !== 'staff') throw new AppError('forbidden', `Only the interview's coaches can ${doing}.`);
}

const timeFields = ['windowStart', 'windowEnd', 'durationMinutes'] as const;

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
const asJson = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Interviews a coach schedules for a candidate: questions planned up front (editable until the
 * window opens), a time window the candidate must start in, a server-owned deadline once
 * started, and a review in which the coach may override scores and then finalize.
 */
export function createAssignedInterviews(ctx: InterviewContext) {
  const { db, clock, skills, reads, access, orgAccess, view } = ctx;

  /** Loads, checks the caller is staff of an assigned interview, and returns the row. */
  async function loadForStaff(actor: Actor, interviewId: string, doing: string): Promise<InterviewRow> {
    const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
    requireStaff(viewer, doing);
    requireAssigned(row);
    return row;
  }

  /** Locks the row and re-checks it is still in the state the action needs. */
  async function lockScheduled(tx: Tx, interviewId: string, doing: string): Promise<InterviewRow> {
    const row = await reads.lockInterview(tx, interviewId);
    if (!row) throw notFound('Interview');
    if (row.status !== 'scheduled')
      throw new AppError(
        'invalid_state',
        `An interview can be ${doing} only before the candidate starts it (it is ${row.status.replace('_', ' ')}).`,
      );
    return row;
  }

  async function resolveOrg(actor: Actor, candidateId: string, orgId: string | undefined): Promise<string> {
    const orgs = await orgAccess.orgsWhereCoaching(actor, candidateId);
    if (orgs.length === 0 || (orgId && !orgs.includes(orgId))) throw notFound('Candidate');
    if (orgId) return orgId;
    if (orgs.length > 1) {
      throw new AppError('bad_request', 'You coach this candidate in several organizations; say which one with orgId.', { orgIds: orgs });
    }
    return orgs[0]!;
  }

  return {
    async schedule(actor: Actor, body: ScheduleInterviewBody, meta: ActionMeta = {}): Promise<Interview> {
      const orgId = await resolveOrg(actor, body.candidateId, body.orgId);
      const now = clock.now();
      const window = { windowStart: new Date(body.windowStart), windowEnd: new Date(body.windowEnd) };
      const problems = windowProblems(window, now, { startChanged: true });
      if (Object.keys(problems).length > 0) throw invalidWindow(problems);

      const { id, questions: picked, tailoring, columns } = await prepareInterview(ctx, actor, body, body.candidateId, orgId);

      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(interviews)
          .values({
            ...columns,
            kind: 'assigned',
            status: 'scheduled',
            createdAt: now,
            orgId,
            coachId: actor.userId,
            windowStart: window.windowStart,
            windowEnd: window.windowEnd,
            durationMinutes: body.durationMinutes,
            releaseResults: body.releaseResults,
            proctoring: body.proctoring,
          })
          .returning();
        await insertPlannedQuestions(tx, id, picked);
        await planWindowJobs(tx, row!, now);
        await notify(tx, scheduledNotice(row!, await noticePeople(ctx, tx, row!), ctx.notices(now)), now);
        await publishInterviewChange(ctx, tx, row!);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'interview.schedule',
          targetType: 'interview',
          targetId: id,
          after: {
            candidateId: body.candidateId,
            type: body.type,
            role: body.role,
            windowStart: window.windowStart.toISOString(),
            windowEnd: window.windowEnd.toISOString(),
            durationMinutes: body.durationMinutes,
            questionCount: picked.length,
            releaseResults: body.releaseResults,
            jobDescriptionId: tailoring.job?.id ?? null,
            proctoring: body.proctoring,
          },
          ip: meta.ip ?? null,
          at: now,
        });
        return row!;
      });
      return view(created, 'staff');
    },

    /** Reschedule or change details before the candidate starts; the reminder and close jobs follow. */
    async update(actor: Actor, interviewId: string, body: UpdateInterviewBody, meta: ActionMeta = {}): Promise<Interview> {
      await loadForStaff(actor, interviewId, 'change this interview');
      const updated = await db.transaction(async (tx) => {
        const row = await lockScheduled(tx, interviewId, 'changed');
        const now = clock.now();
        const next = {
          windowStart: body.windowStart ? new Date(body.windowStart) : row.windowStart!,
          windowEnd: body.windowEnd ? new Date(body.windowEnd) : row.windowEnd!,
          durationMinutes: body.durationMinutes ?? row.durationMinutes!,
          role: body.role ?? row.role,
          releaseResults: body.releaseResults ?? row.releaseResults!,
        };
        const before = {
          windowStart: row.windowStart!,
          windowEnd: row.windowEnd!,
          durationMinutes: row.durationMinutes!,
          role: row.role,
          releaseResults: row.releaseResults!,
        };
        const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !sameValue(next[k], before[k]));
        if (changed.length === 0) return row;
        const startChanged = changed.includes('windowStart');
        const problems = windowProblems(next, now, { startChanged });
        if (Object.keys(problems).length > 0) throw invalidWindow(problems);
        // The candidate's calendar shows window, duration and role: a change there is a new invite version.
        const inviteChanged = changed.some((k) => k !== 'releaseResults');
        const [saved] = await tx
          .update(interviews)
          .set({
            ...next,
            ...(startChanged ? { remindedAt: null } : {}),
            ...(inviteChanged ? { inviteSequence: row.inviteSequence + 1 } : {}),
          })
          .where(eq(interviews.id, interviewId))
          .returning();
        if (changed.some((k) => (timeFields as readonly string[]).includes(k))) await planWindowJobs(tx, saved!, now);
        if (inviteChanged) await notify(tx, rescheduledNotice(saved!, await noticePeople(ctx, tx, saved!), ctx.notices(now)), now);
        await publishInterviewChange(ctx, tx, saved!);
        const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, asJson(o[k])]));
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'interview.update',
          targetType: 'interview',
          targetId: interviewId,
          before: pick(before),
          after: pick(next),
          ip: meta.ip ?? null,
          at: now,
        });
        return saved!;
      });
      return view(updated, 'staff');
    },

    /** The whole ordered list; questions left out are removed. Only before the window opens. */
    async replaceQuestions(actor: Actor, interviewId: string, body: ReplaceQuestionsBody, meta: ActionMeta = {}): Promise<Interview> {
      await loadForStaff(actor, interviewId, 'edit the questions');
      const givenIds = body.questions.map((q) => q.id).filter((x): x is string => !!x);
      if (new Set(givenIds).size !== givenIds.length) {
        throw new AppError('validation_failed', 'A question appears twice in the list.', {
          errors: [{ path: 'body.questions', message: 'question ids must be unique' }],
        });
      }
      // A coach's pick from the coding bank: the problem's own question, whatever text came with it.
      const picked = body.questions.map((q, i) => {
        if (q.id || q.codingProblem === undefined) return undefined;
        if (!ctx.coding) throw new AppError('unprocessable', 'Coding questions are not available on this server.');
        const question = ctx.coding.questionFor(q.codingProblem);
        if (!question) {
          throw new AppError('validation_failed', 'There is no coding problem with this name.', {
            errors: [{ path: `body.questions.${i}.codingProblem`, message: 'unknown coding problem' }],
          });
        }
        return question;
      });
      const updated = await db.transaction(async (tx) => {
        const row = await lockScheduled(tx, interviewId, 'edited');
        const now = clock.now();
        if (now >= row.windowStart!) throw new AppError('invalid_state', 'The window has opened; the questions can no longer change.');
        const existing = new Map((await reads.questions(interviewId, tx)).map((q) => [q.id, q]));
        const unknown = givenIds.find((qid) => !existing.has(qid));
        if (unknown) throw notFound('Question in this interview');
        const rows = body.questions.map((q, i) => {
          const problem = picked[i];
          if (problem) {
            return {
              id: newId(),
              interviewId,
              order: i + 1,
              type: problem.type,
              text: problem.text,
              bankQuestionId: problem.bankQuestionId ?? null,
              referenceAnswer: problem.referenceAnswer ?? null,
              keyPoints: problem.keyPoints,
              expectedAnswer: null,
              targetSkills: problem.targetSkills,
            };
          }
          const old = q.id ? existing.get(q.id) : undefined;
          const sameText = old?.text === q.text;
          return {
            id: old?.id ?? newId(),
            interviewId,
            order: i + 1,
            type: q.type,
            text: q.text,
            bankQuestionId: old?.bankQuestionId ?? null,
            referenceAnswer: q.referenceAnswer !== undefined ? q.referenceAnswer || null : (old?.referenceAnswer ?? null),
            keyPoints: q.keyPoints ?? old?.keyPoints ?? [],
            // An exact expected answer (aptitude) belongs to the wording it was written for.
            expectedAnswer: sameText ? (old?.expectedAnswer ?? null) : null,
            targetSkills:
              sameText && old
                ? old.targetSkills
                : extractSkills(q.text, skills)
                    .map((s) => s.skillId)
                    .slice(0, 4),
          };
        });
        // Nothing references a question yet (no answers or drafts before the start), so the list is rewritten whole.
        await tx.delete(interviewQuestions).where(eq(interviewQuestions.interviewId, interviewId));
        await tx.insert(interviewQuestions).values(rows);
        const [saved] = await tx.update(interviews).set({ questionCount: rows.length }).where(eq(interviews.id, interviewId)).returning();
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'interview.questions',
          targetType: 'interview',
          targetId: interviewId,
          before: { questionIds: [...existing.keys()] },
          after: { questionIds: rows.map((r) => r.id), added: rows.filter((r) => !existing.has(r.id)).length },
          ip: meta.ip ?? null,
          at: now,
        });
        return saved!;
      });
      return view(updated, 'staff');
    },

    async cancel(actor: Actor, interviewId: string, body: CancelBody, meta: ActionMeta = {}): Promise<Interview> {
      await loadForStaff(actor, interviewId, 'cancel this interview');
      const updated = await db.transaction(async (tx) => {
        const row = await lockScheduled(tx, interviewId, 'cancelled');
        const now = clock.now();
        const [saved] = await tx
          .update(interviews)
          .set({ status: 'cancelled', cancelledAt: now, cancelReason: body.reason || null, inviteSequence: row.inviteSequence + 1 })
          .where(eq(interviews.id, interviewId))
          .returning();
        await cancelWindowJobs(tx, interviewId, now);
        await notify(tx, cancelledNotice(saved!, await noticePeople(ctx, tx, saved!), ctx.notices(now)), now);
        await publishInterviewChange(ctx, tx, saved!);
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'interview.cancel',
          targetType: 'interview',
          targetId: interviewId,
          before: { status: row.status },
          after: { status: 'cancelled', reason: body.reason ?? null },
          ip: meta.ip ?? null,
          at: now,
        });
        return saved!;
      });
      return view(updated, 'staff');
    },

    /**
     * The candidate starts inside the window. The deadline is fixed here, by the server, and a
     * durable job completes the interview at that moment whatever the browser does.
     */
    async start(actor: Actor, interviewId: string): Promise<Interview> {
      const { viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
      if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate can start this interview.');
      const outcome = await db.transaction(async (tx) => {
        const row = await reads.lockInterview(tx, interviewId);
        if (!row) throw notFound('Interview');
        if (row.kind !== 'assigned') throw new AppError('invalid_state', 'A practice interview starts when it is created.');
        if (row.status === 'in_progress') return { row, integrityNonce: await ctx.proctoringGate?.nonceOf(tx, row) };
        if (row.status === 'cancelled') throw new AppError('invalid_state', 'This interview was cancelled.');
        if (row.status === 'missed') throw new AppError('window_closed', 'The window of this interview has closed.');
        if (row.status !== 'scheduled') throw new AppError('interview_completed', 'This interview is already completed.');
        const now = clock.now();
        const check = checkStart({ windowStart: row.windowStart!, windowEnd: row.windowEnd! }, now);
        if (!check.ok && check.reason === 'not_yet_open') {
          throw new AppError('not_yet_open', 'The window of this interview has not opened yet.', { opensAt: check.opensAt.toISOString() });
        }
        if (!check.ok) {
          // Marked missed now rather than waiting for the window-close job; the error follows the commit.
          await markMissedLocked(ctx, tx, row, now);
          await cancelJob(tx, interviewJobKeys.windowClose(interviewId), now);
          return { closed: true as const };
        }
        // A proctored interview starts only after its pre-check passed (409 naming the failed checks).
        const integrityNonce = await ctx.proctoringGate?.beforeStart(tx, row, now);
        const deadlineAt = deadlineFor(now, row.durationMinutes!, row.windowEnd!);
        const [started] = await tx
          .update(interviews)
          .set({ status: 'in_progress', startedAt: now, deadlineAt })
          .where(eq(interviews.id, interviewId))
          .returning();
        await cancelWindowJobs(tx, interviewId, now);
        await planDeadlineJob(tx, started!, now);
        await publishInterviewChange(ctx, tx, started!);
        return { row: started!, integrityNonce };
      });
      if ('closed' in outcome) throw new AppError('window_closed', 'The window of this interview has closed.');
      return { ...(await view(outcome.row, 'candidate')), integrityNonce: outcome.integrityNonce ?? null };
    },

    /** The engine's evaluation stays as it was; the override sets the score that counts. */
    async overrideAnswer(actor: Actor, interviewId: string, answerId: string, body: OverrideBody, meta: ActionMeta = {}): Promise<Answer> {
      await loadForStaff(actor, interviewId, 'override scores');
      const { saved, people } = await db.transaction(async (tx) => {
        const row = await reads.lockInterview(tx, interviewId);
        if (!row) throw notFound('Interview');
        if (row.status === 'reviewed') throw new AppError('invalid_state', 'The results are finalized; scores can no longer change.');
        if (row.status !== 'completed') throw new AppError('invalid_state', 'Scores can be overridden once the interview is completed.');
        const [answer] = await tx
          .select()
          .from(answers)
          .where(and(eq(answers.id, answerId), eq(answers.interviewId, interviewId), sql`${answers.supersededAt} is null`));
        if (!answer) throw notFound('Answer in this interview');
        const now = clock.now();
        const [saved] = await tx
          .update(answers)
          .set({ overrideScore: body.score, overrideNote: body.note, overriddenBy: actor.userId, overriddenAt: now })
          .where(eq(answers.id, answerId))
          .returning();
        const overall = await recomputeOverall(reads, tx, interviewId);
        await tx.update(interviews).set({ overallScore: overall }).where(eq(interviews.id, interviewId));
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'answer.override',
          targetType: 'answer',
          targetId: answerId,
          before: {
            engineScore: answer.score,
            overrideScore: answer.overrideScore,
            overrideNote: answer.overrideNote,
            finalScore: finalScoreOf(answer),
            overallScore: row.overallScore,
          },
          after: {
            engineScore: answer.score,
            overrideScore: body.score,
            overrideNote: body.note,
            finalScore: body.score,
            overallScore: overall,
          },
          ip: meta.ip ?? null,
          at: now,
        });
        return { saved: saved!, people: await usersByIds(tx, [actor.userId]) };
      });
      return toAnswer(saved, true, people);
    },

    /** Closes the review: scores are fixed and the candidate is told their results are ready. */
    async finalize(actor: Actor, interviewId: string, meta: ActionMeta = {}): Promise<Interview> {
      await loadForStaff(actor, interviewId, 'finalize the results');
      const updated = await db.transaction(async (tx) => {
        const row = await reads.lockInterview(tx, interviewId);
        if (!row) throw notFound('Interview');
        if (row.status === 'reviewed') throw new AppError('invalid_state', 'The results are already finalized.');
        if (row.status !== 'completed') throw new AppError('invalid_state', 'An interview can be finalized once it is completed.');
        const now = clock.now();
        const [saved] = await tx
          .update(interviews)
          .set({ status: 'reviewed', finalizedAt: now, finalizedBy: actor.userId })
          .where(eq(interviews.id, interviewId))
          .returning();
        const people = await noticePeople(ctx, tx, saved!);
        const reviewer = (await usersByIds(tx, [actor.userId])).get(actor.userId);
        await notify(tx, resultsReadyNotice(saved!, { ...people, coach: reviewer ?? people.coach }, ctx.notices(now)), now);
        await publishInterviewChange(ctx, tx, saved!);
        await writeAudit(tx, {
          orgId: row.orgId,
          actorId: actor.userId,
          action: 'interview.finalize',
          targetType: 'interview',
          targetId: interviewId,
          before: { status: row.status },
          after: { status: 'reviewed', overallScore: saved!.overallScore },
          ip: meta.ip ?? null,
          at: now,
        });
        return saved!;
      });
      return view(updated, 'staff');
    },

    /** The coach dashboard: everyone the caller coaches, with what is coming up and what waits for review. */
    async coachedCandidates(actor: Actor): Promise<CoachedCandidateList> {
      const scope = await orgAccess.coachingScope(actor.userId);
      if (scope.candidates.length === 0) return { items: [] };
      const orgIds = [...new Set(scope.candidates.map((c) => c.orgId))];
      const candidateIds = [...new Set(scope.candidates.map((c) => c.candidateId))];
      const [people, orgNames, stats] = await Promise.all([
        usersByIds(db, candidateIds),
        orgAccess.orgNames(orgIds),
        db
          .select({
            orgId: interviews.orgId,
            candidateId: interviews.candidateId,
            upcoming: sql<number>`count(*) filter (where ${interviews.status} in ('scheduled', 'in_progress'))`.mapWith(Number),
            toReview: sql<number>`count(*) filter (where ${interviews.status} = 'completed')`.mapWith(Number),
            lastScore: sql<
              number | null
            >`(array_agg(${interviews.overallScore} order by ${interviews.completedAt} desc) filter (where ${interviews.status} in ('completed', 'reviewed') and ${interviews.overallScore} is not null))[1]`,
          })
          .from(interviews)
          .where(and(eq(interviews.kind, 'assigned'), inArray(interviews.orgId, orgIds), inArray(interviews.candidateId, candidateIds)))
          .groupBy(interviews.orgId, interviews.candidateId),
      ]);
      const byPair = new Map(stats.map((s) => [`${s.orgId}:${s.candidateId}`, s]));
      const items = scope.candidates
        .map((c) => {
          const person = people.get(c.candidateId);
          const s = byPair.get(`${c.orgId}:${c.candidateId}`);
          return {
            userId: c.candidateId,
            name: person?.name ?? 'Former member',
            email: person?.email ?? '',
            orgId: c.orgId,
            orgName: orgNames.get(c.orgId) ?? '',
            upcoming: s?.upcoming ?? 0,
            toReview: s?.toReview ?? 0,
            lastScore: s?.lastScore === null || s?.lastScore === undefined ? null : Number(s.lastScore),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name) || a.orgName.localeCompare(b.orgName));
      return { items };
    },
  };
}
