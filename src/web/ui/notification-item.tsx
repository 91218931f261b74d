import {
  Award,
  Bell,
  CalendarClock,
  CalendarPlus,
  CalendarX,
  Check,
  CheckCircle2,
  Download,
  ShieldAlert,
  Timer,
  UserCheck,
  UserX,
  type LucideIcon,
} from 'lucide-react';
import { Link } from 'react-router';
import type { Notification, NotificationKind } from '../../contract/index.js';
import { formatDateTime, formatRelativeDay } from '../lib/format.js';
import { cn } from './cn.js';

const kindIcons: Record<NotificationKind, LucideIcon> = {
  interview_scheduled: CalendarPlus,
  interview_rescheduled: CalendarClock,
  interview_cancelled: CalendarX,
  interview_starting_soon: Timer,
  interview_completed: CheckCircle2,
  interview_missed: UserX,
  results_ready: Award,
  invitation_accepted: UserCheck,
  integrity_threshold: ShieldAlert,
  data_export_ready: Download,
};

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** "just now", "5 min. ago", "3 hr. ago", then "yesterday" or a date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return relative.format(-minutes, 'minute');
  if (minutes < 24 * 60) return relative.format(-Math.round(minutes / 60), 'hour');
  return formatRelativeDay(iso);
}

/** Only in-app paths are followed; anything else stays plain text. */
function inAppLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

interface NotificationItemProps {
  notification: Notification;
  onOpen: (n: Notification) => void;
  onMarkRead: (n: Notification) => void;
  compact?: boolean;
}

/** One notification: its icon, title, text and time; unread ones carry a dot and a "Mark read" button. */
export function NotificationItem({ notification: n, onOpen, onMarkRead, compact }: NotificationItemProps) {
  const Icon = kindIcons[n.kind] ?? Bell;
  const unread = n.readAt === null;
  const href = inAppLink(n.link);
  const content = (
    <>
      <span className="flex items-start justify-between gap-2">
        <span className={cn('min-w-0 text-sm text-fg [overflow-wrap:anywhere]', unread ? 'font-semibold' : 'font-medium')}>{n.title}</span>
        <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)} className="shrink-0 text-xs text-fg-subtle">
          {timeAgo(n.createdAt)}
        </time>
      </span>
      {/* Bodies carry email addresses: let them wrap anywhere rather than run out of the panel. */}
      <span className={cn('mt-0.5 text-sm text-fg-muted [overflow-wrap:anywhere]', compact ? 'line-clamp-3' : 'block')}>{n.body}</span>
      {unread ? <span className="sr-only"> (unread)</span> : null}
    </>
  );
  return (
    <li
      className={cn(
        'group relative flex gap-3 px-4 py-3 transition-colors',
        unread ? 'bg-primary-soft/40' : '',
        href ? 'hover:bg-surface-muted/70' : '',
      )}
    >
      <span
        className={cn(
          'mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg',
          unread ? 'bg-primary-soft text-primary-soft-fg' : 'bg-surface-muted text-fg-subtle',
        )}
        aria-hidden="true"
      >
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        {href ? (
          <Link
            to={href}
            onClick={() => onOpen(n)}
            className="block rounded-md after:absolute after:inset-0 focus-visible:outline-offset-4"
          >
            {content}
          </Link>
        ) : (
          <div>{content}</div>
        )}
      </div>
      {unread ? (
        <button
          type="button"
          onClick={() => onMarkRead(n)}
          title="Mark as read"
          className="relative z-10 -mr-1 grid size-8 shrink-0 place-items-center self-center rounded-lg text-fg-subtle transition-colors hover:bg-surface hover:text-fg"
        >
          <Check className="size-4" aria-hidden="true" />
          <span className="sr-only">Mark “{n.title}” as read</span>
        </button>
      ) : (
        <span className="size-8 shrink-0" aria-hidden="true" />
      )}
      {unread ? <span className="absolute top-1/2 left-1.5 size-1.5 -translate-y-1/2 rounded-full bg-primary" aria-hidden="true" /> : null}
    </li>
  );
}
