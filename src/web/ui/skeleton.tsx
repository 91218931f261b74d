import { cn } from './cn.js';

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-lg bg-surface-muted', className)} />;
}

/** Placeholder rows for a list of icon + two lines (+ an optional block at the end, shaped by `trailing`). */
export function ListSkeleton({ rows, trailing }: { rows: number; trailing?: string }) {
  return (
    <ul className="divide-y divide-border" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="flex items-center gap-4 px-5 py-4">
          <Skeleton className="size-10 rounded-xl" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-2/5" />
            <Skeleton className="h-3 w-3/5" />
          </div>
          {trailing ? <Skeleton className={trailing} /> : null}
        </li>
      ))}
    </ul>
  );
}
