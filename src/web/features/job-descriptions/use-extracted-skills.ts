import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ExtractedSkills } from '../../../contract/index.js';
import { extractSkills, jobDescriptionKeys } from '../../lib/api/job-descriptions.js';

const DEBOUNCE_MS = 600;
const MIN_CHARS = 20;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Skills the server finds in a job text, read again a moment after the person stops typing or
 * pastes. The previous answer stays while the next one is on its way; a failed preview is not
 * worth an error message, since the chips stay editable by hand.
 */
export function useExtractedSkills(text: string): { skills: ExtractedSkills | null; pending: boolean } {
  const trimmed = text.trim();
  const debounced = useDebounced(trimmed, DEBOUNCE_MS);
  const enabled = debounced.length >= MIN_CHARS;
  const query = useQuery({
    queryKey: [...jobDescriptionKeys.all, 'extract-skills', debounced] as const,
    queryFn: ({ signal }) => extractSkills(debounced, signal),
    enabled,
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const waiting = trimmed.length >= MIN_CHARS && (trimmed !== debounced || query.isFetching);
  return { skills: query.data ?? null, pending: waiting };
}
