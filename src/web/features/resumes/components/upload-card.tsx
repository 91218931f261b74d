import { ArrowRight, FileUp, TriangleAlert, UploadCloud } from 'lucide-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import type { Resume } from '../../../../contract/index.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { ProgressBar } from '../../../ui/progress-bar.js';
import { Spinner } from '../../../ui/spinner.js';
import { useUploadResume } from '../../../lib/api/resumes.js';
import { ACCEPT_ATTRIBUTE, checkResumeFile, describeUploadError, formatBytes, MAX_SIZE_LABEL, type UploadProblem } from '../resume-file.js';

type Outcome =
  { kind: 'error'; problem: UploadProblem } | { kind: 'done'; resume: Resume } | { kind: 'cancelled'; fileName: string } | null;

/** Drop a file on the card or pick one; shows real upload progress, then what happened. */
export function UploadCard({ candidateId = null, compact = false }: { candidateId?: string | null; compact?: boolean }) {
  const upload = useUploadResume(candidateId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const hintId = useId();
  const busy = upload.isPending;

  function start(picked: File | undefined) {
    if (!picked || busy) return;
    setFile(picked);
    const problem = checkResumeFile(picked);
    if (problem) {
      setOutcome({ kind: 'error', problem });
      return;
    }
    setOutcome(null);
    upload.mutate(picked, {
      onSuccess: (resume) => setOutcome({ kind: 'done', resume }),
      onError: (err) =>
        setOutcome(
          err instanceof DOMException && err.name === 'AbortError'
            ? { kind: 'cancelled', fileName: picked.name }
            : { kind: 'error', problem: describeUploadError(err, picked.name) },
        ),
    });
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    start(e.dataTransfer.files[0]);
  }

  const progress = upload.progress;
  const sent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  // Once every byte is sent the server reads the file; say so rather than sitting at 100 %.
  const reading = busy && sent >= 100;

  return (
    <section aria-labelledby={`${hintId}-title`} className="card p-5 sm:p-6">
      <h2 id={`${hintId}-title`} className={cn('font-semibold text-fg', compact && 'sr-only')}>
        Upload a resume
      </h2>
      <div
        onDragEnter={(e) => {
          e.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="resume-dropzone"
        className={cn(
          'mt-4 flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed px-4 py-8 text-center transition-colors sm:py-10',
          compact && 'mt-0',
          dragging ? 'border-primary bg-primary-soft/60' : 'border-border-strong bg-surface-muted/40',
        )}
      >
        {busy && file ? (
          <div className="w-full max-w-md space-y-3" aria-live="polite">
            <div className="flex items-center justify-center gap-2 text-sm font-medium text-fg">
              {reading ? <Spinner className="size-4 text-primary" /> : <FileUp className="size-4 text-primary" aria-hidden="true" />}
              <span className="min-w-0 truncate">{reading ? `Reading “${file.name}”…` : `Uploading “${file.name}”`}</span>
            </div>
            <ProgressBar
              value={sent}
              max={100}
              label={`Uploading ${file.name}`}
              valueText={reading ? 'Uploaded, reading the file' : `${sent} percent`}
              className="h-2.5"
            />
            <div className="flex items-center justify-between gap-3 text-xs text-fg-subtle tabular-nums">
              <span aria-hidden="true">
                {reading
                  ? 'Finding contact details, skills and experience'
                  : `${formatBytes(progress?.loaded ?? 0)} of ${formatBytes(file.size)}`}
              </span>
              <span aria-hidden="true">{sent}%</span>
            </div>
            {!reading ? (
              <Button variant="ghost" size="sm" onClick={upload.cancel}>
                Cancel upload
              </Button>
            ) : null}
          </div>
        ) : (
          <>
            <span
              className={cn(
                'grid size-12 place-items-center rounded-2xl transition-colors',
                dragging ? 'bg-primary text-primary-fg' : 'bg-primary-soft text-primary-soft-fg',
              )}
              aria-hidden="true"
            >
              <UploadCloud className="size-6" />
            </span>
            <div className="space-y-1">
              <p className="font-medium text-fg">
                {dragging ? (
                  'Drop to upload'
                ) : (
                  <>
                    <span className="hidden sm:inline">Drag your resume here, or </span>
                    <span className="sm:hidden">Upload your resume</span>
                  </>
                )}
              </p>
              <p id={hintId} className="text-sm text-fg-subtle">
                PDF, Word (.docx) or plain text, up to {MAX_SIZE_LABEL}
              </p>
            </div>
            <Button variant="secondary" onClick={() => inputRef.current?.click()} aria-describedby={hintId}>
              Choose a file
            </Button>
          </>
        )}
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          className="hidden"
          aria-label="Resume file"
          data-testid="resume-file-input"
          onChange={(e) => {
            start(e.target.files?.[0]);
            // Picking the same file again after an error should still fire a change.
            e.target.value = '';
          }}
        />
      </div>

      <div className="mt-4 empty:hidden">
        {outcome?.kind === 'error' ? <Alert title={outcome.problem.title}>{outcome.problem.detail}</Alert> : null}
        {outcome?.kind === 'done' ? <UploadedNotice resume={outcome.resume} /> : null}
        {outcome?.kind === 'cancelled' ? <Alert tone="info">Upload cancelled: “{outcome.fileName}” was not uploaded.</Alert> : null}
      </div>
    </section>
  );
}

function UploadedNotice({ resume }: { resume: Resume }) {
  const noText = resume.status === 'no_text';
  return (
    <div
      role="status"
      className={cn(
        'flex flex-col gap-3 rounded-xl border px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between',
        noText ? 'border-warning/30 bg-warning-soft text-warning' : 'border-success/30 bg-success-soft text-success',
      )}
    >
      <div className="flex min-w-0 gap-3">
        {noText ? (
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        ) : (
          <FileUp className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        )}
        <div className="min-w-0">
          <p className="font-semibold break-words">
            {noText ? `Uploaded “${resume.fileName}”, but no text could be read` : `Uploaded “${resume.fileName}”`}
          </p>
          <p className="opacity-95">
            {noText
              ? (resume.warnings[0] ?? 'It looks like a scan. Export it from your word processor so the text can be read.')
              : `${resume.parsed.skills.length} skills, ${resume.parsed.positions.length} positions found.`}
          </p>
        </div>
      </div>
      <Link
        to={`/resumes/${resume.id}`}
        className="inline-flex shrink-0 items-center gap-1 font-semibold underline-offset-4 hover:underline"
      >
        See what Panelist read <ArrowRight className="size-4" aria-hidden="true" />
      </Link>
    </div>
  );
}
