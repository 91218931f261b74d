import { createEvent } from 'ics';

export interface InvitePerson {
  name: string;
  email: string;
}

export interface InterviewInvite {
  interviewId: string;
  title: string;
  description: string;
  start: Date;
  end: Date;
  organizer: InvitePerson;
  attendee: InvitePerson;
  /**
   * 0 for the first invite; raise it on every change (reschedule, cancellation), since calendar
   * clients apply an update only when its SEQUENCE is higher than the one they hold.
   */
  sequence: number;
  /** Sends METHOD:CANCEL, which removes the event from the attendee's calendar. */
  cancelled?: boolean;
  /** Where the interview is taken, e.g. appUrl(config, `/interviews/${id}`). */
  url: string;
  /** When this version of the invite was issued (the service's clock.now()); DTSTAMP. Defaults to the start. */
  stamp?: Date;
}

/** The same UID for every version of one interview's invite is what makes updates replace it. */
export function interviewInviteUid(interviewId: string): string {
  return `interview-${interviewId}@panelist`;
}

/**
 * An iTIP (RFC 5546) calendar object with one VEVENT (RFC 5545) for a scheduled interview:
 * METHOD:REQUEST to invite or reschedule, METHOD:CANCEL to withdraw. Times are written in UTC.
 */
export function buildInterviewInvite(invite: InterviewInvite): string {
  if (!(invite.end.getTime() > invite.start.getTime())) throw new Error('an interview invite must end after it starts');
  const cancelled = invite.cancelled === true;
  const { error, value } = createEvent({
    productId: '-//Panelist//Interviews//EN',
    method: cancelled ? 'CANCEL' : 'REQUEST',
    uid: interviewInviteUid(invite.interviewId),
    sequence: invite.sequence,
    // `timestamp` is the library's DTSTAMP; without it, it would read the system clock.
    ...({ timestamp: (invite.stamp ?? invite.start).getTime() } as object),
    title: invite.title,
    description: invite.description,
    url: invite.url,
    start: invite.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: invite.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    ...(cancelled ? {} : { busyStatus: 'BUSY' as const }),
    organizer: { name: invite.organizer.name, email: invite.organizer.email },
    attendees: [
      { name: invite.attendee.name, email: invite.attendee.email, rsvp: !cancelled, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
    ],
  });
  if (error || !value) throw new Error(`could not build the calendar invite: ${error?.message ?? 'no output'}`);
  return value;
}
