import { cn } from './cn.js';

export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn('size-8', className)} aria-hidden="true">
      <rect width="32" height="32" rx="9" className="fill-primary" />
      <path
        d="M9.5 23V9h7c3.2 0 5.3 1.9 5.3 4.7s-2.1 4.7-5.3 4.7h-3.4V23H9.5Zm3.6-7.6h3.1c1.3 0 2.1-.7 2.1-1.7s-.8-1.7-2.1-1.7h-3.1v3.4Z"
        className="fill-primary-fg"
      />
      <circle cx="23.5" cy="21.5" r="2.4" className="fill-primary-fg" opacity="0.6" />
    </svg>
  );
}

/** `wordmarkClassName` can hide the name on narrow screens (e.g. `max-sm:sr-only`), keeping the mark. */
export function Logo({ className, wordmarkClassName }: { className?: string; wordmarkClassName?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2.5', className)}>
      <LogoMark />
      <span className={cn('text-lg font-semibold tracking-tight text-fg', wordmarkClassName)}>Panelist</span>
    </span>
  );
}
