import { createAssignedInterviews } from './assigned-interviews.service.js';
import { createInterviewAnswering } from './interview-answers.service.js';
import { createInterviewContext, type InterviewDeps } from './interview-context.js';
import { registerInterviewJobs } from './interview-jobs.js';
import { createInterviewReading } from './interview-reading.service.js';
import { createPracticeInterviews } from './practice-interviews.service.js';

export type InterviewsService = ReturnType<typeof createInterviewsService>;

/**
 * The interviews feature as the routes see it. Its parts are peers over one shared context
 * (reads, access, the interview view; answers.ts and interview-completion.ts below them):
 * - practice-interviews.service.ts: the candidate's own interview, started at once;
 * - assigned-interviews.service.ts: scheduled by a coach, timed by the server, reviewed;
 * - interview-answers.service.ts: answering, drafts and completion, for both kinds;
 * - interview-reading.service.ts: lists, one interview, the report;
 * - interview-jobs.ts: reminder, window close and deadline.
 * Who sees what is in interview-access.ts.
 */
export function createInterviewsService(deps: InterviewDeps) {
  const ctx = createInterviewContext(deps);
  registerInterviewJobs(ctx);
  return {
    ...createPracticeInterviews(ctx),
    ...createAssignedInterviews(ctx),
    ...createInterviewAnswering(ctx),
    ...createInterviewReading(ctx),
  };
}
