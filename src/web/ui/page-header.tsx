import type { ReactNode } from 'react';
import { cn } from './cn.js';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

/** The page's h1. It takes focus after navigation so screen readers hear where they landed. */
export function PageHeader({ title, description, eyebrow, actions, className }: PageHeaderProps) {
  return (
    <div className={cn('flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between', className)}>
      <div className="min-w-0 space-y-1.5">
        {eyebrow ? <div className="text-sm font-medium text-primary">{eyebrow}</div> : null}
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold tracking-tight text-balance text-fg sm:text-3xl">
          {title}
        </h1>
        {description ? <p className="max-w-2xl text-fg-muted text-pretty">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2 print:hidden">{actions}</div> : null}
    </div>
  );
}
