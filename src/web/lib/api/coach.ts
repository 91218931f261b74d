import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  coachedCandidateList,
  interview as interviewSchema,
  type CancelBody,
  type EditedQuestion,
  type Interview,
  type OverrideBody,
  type UpdateInterviewBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { interviewKeys, interviewPath, useStoreInterview } from './interviews.js';
import { myOrgsQuery } from './orgs.js';
import { useCurrentUser } from './auth.js';

export const coachKeys = {
  candidates: ['coach', 'candidates'] as const,
};

export const coachCandidatesQuery = queryOptions({
  queryKey: coachKeys.candidates,
  queryFn: ({ signal }) => apiRequest('/api/v1/coach/candidates', { schema: coachedCandidateList, signal }),
});

export const useCoachCandidates = () => useQuery(coachCandidatesQuery);

/**
 * Whether the signed-in person coaches anyone: a coach or admin in some organization (or the
 * platform admin). Decides whether the Coach pages are offered.
 */
export function useIsCoach(): { isCoach: boolean; isPending: boolean } {
  const user = useCurrentUser();
  const orgs = useQuery({ ...myOrgsQuery, enabled: !!user });
  const isCoach = user?.platformRole === 'superadmin' || (orgs.data?.items ?? []).some((o) => o.myRole === 'coach' || o.myRole === 'admin');
  return { isCoach, isPending: orgs.isPending };
}

/** After a change the response shape of which we do not rely on: read the interview again. */
function useRefreshInterview(interviewId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: interviewKeys.detail(interviewId) });
    void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: interviewKeys.report(interviewId) });
    void queryClient.invalidateQueries({ queryKey: coachKeys.candidates });
  };
}

export function useReplaceQuestions(interviewId: string) {
  const store = useStoreInterview();
  return useMutation({
    mutationFn: (questions: EditedQuestion[]) =>
      apiRequest(interviewPath(interviewId, '/questions'), { method: 'PUT', body: { questions }, schema: interviewSchema }),
    onSuccess: (next: Interview) => store(next),
  });
}

export function useUpdateInterview(interviewId: string) {
  const store = useStoreInterview();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInterviewBody) => apiRequest(interviewPath(interviewId), { method: 'PATCH', body, schema: interviewSchema }),
    onSuccess: (next: Interview) => {
      store(next);
      void queryClient.invalidateQueries({ queryKey: coachKeys.candidates });
    },
  });
}

export function useCancelInterview(interviewId: string) {
  const refresh = useRefreshInterview(interviewId);
  return useMutation({
    mutationFn: (body: CancelBody) => apiRequest(interviewPath(interviewId, '/cancel'), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useOverrideScore(interviewId: string) {
  const refresh = useRefreshInterview(interviewId);
  return useMutation({
    mutationFn: ({ answerId, ...body }: OverrideBody & { answerId: string }) =>
      apiRequest(interviewPath(interviewId, `/answers/${encodeURIComponent(answerId)}/override`), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useFinalizeInterview(interviewId: string) {
  const refresh = useRefreshInterview(interviewId);
  return useMutation({
    mutationFn: () => apiRequest(interviewPath(interviewId, '/finalize'), { method: 'POST' }),
    onSuccess: refresh,
  });
}
