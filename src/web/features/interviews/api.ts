import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answer as answerSchema,
  interview as interviewSchema,
  interviewList,
  report as reportSchema,
  type Answer,
  type AnswerBody,
  type CreateInterviewBody,
  type Interview,
} from '../../../contract/index.js';
import { apiRequest } from '../../lib/api-client.js';

const base = '/api/v1/interviews';

export const interviewKeys = {
  all: ['interviews'] as const,
  lists: () => [...interviewKeys.all, 'list'] as const,
  list: (page: number, limit: number) => [...interviewKeys.lists(), { page, limit }] as const,
  detail: (id: string) => [...interviewKeys.all, 'detail', id] as const,
  report: (id: string) => [...interviewKeys.all, 'report', id] as const,
};

export const interviewListQuery = (page: number, limit: number) =>
  queryOptions({
    queryKey: interviewKeys.list(page, limit),
    queryFn: ({ signal }) => apiRequest(`${base}?page=${page}&limit=${limit}`, { schema: interviewList, signal }),
    placeholderData: keepPreviousData,
  });

export const interviewQuery = (id: string) =>
  queryOptions({
    queryKey: interviewKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`${base}/${encodeURIComponent(id)}`, { schema: interviewSchema, signal }),
  });

export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: interviewKeys.report(id),
    queryFn: ({ signal }) => apiRequest(`${base}/${encodeURIComponent(id)}/report`, { schema: reportSchema, signal }),
    staleTime: 5 * 60_000,
  });

export const useInterviewList = (page: number, limit: number) => useQuery(interviewListQuery(page, limit));
export const useInterview = (id: string) => useQuery(interviewQuery(id));
export const useReport = (id: string) => useQuery(reportQuery(id));

export function useCreateInterview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInterviewBody) => apiRequest(base, { method: 'POST', body, schema: interviewSchema }),
    onSuccess: (created) => {
      queryClient.setQueryData(interviewKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
    },
  });
}

export function useSubmitAnswer(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) =>
      apiRequest(`${base}/${encodeURIComponent(interviewId)}/answers`, { method: 'POST', body, schema: answerSchema }),
    onSuccess: (saved: Answer) => {
      queryClient.setQueryData<Interview>(interviewKeys.detail(interviewId), (old) => {
        if (!old) return old;
        const answers = [...old.answers.filter((a) => a.questionId !== saved.questionId), saved];
        return { ...old, answers, answeredCount: new Set(answers.map((a) => a.questionId)).size };
      });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
    },
  });
}

export function useCompleteInterview(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(`${base}/${encodeURIComponent(interviewId)}/complete`, { method: 'POST', schema: interviewSchema }),
    onSuccess: (done) => {
      queryClient.setQueryData(interviewKeys.detail(interviewId), done);
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.report(interviewId) });
    },
  });
}
