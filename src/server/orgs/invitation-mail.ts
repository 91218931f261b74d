import type { OrgRole } from '../../contract/orgs.js';

const ROLE_NAMES: Record<OrgRole, string> = { admin: 'an admin', coach: 'a coach', candidate: 'a candidate' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The invitation email: the only place the token ever travels. */
export function invitationMail(input: { orgName: string; inviterName: string | null; role: OrgRole; link: string; expiresAt: Date }) {
  const who = input.inviterName ?? 'An admin';
  const until = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const subject = `${who} invited you to ${input.orgName} on Panelist`;
  const text = [
    'Hello,',
    '',
    `${who} invited you to join ${input.orgName} on Panelist as ${ROLE_NAMES[input.role]}.`,
    '',
    `Accept the invitation: ${input.link}`,
    '',
    `The link works once and expires on ${until}. If you did not expect this invitation, you can ignore this email.`,
  ].join('\n');
  const html = [
    `<p>Hello,</p>`,
    `<p>${escapeHtml(who)} invited you to join <strong>${escapeHtml(input.orgName)}</strong> on Panelist as ${ROLE_NAMES[input.role]}.</p>`,
    `<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>`,
    `<p>The link works once and expires on ${until}. If you did not expect this invitation, you can ignore this email.</p>`,
  ].join('\n');
  return { subject, text, html };
}
