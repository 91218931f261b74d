import { ScanSearch } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_JOB_DESCRIPTION_CHARS, type Resume, type SavedAtsAnalysis } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { TextAreaField } from '../../../ui/field.js';
import { Skeleton } from '../../../ui/skeleton.js';
import { levelLabel } from '../../../lib/interview-meta.js';
import { useJobDescriptions } from '../../../lib/api/job-descriptions.js';
import { useAnalyzeResume } from '../../../lib/api/resumes.js';
import type { ChosenJob } from '../../../ui/tailored-practice-dialog.js';

type Source = 'saved' | 'paste';

interface AtsPanelProps {
  resume: Resume;
  /** A job to check against at once (from "Check my resume against this job"). */
  initialJobId: string | null;
  /** A new report, and the job it was made against (for "Start a tailored practice"). */
  onReport: (report: SavedAtsAnalysis, job: ChosenJob | null) => void;
}

export function AtsPanel({ resume, initialJobId, onReport }: AtsPanelProps) {
  const id = useId();
  const jobs = useJobDescriptions({ limit: 100 });
  const analyze = useAnalyzeResume(resume.id);
  const [source, setSource] = useState<Source>('saved');
  const [jobId, setJobId] = useState(initialJobId ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const items = jobs.data?.items;
  const noSaved = jobs.isSuccess && !items?.length;
  const effectiveSource: Source = noSaved ? 'paste' : source;

  function run(body: { jobDescriptionId: string } | { jobDescriptionText: string }) {
    analyze.mutate(body, {
      onSuccess: (analysis) => {
        const { id: usedId, title } = analysis.jobDescription;
        const known = usedId ? items?.find((j) => j.id === usedId) : undefined;
        onReport(
          analysis,
          usedId ? { id: usedId, title: title ?? known?.title ?? 'this job', ...(known ? { level: known.level } : {}) } : null,
        );
      },
    });
  }

  // Arriving with ?job=… runs the check straight away, once.
  const ranInitial = useRef(false);
  useEffect(() => {
    if (!initialJobId || ranInitial.current || resume.status === 'no_text') return;
    ranInitial.current = true;
    run({ jobDescriptionId: initialJobId });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, [initialJobId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (effectiveSource === 'saved') {
      if (!jobId) return setError('Choose a job description.');
      setError(undefined);
      run({ jobDescriptionId: jobId });
    } else {
      const trimmed = text.trim();
      if (trimmed.length < 20) return setError('Paste the job posting: at least 20 characters.');
      setError(undefined);
      run({ jobDescriptionText: trimmed });
    }
  }

  const radio = (value: Source, label: string, disabled = false) => (
    <label
      className={cn(
        'relative flex-1 cursor-pointer rounded-xl px-3 py-2 text-center text-sm font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
        effectiveSource === value ? 'bg-surface text-fg shadow-sm ring-1 ring-border' : 'text-fg-muted hover:bg-surface/60',
        disabled && 'cursor-not-allowed opacity-55',
      )}
    >
      <input
        type="radio"
        name={`${id}-source`}
        value={value}
        checked={effectiveSource === value}
        disabled={disabled}
        onChange={() => {
          setSource(value);
          setError(undefined);
        }}
        className="absolute inset-0 m-0 size-full cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed"
      />
      {label}
    </label>
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="card p-5 sm:p-6">
      <h2 id={`${id}-heading`} className="flex items-center gap-2 font-semibold text-fg">
        <ScanSearch className="size-4 text-primary" aria-hidden="true" /> ATS check
      </h2>
      <p className="mt-1 text-sm text-fg-muted">See how an applicant tracking system would rank this resume for a job, and why.</p>

      {resume.status === 'no_text' ? (
        <Alert tone="info" className="mt-4">
          No text could be read from this file, so there is nothing to check. Upload a version with a text layer.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="mt-4 space-y-4">
          <fieldset>
            <legend className="sr-only">Job to check against</legend>
            <div className="flex gap-1 rounded-2xl bg-surface-muted p-1">
              {radio('saved', 'A saved job', noSaved)}
              {radio('paste', 'Paste a posting')}
            </div>
          </fieldset>

          {effectiveSource === 'saved' ? (
            <div className="space-y-1.5">
              <label htmlFor={`${id}-job`} className="text-sm font-medium text-fg">
                Job description
              </label>
              {jobs.isPending ? (
                <Skeleton className="h-11 w-full rounded-xl" />
              ) : (
                <select
                  id={`${id}-job`}
                  value={jobId}
                  onChange={(e) => setJobId(e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className={cn(
                    'h-11 w-full rounded-xl border bg-surface px-3 text-fg',
                    error ? 'border-danger' : 'border-border-strong hover:border-fg-subtle',
                  )}
                >
                  <option value="">Choose a job…</option>
                  {items?.map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.title} · {levelLabel(j.level)}
                    </option>
                  ))}
                </select>
              )}
              {error ? (
                <p id={`${id}-error`} className="text-sm font-medium text-danger">
                  {error}
                </p>
              ) : null}
            </div>
          ) : (
            <TextAreaField
              label="Job posting"
              rows={6}
              maxLength={MAX_JOB_DESCRIPTION_CHARS}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Paste the whole posting: responsibilities, requirements, nice-to-haves."
              error={error}
              hint={noSaved ? 'No job descriptions have been shared with you yet, so paste one.' : undefined}
            />
          )}

          <Button type="submit" className="w-full" loading={analyze.isPending} loadingText="Checking…">
            Run ATS check
          </Button>
          {analyze.isError ? <Alert title="Could not run the check">{errorMessage(analyze.error)}</Alert> : null}
        </form>
      )}
    </section>
  );
}
