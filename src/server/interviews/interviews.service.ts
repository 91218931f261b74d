import { createAnswerGrading } from './answer-grading.js';
import { createAssignedInterviews } from './assigned-interviews.service.js';
import { createFollowUpWriter } from './follow-up-writer.js';
import { createInterviewAnswering } from './interview-answers.service.js';
import { createInterviewConversation } from './interview-conversation.service.js';
import { createInterviewContext, type InterviewDeps } from './interview-context.js';
import { registerInterviewJobs } from './interview-jobs.js';
import { createInterviewProctoring } from './interview-proctoring.js';
import { createInterviewReading } from './interview-reading.service.js';
import { createCachedReads, createReadCache } from './interview-read-cache.js';
import { createPracticeInterviews } from './practice-interviews.service.js';
import { createSavedQuestions } from './saved-questions.service.js';
import { createReportSharing } from './report-sharing.service.js';
import { createInterviewAttempts } from './interview-attempts.service.js';

/** Bodies of ~20 KB: some 1,500 interviews' pages and reports, plus their gzip forms. */
const READ_CACHE_BYTES = 32 * 1024 * 1024;
/** Entries are checked on every request anyway; the age only lets unread ones go. */
const READ_CACHE_MAX_AGE_MS = 10 * 60_000;

export type InterviewsService = ReturnType<typeof createInterviewsService>;

/**
 * The interviews feature as the routes see it. Its parts are peers over one shared context
 * (reads, access, the interview view; answers.ts and interview-completion.ts below them):
 * - practice-interviews.service.ts: the candidate's own interview, started at once;
 * - assigned-interviews.service.ts: scheduled by a coach, timed by the server, reviewed;
 * - interview-answers.service.ts: answering, drafts and completion, for both kinds;
 * - interview-reading.service.ts: lists, one interview, the report;
 * - interview-jobs.ts: reminder, window close and deadline;
 * - interview-conversation.service.ts: what the interviewer says next, follow-ups included.
 * - interview-attempts.service.ts: retries of a practice question and which attempt counts.
 * - interview-proctoring.ts: what the proctoring feature reads, and termination.
 * Who sees what is in interview-access.ts.
 */
export function createInterviewsService(deps: InterviewDeps) {
  const ctx = createInterviewContext(deps);
  const grading = createAnswerGrading(ctx, deps.answerWait);
  registerInterviewJobs(ctx, grading);
  return {
    ...createPracticeInterviews(ctx),
    ...createAssignedInterviews(ctx),
    ...createInterviewAnswering(ctx, grading),
    ...createInterviewReading(ctx),
    ...createInterviewConversation(
      ctx,
      grading,
      deps.followUpWriter ??
        createFollowUpWriter(deps.config.ai ?? { provider: 'local' }, {
          onFallback: (err) => deps.log?.warn({ err }, 'follow-up worded locally: the model failed'),
        }),
    ),
    ...createInterviewProctoring(ctx),
    ...createSavedQuestions(ctx),
    ...createReportSharing(ctx),
    ...createInterviewAttempts(ctx),
    /** GET interview and GET report from the per-process cache of serialised bodies (interview-read-cache.ts). */
    cachedReads: createCachedReads(
      ctx,
      createReadCache({ maxBytes: deps.readCacheBytes ?? READ_CACHE_BYTES, maxAgeMs: READ_CACHE_MAX_AGE_MS }),
      () => deps.clock.now().getTime(),
    ),
  };
}
