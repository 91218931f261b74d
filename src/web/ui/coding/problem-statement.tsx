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

/** Blocks of a statement: fenced code (```lang … ```) kept line for line, and paragraphs between blank lines. */
function blocks(markdown: string): Array<{ kind: 'code'; text: string } | { kind: 'paragraph'; text: string }> {
  const out: Array<{ kind: 'code'; text: string } | { kind: 'paragraph'; text: string }> = [];
  markdown.split(/^```[\w-]*[ \t]*$/m).forEach((part, i) => {
    if (i % 2 === 1) out.push({ kind: 'code', text: part.replace(/^\n|\n$/g, '') });
    else for (const p of part.split(/\n\s*\n/)) if (p.trim()) out.push({ kind: 'paragraph', text: p.trim() });
  });
  return out;
}

/** A coding problem's statement: paragraphs and code blocks of the Markdown the bank is written in. */
export function ProblemStatement({ markdown }: { markdown: string }) {
  return (
    <div className="space-y-3 text-fg-muted">
      {blocks(markdown).map((block, i) =>
        block.kind === 'code' ? (
          <pre key={i} className="overflow-x-auto rounded-xl bg-surface-muted p-3 font-mono text-xs leading-relaxed text-fg">
            {block.text}
          </pre>
        ) : (
          <p key={i} className="leading-relaxed">
            {inline(block.text.replace(/\n/g, ' '))}
          </p>
        ),
      )}
    </div>
  );
}
