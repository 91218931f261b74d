import { ArrowLeft, CalendarPlus, Check, Globe } from 'lucide-react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  scheduleInterviewBody,
  type CoachedCandidate,
  type InterviewType,
  type Level,
  type ReleaseResults,
  type ScheduleInterviewBody,
} from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence, zodFieldErrors } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { SelectField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { SegmentedChoice } from '../../ui/segmented-choice.js';
import { PageSpinner } from '../../ui/spinner.js';
import { useCreateInterview } from '../../lib/api/interviews.js';
import { estimatedMinutes, interviewTypeLabel, interviewTypes, levelLabel, levels } from '../../lib/interview-meta.js';
import { formatMinutes, formatWindow, timeZoneLabel } from '../../lib/schedule-format.js';
import { serverNowMs } from '../../lib/server-clock.js';
import { useCoachCandidates } from '../../lib/api/coach.js';
import { JobDescriptionField, type JobDescriptionChoice } from './components/job-description-field.js';
import { CandidateResumeSelect } from '../resumes/candidate-resume-select.js';
import { addHours, localInputToIso, nextWholeHour, toLocalInput } from './datetime-local.js';

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'hi', 'zh', 'ja', 'ko', 'ar', 'ru'] as const;
const languageNames = new Intl.DisplayNames(undefined, { type: 'language' });

const releaseOptions: Array<{ value: ReleaseResults; label: string; description: string }> = [
  {
    value: 'on_finalize',
    label: 'When I finalize my review',
    description: 'You check the answers and adjust scores first; then the candidate sees everything.',
  },
  {
    value: 'immediately',
    label: 'Immediately',
    description: 'The candidate sees the score and feedback after each answer. You can still review later.',
  },
];

interface Draft {
  /** `${userId}|${orgId}`: a candidate may be coached in more than one organization. */
  candidate: string;
  type: InterviewType;
  role: string;
  level: Level;
  questionCount: number;
  job: JobDescriptionChoice;
  windowStart: string;
  windowEnd: string;
  durationMinutes: number;
  language: string;
  releaseResults: ReleaseResults;
}

const candidateKey = (c: Pick<CoachedCandidate, 'userId' | 'orgId'>) => `${c.userId}|${c.orgId}`;

function initialDraft(): Draft {
  const start = nextWholeHour(new Date());
  return {
    candidate: '',
    type: 'behavioral',
    role: '',
    level: 'mid',
    questionCount: 5,
    job: { text: '', jobDescriptionId: null },
    windowStart: toLocalInput(start),
    windowEnd: toLocalInput(addHours(start, 24)),
    durationMinutes: 30,
    language: 'en',
    releaseResults: 'on_finalize',
  };
}

export function SchedulePage() {
  const candidates = useCoachCandidates();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateInterview();
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = { role: useId(), count: useId() };
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A field's error goes once it is edited; the rest stay until the next try.
    const field = key === 'candidate' ? 'candidateId' : key === 'job' ? 'jobDescription' : key;
    setErrors((e) => {
      if (!(field in e)) return e;
      const { [field]: _fixed, ...rest } = e;
      return rest;
    });
  };

  const items = useMemo(() => candidates.data?.items ?? [], [candidates.data]);
  // ?candidateId= (and ?orgId=) from "Schedule" on the dashboard choose the candidate until the coach picks another.
  const fromLink = items.find((c) => c.userId === params.get('candidateId') && (!params.get('orgId') || c.orgId === params.get('orgId')));
  const candidateValue = draft.candidate || (fromLink ? candidateKey(fromLink) : items.length === 1 ? candidateKey(items[0]!) : '');
  const chosen = items.find((c) => candidateKey(c) === candidateValue) ?? null;
  // The candidate's saved resume (picker of the resumes feature); it belongs to the candidate it was picked for.
  const [savedResume, setSavedResume] = useState({ candidateId: '', resumeId: '' });
  const resumeId = chosen && savedResume.candidateId === chosen.userId ? savedResume.resumeId : '';

  const startIso = localInputToIso(draft.windowStart);
  const endIso = localInputToIso(draft.windowEnd);
  const windowMinutes = startIso && endIso ? Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000) : null;
  const tz = timeZoneLabel(startIso ? new Date(startIso) : new Date());

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const local: Record<string, string> = {};
    if (!chosen) local.candidateId = 'Choose the candidate who takes this interview.';
    if (!draft.role.trim()) local.role = 'Enter the role, for example “Software Engineer”.';
    if (!startIso) local.windowStart = 'Enter when the window opens.';
    if (!endIso) local.windowEnd = 'Enter when the window closes.';
    else if (startIso && Date.parse(endIso) <= Date.parse(startIso)) local.windowEnd = 'The window must close after it opens.';
    else if (Date.parse(endIso) <= serverNowMs()) local.windowEnd = 'The window must close in the future.';
    if (!Number.isInteger(draft.questionCount) || draft.questionCount < 1 || draft.questionCount > 20)
      local.questionCount = 'Choose between 1 and 20 questions.';
    if (!Number.isInteger(draft.durationMinutes) || draft.durationMinutes < 1 || draft.durationMinutes > 480)
      local.durationMinutes = 'Choose between 1 and 480 minutes.';

    const body = {
      kind: 'assigned' as const,
      candidateId: chosen?.userId ?? '',
      orgId: chosen?.orgId,
      type: draft.type,
      role: draft.role.trim(),
      level: draft.level,
      questionCount: draft.questionCount,
      windowStart: startIso ?? '',
      windowEnd: endIso ?? '',
      durationMinutes: draft.durationMinutes,
      releaseResults: draft.releaseResults,
      language: draft.language,
      ...(draft.job.jobDescriptionId
        ? { jobDescriptionId: draft.job.jobDescriptionId }
        : draft.job.text.trim()
          ? { jobDescription: draft.job.text.trim() }
          : {}),
      ...(resumeId ? { resumeId } : {}),
    } satisfies Partial<ScheduleInterviewBody>;
    const parsed = scheduleInterviewBody.safeParse(body);
    const found = { ...(parsed.success || Object.keys(local).length ? {} : zodFieldErrors(parsed.error)), ...local };
    setErrors(found);
    if (Object.keys(found).length || !parsed.success) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (interview) => void navigate(`/coach/interviews/${interview.id}`, { state: { scheduled: true } }),
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])));
      },
    });
  }

  if (candidates.isPending) return <PageSpinner label="Loading your candidates…" />;

  const known = ['candidateId', 'role', 'questionCount', 'windowStart', 'windowEnd', 'durationMinutes', 'jobDescription', 'language'];
  const showFormError = create.isError && !Object.keys(errors).some((k) => known.includes(k));
  const suggested = estimatedMinutes(draft.questionCount || 1);

  return (
    <div className="space-y-8">
      <title>Schedule an interview · Panelist</title>
      <Link to="/coach" className={buttonClass('ghost', 'sm', '-ml-3')}>
        <ArrowLeft className="size-4" aria-hidden="true" /> Coaching
      </Link>
      <PageHeader
        eyebrow="Coaching"
        title="Schedule an interview"
        description="Choose the candidate, what the interview covers and when they can take it. You can edit the questions until the window opens."
      />

      {candidates.isError ? <Alert title="Could not load your candidates">{errorMessage(candidates.error)}</Alert> : null}
      {candidates.isSuccess && items.length === 0 ? (
        <Alert tone="info" title="No candidates to schedule for yet">
          Ask your organization’s admin to assign candidates to you. Then come back here to schedule their interviews.
        </Alert>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="who-heading" className="card space-y-5 p-5 sm:p-6">
            <h2 id="who-heading" className="font-semibold text-fg">
              Who takes it
            </h2>
            <SelectField
              label="Candidate"
              name="candidateId"
              value={candidateValue}
              onChange={(e) => update('candidate', e.target.value)}
              error={errors.candidateId}
              disabled={items.length === 0}
              hint={chosen ? `${chosen.email} · ${chosen.orgName}` : 'Only candidates assigned to you are listed.'}
            >
              <option value="">Choose a candidate…</option>
              {items.map((c) => (
                <option key={candidateKey(c)} value={candidateKey(c)}>
                  {c.name} — {c.orgName}
                </option>
              ))}
            </SelectField>
          </section>

          <section aria-labelledby="what-heading" className="card space-y-6 p-5 sm:p-6">
            <h2 id="what-heading" className="font-semibold text-fg">
              Interview
            </h2>
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-fg">Type</legend>
              <div className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-2 sm:grid-cols-3">
                {interviewTypes.map(({ value, label, Icon }) => {
                  const checked = draft.type === value;
                  return (
                    <label
                      key={value}
                      className={cn(
                        'relative flex cursor-pointer items-center gap-2.5 rounded-xl border bg-surface px-3 py-2.5 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                        checked
                          ? 'border-primary font-medium text-fg ring-1 ring-primary'
                          : 'border-border text-fg-muted hover:border-border-strong',
                      )}
                    >
                      <input
                        type="radio"
                        name="type"
                        value={value}
                        checked={checked}
                        onChange={() => update('type', value)}
                        className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
                      />
                      <Icon className={cn('size-4 shrink-0', checked ? 'text-primary' : 'text-fg-subtle')} aria-hidden="true" />
                      <span className="min-w-0">{label}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>

            <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
              <TextField
                id={ids.role}
                label="Role"
                name="role"
                placeholder="e.g. Software Engineer"
                maxLength={120}
                value={draft.role}
                onChange={(e) => update('role', e.target.value)}
                error={errors.role}
              />
              <TextField
                id={ids.count}
                label="Number of questions"
                name="questionCount"
                type="number"
                inputMode="numeric"
                min={1}
                max={20}
                value={Number.isNaN(draft.questionCount) ? '' : draft.questionCount}
                onChange={(e) => update('questionCount', e.target.valueAsNumber)}
                error={errors.questionCount}
                hint="1 to 20. You can edit, add or remove questions after scheduling."
              />
            </div>

            <SegmentedChoice
              legend="Level"
              name="level"
              options={levels}
              value={draft.level}
              onChange={(level) => update('level', level)}
              compact
            />

            <JobDescriptionField
              orgId={chosen?.orgId ?? null}
              value={draft.job}
              onChange={(job) => update('job', job)}
              error={errors.jobDescription ?? errors.jobDescriptionId}
            />
            <CandidateResumeSelect
              candidateId={chosen?.userId ?? null}
              value={resumeId}
              onChange={(id) => setSavedResume({ candidateId: chosen?.userId ?? '', resumeId: id })}
              error={errors.resumeId}
            />

            <SelectField
              label="Language"
              name="language"
              value={draft.language}
              onChange={(e) => update('language', e.target.value)}
              error={errors.language}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageNames.of(code) ?? code}
                </option>
              ))}
            </SelectField>
          </section>

          <section aria-labelledby="when-heading" className="card space-y-5 p-5 sm:p-6">
            <div className="space-y-1">
              <h2 id="when-heading" className="font-semibold text-fg">
                When
              </h2>
              <p className="flex items-center gap-1.5 text-sm text-fg-subtle">
                <Globe className="size-4 shrink-0" aria-hidden="true" /> Times are in your time zone: {tz}. The candidate sees them in
                theirs.
              </p>
            </div>
            <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
              <TextField
                label="Window opens"
                name="windowStart"
                type="datetime-local"
                value={draft.windowStart}
                onChange={(e) => update('windowStart', e.target.value)}
                error={errors.windowStart}
                aside={
                  <button
                    type="button"
                    className="rounded-md text-sm font-medium text-primary underline-offset-4 hover:underline"
                    onClick={() => update('windowStart', toLocalInput(new Date()))}
                  >
                    Now
                  </button>
                }
              />
              <TextField
                label="Window closes"
                name="windowEnd"
                type="datetime-local"
                value={draft.windowEnd}
                onChange={(e) => update('windowEnd', e.target.value)}
                error={errors.windowEnd}
              />
            </div>
            <TextField
              label="Time to answer (minutes)"
              name="durationMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={480}
              value={Number.isNaN(draft.durationMinutes) ? '' : draft.durationMinutes}
              onChange={(e) => update('durationMinutes', e.target.valueAsNumber)}
              error={errors.durationMinutes}
              hint={`The clock starts when the candidate presses Start; about ${suggested} minutes suits ${draft.questionCount || 1} questions.`}
              className="max-w-40"
            />
            {windowMinutes !== null && windowMinutes > 0 && draft.durationMinutes > windowMinutes ? (
              <p className="rounded-xl bg-warning-soft px-4 py-3 text-sm font-medium text-warning">
                The window is only {formatMinutes(windowMinutes)} long, so the candidate will have at most that, not{' '}
                {formatMinutes(draft.durationMinutes)}.
              </p>
            ) : null}
          </section>

          <fieldset className="card space-y-3 p-5 sm:p-6">
            <legend className="sr-only">Results</legend>
            <p className="font-semibold text-fg" aria-hidden="true">
              Results
            </p>
            <p className="text-sm text-fg-subtle">When may the candidate see scores and feedback?</p>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {releaseOptions.map(({ value, label, description }) => {
                const checked = draft.releaseResults === value;
                return (
                  <label
                    key={value}
                    className={cn(
                      'relative flex cursor-pointer gap-3 rounded-xl border bg-surface p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                      checked ? 'border-primary ring-1 ring-primary' : 'border-border hover:border-border-strong',
                    )}
                  >
                    <input
                      type="radio"
                      name="releaseResults"
                      value={value}
                      checked={checked}
                      onChange={() => update('releaseResults', value)}
                      className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
                      aria-describedby={`release-${value}`}
                    />
                    <span
                      className={cn(
                        'mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border',
                        checked ? 'border-primary bg-primary text-primary-fg' : 'border-border-strong',
                      )}
                      aria-hidden="true"
                    >
                      {checked ? <Check className="size-3" /> : null}
                    </span>
                    <span className="min-w-0">
                      <span className="block text-sm font-medium text-fg">{label}</span>
                      <span id={`release-${value}`} className="mt-0.5 block text-sm leading-snug text-fg-muted">
                        {description}
                      </span>
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>

          {showFormError ? <Alert title="Could not schedule the interview">{errorMessage(create.error)}</Alert> : null}
        </div>

        <aside className="min-w-0 lg:sticky lg:top-24 lg:self-start" aria-label="Summary">
          <div className="card space-y-5 p-5">
            <h2 className="font-semibold text-fg">Summary</h2>
            <dl className="space-y-3 text-sm">
              {[
                ['Candidate', chosen?.name ?? '—'],
                ['Type', interviewTypeLabel(draft.type)],
                ['Role', draft.role.trim() || '—'],
                ['Level', levelLabel(draft.level)],
                ['Questions', Number.isFinite(draft.questionCount) ? String(draft.questionCount) : '—'],
                ['Window', startIso && endIso ? formatWindow(startIso, endIso) : '—'],
                ['Time', Number.isFinite(draft.durationMinutes) && draft.durationMinutes > 0 ? formatMinutes(draft.durationMinutes) : '—'],
                ['Results', draft.releaseResults === 'immediately' ? 'Immediately' : 'After your review'],
              ].map(([k, v]) => (
                <div key={k} className="flex justify-between gap-4">
                  <dt className="shrink-0 text-fg-subtle">{k}</dt>
                  <dd className="min-w-0 text-right font-medium break-words text-fg">{v}</dd>
                </div>
              ))}
            </dl>
            <Button
              type="submit"
              size="lg"
              className="w-full"
              loading={create.isPending}
              loadingText="Scheduling…"
              disabled={items.length === 0}
            >
              <CalendarPlus className="size-4" aria-hidden="true" /> Schedule interview
            </Button>
            <p className="text-sm text-fg-muted">
              {chosen ? `${chosen.name} is notified by email and in Panelist.` : 'The candidate is notified by email and in Panelist.'}
            </p>
          </div>
        </aside>
      </form>
    </div>
  );
}
