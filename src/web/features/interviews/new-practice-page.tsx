import { ArrowRight, Check, ChevronDown, Clock, FileText, Lightbulb, Minus, Plus } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  createInterviewBody,
  createPracticeBody,
  MAX_JOB_DESCRIPTION_CHARS,
  MAX_RESUME_CHARS,
  type CreateInterviewBody,
  type InterviewType,
  type Level,
} from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence, zodFieldErrors } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { SegmentedChoice } from '../../ui/segmented-choice.js';
import { SavedTailoringPicker, savedTailoringBody, useSavedTailoring } from '../resumes/saved-tailoring-picker.js';
import { useCreateInterview } from '../../lib/api/interviews.js';
import { estimatedMinutes, interviewTypeLabel, interviewTypes, levelLabel, levels } from '../../lib/interview-meta.js';

const DEFAULTS_KEY = 'panelist-practice-defaults';
const MIN_QUESTIONS = 1;
const MAX_QUESTIONS = 20;

const roleSuggestions = [
  'Software Engineer',
  'Frontend Engineer',
  'Backend Engineer',
  'Data Scientist',
  'Data Analyst',
  'Product Manager',
  'Product Designer',
  'DevOps Engineer',
  'Engineering Manager',
  'Business Analyst',
  'Customer Success Manager',
  'Sales Representative',
];

interface Draft {
  type: InterviewType;
  role: string;
  level: Level;
  questionCount: number;
  jobDescription: string;
  resumeText: string;
}

/** Fields of the "Tailor to a job and resume" section, which opens to show their errors. */
const tailorFields = ['jobDescription', 'resumeText', 'resumeId', 'jobDescriptionId'];

function loadDefaults(): Draft {
  const fallback: Draft = { type: 'behavioral', role: '', level: 'mid', questionCount: 5, jobDescription: '', resumeText: '' };
  try {
    const saved = JSON.parse(localStorage.getItem(DEFAULTS_KEY) ?? 'null') as Partial<Draft> | null;
    if (!saved) return fallback;
    const parsed = createPracticeBody.partial().safeParse({ ...saved, kind: 'practice' });
    // Only the choices are remembered: a job description or resume is never kept on the device.
    return parsed.success ? { ...fallback, ...parsed.data, jobDescription: '', resumeText: '' } : fallback;
  } catch {
    return fallback;
  }
}

export function NewPracticePage() {
  const navigate = useNavigate();
  const create = useCreateInterview();
  const [draft, setDraft] = useState<Draft>(loadDefaults);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const roleListId = useId();
  const countId = useId();
  const tailorId = useId();
  const [tailorOpen, setTailorOpen] = useState(false);
  // Saved resume / job description picker (owned by the resumes feature).
  const [saved, setSaved] = useSavedTailoring();
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: CreateInterviewBody = {
      kind: 'practice',
      type: draft.type,
      role: draft.role.trim(),
      level: draft.level,
      questionCount: draft.questionCount,
      ...(draft.jobDescription.trim() ? { jobDescription: draft.jobDescription.trim() } : {}),
      ...(draft.resumeText.trim() ? { resumeText: draft.resumeText.trim() } : {}),
      ...savedTailoringBody(saved),
    };
    const local: Record<string, string> = {};
    if (!body.role) local.role = 'Enter the role you are preparing for, for example “Software Engineer”.';
    if (!Number.isInteger(body.questionCount) || body.questionCount < MIN_QUESTIONS || body.questionCount > MAX_QUESTIONS) {
      local.questionCount = `Choose between ${MIN_QUESTIONS} and ${MAX_QUESTIONS} questions.`;
    }
    const parsed = createInterviewBody.safeParse(body);
    const found = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...local };
    setErrors(found);
    if (tailorFields.some((k) => k in found)) setTailorOpen(true);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    create.mutate(body, {
      onSuccess: (interview) => {
        try {
          localStorage.setItem(
            DEFAULTS_KEY,
            JSON.stringify({ type: body.type, role: body.role, level: body.level, questionCount: body.questionCount }),
          );
        } catch {
          /* defaults are a convenience */
        }
        void navigate(`/interviews/${interview.id}`);
      },
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        const fieldErrors = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)]));
        setErrors(fieldErrors);
        if (tailorFields.some((k) => k in fieldErrors)) setTailorOpen(true);
      },
    });
  }

  const knownFields = ['type', 'role', 'level', 'questionCount', ...tailorFields];
  const showFormError = create.isError && !Object.keys(errors).some((k) => knownFields.includes(k));
  const minutes = estimatedMinutes(draft.questionCount || 1);
  const hasJob = draft.jobDescription.trim().length > 0 || saved.jobDescriptionId !== '';
  const hasResume = draft.resumeText.trim().length > 0 || saved.resumeId !== '';
  const tailoredTo = hasJob && hasResume ? 'Job and resume' : hasJob ? 'Job description' : hasResume ? 'Resume' : '—';

  return (
    <div className="space-y-8">
      <title>New practice interview · Panelist</title>
      <PageHeader
        eyebrow="Practice"
        title="Set up your practice interview"
        description="Tell us what you are preparing for. Questions are chosen for the type, role and level you pick, and can be tailored to a job posting and your resume."
      />

      <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-8">
          <fieldset className="space-y-3">
            <legend className="mb-3 text-base font-semibold text-fg">Interview type</legend>
            <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {interviewTypes.map(({ value, label, description, Icon }) => {
                const checked = draft.type === value;
                return (
                  <label
                    key={value}
                    className={cn(
                      'relative flex cursor-pointer gap-3 rounded-2xl border bg-surface p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                      checked ? 'border-primary ring-1 ring-primary' : 'border-border hover:border-border-strong',
                    )}
                  >
                    <input
                      type="radio"
                      name="type"
                      value={value}
                      checked={checked}
                      onChange={() => update('type', value)}
                      className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
                      aria-labelledby={`type-${value}-label`}
                      aria-describedby={`type-${value}-desc`}
                    />
                    <span
                      className={cn(
                        'grid size-10 shrink-0 place-items-center rounded-xl transition-colors',
                        checked ? 'bg-primary text-primary-fg' : 'bg-surface-muted text-fg-muted',
                      )}
                      aria-hidden="true"
                    >
                      <Icon className="size-5" />
                    </span>
                    <span className="min-w-0">
                      <span id={`type-${value}-label`} className="block font-medium text-fg">
                        {label}
                      </span>
                      <span id={`type-${value}-desc`} className="mt-0.5 block text-sm leading-snug text-fg-muted">
                        {description}
                      </span>
                    </span>
                    {checked ? <Check className="absolute top-3 right-3 size-4 text-primary" aria-hidden="true" /> : null}
                  </label>
                );
              })}
            </div>
          </fieldset>

          <div className="card space-y-6 p-5 sm:p-6">
            <div>
              <TextField
                label="Role"
                name="role"
                placeholder="e.g. Software Engineer"
                autoComplete="organization-title"
                list={roleListId}
                required
                maxLength={120}
                value={draft.role}
                onChange={(e) => update('role', e.target.value)}
                error={errors.role}
                hint="The job title you are interviewing for."
              />
              <datalist id={roleListId}>
                {roleSuggestions.map((r) => (
                  <option key={r} value={r} />
                ))}
              </datalist>
            </div>

            <SegmentedChoice
              legend="Level"
              name="level"
              options={levels}
              value={draft.level}
              onChange={(level) => update('level', level)}
            />

            <div className="space-y-1.5">
              <label htmlFor={countId} className="text-sm font-medium text-fg">
                Number of questions
              </label>
              <div className="flex items-center gap-3">
                <div className="flex items-center rounded-xl border border-border-strong bg-surface">
                  <button
                    type="button"
                    className="grid size-11 place-items-center rounded-l-xl text-fg-muted hover:bg-surface-muted hover:text-fg disabled:opacity-40"
                    onClick={() => update('questionCount', Math.max(MIN_QUESTIONS, (draft.questionCount || 1) - 1))}
                    disabled={draft.questionCount <= MIN_QUESTIONS}
                    aria-label="Fewer questions"
                    aria-controls={countId}
                  >
                    <Minus className="size-4" aria-hidden="true" />
                  </button>
                  <input
                    id={countId}
                    name="questionCount"
                    type="number"
                    inputMode="numeric"
                    min={MIN_QUESTIONS}
                    max={MAX_QUESTIONS}
                    value={Number.isNaN(draft.questionCount) ? '' : draft.questionCount}
                    onChange={(e) => update('questionCount', e.target.valueAsNumber)}
                    aria-invalid={errors.questionCount ? true : undefined}
                    aria-describedby={`${countId}-hint`}
                    className="h-11 w-14 border-x border-border bg-transparent text-center font-medium tabular-nums text-fg [appearance:textfield] focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-inner-spin-button]:appearance-none"
                  />
                  <button
                    type="button"
                    className="grid size-11 place-items-center rounded-r-xl text-fg-muted hover:bg-surface-muted hover:text-fg disabled:opacity-40"
                    onClick={() => update('questionCount', Math.min(MAX_QUESTIONS, (draft.questionCount || 0) + 1))}
                    disabled={draft.questionCount >= MAX_QUESTIONS}
                    aria-label="More questions"
                    aria-controls={countId}
                  >
                    <Plus className="size-4" aria-hidden="true" />
                  </button>
                </div>
                <p id={`${countId}-hint`} className="flex items-center gap-1.5 text-sm text-fg-subtle">
                  <Clock className="size-4" aria-hidden="true" /> About {minutes} minutes
                </p>
              </div>
              {errors.questionCount ? <p className="text-sm font-medium text-danger">{errors.questionCount}</p> : null}
            </div>
          </div>

          <section className="card overflow-hidden">
            <h2>
              <button
                type="button"
                aria-expanded={tailorOpen}
                aria-controls={`${tailorId}-panel`}
                onClick={() => setTailorOpen((o) => !o)}
                className="flex w-full items-start gap-3 p-5 text-left transition-colors hover:bg-surface-muted/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring sm:p-6"
              >
                <span
                  className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg"
                  aria-hidden="true"
                >
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
                <SavedTailoringPicker value={saved} onChange={setSaved} errors={errors} idPrefix={`${tailorId}-saved`} />
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
                  value={draft.jobDescription}
                  onChange={(e) => update('jobDescription', e.target.value)}
                  error={errors.jobDescription}
                  hint="Skills and responsibilities in the posting shape which questions you get."
                  describedById={`${tailorId}-job-count`}
                  aside={<CharCount id={`${tailorId}-job-count`} length={draft.jobDescription.length} max={MAX_JOB_DESCRIPTION_CHARS} />}
                />
                <TextAreaField
                  id={`${tailorId}-resume`}
                  label="Resume"
                  optional
                  name="resumeText"
                  rows={8}
                  maxLength={MAX_RESUME_CHARS}
                  placeholder="Paste your resume as plain text: roles, employers, projects and skills."
                  value={draft.resumeText}
                  onChange={(e) => update('resumeText', e.target.value)}
                  error={errors.resumeText}
                  hint="Used only to tailor your questions. It is not stored."
                  describedById={`${tailorId}-resume-count`}
                  aside={<CharCount id={`${tailorId}-resume-count`} length={draft.resumeText.length} max={MAX_RESUME_CHARS} />}
                />
              </div>
            </div>
          </section>

          {showFormError ? <Alert title="Could not start the interview">{errorMessage(create.error)}</Alert> : null}
        </div>

        <aside className="min-w-0 lg:sticky lg:top-24 lg:self-start" aria-label="Summary">
          <div className="card space-y-5 p-5">
            <h2 className="font-semibold text-fg">Your session</h2>
            <dl className="space-y-3 text-sm">
              {[
                ['Type', interviewTypeLabel(draft.type)],
                ['Role', draft.role.trim() || '—'],
                ['Level', levelLabel(draft.level)],
                ['Questions', Number.isFinite(draft.questionCount) ? String(draft.questionCount) : '—'],
                ['Time', `~${minutes} min`],
                ['Tailored to', tailoredTo],
              ].map(([k, v]) => (
                <div key={k} className="flex justify-between gap-4">
                  <dt className="shrink-0 text-fg-subtle">{k}</dt>
                  <dd className="min-w-0 truncate text-right font-medium text-fg" title={v}>
                    {v}
                  </dd>
                </div>
              ))}
            </dl>
            <Button type="submit" size="lg" className="w-full" loading={create.isPending} loadingText="Preparing questions…">
              Start interview <ArrowRight className="size-4" aria-hidden="true" />
            </Button>
            <p className="flex gap-2 rounded-xl bg-surface-muted p-3 text-sm text-fg-muted">
              <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
              Answer as you would out loud. There is no time limit; the timer is just for you.
            </p>
          </div>
        </aside>
      </form>
    </div>
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
