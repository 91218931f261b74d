import { Play } from 'lucide-react';
import type { RunResult, SubmissionResult } from '../../../contract/index.js';
import { Button } from '../button.js';
import { Spinner } from '../spinner.js';
import { RunConsole } from './run-console.js';

/**
 * "Run examples" and "Submit solution" with the console below them: the same in an interview's
 * coding answer and in DSA practice. The submit button submits the surrounding form.
 */
export function CodeRunPanel({
  consoleId,
  heading: Heading,
  running,
  submitting,
  onRun,
  run,
  submission,
}: {
  consoleId: string;
  /** h2 on a page of its own, h3 inside an interview question. */
  heading: 'h2' | 'h3';
  running: boolean;
  submitting: boolean;
  onRun: () => void;
  run?: RunResult | undefined;
  submission?: SubmissionResult | undefined;
}) {
  const busy = running || submitting;
  return (
    <>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button
          type="button"
          variant="secondary"
          size="lg"
          loading={running}
          loadingText="Running…"
          disabled={busy}
          onClick={onRun}
          className="w-full sm:w-auto"
        >
          <Play className="size-4" aria-hidden="true" /> Run examples
        </Button>
        <Button type="submit" size="lg" loading={submitting} loadingText="Running every test…" disabled={busy} className="w-full sm:w-auto">
          Submit solution
        </Button>
      </div>
      <section aria-labelledby={consoleId} className="card overflow-hidden" aria-live="polite">
        <Heading id={consoleId} className="border-b border-border bg-surface-muted px-4 py-2 text-sm font-semibold text-fg">
          Console
        </Heading>
        {busy ? (
          <p className="flex items-center gap-2 px-4 py-6 text-sm text-fg-muted">
            <Spinner className="size-4 text-primary" /> {submitting ? 'Running every test…' : 'Running the examples…'}
          </p>
        ) : (
          <RunConsole run={run} submission={submission} />
        )}
      </section>
    </>
  );
}
