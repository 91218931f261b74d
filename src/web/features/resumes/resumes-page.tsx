import { ArrowRight, Briefcase, ScanSearch, Sparkles, Target } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Resume } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { PageHeader } from '../../ui/page-header.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { levelLabel } from '../../lib/interview-meta.js';
import { useIsStaff, useJobDescriptions } from '../../lib/api/job-descriptions.js';
import { useDeleteResume, useMakeActive, useResumes } from '../../lib/api/resumes.js';
import { ResumeListSkeleton, ResumeRow } from './components/resume-row.js';
import { UploadCard } from './components/upload-card.js';

export function ResumesPage() {
  const list = useResumes();
  const makeActive = useMakeActive();
  const remove = useDeleteResume();
  const [toDelete, setToDelete] = useState<Resume | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const user = useCurrentUser();
  const items = list.data?.items ?? [];

  return (
    <div className="space-y-8">
      <title>Resumes · Panelist</title>
      <PageHeader
        title="Your resumes"
        description="Upload your resume to see what an applicant tracking system reads from it, check it against a job, and practise with questions about your own experience."
      />

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          <UploadCard />

          <section aria-labelledby="resume-list-heading" className="space-y-3">
            <div className="flex items-baseline justify-between gap-3">
              <h2 id="resume-list-heading" className="text-lg font-semibold text-fg">
                Uploaded resumes
              </h2>
              {items.length ? (
                <p className="text-sm text-fg-subtle">{items.length === 1 ? '1 resume' : `${items.length} resumes`}</p>
              ) : null}
            </div>
            {notice ? (
              <Alert tone="success" className="animate-fade-up">
                {notice}
              </Alert>
            ) : null}
            {makeActive.isError ? <Alert title="Could not change the active resume">{errorMessage(makeActive.error)}</Alert> : null}
            <div className="card overflow-hidden">
              {list.isPending ? (
                <ResumeListSkeleton />
              ) : list.isError ? (
                <div className="p-5">
                  <Alert title="Could not load your resumes">{errorMessage(list.error)}</Alert>
                </div>
              ) : items.length === 0 ? (
                <div className="px-5 py-10 text-center">
                  <p className="font-medium text-fg">No resumes yet</p>
                  <p className="mt-1 text-sm text-fg-muted">
                    Your uploads appear here. The one marked active is used for tailored practice.
                  </p>
                </div>
              ) : (
                <ul className="divide-y divide-border" aria-label="Resumes">
                  {items.map((r) => (
                    <ResumeRow
                      key={r.id}
                      resume={r}
                      makingActive={makeActive.isPending && makeActive.variables === r.id}
                      onMakeActive={
                        r.ownerId === user?.id
                          ? () => makeActive.mutate(r.id, { onSuccess: () => setNotice(`“${r.fileName}” is now your active resume.`) })
                          : undefined
                      }
                      onDelete={() => setToDelete(r)}
                    />
                  ))}
                </ul>
              )}
            </div>
          </section>
        </div>

        <aside className="min-w-0 space-y-6" aria-label="About resumes">
          <SharedJobsCard />
          <div className="card space-y-4 p-5">
            <h2 className="font-semibold text-fg">What you can do here</h2>
            <ul className="space-y-3 text-sm text-fg-muted">
              <li className="flex gap-3">
                <ScanSearch className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
                <span>See the contact details, skills, positions and education Panelist found, and correct anything it got wrong.</span>
              </li>
              <li className="flex gap-3">
                <Target className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
                <span>Run an ATS check against a job: a score, the skills you match or miss, and why points were lost.</span>
              </li>
              <li className="flex gap-3">
                <Sparkles className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
                <span>Start a practice interview with questions about your employers, projects and the job’s skills.</span>
              </li>
            </ul>
          </div>
        </aside>
      </div>

      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this resume?"
        confirmLabel="Delete resume"
        tone="danger"
        busy={remove.isPending}
        onCancel={() => {
          setToDelete(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!toDelete) return;
          const name = toDelete.fileName;
          remove.mutate(toDelete.id, {
            onSuccess: () => {
              setToDelete(null);
              setNotice(`Deleted “${name}”.`);
            },
          });
        }}
      >
        <p>
          “{toDelete?.fileName}” and everything read from it will be removed. Interviews you already practised with it keep their questions.
        </p>
        {remove.isError ? <Alert className="mt-3">{errorMessage(remove.error)}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}

/** Candidates: job descriptions their coaches shared, each a click away from an ATS check. */
function SharedJobsCard() {
  const staff = useIsStaff();
  const jobs = useJobDescriptions({ limit: 5 }, !staff);
  if (staff || !jobs.data?.items.length) return null;
  return (
    <section aria-labelledby="shared-jobs-heading" className="card p-5">
      <h2 id="shared-jobs-heading" className="flex items-center gap-2 font-semibold text-fg">
        <Briefcase className="size-4 text-primary" aria-hidden="true" /> Jobs shared with you
      </h2>
      <ul className="mt-3 divide-y divide-border">
        {jobs.data.items.map((j) => (
          <li key={j.id}>
            <Link to={`/jobs/${j.id}`} className="group flex items-center justify-between gap-3 py-2.5 text-sm">
              <span className="min-w-0">
                <span className="block truncate font-medium text-fg group-hover:underline">{j.title}</span>
                <span className="text-fg-subtle">{levelLabel(j.level)}</span>
              </span>
              <ArrowRight className="size-4 shrink-0 text-fg-subtle" aria-hidden="true" />
            </Link>
          </li>
        ))}
      </ul>
      {jobs.data.total > jobs.data.items.length ? (
        <Link to="/jobs" className="mt-2 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline">
          All {jobs.data.total} shared jobs
        </Link>
      ) : null}
    </section>
  );
}
