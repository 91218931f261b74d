import { SelectField } from './field.js';
import { useResumes } from '../lib/api/resumes.js';

interface CandidateResumeSelectProps {
  /** The candidate the interview is for; nothing is shown until one is chosen. */
  candidateId: string | null;
  value: string;
  onChange: (resumeId: string) => void;
  error?: string | undefined;
}

/** "Candidate's resume" for scheduling: tailors some questions to the candidate's own experience. */
export function CandidateResumeSelect({ candidateId, value, onChange, error }: CandidateResumeSelectProps) {
  const resumes = useResumes(candidateId, candidateId !== null);
  const items = (resumes.data?.items ?? []).filter((r) => r.status !== 'no_text');
  if (!candidateId || !items.length) return null;
  return (
    <SelectField
      label="Candidate’s resume"
      optional
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      hint="Some questions then ask about the employers, projects and skills on it."
    >
      <option value="">None</option>
      {items.map((r) => (
        <option key={r.id} value={r.id}>
          {r.fileName}
          {r.active ? ' (active)' : ''}
        </option>
      ))}
    </SelectField>
  );
}
