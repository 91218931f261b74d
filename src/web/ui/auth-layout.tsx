import { CheckCircle2, Gauge, ListChecks, Sparkles } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ThemeToggle } from '../app/theme-toggle.js';
import { Logo } from './logo.js';

const points = [
  { Icon: Sparkles, title: 'Questions that fit', text: 'Tailored to the role, level and job description you bring.' },
  { Icon: Gauge, title: 'Scored on five dimensions', text: 'Relevance, correctness, completeness, clarity and structure.' },
  { Icon: ListChecks, title: 'Feedback you can act on', text: 'Strengths, missed key points, grammar notes and STAR checks.' },
];

/** Two columns on wide screens: what Panelist is on the left, the form on the right. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="grid min-h-dvh grid-cols-1 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <aside
        className="relative hidden overflow-hidden bg-primary-soft lg:flex lg:flex-col lg:justify-between lg:p-12"
        aria-label="About Panelist"
      >
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-32 -right-32 size-[28rem] rounded-full bg-primary/15 blur-3xl"
        />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -bottom-40 -left-24 size-[26rem] rounded-full bg-primary/10 blur-3xl"
        />
        <Link to="/" className="relative w-fit rounded-lg">
          <Logo />
        </Link>
        <div className="relative max-w-md space-y-8">
          <div className="space-y-3">
            <p className="text-3xl leading-tight font-semibold tracking-tight text-balance text-fg">
              Practise the interview before the interview.
            </p>
            <p className="text-fg-muted">Rehearse real questions, get an honest score, and know exactly what to improve before the day.</p>
          </div>
          <ul className="space-y-5">
            {points.map(({ Icon, title, text }) => (
              <li key={title} className="flex gap-4">
                <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-surface text-primary shadow-card">
                  <Icon className="size-5" aria-hidden="true" />
                </span>
                <span>
                  <span className="block font-medium text-fg">{title}</span>
                  <span className="block text-sm text-fg-muted">{text}</span>
                </span>
              </li>
            ))}
          </ul>
          <figure className="card max-w-sm p-4">
            <div className="flex items-center justify-between gap-3">
              <span className="text-sm font-medium text-fg">“Tell me about a time you disagreed…”</span>
              <span className="rounded-full bg-success-soft px-2 py-0.5 text-xs font-semibold text-success">82</span>
            </div>
            <figcaption className="mt-2 flex items-start gap-2 text-sm text-fg-muted">
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
              Clear situation and a measurable result. Say more about the action you took.
            </figcaption>
          </figure>
        </div>
        <p className="relative text-sm text-fg-subtle">Runs on your own server. Your answers stay with you.</p>
      </aside>

      <div className="flex flex-col">
        <header className="flex items-center justify-between px-4 pt-4 sm:px-8 sm:pt-6">
          <Link to="/" className="rounded-lg lg:invisible" aria-label="Panelist home">
            <Logo />
          </Link>
          <ThemeToggle />
        </header>
        <main id="main" className="flex flex-1 items-center justify-center px-4 py-10 sm:px-8">
          <div className="w-full max-w-[26rem] animate-fade-up">
            <div className="mb-8 space-y-2">
              <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold tracking-tight text-fg sm:text-[1.75rem]">
                {title}
              </h1>
              {subtitle ? <p className="text-fg-muted">{subtitle}</p> : null}
            </div>
            {children}
            {footer ? <div className="mt-8 text-center text-sm text-fg-muted">{footer}</div> : null}
          </div>
        </main>
      </div>
    </div>
  );
}
