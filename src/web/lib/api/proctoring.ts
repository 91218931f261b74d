import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  integrityFlag,
  integrityReceipt,
  integrityView,
  precheckResult,
  type IntegrityEvent,
  type IntegrityReceipt,
  type PrecheckBody,
  type ReviewFlagBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { interviewPath } from './interviews.js';

export const proctoringKeys = {
  integrity: (id: string) => ['interviews', 'integrity', id] as const,
};

export const integrityQuery = (interviewId: string) =>
  queryOptions({
    queryKey: proctoringKeys.integrity(interviewId),
    queryFn: ({ signal }) => apiRequest(interviewPath(interviewId, '/integrity'), { schema: integrityView, signal }),
  });

export const useIntegrity = (interviewId: string, options: { enabled?: boolean; refetchInterval?: number | false } = {}) =>
  useQuery({ ...integrityQuery(interviewId), enabled: options.enabled ?? true, refetchInterval: options.refetchInterval ?? false });

export function usePrecheck(interviewId: string) {
  return useMutation({
    mutationFn: (body: PrecheckBody) =>
      apiRequest(interviewPath(interviewId, '/precheck'), { method: 'POST', body, schema: precheckResult }),
  });
}

export function sendIntegrityEvents(interviewId: string, events: IntegrityEvent[]): Promise<IntegrityReceipt> {
  return apiRequest(interviewPath(interviewId, '/integrity-events'), { method: 'POST', body: { events }, schema: integrityReceipt });
}

export function useReviewFlag(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, ...body }: ReviewFlagBody & { flagId: string }) =>
      apiRequest(interviewPath(interviewId, `/integrity/flags/${encodeURIComponent(flagId)}/review`), {
        method: 'POST',
        body,
        schema: integrityFlag,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proctoringKeys.integrity(interviewId) }),
  });
}
