import { Briefcase, ChevronRight, Plus, Search, Users } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { JobDescription } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatRelativeDay } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { buttonClass } from '../../ui/button.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { ListSkeleton } from '../../ui/skeleton.js';
import { levelLabel } from '../../lib/interview-meta.js';
import { useMyOrgs } from '../../lib/api/orgs.js';
import { useJobDescriptions, useStaffOrgs } from '../../lib/api/job-descriptions.js';

const PAGE_SIZE = 20;

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const staff = useStaffOrgs();
  const orgs = useMyOrgs();
  const isStaff = staff.orgs.length > 0;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orgId = params.get('org') ?? '';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const searchId = useId();
  const list = useJobDescriptions({ orgId: orgId || null, q, page, limit: PAGE_SIZE }, !staff.isPending);
  const orgNames = new Map((orgs.data?.items ?? []).map((o) => [o.id, o.name]));
  const manyOrgs = (orgs.data?.items.length ?? 0) > 1;

  const update = (next: Record<string, string>) => {
    const merged = Object.fromEntries(Object.entries({ org: orgId, q, ...next }).filter(([, v]) => v));
    setParams(merged, { replace: true });
  };

  // Search as the person types, a moment after they stop.
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => update({ q: search.trim(), page: '' }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `update` closes over the params it replaces
  }, [search]);

  const items = list.data?.items ?? [];
  const filtered = Boolean(q || orgId);

  return (
    <div className="space-y-8">
      <title>{`${isStaff ? 'Job descriptions' : 'Jobs shared with you'} · Panelist`}</title>
      <PageHeader
        title={isStaff ? 'Job descriptions' : 'Jobs shared with you'}
        description={
          isStaff
            ? 'The jobs your candidates prepare for: share one to let them check their resume against it and practise with its skills and your questions.'
            : 'Jobs your coaches shared with you. Check your resume against one, or practise for it.'
        }
        actions={
          isStaff ? (
            <Link to="/jobs/new" className={buttonClass('primary')}>
              <Plus className="size-4" aria-hidden="true" /> New job description
            </Link>
          ) : null
        }
      />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-end" role="search" aria-label="Job descriptions">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor={searchId} className="text-sm font-medium text-fg">
            Search
          </label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Title or skill"
              className="h-11 w-full rounded-xl border border-border-strong bg-surface pr-3.5 pl-10 text-fg placeholder:text-fg-subtle hover:border-fg-subtle"
            />
          </div>
        </div>
        {isStaff && staff.orgs.length > 1 ? (
          <div className="sm:w-64">
            <SelectField label="Organization" value={orgId} onChange={(e) => update({ org: e.target.value, page: '' })}>
              <option value="">All organizations</option>
              {staff.orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
      </div>

      <section aria-label="Job descriptions" className="card overflow-hidden">
        {list.isPending ? (
          <JobListSkeleton />
        ) : list.isError ? (
          <div className="p-5">
            <Alert title="Could not load the job descriptions">{errorMessage(list.error)}</Alert>
          </div>
        ) : items.length === 0 ? (
          <div className="px-5 py-12 text-center">
            <span
              className="mx-auto mb-3 grid size-12 place-items-center rounded-2xl bg-primary-soft text-primary-soft-fg"
              aria-hidden="true"
            >
              <Briefcase className="size-6" />
            </span>
            <p className="font-medium text-fg">
              {filtered ? 'Nothing matches' : isStaff ? 'No job descriptions yet' : 'Nothing shared with you yet'}
            </p>
            <p className="mt-1 text-sm text-fg-muted">
              {filtered
                ? 'Try another search or organization.'
                : isStaff
                  ? 'Create one from a job posting, then share it with your candidates.'
                  : 'When a coach shares a job with you, it appears here.'}
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-border">
            {items.map((j) => (
              <JobRow
                key={j.id}
                job={j}
                orgName={manyOrgs ? orgNames.get(j.orgId) : undefined}
                showShares={staff.orgs.some((o) => o.id === j.orgId)}
              />
            ))}
          </ul>
        )}
      </section>
      {list.data ? (
        <Pagination
          page={list.data.page}
          pages={list.data.pages}
          onPage={(p) => update({ page: p === 1 ? '' : String(p) })}
          label="Job description pages"
        />
      ) : null}
    </div>
  );
}

function JobRow({ job, orgName, showShares }: { job: JobDescription; orgName: string | undefined; showShares: boolean }) {
  const skills = job.requiredSkills.slice(0, 5);
  const more = job.requiredSkills.length - skills.length;
  return (
    <li>
      <Link
        to={`/jobs/${job.id}`}
        className="group flex items-center gap-3 px-4 py-4 transition-colors hover:bg-surface-muted/70 focus-visible:-outline-offset-2 sm:gap-4 sm:px-5"
      >
        <span
          className="hidden size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg sm:grid"
          aria-hidden="true"
        >
          <Briefcase className="size-5" />
        </span>
        <span className="min-w-0 flex-1 space-y-1.5">
          <span className="block font-medium break-words text-fg">{job.title}</span>
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-subtle">
            <span>{levelLabel(job.level)}</span>
            {orgName ? (
              <>
                <span aria-hidden="true">·</span>
                <span>{orgName}</span>
              </>
            ) : null}
            <span aria-hidden="true">·</span>
            <span>
              updated <time dateTime={job.updatedAt}>{formatRelativeDay(job.updatedAt)}</time>
            </span>
          </span>
          {skills.length ? (
            <span className="flex flex-wrap gap-1.5">
              {skills.map((s) => (
                <span
                  key={s}
                  className="rounded-md bg-surface-muted px-2 py-0.5 text-xs font-medium text-fg-muted ring-1 ring-border ring-inset"
                >
                  {s}
                </span>
              ))}
              {more > 0 ? <span className="px-1 py-0.5 text-xs text-fg-subtle">+{more} more</span> : null}
            </span>
          ) : null}
        </span>
        {showShares ? (
          <Badge tone={job.sharedWith.length ? 'primary' : 'neutral'} className="hidden sm:inline-flex">
            <Users className="size-3.5" aria-hidden="true" />
            {job.sharedWith.length ? `Shared with ${job.sharedWith.length}` : 'Not shared'}
          </Badge>
        ) : null}
        <ChevronRight className="size-4 shrink-0 text-fg-subtle transition-transform group-hover:translate-x-0.5" aria-hidden="true" />
      </Link>
    </li>
  );
}

function JobListSkeleton() {
  return <ListSkeleton rows={3} />;
}
