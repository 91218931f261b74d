import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  accepted,
  oidcProviderList,
  sessionInfo,
  sessionState,
  setupLinkState,
  type EmailProofBody,
  type LoginBody,
  type PasswordResetBody,
  type PasswordResetConfirmBody,
  type RegisterBody,
  type SessionInfo,
  type SetupBody,
} from '../../../contract/index.js';
import { ApiError, apiRequest, rememberCsrfToken } from '../api-client.js';

/** The signed-in person, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: ['session'] as const,
  queryFn: async (): Promise<SessionInfo | null> => {
    // /auth/session answers 200 either way, so a signed-out page logs no failed request.
    const info = await apiRequest('/api/v1/auth/session', { schema: sessionState });
    rememberCsrfToken(info.csrfToken);
    return info.user ? { user: info.user, csrfToken: info.csrfToken } : null;
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

function useSessionMutation<TBody>(path: string | ((body: TBody) => Promise<SessionInfo>)) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => (typeof path === 'string' ? apiRequest(path, { method: 'POST', body, schema: sessionInfo }) : path(body)),
    onSuccess: (info) => {
      rememberCsrfToken(info.csrfToken);
      // Another person may have used this browser: start from a clean cache.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.setQueryData(sessionQuery.queryKey, info);
    },
  });
}

export const useLogin = () => useSessionMutation<LoginBody>('/api/v1/auth/login');
/**
 * Registration answers 202 without a session whether or not the email was new (so it tells
 * nobody which addresses have accounts); a new account then signs in with the same password.
 */
export const useRegister = () =>
  useSessionMutation<RegisterBody>(async (body) => {
    await apiRequest('/api/v1/auth/register', { method: 'POST', body });
    return apiRequest('/api/v1/auth/login', { method: 'POST', body: { email: body.email, password: body.password }, schema: sessionInfo });
  });
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

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: PasswordResetBody) => apiRequest('/api/v1/auth/password-reset', { method: 'POST', body, schema: accepted }),
  });

export const useConfirmPasswordReset = () =>
  useMutation({
    mutationFn: (body: PasswordResetConfirmBody) => apiRequest('/api/v1/auth/password-reset/confirm', { method: 'POST', body }),
  });

/** Confirms the account email; refreshes the session so the "confirm your email" notices go. */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmailProofBody) => apiRequest('/api/v1/auth/verify-email', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}

/** Whether a one-time setup link still works, asked before the form is shown. */
export const useSetupLinkState = (token: string) =>
  useQuery({
    queryKey: ['setup-link', token] as const,
    queryFn: ({ signal }) => apiRequest(`/api/v1/setup/link?token=${encodeURIComponent(token)}`, { schema: setupLinkState, signal }),
    enabled: token.length > 0,
    staleTime: Infinity,
    retry: false,
  });

/** Single sign-on providers configured on the server ("Continue with …" on the sign-in page). */
export const useOidcProviders = () =>
  useQuery({
    queryKey: ['oidc-providers'] as const,
    queryFn: ({ signal }) => apiRequest('/api/v1/auth/oidc/providers', { schema: oidcProviderList, signal }),
    staleTime: Infinity,
    retry: false,
  });

/** Where a "Continue with …" button goes: the server redirects on to the provider. */
export const oidcStartUrl = (providerId: string, returnTo: string) =>
  `/api/v1/auth/oidc/${encodeURIComponent(providerId)}/start?returnTo=${encodeURIComponent(returnTo)}`;

/** Mails the account's confirmation code and link again. */
export const useResendVerification = () =>
  useMutation({ mutationFn: () => apiRequest('/api/v1/auth/verify-email/resend', { method: 'POST', schema: accepted }) });
