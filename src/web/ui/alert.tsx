import { AlertCircle, CheckCircle2, Info, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn.js';

type Tone = 'error' | 'info' | 'success';

const tones: Record<Tone, string> = {
  error: 'border-danger/30 bg-danger-soft text-danger',
  info: 'border-primary/25 bg-primary-soft text-primary-soft-fg',
  success: 'border-success/30 bg-success-soft text-success',
};

const icons = { error: AlertCircle, info: Info, success: CheckCircle2 } as const;

/**
 * A message box. Errors are announced at once (role="alert"); other tones politely.
 * Render it only when there is something to say, so screen readers announce the change.
 */
export function Alert({
  tone = 'error',
  title,
  children,
  className,
  icon: Icon = icons[tone],
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  icon?: LucideIcon;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('flex gap-3 rounded-xl border px-4 py-3 text-sm', tones[tone], className)}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="min-w-0 space-y-0.5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={cn(title ? 'opacity-95' : 'font-medium')}>{children}</div> : null}
      </div>
    </div>
  );
}
