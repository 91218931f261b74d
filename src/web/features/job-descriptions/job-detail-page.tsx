import { ChevronLeft, FileText, ListChecks, PencilLine, ScanSearch, Sparkles, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { JobDescription } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button, buttonClass } from '../../ui/button.js';
import { LoadFailure } from '../../ui/load-failure.js';
import { ChipList } from '../../ui/chip-input.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { PageHeader } from '../../ui/page-header.js';
import { PageSpinner } from '../../ui/spinner.js';
import { interviewTypeLabel, levelLabel } from '../../lib/interview-meta.js';
import { useMyOrgs } from '../../lib/api/orgs.js';
import { useResumes } from '../../lib/api/resumes.js';
import { TailoredPracticeDialog } from '../../ui/tailored-practice-dialog.js';
import { useDeleteJobDescription, useJobDescription, useStaffOrgs } from '../../lib/api/job-descriptions.js';
import { SharePanel } from './components/share-panel.js';

export function JobDetailPage() {
  const { id = '' } = useParams();
  const query = useJobDescription(id);
  if (query.isPending) return <PageSpinner label="Loading the job description…" />;
  if (query.isError) {
    return (
      <LoadFailure
        what="Job description"
        error={query.error}
        notFoundHint="It may have been deleted or no longer shared with you."
        back={{ to: '/jobs', label: 'Back to jobs' }}
      />
    );
  }
  return <JobDetail key={query.data.id} job={query.data} />;
}

function JobDetail({ job }: { job: JobDescription }) {
  const navigate = useNavigate();
  const staff = useStaffOrgs();
  const orgs = useMyOrgs();
  const remove = useDeleteJobDescription();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const isStaff = staff.orgs.some((o) => o.id === job.orgId);
  const orgName = orgs.data?.items.find((o) => o.id === job.orgId)?.name;

  return (
    <div className="space-y-8">
      <title>{`${job.title} · Jobs · Panelist`}</title>
      <div className="space-y-4">
        <Link
          to="/jobs"
          className="inline-flex items-center gap-1 text-sm font-medium text-fg-muted underline-offset-4 hover:text-fg hover:underline"
        >
          <ChevronLeft className="size-4" aria-hidden="true" /> {isStaff ? 'All job descriptions' : 'Jobs shared with you'}
        </Link>
        <PageHeader
          eyebrow={orgName}
          title={job.title}
          description={
            <>
              {levelLabel(job.level)}
              {job.requiredYears !== null ? ` · ${job.requiredYears}+ years` : ''} · updated{' '}
              <time dateTime={job.updatedAt}>{formatDate(job.updatedAt)}</time>
              {job.createdBy ? ` · by ${job.createdBy.name}` : ''}
            </>
          }
          actions={
            isStaff ? (
              <>
                <Link to={`/jobs/${job.id}/edit`} className={buttonClass('secondary')}>
                  <PencilLine className="size-4" aria-hidden="true" /> Edit
                </Link>
                <Button variant="ghost" className="hover:text-danger" onClick={() => setConfirmDelete(true)}>
                  <Trash2 className="size-4" aria-hidden="true" /> Delete
                </Button>
              </>
            ) : null
          }
        />
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:gap-8">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="job-skills-heading" className="card space-y-4 p-5 sm:p-6">
            <h2 id="job-skills-heading" className="flex items-center gap-2 font-semibold text-fg">
              <Sparkles className="size-4 text-primary" aria-hidden="true" /> Skills
            </h2>
            <div>
              <h3 className="mb-1.5 text-sm text-fg-muted">Required</h3>
              <ChipList items={job.requiredSkills} tone="primary" label="Required skills" empty="None listed." />
            </div>
            <div>
              <h3 className="mb-1.5 text-sm text-fg-muted">Nice to have</h3>
              <ChipList items={job.niceToHaveSkills} label="Nice-to-have skills" empty="None listed." />
            </div>
          </section>

          <section aria-labelledby="job-text-heading" className="card p-5 sm:p-6">
            <h2 id="job-text-heading" className="mb-3 flex items-center gap-2 font-semibold text-fg">
              <FileText className="size-4 text-primary" aria-hidden="true" /> Description
            </h2>
            <div className="text-[0.9375rem] leading-relaxed break-words whitespace-pre-wrap text-fg-muted">{job.text}</div>
          </section>

          {isStaff ? (
            <section aria-labelledby="job-questions-heading" className="card p-5 sm:p-6">
              <h2 id="job-questions-heading" className="mb-3 flex items-center gap-2 font-semibold text-fg">
                <ListChecks className="size-4 text-primary" aria-hidden="true" /> Your questions
                <span className="text-sm font-normal text-fg-subtle">({job.questionSet.length})</span>
              </h2>
              {job.questionSet.length ? (
                <ol className="space-y-3">
                  {job.questionSet.map((q, i) => (
                    <li key={i} className="rounded-xl border border-border p-4">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="text-sm font-semibold text-fg-subtle tabular-nums">{i + 1}.</span>
                        <Badge>{interviewTypeLabel(q.type)}</Badge>
                      </div>
                      <p className="mt-2 text-fg">{q.text}</p>
                      {q.keyPoints.length ? (
                        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-fg-muted marker:text-fg-subtle">
                          {q.keyPoints.map((k) => (
                            <li key={k}>{k}</li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-fg-subtle">
                  None. Tailored practice uses bank questions framed by this job’s skills.{' '}
                  <Link to={`/jobs/${job.id}/edit`} className="font-medium text-primary underline-offset-4 hover:underline">
                    Add questions
                  </Link>
                </p>
              )}
            </section>
          ) : null}
        </div>

        <div className="min-w-0 space-y-6">{isStaff ? <SharePanel job={job} /> : <PrepareCard job={job} />}</div>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this job description?"
        confirmLabel="Delete job description"
        tone="danger"
        busy={remove.isPending}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(job.id, { onSuccess: () => void navigate('/jobs', { replace: true }) })}
      >
        <p>
          “{job.title}” will no longer be available to check resumes against or to practise for
          {job.sharedWith.length
            ? `, including for the ${job.sharedWith.length === 1 ? 'candidate' : `${job.sharedWith.length} candidates`} it is shared with`
            : ''}
          . Interviews already held keep their questions.
        </p>
        {remove.isError ? <Alert className="mt-3">{errorMessage(remove.error)}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}

/** For a candidate: the two things to do with a shared job. */
function PrepareCard({ job }: { job: JobDescription }) {
  const resumes = useResumes();
  const [practiceOpen, setPracticeOpen] = useState(false);
  const items = resumes.data?.items ?? [];
  const resume = items.find((r) => r.active) ?? items[0] ?? null;
  const usable = resume && resume.status !== 'no_text' ? resume : null;

  return (
    <section aria-labelledby="prepare-heading" className="card space-y-5 p-5 sm:p-6">
      <h2 id="prepare-heading" className="font-semibold text-fg">
        Prepare for this job
      </h2>
      <div className="space-y-2">
        <p className="text-sm text-fg-muted">
          {usable ? (
            <>
              See how <span className="font-medium text-fg">{usable.fileName}</span> scores for this job, the skills you match or miss, and
              what to fix.
            </>
          ) : (
            'Upload your resume to see how it scores for this job and what to fix.'
          )}
        </p>
        {usable ? (
          <Link to={`/resumes/${usable.id}?job=${job.id}`} className={buttonClass('primary', 'md', 'w-full')}>
            <ScanSearch className="size-4" aria-hidden="true" /> Check my resume against this job
          </Link>
        ) : (
          <Link to="/resumes" className={buttonClass('primary', 'md', 'w-full')}>
            <ScanSearch className="size-4" aria-hidden="true" /> Upload a resume
          </Link>
        )}
      </div>
      <div className="space-y-2 border-t border-border pt-5">
        <p className="text-sm text-fg-muted">
          Practise with questions about the skills this job asks for{usable ? ' and the experience on your resume' : ''}.
        </p>
        <Button variant="secondary" className="w-full" onClick={() => setPracticeOpen(true)}>
          <Sparkles className="size-4" aria-hidden="true" /> Practice for this job
        </Button>
      </div>
      <TailoredPracticeDialog
        open={practiceOpen}
        onClose={() => setPracticeOpen(false)}
        source={{
          resume: usable ? { id: usable.id, fileName: usable.fileName } : null,
          job: { id: job.id, title: job.title, level: job.level },
        }}
      />
    </section>
  );
}
