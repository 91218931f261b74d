import { Fragment, type ReactNode } from 'react';

/** Inline Markdown of problem statements: `code` and **bold**. Built as elements, never as HTML. */
function inline(text: string): ReactNode[] {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).filter(Boolean);
  return parts.map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`')) {
      return (
        <code key={i} className="rounded bg-surface-muted px-1 py-0.5 font-mono text-[0.85em]">
          {part.slice(1, -1)}
        </code>
      );
    }
    if (part.startsWith('**') && part.endsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

/** A coding problem's statement: paragraphs of the Markdown the bank is written in. */
export function ProblemStatement({ markdown }: { markdown: string }) {
  return (
    <div className="space-y-3 text-fg-muted">
      {markdown.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i} className="leading-relaxed">
          {inline(paragraph.replace(/\n/g, ' '))}
        </p>
      ))}
    </div>
  );
}
