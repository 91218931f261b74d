import type { InvitationStatus, OrgRole } from '../../contract/index.js';
import type { BadgeTone } from '../ui/badge.js';

export const roles: Array<{ value: OrgRole; label: string; description: string }> = [
  { value: 'admin', label: 'Admin', description: 'Manages members, teams, invitations and assignments.' },
  { value: 'coach', label: 'Coach', description: 'Schedules interviews for assigned candidates and reviews them.' },
  { value: 'candidate', label: 'Candidate', description: 'Takes the interviews their coaches schedule.' },
];

export function roleLabel(role: OrgRole | null): string {
  if (role === null) return 'Platform admin';
  return roles.find((r) => r.value === role)?.label ?? role;
}

/** "an admin", "a coach", "a candidate". */
export function withArticle(role: OrgRole): string {
  return role === 'admin' ? 'an admin' : `a ${role}`;
}

export const roleTone: Record<OrgRole, BadgeTone> = { admin: 'primary', coach: 'success', candidate: 'neutral' };

export const invitationStatusLabel: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const invitationStatusTone: Record<InvitationStatus, BadgeTone> = {
  pending: 'warning',
  accepted: 'success',
  expired: 'neutral',
  revoked: 'danger',
};

/** "member.role_change" → "Member role change", for actions without a friendlier name. */
const actionLabels: Record<string, string> = {
  'org.create': 'Organization created',
  'org.rename': 'Organization renamed',
  'team.create': 'Team created',
  'team.rename': 'Team renamed',
  'team.delete': 'Team deleted',
  'member.role_change': 'Role changed',
  'member.team_change': 'Team changed',
  'member.remove': 'Member removed',
  'member.join': 'Member joined',
  'member.deactivate': 'Membership deactivated',
  'member.reactivate': 'Membership reactivated',
  'member.two_factor_reset': 'Two-factor reset',
  'invitation.create': 'Invitation sent',
  'invitation.revoke': 'Invitation revoked',
  'invitation.accept': 'Invitation accepted',
  'assignment.create': 'Coach assigned',
  'assignment.delete': 'Coach unassigned',
};

export function actionLabel(action: string): string {
  const known = actionLabels[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Actions offered in the audit log filter; the server accepts any string. */
export const knownActions = Object.keys(actionLabels);
