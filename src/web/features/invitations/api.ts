import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptedInvitation, invitationPreview, type AcceptInvitationBody } from '../../../contract/index.js';
import { apiRequest, rememberCsrfToken } from '../../lib/api-client.js';
import { sessionQuery } from '../../lib/api/auth.js';
import { orgKeys } from '../../lib/api/orgs.js';

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation-preview', token] as const,
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/invitations/preview?token=${encodeURIComponent(token)}`, { schema: invitationPreview, signal }),
    staleTime: 60_000,
  });

export const useInvitationPreview = (token: string) => useQuery({ ...invitationPreviewQuery(token), enabled: token.length > 0 });

/**
 * Accepts an invitation. Without a session, name and password create the account and the
 * server signs it in (csrfToken in the answer); the session is then loaded afresh.
 */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) =>
      apiRequest('/api/v1/invitations/accept', { method: 'POST', body, schema: acceptedInvitation }),
    onSuccess: async (accepted) => {
      if (accepted.csrfToken) {
        rememberCsrfToken(accepted.csrfToken);
        // A new person is signed in on this browser: start from a clean cache.
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'invitation-preview' });
        await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
      }
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
