import { ArrowLeft, CheckCircle2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CodingLanguage } from '../../../contract/index.js';
import { usePracticeProblem, useRunPractice, useSubmitPractice } from '../../lib/api/coding-practice.js';
import { errorMessage } from '../../lib/api-client.js';
import { difficultyLabels } from '../../lib/interview-meta.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { CodeEditor } from '../../ui/coding/code-editor.js';
import { languageLabels } from '../../ui/coding/coding-answer-form.js';
import { ProblemExamples } from '../../ui/coding/problem-examples.js';
import { ProblemStatement } from '../../ui/coding/problem-statement.js';
import { CodeRunPanel } from '../../ui/coding/code-run-panel.js';
import { SelectField } from '../../ui/field.js';
import { LoadFailure } from '../../ui/load-failure.js';
import { Skeleton } from '../../ui/skeleton.js';
import { topicLabels } from '../../lib/coding-topics.js';

/** Solving one practice problem: statement, editor, run the examples, submit against every test. */
export function PracticeProblemPage() {
  const { slug = '' } = useParams();
  const problem = usePracticeProblem(slug);
  const run = useRunPractice(slug);
  const submit = useSubmitPractice(slug);
  const [language, setLanguage] = useState<CodingLanguage | null>(null);
  const [code, setCode] = useState<Partial<Record<CodingLanguage, string>>>({});
  // Time on the problem, sent with a submission for the tracker.
  const opened = useRef(0);
  useEffect(() => {
    opened.current = Date.now();
  }, [slug]);

  if (problem.isError)
    return (
      <LoadFailure
        what="The problem"
        error={problem.error}
        onRetry={() => void problem.refetch()}
        back={{ to: '/practice/coding', label: 'All problems' }}
      />
    );
  if (!problem.data) return <Skeleton className="h-96" />;
  const p = problem.data;
  const current = language ?? p.languages[0]!;
  const text = code[current] ?? p.starterCode[current] ?? '';
  const busy = run.isPending || submit.isPending;
  const solved = submit.data?.attempt.solved;

  return (
    <div className="space-y-5">
      <Link to="/practice/coding" className="inline-flex items-center gap-1.5 text-sm text-fg-muted hover:text-fg">
        <ArrowLeft className="size-4" aria-hidden="true" /> All problems
      </Link>
      <section className="card space-y-4 p-5 sm:p-7" aria-labelledby="problem-heading">
        <div className="flex flex-wrap gap-2">
          <Badge tone="primary">Coding</Badge>
          <Badge>{difficultyLabels[p.difficulty]}</Badge>
          {p.topics.map((t) => (
            <Badge key={t}>{topicLabels[t]}</Badge>
          ))}
        </div>
        <h1 id="problem-heading" data-page-heading tabIndex={-1} className="text-xl font-semibold tracking-tight text-fg sm:text-2xl">
          {p.title}
        </h1>
        <ProblemStatement markdown={p.statement} />
        <ProblemExamples examples={p.examples} />
      </section>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate({ language: current, code: text, durationSeconds: Math.round((Date.now() - opened.current) / 1000) });
        }}
      >
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="w-48">
            <SelectField
              id="practice-language"
              label="Language"
              value={current}
              disabled={busy}
              onChange={(e) => setLanguage(e.target.value as CodingLanguage)}
            >
              {p.languages.map((l) => (
                <option key={l} value={l}>
                  {languageLabels[l]}
                </option>
              ))}
            </SelectField>
          </div>
          <p className="text-xs text-fg-subtle">
            {p.timeLimitMs / 1000} s and {p.memoryLimitMb} MB per test · {p.hiddenTestCount} hidden tests
          </p>
        </div>
        <div className="space-y-1.5">
          <p id="practice-code-label" className="text-sm font-medium text-fg">
            Your code
          </p>
          <CodeEditor
            id="practice-code"
            value={text}
            language={current}
            labelledBy="practice-code-label"
            describedBy="practice-code-help"
            readOnly={submit.isPending}
            onChange={(value) => setCode((old) => ({ ...old, [current]: value }))}
          />
          <p id="practice-code-help" className="text-xs text-fg-subtle">
            Tab indents. Press Esc then Tab to leave the editor.
          </p>
        </div>
        {run.isError ? <Alert title="The code did not run">{errorMessage(run.error)}</Alert> : null}
        {submit.isError ? <Alert title="Your solution was not submitted">{errorMessage(submit.error)}</Alert> : null}
        {solved !== undefined ? (
          <p role="status" className={solved ? 'flex items-center gap-2 font-medium text-success' : 'font-medium text-fg-muted'}>
            {solved ? <CheckCircle2 className="size-5" aria-hidden="true" /> : null}
            {solved
              ? 'Solved: every test passed.'
              : `${submit.data!.attempt.passed} of ${submit.data!.attempt.total} tests passed. Keep going.`}
          </p>
        ) : null}
        <CodeRunPanel
          consoleId="practice-console"
          heading="h2"
          running={run.isPending}
          submitting={submit.isPending}
          onRun={() => run.mutate({ language: current, code: text })}
          run={run.data}
          submission={submit.data?.result}
        />
      </form>
    </div>
  );
}
