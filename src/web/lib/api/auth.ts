import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionInfo, type LoginBody, type RegisterBody, type SessionInfo, type SetupBody } from '../../../contract/index.js';
import { ApiError, apiRequest, rememberCsrfToken } from '../api-client.js';

/** The signed-in person, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: ['session'] as const,
  queryFn: async (): Promise<SessionInfo | null> => {
    try {
      const info = await apiRequest('/api/v1/auth/me', { schema: sessionInfo });
      rememberCsrfToken(info.csrfToken);
      return info;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 5 * 60_000,
  retry: (count, err) => !(err instanceof ApiError) && count < 2,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/**
 * The signed-in user, for pages behind <RequireAuth>. Null only for the instant between logging
 * out (or the session expiring) and the redirect to the login page, so render nothing then.
 */
export function useCurrentUser() {
  return useSession().data?.user ?? null;
}

function useSessionMutation<TBody>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => apiRequest(path, { method: 'POST', body, schema: sessionInfo }),
    onSuccess: (info) => {
      rememberCsrfToken(info.csrfToken);
      // Another person may have used this browser: start from a clean cache.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.setQueryData(sessionQuery.queryKey, info);
    },
  });
}

export const useLogin = () => useSessionMutation<LoginBody>('/api/v1/auth/login');
export const useRegister = () => useSessionMutation<RegisterBody>('/api/v1/auth/register');
export const useSetup = () => useSessionMutation<SetupBody>('/api/v1/setup');

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      rememberCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, null);
    },
  });
}
