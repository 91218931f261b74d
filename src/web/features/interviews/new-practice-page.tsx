import { useId, useState, type FormEvent } from 'react';
import { Bookmark } from 'lucide-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buttonClass } from '../../ui/button.js';
import {
  createInterviewBody,
  createPracticeBody,
  type CreateInterviewBody,
  type InterviewType,
  type Level,
} from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence, zodFieldErrors } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { SegmentedChoice } from '../../ui/segmented-choice.js';
import { savedTailoringBody, useSavedTailoring } from '../../ui/saved-tailoring-picker.js';
import { PracticeSummary } from './components/practice-summary.js';
import { PracticeTypeCards } from './components/practice-type-cards.js';
import { MAX_QUESTIONS, MIN_QUESTIONS, QuestionCountStepper } from './components/question-count-stepper.js';
import { TailoringPanel } from './components/tailoring-panel.js';
import { PaceFields, paceBody, type PaceChoice } from './components/pace-fields.js';
import { useCreateInterview, useInterview } from '../../lib/api/interviews.js';
import type { Interview } from '../../../contract/index.js';
import { estimatedMinutes, levels } from '../../lib/interview-meta.js';

const DEFAULTS_KEY = 'panelist-practice-defaults';

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
  targetCompany: string;
  /** 0: a fixed list; 1–2: the interviewer may follow each answer up (conversational). */
  followUps: number;
  pace: PaceChoice;
}

const noPace: PaceChoice = { thinkSeconds: 0, answerSeconds: 0, durationMinutes: 0 };

/** "Practise again": the earlier practice's setup, questions and tailoring text included. */
function draftFrom(iv: Interview): Draft {
  return {
    type: iv.type,
    role: iv.role,
    level: iv.level,
    questionCount: iv.questionCount,
    jobDescription: iv.jobDescription ?? '',
    resumeText: '',
    targetCompany: iv.targetCompany ?? '',
    followUps: iv.followUps ?? 0,
    pace: { thinkSeconds: iv.thinkSeconds ?? 0, answerSeconds: iv.answerSeconds ?? 0, durationMinutes: iv.durationMinutes ?? 0 },
  };
}

const styles = [
  { value: '0', label: 'Fixed list', description: 'One question after another' },
  { value: '1', label: 'Conversational', description: 'Up to one follow-up per answer' },
  { value: '2', label: 'Deep dive', description: 'Up to two follow-ups per answer' },
] as const;

/** Fields of the "Tailor to a job and resume" section, which opens to show their errors. */
const tailorFields = ['jobDescription', 'resumeText', 'resumeId', 'jobDescriptionId'];

function loadDefaults(): Draft {
  const fallback: Draft = {
    type: 'behavioral',
    role: '',
    level: 'mid',
    questionCount: 5,
    jobDescription: '',
    resumeText: '',
    targetCompany: '',
    followUps: 1,
    pace: noPace,
  };
  try {
    const saved = JSON.parse(localStorage.getItem(DEFAULTS_KEY) ?? 'null') as Partial<Draft> | null;
    if (!saved) return fallback;
    const parsed = createPracticeBody.partial().safeParse({ ...saved, kind: 'practice' });
    // Only the choices are remembered: a job description or resume is never kept on the device.
    return parsed.success ? { ...fallback, ...parsed.data, jobDescription: '', resumeText: '', pace: noPace } : fallback;
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
  const [tailorOpen, setTailorOpen] = useState(false);
  // Saved resume / job description picker (owned by the resumes feature).
  const [saved, setSaved] = useSavedTailoring();
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // `?again=<id>`: practise again with the same setup, and the same questions if the candidate wants.
  const [params] = useSearchParams();
  const againId = params.get('again') ?? '';
  const again = useInterview(againId, { enabled: !!againId });
  const [sameQuestions, setSameQuestions] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  // Filled once, when the earlier practice arrives (state adjusted during render, not in an effect).
  if (again.data && !prefilled && again.data.kind === 'practice') {
    setPrefilled(true);
    setDraft(draftFrom(again.data));
    if (again.data.jobDescription) setTailorOpen(true);
  }
  const repeating = sameQuestions && !!again.data && again.data.kind === 'practice';

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: CreateInterviewBody = {
      kind: 'practice',
      type: draft.type,
      role: draft.role.trim(),
      level: draft.level,
      questionCount: draft.questionCount,
      followUps: draft.followUps,
      ...(draft.jobDescription.trim() ? { jobDescription: draft.jobDescription.trim() } : {}),
      ...(draft.resumeText.trim() ? { resumeText: draft.resumeText.trim() } : {}),
      ...(draft.targetCompany.trim() ? { targetCompany: draft.targetCompany.trim() } : {}),
      ...savedTailoringBody(saved),
      ...paceBody(draft.pace),
      ...(repeating ? { repeatOf: againId } : {}),
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
            JSON.stringify({
              type: body.type,
              role: body.role,
              level: body.level,
              questionCount: body.questionCount,
              targetCompany: body.targetCompany ?? '',
              followUps: body.followUps,
            }),
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

  const knownFields = [
    'type',
    'role',
    'level',
    'questionCount',
    'targetCompany',
    'thinkSeconds',
    'answerSeconds',
    'durationMinutes',
    ...tailorFields,
  ];
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
        actions={
          <Link to="/practice/saved" className={buttonClass('secondary')}>
            <Bookmark className="size-4" aria-hidden="true" /> Saved questions
          </Link>
        }
      />

      {prefilled && again.data ? (
        <Alert tone="info" title="Practising again">
          The form holds the setup of your {again.data.role} practice. Change anything, or start as it is.
          <label className="mt-3 flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={sameQuestions}
              onChange={(e) => setSameQuestions(e.target.checked)}
            />
            Ask the same {again.data.questionCount} questions again
          </label>
        </Alert>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-8">
          <PracticeTypeCards value={draft.type} onChange={(type) => update('type', type)} />

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

            <TextField
              label="Target company (optional)"
              name="targetCompany"
              placeholder="e.g. Amazon"
              autoComplete="organization"
              maxLength={80}
              value={draft.targetCompany}
              onChange={(e) => update('targetCompany', e.target.value)}
              error={errors.targetCompany}
              hint="For employers we know, such as Amazon, Google, Salesforce or the NHS, behavioural questions are framed by the values they publish."
            />

            <SegmentedChoice
              legend="Level"
              name="level"
              options={levels}
              value={draft.level}
              onChange={(level) => update('level', level)}
            />

            <SegmentedChoice
              legend="Interview style"
              name="followUps"
              options={styles}
              value={String(draft.followUps) as (typeof styles)[number]['value']}
              onChange={(v) => update('followUps', Number(v))}
            />

            <QuestionCountStepper
              value={draft.questionCount}
              onChange={(n) => update('questionCount', n)}
              error={errors.questionCount}
              minutes={minutes}
            />

            <PaceFields value={draft.pace} onChange={(pace) => update('pace', pace)} errors={errors} />
          </div>

          <TailoringPanel
            open={tailorOpen}
            onToggle={() => setTailorOpen((o) => !o)}
            jobDescription={draft.jobDescription}
            resumeText={draft.resumeText}
            onJobDescriptionChange={(text) => update('jobDescription', text)}
            onResumeTextChange={(text) => update('resumeText', text)}
            saved={saved}
            onSavedChange={setSaved}
            hasJob={hasJob}
            hasResume={hasResume}
            errors={errors}
          />

          {showFormError ? <Alert title="Could not start the interview">{errorMessage(create.error)}</Alert> : null}
        </div>

        <PracticeSummary draft={draft} minutes={minutes} tailoredTo={tailoredTo} pending={create.isPending} />
      </form>
    </div>
  );
}
