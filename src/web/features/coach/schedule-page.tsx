import { ArrowLeft } from 'lucide-react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { scheduleInterviewBody, type ScheduleInterviewBody } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence, zodFieldErrors } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { buttonClass } from '../../ui/button.js';
import { SelectField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { SegmentedChoice } from '../../ui/segmented-choice.js';
import { PageSpinner } from '../../ui/spinner.js';
import { useCreateInterview } from '../../lib/api/interviews.js';
import { estimatedMinutes, levels } from '../../lib/interview-meta.js';
import { timeZoneLabel } from '../../lib/schedule-format.js';
import { serverNowMs } from '../../lib/server-clock.js';
import { useCoachCandidates } from '../../lib/api/coach.js';
import { JobDescriptionField } from './components/job-description-field.js';
import { CandidateResumeSelect } from '../../ui/candidate-resume-select.js';
import { localInputToIso } from './datetime-local.js';
import { InterviewTypeChoice } from './components/interview-type-choice.js';
import { ReleaseChoice } from './components/release-choice.js';
import { ScheduleSummary } from './components/schedule-summary.js';
import { ScheduleWindow } from './components/schedule-window.js';
import { candidateKey, initialDraft, LANGUAGES, type ScheduleDraft, type UpdateDraft } from './schedule-draft.js';

const languageNames = new Intl.DisplayNames(undefined, { type: 'language' });

export function SchedulePage() {
  const candidates = useCoachCandidates();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateInterview();
  const [draft, setDraft] = useState<ScheduleDraft>(initialDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = { role: useId(), count: useId() };
  const update: UpdateDraft = (key, value) => {
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
      proctoring: draft.proctoring,
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
        description="Choose the candidate, what the interview covers and when they can take it. You can edit the questions until the window opens, so to review them first, open it a few minutes ahead."
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
            <InterviewTypeChoice value={draft.type} onChange={(type) => update('type', type)} />

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

          <ScheduleWindow draft={draft} errors={errors} update={update} tz={tz} windowMinutes={windowMinutes} suggested={suggested} />

          <ReleaseChoice value={draft.releaseResults} onChange={(value) => update('releaseResults', value)} />

          <section className="card p-5 sm:p-6">
            <SelectField
              label="Proctoring"
              hint="Light notes tab switches, focus, full screen, pastes and screens; full adds whether a face is at the camera. The candidate reads what is observed and consents first."
              value={draft.proctoring}
              onChange={(e) => update('proctoring', e.target.value as ScheduleDraft['proctoring'])}
            >
              <option value="off">Off</option>
              <option value="light">Light: the browser</option>
              <option value="full">Full: the browser and the camera</option>
            </SelectField>
          </section>

          {showFormError ? <Alert title="Could not schedule the interview">{errorMessage(create.error)}</Alert> : null}
        </div>

        <ScheduleSummary
          draft={draft}
          chosen={chosen}
          startIso={startIso}
          endIso={endIso}
          pending={create.isPending}
          disabled={items.length === 0}
        />
      </form>
    </div>
  );
}
