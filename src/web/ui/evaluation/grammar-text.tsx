import { SpellCheck } from 'lucide-react';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ElementType, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { GrammarIssue } from '../../../contract/index.js';
import { cn } from '../cn.js';

/** The checker quotes words in backticks ("Did you mean `there`?"); show them as quotes. */
export function grammarMessage(message: string): string {
  return message.replace(/`([^`]+)`/g, '“$1”').trim();
}

/** Up to three distinct suggestions. */
export function grammarSuggestions(issue: GrammarIssue): string[] {
  return [...new Set(issue.suggestions.map((s) => s.trim()).filter(Boolean))].slice(0, 3);
}

function suggestionText(issue: GrammarIssue): string {
  const suggestions = grammarSuggestions(issue);
  return suggestions.length ? `Try ${suggestions.map((s) => `“${s}”`).join(' or ')}.` : '';
}

/** Issues that point at real, non-overlapping text, in reading order. */
export function usableIssues(text: string, issues: readonly GrammarIssue[]): GrammarIssue[] {
  const out: GrammarIssue[] = [];
  let lastEnd = 0;
  for (const g of [...issues].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (g.start < lastEnd || g.end > text.length || g.end <= g.start || !text.slice(g.start, g.end).trim()) continue;
    out.push(g);
    lastEnd = g.end;
  }
  return out;
}

const GAP = 8;
const MARGIN = 8;

/**
 * The candidate's answer with each grammar issue highlighted in place. A highlight shows its note
 * on hover and on keyboard focus (Escape hides it), and screen readers hear the note as the
 * highlight's description. The full list stays in the "Grammar notes" panel.
 */
export function GrammarText({
  text,
  issues,
  as: Tag = 'p',
  className,
}: {
  text: string;
  issues: readonly GrammarIssue[];
  as?: ElementType;
  className?: string;
}) {
  const baseId = useId();
  const usable = usableIssues(text, issues);
  const [active, setActive] = useState<{ index: number; anchor: HTMLElement } | null>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<number | undefined>(undefined);

  const cancelClose = useCallback(() => window.clearTimeout(closeTimer.current), []);
  const open = useCallback(
    (index: number, anchor: HTMLElement) => {
      cancelClose();
      setActive({ index, anchor });
    },
    [cancelClose],
  );
  const close = useCallback(() => {
    cancelClose();
    setActive(null);
  }, [cancelClose]);
  // A short grace period lets the pointer travel from the highlight onto the note.
  const closeSoon = useCallback(() => {
    cancelClose();
    closeTimer.current = window.setTimeout(() => setActive(null), 150);
  }, [cancelClose]);

  useEffect(() => cancelClose, [cancelClose]);

  // Place the note below the highlight (above when there is no room), inside the window.
  const place = useCallback(() => {
    const tip = tipRef.current;
    if (!tip || !active) return;
    const rects = active.anchor.getClientRects();
    const first = rects[0] ?? active.anchor.getBoundingClientRect();
    const last = rects[rects.length - 1] ?? first;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const below = last.bottom + GAP;
    const top = below + height <= window.innerHeight - MARGIN || first.top - GAP - height < MARGIN ? below : first.top - GAP - height;
    const anchorLeft = top === below ? last.left : first.left;
    const left = Math.max(MARGIN, Math.min(anchorLeft, window.innerWidth - width - MARGIN));
    tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    tip.style.visibility = 'visible';
  }, [active]);

  useLayoutEffect(() => {
    if (!active) return;
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [active, place]);

  // Escape hides the note wherever focus is (WCAG 1.4.13: content on hover or focus is dismissible).
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, close]);

  if (!usable.length) return <Tag className={className}>{text}</Tag>;

  const parts: ReactNode[] = [];
  let cursor = 0;
  usable.forEach((g, i) => {
    if (g.start > cursor) parts.push(text.slice(cursor, g.start));
    parts.push(
      <mark
        key={`${g.start}-${g.end}`}
        tabIndex={0}
        aria-describedby={`${baseId}-note-${i}`}
        data-grammar-issue=""
        className={cn(
          'cursor-help rounded-[3px] bg-danger-soft px-px text-fg underline decoration-danger decoration-wavy decoration-1 underline-offset-[3px] [text-decoration-skip-ink:none]',
          'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
          active?.index === i && 'ring-1 ring-danger/50',
        )}
        onMouseEnter={(e) => open(i, e.currentTarget)}
        onMouseLeave={closeSoon}
        onFocus={(e) => open(i, e.currentTarget)}
        onBlur={close}
      >
        {text.slice(g.start, g.end)}
      </mark>,
    );
    cursor = g.end;
  });
  if (cursor < text.length) parts.push(text.slice(cursor));

  const current = active ? usable[active.index] : undefined;

  return (
    <>
      <Tag className={className}>{parts}</Tag>
      {/* What each highlight's aria-describedby reads; hidden, as the list below shows it too. */}
      <div hidden>
        {usable.map((g, i) => (
          <span key={`${g.start}-${g.end}`} id={`${baseId}-note-${i}`}>
            Grammar note: {grammarMessage(g.message)} {suggestionText(g)}
          </span>
        ))}
      </div>
      {current
        ? createPortal(
            <div
              ref={tipRef}
              aria-hidden="true"
              data-testid="grammar-tooltip"
              onMouseEnter={cancelClose}
              onMouseLeave={closeSoon}
              style={{ visibility: 'hidden' }}
              className="fixed top-0 left-0 z-50 w-max max-w-[min(20rem,calc(100vw-1rem))] rounded-xl border border-border-strong bg-surface px-3.5 dark:bg-surface-muted py-2.5 text-sm leading-snug text-fg shadow-pop print:hidden"
            >
              <p className="flex gap-2">
                <SpellCheck className="mt-0.5 size-4 shrink-0 text-danger" />
                <span>{grammarMessage(current.message)}</span>
              </p>
              {grammarSuggestions(current).length ? (
                <p className="mt-1.5 pl-6 text-fg-muted">
                  Try{' '}
                  {grammarSuggestions(current).map((s, i) => (
                    <span key={s}>
                      {i > 0 ? ' or ' : null}
                      <span className="font-semibold text-fg">“{s}”</span>
                    </span>
                  ))}
                </p>
              ) : null}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}

/** A one-line key to the highlights, for under the answer text. */
export function GrammarLegend({ count, className }: { count: number; className?: string }) {
  if (!count) return null;
  return (
    <p className={cn('flex items-baseline gap-2 text-xs text-fg-subtle', className)}>
      <span
        className="shrink-0 rounded-[3px] bg-danger-soft px-1 text-fg underline decoration-danger decoration-wavy decoration-1 underline-offset-[3px] [text-decoration-skip-ink:none]"
        aria-hidden="true"
      >
        abc
      </span>
      <span>
        {count === 1 ? '1 grammar note' : `${count} grammar notes`} highlighted. Hover over, tap or tab to one to see the suggestion.
      </span>
    </p>
  );
}
