import { CheckCircle2, XCircle } from 'lucide-react';
import type { RunResult, SubmissionResult, TestResult, Verdict } from '../../../contract/index.js';
import { cn } from '../cn.js';

export const verdictLabels: Record<Verdict, string> = {
  passed: 'Passed',
  wrong_answer: 'Wrong answer',
  time_limit: 'Time limit exceeded',
  memory_limit: 'Memory limit exceeded',
  runtime_error: 'Runtime error',
  output_limit: 'Output limit exceeded',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function TestRow({ test }: { test: TestResult }) {
  const ok = test.verdict === 'passed';
  return (
    <li className="space-y-2 border-t border-border px-4 py-3 first:border-t-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="inline-flex items-center gap-2 font-medium text-fg">
          {ok ? (
            <CheckCircle2 className="size-4 text-success" aria-hidden="true" />
          ) : (
            <XCircle className="size-4 text-danger" aria-hidden="true" />
          )}
          {test.name}
        </span>
        <span className={cn('text-sm font-medium', ok ? 'text-success' : 'text-danger')}>{verdictLabels[test.verdict]}</span>
      </div>
      <p className="text-xs text-fg-subtle">
        {test.timeMs.toFixed(1)} ms · {formatBytes(test.memoryBytes)}
      </p>
      {test.input ? <Labelled label="Input" text={test.input} /> : null}
      {test.verdict === 'wrong_answer' && test.diff ? (
        <div>
          <p className="text-xs font-medium text-fg-muted">Expected (−) and your result (+)</p>
          <pre className="mt-1 overflow-x-auto rounded-lg bg-surface-muted p-2 text-xs">
            {test.diff.map((line, i) => (
              <span key={i} className={cn('block', line.kind === 'expected' && 'text-success', line.kind === 'actual' && 'text-danger')}>
                {line.kind === 'expected' ? '− ' : line.kind === 'actual' ? '+ ' : '  '}
                {line.text}
              </span>
            ))}
          </pre>
        </div>
      ) : test.expected && !ok ? (
        <Labelled label="Expected" text={test.expected} />
      ) : null}
      {test.error ? (
        <Labelled label={test.error.line ? `Error on line ${test.error.line}` : 'Error'} text={test.error.message} tone="danger" />
      ) : null}
      {test.output ? <Labelled label="Printed" text={test.output} /> : null}
    </li>
  );
}

function Labelled({ label, text, tone }: { label: string; text: string; tone?: 'danger' }) {
  return (
    <div>
      <p className="text-xs font-medium text-fg-muted">{label}</p>
      <pre
        className={cn(
          'mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-surface-muted p-2 text-xs',
          tone === 'danger' && 'text-danger',
        )}
      >
        {text}
      </pre>
    </div>
  );
}

/** The console pane: a run's verdicts per public example, or a submission's totals with hidden tests as counts. */
export function RunConsole({ run, submission }: { run?: RunResult | undefined; submission?: SubmissionResult | undefined }) {
  if (!run && !submission) {
    return <p className="px-4 py-6 text-sm text-fg-subtle">Run your code to see the examples' results here.</p>;
  }
  const shown = submission ?? run!;
  const hidden = submission?.hidden;
  return (
    <div>
      <p className="px-4 pt-3 text-sm font-medium text-fg" role="status">
        {shown.passed} of {shown.total} {submission ? 'tests' : 'examples'} passed
      </p>
      {hidden ? (
        <p className="px-4 text-sm text-fg-muted">
          Hidden tests: {hidden.passed} of {hidden.total} passed
          {Object.entries(hidden.verdicts)
            .filter(([v]) => v !== 'passed')
            .map(([v, n]) => ` · ${n} ${verdictLabels[v as Verdict].toLowerCase()}`)
            .join('')}
        </p>
      ) : null}
      {submission ? (
        <p className="px-4 text-sm text-fg-muted">
          Time growth: {submission.complexity.class ?? 'not measured'} — {submission.complexity.note}
        </p>
      ) : null}
      <ul className="mt-2">
        {shown.results.map((test) => (
          <TestRow key={test.name} test={test} />
        ))}
      </ul>
    </div>
  );
}
