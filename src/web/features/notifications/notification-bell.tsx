import { Bell, CheckCheck } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { cn } from '../../ui/cn.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useMarkRead, useNotifications, useUnreadCount } from '../../lib/api/notifications.js';
import { useLiveEvents, useLiveStatus } from '../../lib/live-events.js';
import { NotificationItem } from '../../ui/notification-item.js';

const BELL_LIMIT = 8;

/**
 * The header bell: unread badge, and a panel with the latest notifications (a disclosure: the
 * panel follows the button in the tab order; Escape or a click elsewhere closes it).
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications({ page: 1, limit: BELL_LIMIT }, open);
  const markRead = useMarkRead();
  const live = useLiveStatus();
  const [announcement, setAnnouncement] = useState('');
  const [fresh, setFresh] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const headingId = useId();

  useLiveEvents((m) => {
    if (m.type !== 'notification') return;
    setAnnouncement(`New notification: ${m.notification.title}`);
    setFresh(true);
  });

  // The badge pulses briefly for a new notification.
  useEffect(() => {
    if (!fresh) return;
    const t = setTimeout(() => setFresh(false), 2400);
    return () => clearTimeout(t);
  }, [fresh]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const count = unread.data ?? 0;
  const label = count > 0 ? `Notifications, ${count} unread` : 'Notifications';

  function onOpenItem(n: Notification) {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    setOpen(false);
  }

  return (
    <div
      ref={wrapper}
      className="relative"
      // Lets tests (and curious people in devtools) see whether live updates are connected.
      data-live={live ?? undefined}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        className={cn(
          'relative grid size-9 place-items-center rounded-xl text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg',
          open ? 'bg-surface-muted text-fg' : '',
        )}
      >
        <Bell className="size-5" aria-hidden="true" />
        {count > 0 ? (
          <span
            aria-hidden="true"
            className={cn(
              'absolute -top-0.5 -right-0.5 grid h-[1.125rem] min-w-[1.125rem] place-items-center rounded-full bg-danger px-1 text-[0.6875rem] leading-none font-semibold text-white ring-2 ring-bg dark:text-bg',
              fresh ? 'animate-bounce' : '',
            )}
          >
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-labelledby={headingId}
          className="fixed inset-x-2 top-[4.25rem] z-50 overflow-hidden rounded-2xl border border-border bg-surface shadow-pop animate-fade-up sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-[24rem]"
        >
          <div className="flex items-center justify-between gap-3 border-b border-border px-4 py-3">
            <h2 id={headingId} className="font-semibold text-fg">
              Notifications
            </h2>
            <button
              type="button"
              disabled={count === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
              className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1 text-sm font-medium text-primary transition-colors hover:bg-primary-soft disabled:cursor-not-allowed disabled:text-fg-subtle disabled:hover:bg-transparent"
            >
              <CheckCheck className="size-4" aria-hidden="true" /> Mark all read
            </button>
          </div>
          <div className="max-h-[min(28rem,calc(100dvh-9rem))] overflow-y-auto overscroll-contain">
            {list.isPending ? (
              <div className="space-y-3 p-4" aria-hidden="true">
                {[0, 1, 2].map((i) => (
                  <div key={i} className="flex gap-3">
                    <Skeleton className="size-8 rounded-lg" />
                    <div className="flex-1 space-y-2">
                      <Skeleton className="h-4 w-3/5" />
                      <Skeleton className="h-3 w-4/5" />
                    </div>
                  </div>
                ))}
              </div>
            ) : list.isError ? (
              <div className="p-4">
                <Alert title="Could not load notifications">{errorMessage(list.error)}</Alert>
              </div>
            ) : list.data.items.length === 0 ? (
              <div className="px-6 py-10 text-center">
                <Bell className="mx-auto mb-3 size-8 text-fg-subtle" aria-hidden="true" />
                <p className="font-medium text-fg">You are all caught up</p>
                <p className="mt-1 text-sm text-fg-muted">Scheduled interviews, results and replies to invitations show up here.</p>
              </div>
            ) : (
              <ul className="divide-y divide-border" aria-label="Latest notifications">
                {list.data.items.map((n) => (
                  <NotificationItem
                    key={n.id}
                    notification={n}
                    compact
                    onOpen={onOpenItem}
                    onMarkRead={(x) => markRead.mutate({ ids: [x.id] })}
                  />
                ))}
              </ul>
            )}
          </div>
          <div className="flex items-center justify-between gap-3 border-t border-border bg-surface-muted/50 px-4 py-2.5">
            <Link
              to="/notifications"
              onClick={() => setOpen(false)}
              className="rounded-md text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              See all notifications
            </Link>
            {live === 'closed' ? <span className="text-xs text-fg-subtle">Reconnecting…</span> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
