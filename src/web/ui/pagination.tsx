import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button.js';
import { cn } from './cn.js';

interface PaginationProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** What the list is, for the landmark's name: "Members pages". */
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
  className?: string;
}

/** Previous / "Page n of m" / Next under a list; renders nothing for a single page. */
export function Pagination({
  page,
  pages,
  onPage,
  label = 'Pagination',
  previousLabel = 'Previous',
  nextLabel = 'Next',
  className,
}: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={cn('flex items-center justify-between gap-3', className)}>
      <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeft className="size-4" aria-hidden="true" /> {previousLabel}
      </Button>
      <p className="text-sm text-fg-muted" aria-live="polite">
        Page {page} of {pages}
      </p>
      <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {nextLabel} <ChevronRight className="size-4" aria-hidden="true" />
      </Button>
    </nav>
  );
}
