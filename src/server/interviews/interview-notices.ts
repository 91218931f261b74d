import { buildInterviewInvite } from '../../core/calendar/interview-invite.js';
import type { DirectoryEntry } from '../auth/user-directory.js';
import type { NewNotification } from '../notifications/notify.js';
import type { InterviewRow } from './interviews.table.js';

/**
 * What the candidate and the coaches are told, in words and in calendar invites. Everything
 * here is pure text-building; the services decide when to send it (inside their transactions).
 */

type Person = Pick<DirectoryEntry, 'name' | 'email'>;

export interface NoticeContext {
  /** An absolute link into the web app. */
  url(path: string): string;
  now: Date;
}

const typeLabels: Record<string, string> = {
  behavioral: 'behavioral',
  technical: 'technical',
  system_design: 'system design',
  communication: 'communication',
  aptitude: 'aptitude',
  mixed: 'mixed',
  coding: 'coding',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "Mon, 2 Mar 2026, 10:00 UTC": mails are read in many time zones, so they say which one. */
export function formatUtc(date: Date): string {
  return `${dateFormat.format(date)} UTC`;
}

const interviewPath = (row: InterviewRow) => `/interviews/${row.id}`;

function title(row: InterviewRow): string {
  return `${typeLabels[row.type] ?? row.type} interview: ${row.role}`;
}

function windowLines(row: InterviewRow): string[] {
  return [
    `Opens: ${formatUtc(row.windowStart!)}`,
    `Closes: ${formatUtc(row.windowEnd!)}`,
    `Time allowed once you start: ${row.durationMinutes} minutes (ending at the latest when the window closes)`,
    `Questions: ${row.questionCount}`,
  ];
}

function invite(row: InterviewRow, people: { candidate: Person; coach: Person }, ctx: NoticeContext, cancelled = false): string {
  return buildInterviewInvite({
    interviewId: row.id,
    title: `Panelist: ${title(row)}`,
    description: `Start the interview at ${ctx.url(interviewPath(row))} any time while the window is open.`,
    start: row.windowStart!,
    end: row.windowEnd!,
    organizer: people.coach,
    attendee: people.candidate,
    sequence: row.inviteSequence,
    cancelled,
    url: ctx.url(interviewPath(row)),
    stamp: ctx.now,
  });
}

export function scheduledNotice(row: InterviewRow, people: { candidate: Person; coach: Person }, ctx: NoticeContext): NewNotification {
  const text = [
    `Hello ${people.candidate.name},`,
    '',
    `${people.coach.name} scheduled a ${title(row)} for you.`,
    '',
    ...windowLines(row),
    '',
    `Start it here while the window is open: ${ctx.url(interviewPath(row))}`,
    'The attached invitation adds the window to your calendar.',
  ].join('\n');
  return {
    userId: row.candidateId,
    kind: 'interview_scheduled',
    title: `New interview: ${row.role}`,
    body: `${people.coach.name} scheduled a ${title(row)}, open ${formatUtc(row.windowStart!)} to ${formatUtc(row.windowEnd!)}.`,
    link: interviewPath(row),
    data: { interviewId: row.id, windowStart: row.windowStart!.toISOString(), windowEnd: row.windowEnd!.toISOString() },
    email: { subject: `Interview scheduled: ${row.role}`, text, ics: invite(row, people, ctx) },
  };
}

export function rescheduledNotice(row: InterviewRow, people: { candidate: Person; coach: Person }, ctx: NoticeContext): NewNotification {
  const text = [
    `Hello ${people.candidate.name},`,
    '',
    `${people.coach.name} changed your ${title(row)}. The new details:`,
    '',
    ...windowLines(row),
    '',
    `Start it here while the window is open: ${ctx.url(interviewPath(row))}`,
    'The attached invitation updates the event in your calendar.',
  ].join('\n');
  return {
    userId: row.candidateId,
    kind: 'interview_rescheduled',
    title: `Interview changed: ${row.role}`,
    body: `Now open ${formatUtc(row.windowStart!)} to ${formatUtc(row.windowEnd!)}, ${row.durationMinutes} minutes once started.`,
    link: interviewPath(row),
    data: { interviewId: row.id, windowStart: row.windowStart!.toISOString(), windowEnd: row.windowEnd!.toISOString() },
    email: { subject: `Interview rescheduled: ${row.role}`, text, ics: invite(row, people, ctx) },
  };
}

export function cancelledNotice(row: InterviewRow, people: { candidate: Person; coach: Person }, ctx: NoticeContext): NewNotification {
  const reason = row.cancelReason ? `Reason: ${row.cancelReason}` : null;
  const text = [
    `Hello ${people.candidate.name},`,
    '',
    `${people.coach.name} cancelled your ${title(row)} that was to open ${formatUtc(row.windowStart!)}.`,
    ...(reason ? ['', reason] : []),
    '',
    'The attached update removes it from your calendar.',
  ].join('\n');
  return {
    userId: row.candidateId,
    kind: 'interview_cancelled',
    title: `Interview cancelled: ${row.role}`,
    body: reason ?? `${people.coach.name} cancelled this interview.`,
    link: interviewPath(row),
    data: { interviewId: row.id },
    email: { subject: `Interview cancelled: ${row.role}`, text, ics: invite(row, people, ctx, true) },
  };
}

export function startingSoonNotice(row: InterviewRow, people: { candidate: Person; coach: Person }, ctx: NoticeContext): NewNotification {
  const text = [
    `Hello ${people.candidate.name},`,
    '',
    `Your ${title(row)} opens ${formatUtc(row.windowStart!)}.`,
    '',
    ...windowLines(row),
    '',
    `Start it here: ${ctx.url(interviewPath(row))}`,
  ].join('\n');
  return {
    userId: row.candidateId,
    kind: 'interview_starting_soon',
    title: `Starting soon: ${row.role}`,
    body: `Your interview opens ${formatUtc(row.windowStart!)} and closes ${formatUtc(row.windowEnd!)}.`,
    link: interviewPath(row),
    data: { interviewId: row.id, windowStart: row.windowStart!.toISOString() },
    email: { subject: `Reminder: your interview opens ${formatUtc(row.windowStart!)}`, text, ics: invite(row, people, ctx) },
  };
}

export function completedNotice(
  row: InterviewRow,
  coachId: string,
  candidate: Person,
  ctx: NoticeContext,
  how: 'submitted' | 'deadline',
): NewNotification {
  const ending = how === 'deadline' ? 'ran out of time; the answers given were submitted' : 'submitted the interview';
  return {
    userId: coachId,
    kind: 'interview_completed',
    title: `Ready to review: ${candidate.name}`,
    body: `${candidate.name} ${ending} (${row.role}).`,
    link: `/interviews/${row.id}`,
    data: { interviewId: row.id, candidateId: row.candidateId },
    email: {
      subject: `Interview completed: ${candidate.name}, ${row.role}`,
      text: [`${candidate.name} ${ending}: ${title(row)}.`, '', `Review the answers: ${ctx.url(`/interviews/${row.id}`)}`].join('\n'),
    },
  };
}

/** To a coach: the window closed and the candidate never started. */
export function missedNotice(row: InterviewRow, coachId: string, candidate: Person, ctx: NoticeContext): NewNotification {
  return {
    userId: coachId,
    kind: 'interview_missed',
    title: `Missed: ${candidate.name}`,
    body: `${candidate.name} did not start the interview before its window closed (${row.role}).`,
    link: `/interviews/${row.id}`,
    data: { interviewId: row.id, candidateId: row.candidateId },
    email: {
      subject: `Interview missed: ${candidate.name}, ${row.role}`,
      text: [
        `${candidate.name} did not start the ${title(row)} before its window closed (${formatUtc(row.windowEnd!)}).`,
        '',
        `Schedule it again if you wish: ${ctx.url(`/interviews/${row.id}`)}`,
      ].join('\n'),
    },
  };
}

export function resultsReadyNotice(row: InterviewRow, people: { candidate: Person; coach: Person }, ctx: NoticeContext): NewNotification {
  return {
    userId: row.candidateId,
    kind: 'results_ready',
    title: `Results ready: ${row.role}`,
    body: `${people.coach.name} reviewed your interview. Your overall score is ${row.overallScore ?? 0}/100.`,
    link: `/interviews/${row.id}/report`,
    data: { interviewId: row.id },
    email: {
      subject: `Your interview results: ${row.role}`,
      text: [
        `Hello ${people.candidate.name},`,
        '',
        `${people.coach.name} reviewed your ${title(row)}.`,
        '',
        `Read your results: ${ctx.url(`/interviews/${row.id}/report`)}`,
      ].join('\n'),
    },
  };
}
