import { Plus } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { buttonClass } from '../ui/button.js';
import { cn } from '../ui/cn.js';
import { Logo } from '../ui/logo.js';
import type { OrgRole } from '../../contract/index.js';
import { useCurrentUser } from '../lib/api/auth.js';
import { useServerTheme } from '../features/account/profile-page.js';
import { LiveEventsProvider } from '../lib/live-events.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import { canManage, useMyOrgs } from '../lib/api/orgs.js';
import { MainMenu } from './main-menu.js';
import { ThemeToggle } from './theme-toggle.js';
import { UserMenu } from './user-menu.js';
import { ErasureBanner } from '../ui/erasure-banner.js';

/** Who is looking, for links only some people need. */
interface NavAudience {
  /** Roles the person holds in any organization. */
  orgRoles: ReadonlySet<OrgRole>;
  superadmin: boolean;
  /** Organizations where the person is an admin or coach. */
  staffOrgIds: string[];
}

interface NavItem {
  to: string | ((who: NavAudience) => string);
  label: string;
  end?: boolean;
  /** Shown only when this returns true. */
  show?: (who: NavAudience) => boolean;
}

const navLinks: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/interviews', label: 'History', end: true },
  { to: '/coach', label: 'Coach', show: (who) => who.orgRoles.has('coach') || who.orgRoles.has('admin') },
  { to: '/resumes', label: 'Resumes' },
  { to: '/jobs', label: 'Jobs', show: (who) => who.superadmin || who.staffOrgIds.length > 0 },
  {
    // Most people run one organization: take them straight there.
    to: (who) =>
      who.staffOrgIds.length === 1 && !who.superadmin ? `/orgs/${who.staffOrgIds[0]}` : who.superadmin ? '/orgs?all=1' : '/orgs',
    label: 'Organization',
    // The platform admin creates and opens every organization, member of one or not.
    show: (who) => who.superadmin || who.staffOrgIds.length > 0,
  },
];

function useNavLinks() {
  const user = useCurrentUser();
  const orgs = useMyOrgs();
  return useMemo(() => {
    const items = orgs.data?.items ?? [];
    const who: NavAudience = {
      orgRoles: new Set(items.flatMap((o) => (o.myRole ? [o.myRole] : []))),
      superadmin: user?.platformRole === 'superadmin',
      staffOrgIds: items.filter((o) => canManage(o.myRole)).map((o) => o.id),
    };
    return navLinks
      .filter((l) => !l.show || l.show(who))
      .map((l) => ({ to: typeof l.to === 'function' ? l.to(who) : l.to, label: l.label, end: l.end }));
  }, [orgs.data, user?.platformRole]);
}

/** Moves focus to the new page's heading after client-side navigation, as a full page load would. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main [data-page-heading]');
      heading?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(id);
  }, [pathname]);
}

export function AppLayout() {
  useFocusHeadingOnNavigate();
  // The theme chosen on the profile page follows the person to every device.
  useServerTheme(Boolean(useCurrentUser()));
  const links = useNavLinks();
  return (
    <LiveEventsProvider>
      <div className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-primary px-4 py-2 font-medium text-primary-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to main content
        </a>
        <header className="sticky top-0 z-30 border-b border-border/80 bg-bg/85 backdrop-blur-md print:hidden">
          <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
            <Link to="/" className="shrink-0 rounded-lg" aria-label="Panelist home">
              <Logo wordmarkClassName="max-sm:hidden" />
            </Link>
            <MainMenu links={links} className="-ml-1 lg:hidden" />
            <nav aria-label="Main" className="hidden lg:block">
              <ul className="flex items-center gap-1">
                {links.map((l) => (
                  <li key={l.to}>
                    <NavLink
                      to={l.to}
                      end={l.end}
                      className={({ isActive }) =>
                        cn(
                          'rounded-lg px-3 py-2 text-sm font-medium transition-colors',
                          isActive ? 'bg-surface-muted text-fg' : 'text-fg-muted hover:bg-surface-muted hover:text-fg',
                        )
                      }
                    >
                      {l.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="ml-auto flex items-center gap-2 sm:gap-3">
              {/* With many links the row is full until xl; the main menu and user menu carry it too. */}
              <div className={links.length > 4 ? 'hidden xl:block' : 'hidden md:block'}>
                <Link to="/practice/new" className={buttonClass('primary', 'sm')}>
                  <Plus className="size-4" aria-hidden="true" />
                  New practice
                </Link>
              </div>
              <NotificationBell />
              <ThemeToggle />
              <UserMenu showName={links.length <= 4} />
            </div>
          </div>
        </header>
        <ErasureBanner />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10 print:max-w-none print:p-0"
        >
          <Outlet />
        </main>
        <footer className="border-t border-border/80 print:hidden">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-fg-subtle sm:px-6">
            <span>Panelist · practise the interview before the interview</span>
            <span>Your answers stay on this Panelist server.</span>
          </div>
        </footer>
        <ScrollRestoration />
      </div>
    </LiveEventsProvider>
  );
}
