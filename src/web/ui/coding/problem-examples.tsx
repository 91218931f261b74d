import type { CodingProblemView } from '../../../contract/index.js';

/** "Input" and "Output" of an example: beside the label when one line, below it when several (SQL data and rows). */
function Shown({ label, text }: { label: string; text: string }) {
  const several = text.includes('\n');
  return (
    <div className={several ? 'mt-1' : 'mt-1 flex gap-2'}>
      <span className="text-xs font-medium text-fg">{label}</span>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs text-fg-muted">{text}</pre>
    </div>
  );
}

/** A problem's public examples, as the statement shows them. */
export function ProblemExamples({ examples }: { examples: CodingProblemView['examples'] }) {
  return (
    <>
      {examples.map((example, i) => (
        <div key={i} className="rounded-xl bg-surface-muted p-3 text-sm">
          <p className="font-medium text-fg">Example {i + 1}</p>
          <Shown label="Input" text={example.input} />
          <Shown label="Output" text={example.output} />
          {example.explanation ? <p className="mt-1 text-xs text-fg-muted">{example.explanation}</p> : null}
        </div>
      ))}
    </>
  );
}
