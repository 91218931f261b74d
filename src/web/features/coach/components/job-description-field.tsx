import { MAX_JOB_DESCRIPTION_CHARS } from '../../../../contract/index.js';
import { TextAreaField } from '../../../ui/field.js';
import { SavedJobSelect } from '../../../ui/saved-job-select.js';

export interface JobDescriptionChoice {
  /** Pasted text, used when no saved job description is chosen. */
  text: string;
  /** A saved job description of the organization (`jobDescriptionId` in the schedule body). */
  jobDescriptionId: string | null;
}

interface JobDescriptionFieldProps {
  /** The organization the interview belongs to: saved job descriptions are listed per organization. */
  orgId: string | null;
  value: JobDescriptionChoice;
  onChange: (next: JobDescriptionChoice) => void;
  error?: string | undefined;
}

/**
 * The job description an assigned interview is tailored to: one of the organization's saved job
 * descriptions (the picker belongs to the job-descriptions feature), or pasted text.
 */
export function JobDescriptionField({ orgId, value, onChange, error }: JobDescriptionFieldProps) {
  const saved = orgId ? (
    <SavedJobSelect
      orgId={orgId}
      value={value.jobDescriptionId}
      onChange={(jobDescriptionId) => onChange({ ...value, jobDescriptionId })}
      error={value.jobDescriptionId ? error : undefined}
    />
  ) : null;
  if (value.jobDescriptionId) return saved;
  return (
    <>
      {saved}
      <TextAreaField
        label="Job description"
        optional
        name="jobDescription"
        rows={5}
        maxLength={MAX_JOB_DESCRIPTION_CHARS}
        placeholder="Paste the job posting to tailor some questions to its skills."
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
        error={error}
        hint="About a third of the questions are tailored to the skills it asks for."
      />
    </>
  );
}
