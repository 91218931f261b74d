import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { consent, consentList, dataExport, dataExportList, erasureStatus, type ConsentKind } from '../../../contract/index.js';
import { apiRequest } from '../../lib/api-client.js';
import { erasureQuery } from '../../lib/api/privacy.js';

export { erasureQuery };

export const consentsQuery = queryOptions({
  queryKey: ['account', 'consents'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/me/consents', { schema: consentList, signal }),
});

export const exportsQuery = queryOptions({
  queryKey: ['account', 'exports'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/me/exports', { schema: dataExportList, signal }),
  // While one is being made, look again now and then (the notification also says when).
  refetchInterval: (query) => (query.state.data?.items.some((e) => e.status === 'pending') ? 3000 : false),
});

function useInvalidating<TBody, TResult>(fn: (body: TBody) => Promise<TResult>, queryKey: readonly string[]) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey }) });
}

export const useGiveRecordingConsent = () =>
  useInvalidating(
    () => apiRequest('/api/v1/me/consents', { method: 'POST', body: { kind: 'recording' }, schema: consent }),
    consentsQuery.queryKey,
  );

export const useWithdrawConsent = () =>
  useInvalidating(
    (kind: ConsentKind) => apiRequest(`/api/v1/me/consents/${kind}`, { method: 'DELETE', schema: consent }),
    consentsQuery.queryKey,
  );

export const useRequestExport = () =>
  useInvalidating(() => apiRequest('/api/v1/me/exports', { method: 'POST', schema: dataExport }), exportsQuery.queryKey);

export const useRequestErasure = () =>
  useInvalidating(
    (password: string) => apiRequest('/api/v1/me/erasure', { method: 'POST', body: { password }, schema: erasureStatus }),
    erasureQuery.queryKey,
  );

export const useCancelErasure = () =>
  useInvalidating(() => apiRequest('/api/v1/me/erasure', { method: 'DELETE', schema: erasureStatus }), erasureQuery.queryKey);
