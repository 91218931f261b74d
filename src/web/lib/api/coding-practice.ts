import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  codingProblemView,
  practiceAttemptResult,
  practiceProblemList,
  practiceProgress,
  runResult,
  type CodingTopic,
  type Difficulty,
  type PracticeAttemptBody,
  type RunCodeBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';

const base = '/api/v1/coding';

export const practiceKeys = {
  all: ['coding-practice'] as const,
  list: (filters: { topic?: CodingTopic | undefined; difficulty?: Difficulty | undefined }) =>
    [...practiceKeys.all, 'list', filters] as const,
  problem: (slug: string) => [...practiceKeys.all, 'problem', slug] as const,
  progress: () => [...practiceKeys.all, 'progress'] as const,
};

export function usePracticeProblems(filters: { topic?: CodingTopic | undefined; difficulty?: Difficulty | undefined }) {
  const params = new URLSearchParams();
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.difficulty) params.set('difficulty', filters.difficulty);
  const query = params.size ? `?${params}` : '';
  return useQuery(
    queryOptions({
      queryKey: practiceKeys.list(filters),
      queryFn: () => apiRequest(`${base}/problems${query}`, { schema: practiceProblemList }),
    }),
  );
}

export function usePracticeProgress() {
  return useQuery(
    queryOptions({ queryKey: practiceKeys.progress(), queryFn: () => apiRequest(`${base}/progress`, { schema: practiceProgress }) }),
  );
}

export function usePracticeProblem(slug: string) {
  return useQuery(
    queryOptions({
      queryKey: practiceKeys.problem(slug),
      queryFn: () => apiRequest(`${base}/problems/${encodeURIComponent(slug)}`, { schema: codingProblemView }),
    }),
  );
}

export function useRunPractice(slug: string) {
  return useMutation({
    mutationFn: (body: RunCodeBody) =>
      apiRequest(`${base}/problems/${encodeURIComponent(slug)}/run`, { method: 'POST', body, schema: runResult }),
  });
}

export function useSubmitPractice(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeAttemptBody) =>
      apiRequest(`${base}/problems/${encodeURIComponent(slug)}/attempts`, { method: 'POST', body, schema: practiceAttemptResult }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: practiceKeys.all }),
  });
}
