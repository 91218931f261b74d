import { Bell, CheckCheck } from 'lucide-react';
import { useSearchParams } from 'react-router';
import type { Notification } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useMarkRead, useNotifications, useUnreadCount } from '../../lib/api/notifications.js';
import { NotificationItem } from '../../ui/notification-item.js';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotifications({ page, limit: PAGE_SIZE, unreadOnly });
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const count = unread.data ?? list.data?.unread ?? 0;

  function go(next: { unreadOnly?: boolean; page?: number }) {
    const u = next.unreadOnly ?? unreadOnly;
    const p = next.page ?? 1;
    setParams({ ...(u ? { show: 'unread' } : {}), ...(p > 1 ? { page: String(p) } : {}) });
  }

  const onMarkRead = (n: Notification) => markRead.mutate({ ids: [n.id] });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>Notifications · Panelist</title>
      <PageHeader
        title="Notifications"
        description={count > 0 ? `${count} unread.` : 'Everything is read.'}
        actions={
          <Button
            variant="secondary"
            size="sm"
            disabled={count === 0}
            loading={markRead.isPending && markRead.variables?.all === true}
            onClick={() => markRead.mutate({ all: true })}
          >
            <CheckCheck className="size-4" aria-hidden="true" /> Mark all read
          </Button>
        }
      />
      <ChoiceChips
        legend="Show"
        options={[
          { value: false, label: 'All' },
          { value: true, label: 'Unread' },
        ]}
        value={unreadOnly}
        onChange={(u) => go({ unreadOnly: u })}
      />
      <section aria-label="Notification list" className="card overflow-hidden">
        {list.isPending ? (
          <div className="space-y-4 p-5" aria-hidden="true">
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className="flex gap-3">
                <Skeleton className="size-8 rounded-lg" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-4 w-2/5" />
                  <Skeleton className="h-3 w-3/5" />
                </div>
              </div>
            ))}
          </div>
        ) : list.isError ? (
          <div className="p-5">
            <Alert title="Could not load your notifications">{errorMessage(list.error)}</Alert>
          </div>
        ) : list.data.items.length === 0 ? (
          <div className="px-6 py-14 text-center">
            <Bell className="mx-auto mb-3 size-8 text-fg-subtle" aria-hidden="true" />
            <p className="font-medium text-fg">{unreadOnly ? 'No unread notifications' : 'No notifications yet'}</p>
            <p className="mt-1 text-sm text-fg-muted">
              Scheduled interviews, results and accepted invitations show up here, as they happen.
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-border">
            {list.data.items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={(x) => !x.readAt && onMarkRead(x)} onMarkRead={onMarkRead} />
            ))}
          </ul>
        )}
      </section>
      {list.data ? (
        <Pagination
          page={list.data.page}
          pages={list.data.pages}
          onPage={(p) => go({ page: p })}
          label="Notification pages"
          previousLabel="Newer"
          nextLabel="Older"
        />
      ) : null}
    </div>
  );
}
