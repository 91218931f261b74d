import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { questionAttempts } from '../../../contract/index.js';
import { apiRequest } from '../../lib/api-client.js';
import { interviewKeys, interviewPath } from '../../lib/api/interviews.js';

export const attemptKeys = {
  interview: (interviewId: string) => [...interviewKeys.all, 'attempts', interviewId] as const,
  question: (interviewId: string, questionId: string) => [...attemptKeys.interview(interviewId), questionId] as const,
};

const path = (interviewId: string, questionId: string, rest: string) =>
  interviewPath(interviewId, `/questions/${encodeURIComponent(questionId)}${rest}`);

/** Every answer given to a question (retries included) and which one counts. */
export const useAttempts = (interviewId: string, questionId: string, enabled: boolean) =>
  useQuery({
    queryKey: attemptKeys.question(interviewId, questionId),
    queryFn: ({ signal }) => apiRequest(path(interviewId, questionId, '/attempts'), { schema: questionAttempts, signal }),
    enabled,
  });

/** Makes one attempt the one that counts; the interview (its current answers) and report are read again. */
export function useChooseAttempt(interviewId: string, questionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answerId: string) =>
      apiRequest(path(interviewId, questionId, '/counting-attempt'), { method: 'PUT', body: { answerId }, schema: questionAttempts }),
    onSuccess: (list) => {
      queryClient.setQueryData(attemptKeys.question(interviewId, questionId), list);
      void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(interviewId) });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.report(interviewId) });
    },
  });
}
