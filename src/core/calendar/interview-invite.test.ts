import { describe, expect, it } from 'vitest';
import { buildInterviewInvite, interviewInviteUid, type InterviewInvite } from './interview-invite.js';

const base: InterviewInvite = {
  interviewId: '01950000-0000-7000-8000-00000000abcd',
  title: 'Technical interview, Acme',
  description: 'Backend role; 6 questions.\nJoin from the link.',
  start: new Date('2026-03-05T14:00:00Z'),
  end: new Date('2026-03-05T14:45:00Z'),
  organizer: { name: 'Coach One', email: 'coach@example.com' },
  attendee: { name: 'Cara Candidate', email: 'cara@example.com' },
  sequence: 0,
  url: 'https://panelist.example.com/interviews/01950000-0000-7000-8000-00000000abcd',
  stamp: new Date('2026-03-02T09:00:00Z'),
};

/** Unfolds continuation lines (RFC 5545 §3.1) so properties can be matched whole. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const lines = (ics: string) => unfold(ics).split('\r\n');

describe('buildInterviewInvite', () => {
  it('builds a REQUEST with one VEVENT in UTC, organizer, attendee and a stable UID', () => {
    const ics = buildInterviewInvite(base);
    const l = lines(ics);
    expect(l[0]).toBe('BEGIN:VCALENDAR');
    expect(l).toContain('METHOD:REQUEST');
    expect(l).toContain(`UID:${interviewInviteUid(base.interviewId)}`);
    expect(l).toContain('DTSTART:20260305T140000Z');
    expect(l).toContain('DTEND:20260305T144500Z');
    expect(l).toContain('DTSTAMP:20260302T090000Z');
    expect(l).toContain('SEQUENCE:0');
    expect(l).toContain('STATUS:CONFIRMED');
    expect(l).toContain('SUMMARY:Technical interview\\, Acme');
    expect(l).toContain('DESCRIPTION:Backend role\\; 6 questions.\\nJoin from the link.');
    expect(l.find((x) => x.startsWith('ORGANIZER'))).toMatch(/CN="Coach One":MAILTO:coach@example\.com$/i);
    expect(l.find((x) => x.startsWith('ATTENDEE'))).toMatch(/RSVP=TRUE.*CN="Cara Candidate":mailto:cara@example\.com$/i);
    expect(l.filter((x) => x === 'BEGIN:VEVENT')).toHaveLength(1);
    // Lines end in CRLF and none is longer than 75 octets.
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((x) => Buffer.byteLength(x) <= 75)).toBe(true);
  });

  it('keeps the UID and raises SEQUENCE for a reschedule; a cancellation is METHOD:CANCEL', () => {
    const moved = lines(
      buildInterviewInvite({ ...base, start: new Date('2026-03-06T10:00:00Z'), end: new Date('2026-03-06T10:30:00Z'), sequence: 1 }),
    );
    expect(moved).toContain(`UID:${interviewInviteUid(base.interviewId)}`);
    expect(moved).toContain('SEQUENCE:1');
    expect(moved).toContain('DTSTART:20260306T100000Z');
    const cancelled = lines(buildInterviewInvite({ ...base, sequence: 2, cancelled: true }));
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:2');
    expect(cancelled).toContain(`UID:${interviewInviteUid(base.interviewId)}`);
  });

  it('is deterministic: the same input gives the same document', () => {
    expect(buildInterviewInvite(base)).toBe(buildInterviewInvite({ ...base }));
  });

  it('refuses an interview that ends before it starts', () => {
    expect(() => buildInterviewInvite({ ...base, end: base.start })).toThrow(/end after it starts/);
  });
});
