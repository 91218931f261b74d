import * as Menu from '@radix-ui/react-dropdown-menu';
import { Bell, Building2, ChevronDown, History, LayoutDashboard, LogOut, MailOpen, Plus, ShieldCheck, Users } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../lib/api/auth.js';
import { initials } from '../lib/format.js';

const item =
  'flex cursor-pointer items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm text-fg outline-none select-none data-[highlighted]:bg-surface-muted';

/** `showName`: the name beside the avatar on wide screens; off when the header row is full. */
export function UserMenu({ showName = true }: { showName?: boolean }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!user) return null;

  return (
    <Menu.Root>
      <Menu.Trigger className="flex items-center gap-2 rounded-xl p-1 text-sm font-medium text-fg transition-colors hover:bg-surface-muted sm:pr-2">
        <span
          className="grid size-8 place-items-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-fg"
          aria-hidden="true"
        >
          {initials(user.name)}
        </span>
        {/* Visible name on wide screens, spoken everywhere: the button is "Account menu for <name>". */}
        <span className="sr-only">Account menu for </span>
        <span className={showName ? 'sr-only max-w-36 truncate lg:not-sr-only' : 'sr-only'}>{user.name}</span>
        <ChevronDown className="hidden size-4 text-fg-subtle sm:block" aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={8}
          className="z-50 w-64 rounded-xl border border-border bg-surface p-1.5 shadow-pop animate-fade-up"
        >
          <div className="px-2.5 py-2">
            <p className="truncate text-sm font-semibold text-fg">{user.name}</p>
            <p className="truncate text-sm text-fg-subtle">{user.email}</p>
          </div>
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Item className={item} onSelect={() => void navigate('/')}>
            <LayoutDashboard className="size-4 text-fg-subtle" aria-hidden="true" /> Dashboard
          </Menu.Item>
          <Menu.Item className={item} onSelect={() => void navigate('/practice/new')}>
            <Plus className="size-4 text-fg-subtle" aria-hidden="true" /> New practice interview
          </Menu.Item>
          <Menu.Item className={item} onSelect={() => void navigate('/interviews')}>
            <History className="size-4 text-fg-subtle" aria-hidden="true" /> Interview history
          </Menu.Item>
          <Menu.Item className={item} onSelect={() => void navigate('/notifications')}>
            <Bell className="size-4 text-fg-subtle" aria-hidden="true" /> Notifications
          </Menu.Item>
          <Menu.Item className={item} onSelect={() => void navigate('/orgs')}>
            <Building2 className="size-4 text-fg-subtle" aria-hidden="true" /> Organizations
          </Menu.Item>
          <Menu.Item className={item} onSelect={() => void navigate('/account/security')}>
            <ShieldCheck className="size-4 text-fg-subtle" aria-hidden="true" /> Account and security
          </Menu.Item>
          {user.platformRole === 'superadmin' ? (
            <Menu.Item className={item} onSelect={() => void navigate('/admin/mails')}>
              <MailOpen className="size-4 text-fg-subtle" aria-hidden="true" /> Outgoing mail
            </Menu.Item>
          ) : null}
          {user.platformRole === 'superadmin' ? (
            <Menu.Item className={item} onSelect={() => void navigate('/admin/users')}>
              <Users className="size-4 text-fg-subtle" aria-hidden="true" /> Users
            </Menu.Item>
          ) : null}
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Item
            className={item}
            onSelect={() =>
              logout.mutate(undefined, {
                onSettled: () => void navigate('/login', { replace: true }),
              })
            }
          >
            <LogOut className="size-4 text-fg-subtle" aria-hidden="true" /> Log out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
