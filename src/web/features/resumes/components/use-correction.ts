import { useState } from 'react';
import type { ParsedResume, Resume } from '../../../../contract/index.js';
import { useUpdateResume } from '../../../lib/api/resumes.js';

/**
 * Edit state for one card of the parsed view: a draft copied from the resume on "Edit", and a
 * save that sends only the fields that really changed (so only they are marked corrected).
 */
export function useCorrection<D>(resume: Resume, fromResume: (parsed: ParsedResume) => D) {
  const update = useUpdateResume(resume.id);
  const [draft, setDraft] = useState<D | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  return {
    editing: draft !== null,
    draft,
    setDraft: (next: D | ((d: D) => D)) => setDraft((d) => (d === null ? d : typeof next === 'function' ? (next as (d: D) => D)(d) : next)),
    errors,
    setErrors,
    saving: update.isPending,
    saveError: update.error,
    edit: () => {
      update.reset();
      setErrors({});
      setDraft(fromResume(resume.parsed));
    },
    cancel: () => {
      setDraft(null);
      setErrors({});
    },
    /** Sends the changed fields of `patch`; closes the form when nothing changed or once saved. */
    save: (patch: Partial<ParsedResume>) => {
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(resume.parsed[k as keyof ParsedResume])),
      ) as Partial<ParsedResume>;
      if (!Object.keys(changed).length) {
        setDraft(null);
        return;
      }
      update.mutate({ parsed: changed }, { onSuccess: () => setDraft(null) });
    },
  };
}
