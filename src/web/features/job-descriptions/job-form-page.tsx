import { Plus, Sparkles } from 'lucide-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createJobDescriptionBody,
  MAX_JOB_DESCRIPTION_CHARS,
  type CreateJobDescriptionBody,
  type JobDescription,
  type Level,
} from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { ChipInput, type ChipTone } from '../../ui/chip-input.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { SegmentedChoice } from '../../ui/segmented-choice.js';
import { PageSpinner, Spinner } from '../../ui/spinner.js';
import { levels } from '../../lib/interview-meta.js';
import { useCreateJobDescription, useJobDescription, useStaffOrgs, useUpdateJobDescription } from '../../lib/api/job-descriptions.js';
import { fromQuestionDrafts, QuestionSetEditor, toQuestionDrafts, type QuestionDraft } from './components/question-set-editor.js';
import { useExtractedSkills } from './use-extracted-skills.js';

/** /jobs/new */
export function NewJobPage() {
  return <JobForm existing={null} />;
}

/** /jobs/:id/edit */
export function EditJobPage() {
  const { id = '' } = useParams();
  const query = useJobDescription(id);
  if (query.isPending) return <PageSpinner label="Loading the job description…" />;
  if (query.isError) {
    return (
      <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
        <title>Job description · Panelist</title>
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
          {query.error instanceof ApiError && query.error.status === 404
            ? 'Job description not found'
            : 'Could not load the job description'}
        </h1>
        <Alert>{errorMessage(query.error)}</Alert>
        <Link to="/jobs" className={buttonClass('primary')}>
          Back to jobs
        </Link>
      </div>
    );
  }
  return <JobForm key={query.data.id} existing={query.data} />;
}

interface Draft {
  orgId: string;
  title: string;
  level: Level;
  text: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  questions: QuestionDraft[];
}

/** "body.questionSet.0.text" → "questionSet.0.text". */
function problemFieldErrors(err: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of err.problem.errors ?? []) {
    const key = e.path.replace(/^body\./, '');
    if (!(key in out)) out[key] = sentence(e.message);
  }
  return out;
}

function JobForm({ existing }: { existing: JobDescription | null }) {
  const navigate = useNavigate();
  const staff = useStaffOrgs();
  const create = useCreateJobDescription();
  const update = useUpdateJobDescription(existing?.id ?? '');
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    orgId: existing?.orgId ?? '',
    title: existing?.title ?? '',
    level: existing?.level ?? 'mid',
    text: existing?.text ?? '',
    requiredSkills: existing?.requiredSkills ?? [],
    niceToHaveSkills: existing?.niceToHaveSkills ?? [],
    questions: toQuestionDrafts(existing?.questionSet ?? []),
  }));
  // A new job's skill lists follow the text until the person edits them; then findings become suggestions.
  const [followText, setFollowText] = useState(existing === null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const extracted = useExtractedSkills(draft.text);
  /** Drops the errors of fields the person has just corrected (the rest stay until the next submit). */
  const clearErrors = (...fields: string[]) =>
    setErrors((e) => (fields.some((f) => f in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))) : e));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearErrors(key);
  };
  const formRef = useRef<HTMLFormElement>(null);

  const orgId = draft.orgId || (staff.orgs.length === 1 ? staff.orgs[0]!.id : '');

  const following = followText && extracted.skills !== null;
  const requiredSkills = following ? extracted.skills!.requiredSkills : draft.requiredSkills;
  const niceToHaveSkills = following ? extracted.skills!.niceToHaveSkills : draft.niceToHaveSkills;
  /** A question's errors go once that question changes; removing or moving one renumbers them, so all go. */
  const changeQuestions = (next: Draft['questions']) => {
    const before = draft.questions;
    setDraft((d) => ({ ...d, questions: next }));
    setErrors((e) => {
      const changed = (i: number) => next.length !== before.length || next[i] !== before[i];
      const kept = Object.entries(e).filter(([k]) => {
        const m = /^questionSet\.(\d+)\./.exec(k);
        return !m || !changed(Number(m[1]));
      });
      return kept.length === Object.keys(e).length ? e : Object.fromEntries(kept);
    });
  };
  /** The first hand edit freezes both lists as shown. */
  const editSkills = (next: Pick<Draft, 'requiredSkills' | 'niceToHaveSkills'>) => {
    setFollowText(false);
    setDraft((d) => ({ ...d, ...next }));
    clearErrors('requiredSkills', 'niceToHaveSkills');
  };

  const saving = create.isPending || update.isPending;
  const mutationError = create.error ?? update.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: CreateJobDescriptionBody = {
      title: draft.title.trim(),
      level: draft.level,
      text: draft.text.trim(),
      requiredSkills,
      niceToHaveSkills,
      questionSet: fromQuestionDrafts(draft.questions),
    };
    const found: Record<string, string> = {};
    const parsed = createJobDescriptionBody.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        if (!(key in found)) found[key] = sentence(issue.message);
      }
    }
    if (!draft.title.trim()) found.title = 'Give the job a title.';
    if (draft.text.trim().length < 20) found.text = 'Paste the job description: at least 20 characters.';
    if (!existing && !orgId) found.orgId = 'Choose the organization this job belongs to.';
    draft.questions.forEach((q, i) => {
      if (q.coding) {
        if (!q.coding.slug) found[`questionSet.${i}.codingProblem`] = 'Choose a coding problem.';
      } else if (q.text.trim().length < 10) found[`questionSet.${i}.text`] = 'Write the question: at least 10 characters.';
    });
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const onError = (err: Error) => {
      if (err instanceof ApiError) setErrors(problemFieldErrors(err));
    };
    const onSuccess = (saved: JobDescription) => void navigate(`/jobs/${saved.id}`);
    if (existing) update.mutate(body, { onSuccess, onError });
    else create.mutate({ orgId, body }, { onSuccess, onError });
  }

  const suggestions = (kind: 'requiredSkills' | 'niceToHaveSkills') => {
    if (followText || !extracted.skills) return [];
    const have = new Set([...requiredSkills, ...niceToHaveSkills].map((s) => s.toLowerCase()));
    return extracted.skills[kind].filter((s) => !have.has(s.toLowerCase()));
  };
  const knownFields = ['title', 'level', 'text', 'requiredSkills', 'niceToHaveSkills', 'orgId'];
  const showFormError = mutationError && !Object.keys(errors).some((k) => knownFields.includes(k) || k.startsWith('questionSet'));
  const title = existing ? `Edit “${existing.title}”` : 'New job description';

  return (
    <div className="space-y-8">
      <title>{`${existing ? 'Edit job description' : 'New job description'} · Panelist`}</title>
      <PageHeader
        eyebrow={
          <Link to={existing ? `/jobs/${existing.id}` : '/jobs'} className="underline-offset-4 hover:underline">
            {existing ? 'Job description' : 'Jobs'}
          </Link>
        }
        title={title}
        description="Paste the posting; Panelist reads the skills it asks for. Candidates you share it with can check their resume against it and practise for it."
      />

      <form ref={formRef} onSubmit={submit} noValidate className="max-w-3xl space-y-6">
        <section aria-labelledby={`${id}-job`} className="card space-y-5 p-5 sm:p-6">
          <h2 id={`${id}-job`} className="font-semibold text-fg">
            The job
          </h2>
          {!existing && staff.orgs.length > 1 ? (
            <SelectField label="Organization" value={draft.orgId} error={errors.orgId} onChange={(e) => set('orgId', e.target.value)}>
              <option value="">Choose an organization…</option>
              {staff.orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {!existing && !staff.isPending && staff.orgs.length === 0 ? (
            <Alert title="You are not a coach or admin in any organization">
              Job descriptions belong to an organization. Ask an admin to invite you as a coach.
            </Alert>
          ) : null}
          <TextField
            label="Title"
            value={draft.title}
            maxLength={200}
            required
            error={errors.title}
            onChange={(e) => set('title', e.target.value)}
            placeholder="e.g. Backend Engineer, Payments"
          />
          <SegmentedChoice legend="Level" name="level" options={levels} value={draft.level} onChange={(level) => set('level', level)} />
          <TextAreaField
            label="Job description"
            rows={10}
            maxLength={MAX_JOB_DESCRIPTION_CHARS}
            value={draft.text}
            error={errors.text}
            onChange={(e) => set('text', e.target.value)}
            placeholder="Paste the whole posting: responsibilities, requirements, nice-to-haves."
            aside={
              <span className="text-xs text-fg-subtle tabular-nums">
                {draft.text.length.toLocaleString()} / {MAX_JOB_DESCRIPTION_CHARS.toLocaleString()}
                <span className="sr-only"> characters</span>
              </span>
            }
          />
        </section>

        <section aria-labelledby={`${id}-skills`} className="card space-y-5 p-5 sm:p-6">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <h2 id={`${id}-skills`} className="flex items-center gap-2 font-semibold text-fg">
              <Sparkles className="size-4 text-primary" aria-hidden="true" /> Skills
            </h2>
            <p className="flex items-center gap-2 text-sm text-fg-subtle" aria-live="polite">
              {extracted.pending ? (
                <>
                  <Spinner className="size-4" /> Reading the skills in the text…
                </>
              ) : extracted.skills ? (
                extracted.skills.requiredYears !== null ? (
                  `Asks for ${extracted.skills.requiredYears}+ years of experience`
                ) : followText ? (
                  'Filled in from the text'
                ) : null
              ) : draft.text.trim().length < 20 ? (
                'Filled in from the text as you paste it'
              ) : null}
            </p>
          </div>
          <SkillField
            label="Required skills"
            tone="primary"
            value={requiredSkills}
            error={errors.requiredSkills}
            onChange={(v) => editSkills({ requiredSkills: v, niceToHaveSkills })}
            suggestions={suggestions('requiredSkills')}
            hint="Missing one of these costs the most in a candidate’s ATS check."
          />
          <SkillField
            label="Nice-to-have skills"
            tone="neutral"
            value={niceToHaveSkills}
            error={errors.niceToHaveSkills}
            onChange={(v) => editSkills({ requiredSkills, niceToHaveSkills: v })}
            suggestions={suggestions('niceToHaveSkills')}
            hint="Count for less, but still shape the questions."
          />
        </section>

        <section aria-labelledby={`${id}-questions`} className="card space-y-4 p-5 sm:p-6">
          <div>
            <h2 id={`${id}-questions`} className="font-semibold text-fg">
              Your questions <span className="font-normal text-fg-subtle">(optional)</span>
            </h2>
            <p className="mt-1 text-sm text-fg-muted">Asked first in practice and interviews tailored to this job.</p>
          </div>
          <QuestionSetEditor value={draft.questions} onChange={changeQuestions} errors={errors} />
        </section>

        {showFormError ? <Alert title="Could not save the job description">{errorMessage(mutationError)}</Alert> : null}

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Link to={existing ? `/jobs/${existing.id}` : '/jobs'} className={buttonClass('secondary')}>
            Cancel
          </Link>
          <Button type="submit" loading={saving} loadingText="Saving…">
            {existing ? 'Save changes' : 'Create job description'}
          </Button>
        </div>
      </form>
    </div>
  );
}

function SkillField({
  label,
  tone,
  value,
  onChange,
  suggestions,
  hint,
  error,
}: {
  label: string;
  tone: ChipTone;
  value: string[];
  onChange: (next: string[]) => void;
  suggestions: string[];
  hint: string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="space-y-2">
      <ChipInput
        label={label}
        tone={tone}
        value={value}
        onChange={onChange}
        hint={`${hint} Press Enter to add a skill.`}
        error={error}
        placeholder="Add a skill"
      />
      {suggestions.length ? (
        <div className="flex flex-wrap items-center gap-1.5">
          <span id={id} className="text-xs font-medium text-fg-subtle">
            Also in the text:
          </span>
          <ul aria-labelledby={id} className="flex flex-wrap gap-1.5">
            {suggestions.slice(0, 12).map((s) => (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => onChange([...value, s])}
                  className="inline-flex items-center gap-1 rounded-lg border border-dashed border-border-strong px-2 py-0.5 text-sm text-fg-muted hover:border-primary hover:text-primary"
                >
                  <Plus className="size-3.5" aria-hidden="true" />
                  <span className="sr-only">Add </span>
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
