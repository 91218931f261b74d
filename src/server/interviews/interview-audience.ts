import type { DbOrTx } from '../../db/client.js';
import { usersByIds } from '../auth/user-directory.js';
import { publishEvent } from '../notifications/notify.js';
import type { InterviewContext } from './interview-context.js';
import type { InterviewRow } from './interviews.table.js';

/** The coaches who hear about an assigned interview: whoever scheduled it and the candidate's coaches there. */
export async function staffToTell(ctx: Pick<InterviewContext, 'orgAccess'>, row: InterviewRow, tx: DbOrTx): Promise<string[]> {
  if (row.kind !== 'assigned' || !row.orgId) return [];
  const coaches = await ctx.orgAccess.coachIdsOf(row.candidateId, row.orgId, tx);
  return [...new Set([...(row.coachId ? [row.coachId] : []), ...coaches])].filter((id) => id !== row.candidateId);
}

/** Tells the candidate's and coaches' open pages that the interview changed state. */
export async function publishInterviewChange(ctx: Pick<InterviewContext, 'orgAccess'>, tx: DbOrTx, row: InterviewRow): Promise<void> {
  const userIds = [row.candidateId, ...(await staffToTell(ctx, row, tx))];
  await publishEvent(tx, { type: 'interview', userIds, interviewId: row.id, status: row.status });
}

/** The candidate and the scheduling coach as the notices address them. */
export async function noticePeople(ctx: Pick<InterviewContext, 'fallbackOrganizer'>, tx: DbOrTx, row: InterviewRow) {
  const people = await usersByIds(tx, [row.candidateId, ...(row.coachId ? [row.coachId] : [])]);
  const candidate = people.get(row.candidateId) ?? { name: 'Candidate', email: '' };
  const coach = (row.coachId && people.get(row.coachId)) || ctx.fallbackOrganizer;
  return { candidate, coach };
}
