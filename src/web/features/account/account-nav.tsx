import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { cn } from '../../ui/cn.js';

const tabs = [
  { to: '/account/profile', label: 'Profile' },
  { to: '/account/security', label: 'Security' },
  { to: '/account/sessions', label: 'Sessions' },
  { to: '/account/privacy', label: 'Privacy' },
];

/** Tabs between the account pages, as links so each page has its own address. */
export function AccountNav() {
  return (
    <nav aria-label="Account" className="flex gap-1 border-b border-border">
      {tabs.map((t) => (
        <NavLink
          key={t.to}
          to={t.to}
          className={({ isActive }) =>
            cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium transition-colors motion-reduce:transition-none',
              isActive ? 'border-primary text-fg' : 'border-transparent text-fg-muted hover:text-fg',
            )
          }
        >
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}

export const sectionClass = 'space-y-4 rounded-2xl border border-border bg-surface p-5 sm:p-6';

/** One card of an account page, named by its heading for screen readers. */
export function AccountSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={sectionClass}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-fg">
        {title}
      </h2>
      {children}
    </section>
  );
}
