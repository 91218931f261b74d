import { useEffect } from 'react';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answer as answerSchema,
  interview as interviewSchema,
  interviewList,
  nextStep as nextStepSchema,
  report as reportSchema,
  type Answer,
  type AnswerBody,
  type CreateInterviewBody,
  type Interview,
  type InterviewKind,
  type InterviewStatus,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { calibrateServerClock } from '../server-clock.js';

const base = '/api/v1/interviews';

export interface InterviewListParams {
  page?: number;
  limit?: number;
  /** `mine`: interviews I take (the default); `coach`: interviews I schedule or review. */
  scope?: 'mine' | 'coach';
  status?: readonly InterviewStatus[];
  kind?: InterviewKind;
  candidateId?: string;
}

export const interviewKeys = {
  all: ['interviews'] as const,
  lists: () => [...interviewKeys.all, 'list'] as const,
  list: (params: InterviewListParams) => [...interviewKeys.lists(), params] as const,
  detail: (id: string) => [...interviewKeys.all, 'detail', id] as const,
  report: (id: string) => [...interviewKeys.all, 'report', id] as const,
  next: (id: string) => [...interviewKeys.all, 'next', id] as const,
};

export function interviewPath(id: string, rest = ''): string {
  return `${base}/${encodeURIComponent(id)}${rest}`;
}

function listSearch({ page = 1, limit = 20, scope, status, kind, candidateId }: InterviewListParams): string {
  const q = new URLSearchParams({ page: String(page), limit: String(limit) });
  if (scope && scope !== 'mine') q.set('scope', scope);
  if (status?.length) q.set('status', status.join(','));
  if (kind) q.set('kind', kind);
  if (candidateId) q.set('candidateId', candidateId);
  return q.toString();
}

export const interviewListQuery = (params: InterviewListParams) =>
  queryOptions({
    queryKey: interviewKeys.list(params),
    queryFn: ({ signal }) => apiRequest(`${base}?${listSearch(params)}`, { schema: interviewList, signal }),
    placeholderData: keepPreviousData,
  });

/** Reads an interview and, from its `serverNow`, how far this device's clock is off. */
export async function fetchInterview(id: string, signal?: AbortSignal): Promise<Interview> {
  const sentAt = Date.now();
  const data = await apiRequest(interviewPath(id), { schema: interviewSchema, ...(signal ? { signal } : {}) });
  calibrateServerClock(data.serverNow, sentAt, Date.now());
  return data;
}

const PENDING_GRADE_POLL_MS = 3000;

export const interviewQuery = (id: string) =>
  queryOptions({
    queryKey: interviewKeys.detail(id),
    queryFn: ({ signal }) => fetchInterview(id, signal),
  });

export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: interviewKeys.report(id),
    queryFn: ({ signal }) => apiRequest(interviewPath(id, '/report'), { schema: reportSchema, signal }),
    staleTime: 5 * 60_000,
  });

export const useInterviewList = (params: InterviewListParams, options: { refetchInterval?: number | false } = {}) =>
  useQuery({ ...interviewListQuery(params), refetchInterval: options.refetchInterval ?? false });
/** `refetchInterval` may depend on the data, e.g. poll only while the candidate is answering. */
export const useInterview = (
  id: string,
  options: { refetchInterval?: number | false | ((data: Interview | undefined) => number | false); enabled?: boolean } = {},
) =>
  useQuery({
    ...interviewQuery(id),
    refetchInterval: (query) => {
      // An answer being graded arrives as answer_graded over the socket; this covers a socket that is down.
      if (query.state.data?.answers.some((a) => a.evaluationStatus === 'pending')) return PENDING_GRADE_POLL_MS;
      const every = options.refetchInterval ?? false;
      return typeof every === 'function' ? every(query.state.data) : every;
    },
    enabled: options.enabled ?? true,
  });
/**
 * What the interviewer says next. Asking may create a follow-up on the server, so when the step is
 * one the cached interview does not list yet, the interview is read again.
 */
export function useNextStep(interview: Pick<Interview, 'id' | 'questions' | 'followUpQuestions'>, options: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: interviewKeys.next(interview.id),
    queryFn: ({ signal }) => apiRequest(interviewPath(interview.id, '/next'), { schema: nextStepSchema, signal }),
    enabled: options.enabled,
  });
  const step = query.data;
  const known =
    !step?.id || (interview.followUpQuestions ?? []).some((f) => f.id === step.id) || interview.questions.some((q) => q.id === step.id);
  const stepId = step?.id;
  // Once per new step, after render: the interview is read again to list the follow-up just asked.
  useEffect(() => {
    if (stepId && !known) void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(interview.id) }, { cancelRefetch: false });
  }, [stepId, known, queryClient, interview.id]);
  return query;
}

export const useReport = (id: string, options: { enabled?: boolean } = {}) =>
  useQuery({ ...reportQuery(id), enabled: options.enabled ?? true });

/** Puts a fresh copy of an interview in the cache and marks everything derived from it stale. */
export function useStoreInterview() {
  const queryClient = useQueryClient();
  return (next: Interview) => {
    queryClient.setQueryData(interviewKeys.detail(next.id), next);
    void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: interviewKeys.report(next.id) });
  };
}

export function useCreateInterview() {
  const store = useStoreInterview();
  return useMutation({
    mutationFn: (body: CreateInterviewBody) => apiRequest(base, { method: 'POST', body, schema: interviewSchema }),
    onSuccess: store,
  });
}

/** Opens an assigned interview: the server starts its clock and answers with `deadlineAt`. */
export function useStartInterview(interviewId: string) {
  const store = useStoreInterview();
  return useMutation({
    mutationFn: async () => {
      const sentAt = Date.now();
      const started = await apiRequest(interviewPath(interviewId, '/start'), { method: 'POST', schema: interviewSchema });
      calibrateServerClock(started.serverNow, sentAt, Date.now());
      return started;
    },
    onSuccess: store,
  });
}

export function useSubmitAnswer(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) => apiRequest(interviewPath(interviewId, '/answers'), { method: 'POST', body, schema: answerSchema }),
    onSuccess: (saved: Answer) => {
      queryClient.setQueryData<Interview>(interviewKeys.detail(interviewId), (old) => {
        if (!old) return old;
        const answers = [...old.answers.filter((a) => a.questionId !== saved.questionId), saved];
        const drafts = old.drafts?.filter((d) => d.questionId !== saved.questionId);
        // Answers to follow-ups belong to their question: only the interview's own questions count as answered.
        const own = new Set(old.questions.map((q) => q.id));
        const answeredCount = new Set(answers.map((a) => a.questionId).filter((id) => own.has(id))).size;
        return { ...old, answers, answeredCount, ...(drafts ? { drafts } : {}) };
      });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.next(interviewId) });
      // A retry adds an attempt to the question's list (features/interviews/use-attempts.ts).
      void queryClient.invalidateQueries({ queryKey: [...interviewKeys.all, 'attempts', interviewId] });
    },
  });
}

export function useCompleteInterview(interviewId: string) {
  const store = useStoreInterview();
  return useMutation({
    mutationFn: () => apiRequest(interviewPath(interviewId, '/complete'), { method: 'POST', schema: interviewSchema }),
    onSuccess: store,
  });
}

/** Saves the answer being written to the server (assigned interviews), so another device or a reload finds it. */
export function saveDraft(interviewId: string, questionId: string, text: string): Promise<void> {
  return apiRequest(interviewPath(interviewId, `/drafts/${encodeURIComponent(questionId)}`), { method: 'PUT', body: { text } });
}
