import { Link, useSearchParams } from 'react-router';
import { useState } from 'react';
import { SelectField } from './field.js';
import { Skeleton } from './skeleton.js';
import { levelLabel } from '../lib/interview-meta.js';
import { useJobDescriptions } from '../lib/api/job-descriptions.js';
import { useResumes } from '../lib/api/resumes.js';

/** A saved resume and/or job description chosen to tailor an interview. */
export interface SavedTailoring {
  resumeId: string;
  jobDescriptionId: string;
}

/** Starts from ?resumeId=…&jobDescriptionId=… so other pages can link to a pre-filled setup. */
export function useSavedTailoring() {
  const [params] = useSearchParams();
  return useState<SavedTailoring>(() => ({
    resumeId: params.get('resumeId') ?? '',
    jobDescriptionId: params.get('jobDescriptionId') ?? '',
  }));
}

/** The part of a create-interview body the picker contributes; nothing when nothing is chosen. */
export function savedTailoringBody(value: SavedTailoring): { resumeId?: string; jobDescriptionId?: string } {
  return {
    ...(value.resumeId ? { resumeId: value.resumeId } : {}),
    ...(value.jobDescriptionId ? { jobDescriptionId: value.jobDescriptionId } : {}),
  };
}

interface PickerProps {
  value: SavedTailoring;
  onChange: (next: SavedTailoring) => void;
  /** A coach scheduling for a candidate: that candidate's resumes instead of the caller's. */
  candidateId?: string | null;
  /** Field errors from the server, keyed resumeId / jobDescriptionId. */
  errors?: Record<string, string | undefined>;
  idPrefix?: string;
}

/** "Use a saved resume / job description": two selects, shown only when there is something saved to pick. */
export function SavedTailoringPicker({ value, onChange, candidateId = null, errors = {}, idPrefix = 'saved-tailoring' }: PickerProps) {
  const resumes = useResumes(candidateId);
  const jobs = useJobDescriptions({ limit: 100 });
  const resumeItems = (resumes.data?.items ?? []).filter((r) => r.status !== 'no_text');
  const jobItems = jobs.data?.items ?? [];

  if (resumes.isPending || jobs.isPending) {
    return (
      <div className="grid gap-4 sm:grid-cols-2" aria-hidden="true">
        <Skeleton className="h-[4.5rem] rounded-xl" />
        <Skeleton className="h-[4.5rem] rounded-xl" />
      </div>
    );
  }

  if (!resumeItems.length && !jobItems.length) {
    if (candidateId) return null;
    return (
      <p className="rounded-xl bg-surface-muted px-4 py-3 text-sm text-fg-muted">
        Tip:{' '}
        <Link to="/resumes" className="font-medium text-primary underline-offset-4 hover:underline">
          upload your resume
        </Link>{' '}
        once and pick it here next time instead of pasting it.
      </p>
    );
  }

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-fg">Use a saved resume or job description</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {resumeItems.length ? (
          <SelectField
            id={`${idPrefix}-resume`}
            label="Saved resume"
            optional
            value={value.resumeId}
            error={errors.resumeId}
            onChange={(e) => onChange({ ...value, resumeId: e.target.value })}
          >
            <option value="">None</option>
            {resumeItems.map((r) => (
              <option key={r.id} value={r.id}>
                {r.fileName}
                {r.active ? ' (active)' : ''}
              </option>
            ))}
          </SelectField>
        ) : null}
        {jobItems.length ? (
          <SelectField
            id={`${idPrefix}-job`}
            label="Saved job description"
            optional
            value={value.jobDescriptionId}
            error={errors.jobDescriptionId}
            onChange={(e) => onChange({ ...value, jobDescriptionId: e.target.value })}
          >
            <option value="">None</option>
            {jobItems.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title} · {levelLabel(j.level)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <p className="text-sm text-fg-subtle">Anything you paste below is used as well.</p>
    </fieldset>
  );
}
