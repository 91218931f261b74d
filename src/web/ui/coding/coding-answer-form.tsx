import { useCallback, useId, useState } from 'react';
import { MAX_EXPLANATION_CHARS, type CodingLanguage, type CodingProblemView, type SubmissionResult } from '../../../contract/index.js';
import { useRunCode, useSubmitCode } from '../../lib/api/coding.js';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../alert.js';
import { SelectField, TextAreaField } from '../field.js';
import { CodeEditor } from './code-editor.js';
import { ProblemExamples } from './problem-examples.js';
import { ProblemStatement } from './problem-statement.js';
import { CodeRunPanel } from './code-run-panel.js';

export const languageLabels: Record<CodingLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
  sql: 'SQL',
};

interface CodeDraft {
  language: CodingLanguage;
  code: Partial<Record<CodingLanguage, string>>;
  explanation: string;
}

/** Drafts of code stay on this device, per question and language, so switching language keeps both. */
function useCodeDraft(key: string, problem: CodingProblemView): [CodeDraft, (next: CodeDraft) => void] {
  const storageKey = `panelist:code:${key}`;
  const read = useCallback((): CodeDraft => {
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) return JSON.parse(saved) as CodeDraft;
    } catch {
      /* a fresh draft */
    }
    return { language: problem.languages[0] ?? 'javascript', code: {}, explanation: '' };
  }, [storageKey, problem.languages]);
  // The form is keyed by question, so the draft is read once per question.
  const [draft, setDraft] = useState(read);
  const save = useCallback(
    (next: CodeDraft) => {
      setDraft(next);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        /* kept in memory */
      }
    },
    [storageKey],
  );
  return [draft, save];
}

/** Answering a coding question: language, editor, Run on the examples, an optional explanation, Submit. */
export function CodingAnswerForm({
  interviewId,
  questionId,
  problem,
  onSubmitted,
}: {
  interviewId: string;
  questionId: string;
  problem: CodingProblemView;
  onSubmitted?: (result: SubmissionResult | undefined) => void;
}) {
  const ids = { label: useId(), help: useId(), console: useId() };
  const [draft, setDraft] = useCodeDraft(`${interviewId}:${questionId}`, problem);
  const code = draft.code[draft.language] ?? problem.starterCode[draft.language] ?? '';
  const run = useRunCode(interviewId, questionId);
  const submit = useSubmitCode(interviewId);
  const busy = run.isPending || submit.isPending;

  return (
    <form
      aria-label="Coding answer"
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(
          { questionId, language: draft.language, code, ...(draft.explanation.trim() ? { explanation: draft.explanation } : {}) },
          { onSuccess: (answer) => onSubmitted?.(answer.coding) },
        );
      }}
    >
      <section aria-label="Problem" className="card space-y-3 p-5">
        <p className="text-xs font-medium uppercase tracking-wide text-fg-subtle">
          {problem.difficulty} · {problem.topics.map((t) => t.replace('_', ' ')).join(', ')}
        </p>
        <ProblemStatement markdown={problem.statement} />
      </section>
      {problem.examples.length > 0 ? (
        <section aria-label="Examples" className="space-y-2">
          <ProblemExamples examples={problem.examples} />
        </section>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-48">
          <SelectField
            id={`${ids.label}-language`}
            label="Language"
            value={draft.language}
            onChange={(e) => setDraft({ ...draft, language: e.target.value as CodingLanguage })}
            disabled={busy}
          >
            {problem.languages.map((l) => (
              <option key={l} value={l}>
                {languageLabels[l]}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="text-xs text-fg-subtle">
          Limits: {problem.timeLimitMs / 1000} s{draft.language === 'python' ? ' (×2 for Python)' : ''} and {problem.memoryLimitMb} MB per
          test · {problem.hiddenTestCount} hidden tests
        </p>
      </div>
      <div className="space-y-1.5">
        <p id={ids.label} className="text-sm font-medium text-fg">
          Your code
        </p>
        <CodeEditor
          id={`${ids.label}-editor`}
          value={code}
          language={draft.language}
          labelledBy={ids.label}
          describedBy={ids.help}
          readOnly={submit.isPending}
          onChange={(text) => setDraft({ ...draft, code: { ...draft.code, [draft.language]: text } })}
        />
        <p id={ids.help} className="text-xs text-fg-subtle">
          Tab indents. Press Esc then Tab to leave the editor. Drafts are saved on this device.
        </p>
      </div>
      <TextAreaField
        id={`${ids.label}-explanation`}
        label="Explain your approach"
        optional
        rows={3}
        maxLength={MAX_EXPLANATION_CHARS}
        value={draft.explanation}
        onChange={(e) => setDraft({ ...draft, explanation: e.target.value })}
        hint="The idea, its time and space complexity, the edge cases. It counts for part of the score."
      />
      {run.isError ? <Alert title="The code did not run">{errorMessage(run.error)}</Alert> : null}
      {submit.isError ? <Alert title="Your answer was not submitted">{errorMessage(submit.error)}</Alert> : null}
      <CodeRunPanel
        consoleId={ids.console}
        heading="h3"
        running={run.isPending}
        submitting={submit.isPending}
        onRun={() => run.mutate({ language: draft.language, code })}
        run={run.data}
        submission={submit.data?.coding}
      />
    </form>
  );
}
