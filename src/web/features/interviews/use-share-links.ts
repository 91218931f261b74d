import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createdShareLink, shareLink, shareLinkList, type CreateShareLinkBody } from '../../../contract/index.js';
import { apiRequest } from '../../lib/api-client.js';
import { interviewPath } from '../../lib/api/interviews.js';

const key = (interviewId: string) => ['interviews', 'share-links', interviewId] as const;

export const useShareLinks = (interviewId: string, enabled: boolean) =>
  useQuery({
    queryKey: key(interviewId),
    queryFn: ({ signal }) => apiRequest(interviewPath(interviewId, '/share-links'), { schema: shareLinkList, signal }),
    enabled,
  });

export function useCreateShareLink(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareLinkBody) =>
      apiRequest(interviewPath(interviewId, '/share-links'), { method: 'POST', body, schema: createdShareLink }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key(interviewId) }),
  });
}

export function useRevokeShareLink(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/v1/share-links/${encodeURIComponent(id)}`, { method: 'DELETE', schema: shareLink }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key(interviewId) }),
  });
}
