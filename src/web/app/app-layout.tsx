import { Plus } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { buttonClass } from '../ui/button.js';
import { cn } from '../ui/cn.js';
import { Logo } from '../ui/logo.js';
import { ThemeToggle } from './theme-toggle.js';
import { UserMenu } from './user-menu.js';

const navLinks = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/interviews', label: 'History', end: true },
];

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
  return (
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
            <Logo />
          </Link>
          <nav aria-label="Main" className="hidden sm:block">
            <ul className="flex items-center gap-1">
              {navLinks.map((l) => (
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
            <div className="hidden md:block">
              <Link to="/practice/new" className={buttonClass('primary', 'sm')}>
                <Plus className="size-4" aria-hidden="true" />
                New practice
              </Link>
            </div>
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10 print:max-w-none print:p-0">
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
  );
}
