import { Check, ChevronDown, FileText } from 'lucide-react';
import { useId } from 'react';
import { MAX_JOB_DESCRIPTION_CHARS, MAX_RESUME_CHARS } from '../../../../contract/index.js';
import { cn } from '../../../ui/cn.js';
import { TextAreaField } from '../../../ui/field.js';
import { SavedTailoringPicker, type SavedTailoring } from '../../../ui/saved-tailoring-picker.js';

/** "Tailor to a job and resume": a saved resume or job description, or pasted text, in a section that folds. */
export function TailoringPanel({
  open,
  onToggle,
  jobDescription,
  resumeText,
  onJobDescriptionChange,
  onResumeTextChange,
  saved,
  onSavedChange,
  hasJob,
  hasResume,
  errors,
}: {
  open: boolean;
  onToggle: () => void;
  jobDescription: string;
  resumeText: string;
  onJobDescriptionChange: (text: string) => void;
  onResumeTextChange: (text: string) => void;
  saved: SavedTailoring;
  onSavedChange: (saved: SavedTailoring) => void;
  hasJob: boolean;
  hasResume: boolean;
  errors: Record<string, string>;
}) {
  const tailorId = useId();
  const tailorOpen = open;
  return (
    <section className="card overflow-hidden">
      <h2>
        <button
          type="button"
          aria-expanded={tailorOpen}
          aria-controls={`${tailorId}-panel`}
          onClick={onToggle}
          className="flex w-full items-start gap-3 p-5 text-left transition-colors hover:bg-surface-muted/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring sm:p-6"
        >
          <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
            <FileText className="size-5" />
          </span>
          <span className="min-w-0 flex-1">
            <span className="block font-semibold text-fg">
              Tailor to a job and resume <span className="font-normal text-fg-subtle">(optional)</span>
            </span>
            <span className="mt-0.5 block text-sm leading-snug text-fg-muted">
              Get questions about the skills in a job posting and the experience on your resume.
            </span>
            {!tailorOpen && (hasJob || hasResume) ? (
              <span className="mt-2 flex flex-wrap gap-1.5">
                {hasJob ? <AddedChip>Job description added</AddedChip> : null}
                {hasResume ? <AddedChip>Resume added</AddedChip> : null}
              </span>
            ) : null}
          </span>
          <ChevronDown
            className={cn('mt-2.5 size-5 shrink-0 text-fg-subtle transition-transform duration-200', tailorOpen && 'rotate-180')}
            aria-hidden="true"
          />
        </button>
      </h2>
      <div id={`${tailorId}-panel`} hidden={!tailorOpen} className="border-t border-border p-5 sm:p-6">
        <div className="mb-6">
          <SavedTailoringPicker value={saved} onChange={onSavedChange} errors={errors} idPrefix={`${tailorId}-saved`} />
        </div>
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
          <TextAreaField
            id={`${tailorId}-job`}
            label="Job description"
            optional
            name="jobDescription"
            rows={8}
            maxLength={MAX_JOB_DESCRIPTION_CHARS}
            placeholder="Paste the job posting to get questions that match it."
            value={jobDescription}
            onChange={(e) => onJobDescriptionChange(e.target.value)}
            error={errors.jobDescription}
            hint="Skills and responsibilities in the posting shape which questions you get."
            describedById={`${tailorId}-job-count`}
            aside={<CharCount id={`${tailorId}-job-count`} length={jobDescription.length} max={MAX_JOB_DESCRIPTION_CHARS} />}
          />
          <TextAreaField
            id={`${tailorId}-resume`}
            label="Resume"
            optional
            name="resumeText"
            rows={8}
            maxLength={MAX_RESUME_CHARS}
            placeholder="Paste your resume as plain text: roles, employers, projects and skills."
            value={resumeText}
            onChange={(e) => onResumeTextChange(e.target.value)}
            error={errors.resumeText}
            hint="Used only to tailor your questions. It is not stored."
            describedById={`${tailorId}-resume-count`}
            aside={<CharCount id={`${tailorId}-resume-count`} length={resumeText.length} max={MAX_RESUME_CHARS} />}
          />
        </div>
      </div>
    </section>
  );
}

function AddedChip({ children }: { children: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-md bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
      <Check className="size-3.5" aria-hidden="true" />
      {children}
    </span>
  );
}

/** "1,234 / 30,000 characters", amber near the limit; read with the field it describes. */
function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const near = length >= max * 0.9;
  return (
    <span id={id} className={cn('shrink-0 text-xs tabular-nums', near ? 'font-medium text-warning' : 'text-fg-subtle')}>
      {length.toLocaleString()} / {max.toLocaleString()}
      <span className="sr-only"> characters{length >= max ? ', limit reached' : ''}</span>
    </span>
  );
}
