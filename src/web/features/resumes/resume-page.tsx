import { ChevronLeft, Download, Sparkles, Star, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Level, Resume, SavedAtsAnalysis } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { LoadFailure } from '../../ui/load-failure.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { PageHeader } from '../../ui/page-header.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { resumeFileUrl, useDeleteResume, useMakeActive, useResume } from '../../lib/api/resumes.js';
import { AtsPanel } from './components/ats-panel.js';
import { AtsReport } from './components/ats-report.js';
import { ContactCard } from './components/contact-card.js';
import { FlagsPanel } from './components/flags-panel.js';
import { PastAnalyses } from './components/past-analyses.js';
import { EducationCard, PositionsCard } from './components/positions-card.js';
import { ResumeBadges } from './components/resume-badges.js';
import { OverviewCard, SkillsCard } from './components/skills-card.js';
import { TailoredPracticeDialog, type ChosenJob } from '../../ui/tailored-practice-dialog.js';
import { fileTypeLabel, formatBytes } from './resume-file.js';

export function ResumePage() {
  const { id = '' } = useParams();
  const query = useResume(id);

  if (query.isPending) return <ResumeSkeleton />;
  if (query.isError)
    return (
      <LoadFailure
        what="Resume"
        error={query.error}
        onRetry={() => void query.refetch()}
        back={{ to: '/resumes', label: 'Back to resumes' }}
      />
    );
  return <ResumeView key={query.data.id} resume={query.data} />;
}

function levelFromYears(years: number | null): Level | undefined {
  if (years === null) return undefined;
  return years >= 5 ? 'senior' : years >= 2 ? 'mid' : 'junior';
}

function ResumeView({ resume }: { resume: Resume }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canEdit = resume.ownerId === user?.id;
  const makeActive = useMakeActive();
  const remove = useDeleteResume();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [practiceOpen, setPracticeOpen] = useState(false);
  const [job, setJob] = useState<ChosenJob | null>(null);
  const [report, setReport] = useState<SavedAtsAnalysis | null>(null);
  const latestTitle = resume.parsed.positions.find((p) => p.title)?.title;

  return (
    <div className="space-y-8">
      <title>{`${resume.fileName} · Resumes · Panelist`}</title>
      <div className="space-y-4">
        <Link
          to="/resumes"
          className="inline-flex items-center gap-1 text-sm font-medium text-fg-muted underline-offset-4 hover:text-fg hover:underline"
        >
          <ChevronLeft className="size-4" aria-hidden="true" /> All resumes
        </Link>
        <PageHeader
          title={resume.parsed.name ?? resume.fileName}
          description={
            <>
              <span className="break-all">{resume.fileName}</span> · {fileTypeLabel(resume.mimeType)} · {formatBytes(resume.size)} ·
              uploaded <time dateTime={resume.createdAt}>{formatDate(resume.createdAt)}</time>
            </>
          }
          actions={
            <>
              {canEdit && resume.status !== 'no_text' ? (
                <Button onClick={() => setPracticeOpen(true)}>
                  <Sparkles className="size-4" aria-hidden="true" /> Start a tailored practice
                </Button>
              ) : null}
              {canEdit && !resume.active ? (
                <Button variant="secondary" loading={makeActive.isPending} onClick={() => makeActive.mutate(resume.id)}>
                  <Star className="size-4" aria-hidden="true" /> Make active
                </Button>
              ) : null}
              <a href={resumeFileUrl(resume.id)} download={resume.fileName} className={buttonClass('secondary')}>
                <Download className="size-4" aria-hidden="true" /> Download
              </a>
              {canEdit ? (
                <Button variant="ghost" className="hover:text-danger" onClick={() => setConfirmDelete(true)}>
                  <Trash2 className="size-4" aria-hidden="true" /> Delete
                </Button>
              ) : null}
            </>
          }
        />
        <div className="flex flex-wrap gap-1.5">
          <ResumeBadges resume={resume} />
          {resume.corrected.length ? (
            <span className="text-sm text-fg-subtle">
              · {resume.corrected.length} field{resume.corrected.length === 1 ? '' : 's'} corrected by you
            </span>
          ) : null}
        </div>
        {makeActive.isError ? <Alert title="Could not make this resume active">{errorMessage(makeActive.error)}</Alert> : null}
      </div>

      <FlagsPanel resume={resume} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] lg:gap-8">
        <div className="min-w-0 space-y-6">
          <ContactCard resume={resume} canEdit={canEdit} />
          <SkillsCard resume={resume} canEdit={canEdit} />
          <PositionsCard resume={resume} canEdit={canEdit} />
          <EducationCard resume={resume} canEdit={canEdit} />
        </div>
        <div className="min-w-0 space-y-6">
          <OverviewCard resume={resume} canEdit={canEdit} />
          <AtsPanel
            resume={resume}
            initialJobId={params.get('job')}
            onReport={(analysis, usedJob) => {
              setReport(analysis);
              setJob(usedJob);
            }}
          />
          <PastAnalyses
            resumeId={resume.id}
            openId={report?.id ?? null}
            onOpen={(analysis) => {
              setReport(analysis);
              const { id: jobId, title } = analysis.jobDescription;
              setJob(jobId ? { id: jobId, title: title ?? 'this job' } : null);
            }}
          />
        </div>
      </div>

      {report ? <AtsReport analysis={report} onStartPractice={canEdit ? () => setPracticeOpen(true) : undefined} /> : null}

      {canEdit ? (
        <TailoredPracticeDialog
          open={practiceOpen}
          onClose={() => setPracticeOpen(false)}
          source={{
            resume: { id: resume.id, fileName: resume.fileName },
            job,
            ...(latestTitle ? { role: latestTitle } : {}),
            ...(levelFromYears(resume.parsed.yearsOfExperience) ? { level: levelFromYears(resume.parsed.yearsOfExperience)! } : {}),
          }}
        />
      ) : null}

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this resume?"
        confirmLabel="Delete resume"
        tone="danger"
        busy={remove.isPending}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(resume.id, { onSuccess: () => void navigate('/resumes', { replace: true }) })}
      >
        <p>“{resume.fileName}”, your corrections and everything read from it will be removed.</p>
        {remove.isError ? <Alert className="mt-3">{errorMessage(remove.error)}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}

function ResumeSkeleton() {
  return (
    <div className="space-y-8" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the resume…
      </span>
      <div className="space-y-3">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-9 w-2/3 max-w-md" />
        <Skeleton className="h-4 w-1/2 max-w-sm" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="space-y-6">
          <Skeleton className="h-56 rounded-2xl" />
          <Skeleton className="h-40 rounded-2xl" />
        </div>
        <Skeleton className="h-80 rounded-2xl" />
      </div>
    </div>
  );
}
