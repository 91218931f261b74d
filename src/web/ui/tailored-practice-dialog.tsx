import { ArrowRight } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createPracticeBody, type CreatePracticeBody, type InterviewType, type Level } from '../../contract/index.js';
import { ApiError, errorMessage } from '../lib/api-client.js';
import { sentence, zodFieldErrors } from '../lib/form.js';
import { Alert } from './alert.js';
import { Button } from './button.js';
import { Dialog } from './dialog.js';
import { TextField } from './field.js';
import { useCreateInterview } from '../lib/api/interviews.js';
import { interviewTypes, levels } from '../lib/interview-meta.js';

export interface ChosenJob {
  id: string;
  title: string;
  level?: Level;
}

export interface TailoringSource {
  resume: { id: string; fileName: string } | null;
  job: ChosenJob | null;
  /** Role to suggest when there is no job: the latest position on the resume, say. */
  role?: string;
  level?: Level;
}

const selectClass = 'h-11 w-full rounded-xl border border-border-strong bg-surface px-3 text-fg hover:border-fg-subtle';

/** Just enough choices to start a practice tailored to a saved resume and/or job; then straight to the interview. */
export function TailoredPracticeDialog({ open, onClose, source }: { open: boolean; onClose: () => void; source: TailoringSource }) {
  return (
    <Dialog open={open} onClose={onClose} title="Start a tailored practice" description={<TailoringSummary source={source} />}>
      {open ? <PracticeForm source={source} onClose={onClose} /> : null}
    </Dialog>
  );
}

function TailoringSummary({ source }: { source: TailoringSource }) {
  const { resume, job } = source;
  if (resume && job)
    return (
      <>
        Questions about your experience in “{resume.fileName}” and the skills of “{job.title}”.
      </>
    );
  if (resume) return <>Questions about the employers, projects and skills in “{resume.fileName}”.</>;
  if (job) return <>Questions about the skills “{job.title}” asks for.</>;
  return null;
}

function PracticeForm({ source, onClose }: { source: TailoringSource; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateInterview();
  const id = useId();
  const [type, setType] = useState<InterviewType>('technical');
  const [role, setRole] = useState(source.job?.title ?? source.role ?? '');
  const [level, setLevel] = useState<Level>(source.job?.level ?? source.level ?? 'mid');
  const [count, setCount] = useState(5);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: CreatePracticeBody = {
      kind: 'practice',
      type,
      role: role.trim().slice(0, 120),
      level,
      questionCount: count,
      ...(source.resume ? { resumeId: source.resume.id } : {}),
      ...(source.job ? { jobDescriptionId: source.job.id } : {}),
    };
    const parsed = createPracticeBody.safeParse(body);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!role.trim()) found.role = 'Enter the role you are practising for.';
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    create.mutate(body, {
      onSuccess: (interview) => {
        onClose();
        void navigate(`/interviews/${interview.id}`);
      },
      onError: (err) => {
        if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])));
      },
    });
  }

  const fieldError = Object.keys(errors).some((k) => ['type', 'role', 'level', 'questionCount'].includes(k));

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Role" value={role} maxLength={120} required error={errors.role} onChange={(e) => setRole(e.target.value)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-type`} className="text-sm font-medium text-fg">
            Interview type
          </label>
          <select id={`${id}-type`} className={selectClass} value={type} onChange={(e) => setType(e.target.value as InterviewType)}>
            {interviewTypes
              .filter((t) => t.value !== 'aptitude')
              .map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-level`} className="text-sm font-medium text-fg">
            Level
          </label>
          <select id={`${id}-level`} className={selectClass} value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label} ({l.description})
              </option>
            ))}
          </select>
        </div>
      </div>
      <TextField
        label="Number of questions"
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        value={Number.isNaN(count) ? '' : count}
        error={errors.questionCount}
        hint="About a third of them are written for your resume and the job."
        onChange={(e) => setCount(e.target.valueAsNumber)}
        className="max-w-32"
      />
      {create.isError && !fieldError ? <Alert title="Could not start the interview">{errorMessage(create.error)}</Alert> : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} loadingText="Preparing questions…">
          Start interview <ArrowRight className="size-4" aria-hidden="true" />
        </Button>
      </div>
    </form>
  );
}
