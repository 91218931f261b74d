import type { Member } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../ui/alert.js';
import { Skeleton } from '../../../ui/skeleton.js';
import { MemberCards, MemberTable, type MemberActions } from './member-list.js';

/** The member list as a table (wide screens) or cards, with its loading, error and empty states. */
export function MemberResults({
  members,
  actions,
  wide,
  filtered,
}: {
  members: { isPending: boolean; isError: boolean; error: unknown; data?: { items: Member[] } | undefined };
  actions: MemberActions;
  wide: boolean;
  filtered: boolean;
}) {
  return (
    <div className="card overflow-hidden">
      {members.isPending ? (
        <ul className="divide-y divide-border" aria-hidden="true">
          {[0, 1, 2].map((i) => (
            <li key={i} className="flex items-center gap-4 px-5 py-4">
              <Skeleton className="size-9 rounded-full" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-1/3" />
                <Skeleton className="h-3 w-1/2" />
              </div>
            </li>
          ))}
        </ul>
      ) : members.isError ? (
        <div className="p-5">
          <Alert title="Could not load the members">{errorMessage(members.error)}</Alert>
        </div>
      ) : members.data!.items.length === 0 ? (
        <p className="px-5 py-12 text-center text-fg-muted">
          {filtered ? 'Nobody matches these filters.' : 'No members yet. Invite people to get started.'}
        </p>
      ) : wide ? (
        <MemberTable members={members.data!.items} actions={actions} />
      ) : (
        <MemberCards members={members.data!.items} actions={actions} />
      )}
    </div>
  );
}
