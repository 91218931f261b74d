import { useEffect } from 'react';
import { SelectField } from './field.js';
import { levelLabel } from '../lib/interview-meta.js';
import { useJobDescriptions } from '../lib/api/job-descriptions.js';

interface SavedJobSelectProps {
  /** The organization whose job descriptions can be chosen (an assigned interview stays inside its organization). */
  orgId: string;
  value: string | null;
  onChange: (jobDescriptionId: string | null) => void;
  error?: string | undefined;
  id?: string;
}

/** "Saved job description" for scheduling: the organization's job descriptions, or none (paste one instead). */
export function SavedJobSelect({ orgId, value, onChange, error, id }: SavedJobSelectProps) {
  const jobs = useJobDescriptions({ orgId, limit: 100 });
  const items = jobs.data?.items;
  // A job of the previous candidate's organization does not belong to this one.
  useEffect(() => {
    if (value && items && !items.some((j) => j.id === value)) onChange(null);
  }, [value, items, onChange]);

  if (!items?.length) return null;
  return (
    <SelectField
      {...(id ? { id } : {})}
      label="Saved job description"
      optional
      value={value ?? ''}
      error={error}
      onChange={(e) => onChange(e.target.value || null)}
      hint="Its skills and your organization’s questions for it tailor the interview."
    >
      <option value="">None: paste one below instead</option>
      {items.map((j) => (
        <option key={j.id} value={j.id}>
          {j.title} · {levelLabel(j.level)}
        </option>
      ))}
    </SelectField>
  );
}
