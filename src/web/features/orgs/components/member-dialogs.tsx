import type { Member, OrgRole } from '../../../../contract/index.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { roleLabel, withArticle } from '../../../lib/org-meta.js';
import { Alert } from '../../../ui/alert.js';
import { ConfirmDialog } from '../../../ui/confirm-dialog.js';

export type Pending = { kind: 'role'; member: Member; role: OrgRole } | { kind: 'remove'; member: Member };

/** Confirms a role change or a removal, saying what it ends for the person. */
export function MemberDialogs({
  pending,
  orgName,
  userId,
  dialogError,
  updating,
  removing,
  onConfirm,
  onCancel,
}: {
  pending: Pending | null;
  orgName: string;
  userId: string;
  dialogError: unknown;
  updating: boolean;
  removing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <ConfirmDialog
        open={pending?.kind === 'role'}
        title={pending?.kind === 'role' ? `Make ${pending.member.name} ${withArticle(pending.role)}?` : ''}
        confirmLabel="Change role"
        busy={updating}
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        {pending?.kind === 'role' ? (
          <div className="space-y-3">
            <p>
              {pending.member.userId === userId ? 'Your' : `${pending.member.name}'s`} role changes from {roleLabel(pending.member.role)} to{' '}
              {roleLabel(pending.role)}. {roleConsequence(pending.member, pending.role, pending.member.userId === userId)}
            </p>
            {dialogError ? <ProblemAlert error={dialogError} /> : null}
          </div>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'remove'}
        tone="danger"
        title={
          pending?.kind === 'remove' ? (pending.member.userId === userId ? `Leave ${orgName}?` : `Remove ${pending.member.name}?`) : ''
        }
        confirmLabel={pending?.kind === 'remove' && pending.member.userId === userId ? 'Leave organization' : 'Remove member'}
        busy={removing}
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        {pending?.kind === 'remove' ? (
          <div className="space-y-3">
            <p>
              {pending.member.userId === userId ? 'You lose' : `${pending.member.name} loses`} access to {orgName}, and any coach
              assignments end. Their own practice interviews stay theirs.
            </p>
            {dialogError ? <ProblemAlert error={dialogError} /> : null}
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function roleConsequence(member: Member, next: OrgRole, self: boolean): string {
  const they = self ? 'You' : 'They';
  const their = self ? 'Your' : 'Their';
  if (next === 'admin') return 'Admins manage members, teams, invitations and assignments.';
  if (next === 'candidate' && member.role !== 'candidate')
    return member.candidateCount > 0
      ? `${their} ${member.candidateCount} candidate ${member.candidateCount === 1 ? 'assignment ends' : 'assignments end'}.`
      : `${they} will no longer coach anyone here.`;
  if (member.role === 'candidate')
    return member.coachIds.length > 0 ? `${their} coach assignments end.` : `${they} can then be assigned candidates.`;
  if (member.role === 'admin') return `${they} will no longer be able to manage the organization.`;
  return '';
}

/** Explains the problems people can run into here in their terms; 409 is the "last admin" rule. */
export function ProblemAlert({ error }: { error: unknown }) {
  const lastAdmin = error instanceof ApiError && error.status === 409 && /admin/i.test(error.message);
  return <Alert title={lastAdmin ? 'An organization needs at least one admin' : 'That did not work'}>{errorMessage(error)}</Alert>;
}
