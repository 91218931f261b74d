import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  accepted,
  linkedIdentityList,
  oidcLinkStarted,
  accountSessionList,
  CSRF_HEADER,
  profile,
  recoveryCodeList,
  type Preferences,
  type Problem,
  type ProfileBody,
  revokedCount,
  twoFactorSetup,
  twoFactorStatus,
  type ChangeEmailBody,
  type ChangePasswordBody,
  type EmailProofBody,
} from '../../../contract/index.js';
import { ApiError, apiRequest, csrfToken } from '../../lib/api-client.js';
import { sessionQuery } from '../../lib/api/auth.js';

export const sessionsQuery = queryOptions({
  queryKey: ['account', 'sessions'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/auth/sessions', { schema: accountSessionList, signal }),
});

function useInvalidating<TBody, TResult>(fn: (body: TBody) => Promise<TResult>, keys: readonly (readonly string[])[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useRevokeSession = () =>
  useInvalidating((id: string) => apiRequest(`/api/v1/auth/sessions/${id}`, { method: 'DELETE' }), [sessionsQuery.queryKey]);

export const useRevokeOtherSessions = () =>
  useInvalidating(() => apiRequest('/api/v1/auth/sessions', { method: 'DELETE', schema: revokedCount }), [sessionsQuery.queryKey]);

export const useChangePassword = () =>
  useInvalidating((body: ChangePasswordBody) => apiRequest('/api/v1/auth/password', { method: 'POST', body }), [sessionsQuery.queryKey]);

export const useChangeEmail = () =>
  useMutation({ mutationFn: (body: ChangeEmailBody) => apiRequest('/api/v1/auth/email', { method: 'POST', body, schema: accepted }) });

export const useConfirmEmailChange = () =>
  useInvalidating((body: EmailProofBody) => apiRequest('/api/v1/auth/email/confirm', { method: 'POST', body }), [sessionQuery.queryKey]);

// Shared with the organization pages (an invitation waits for a confirmed address).
export { useResendVerification } from '../../lib/api/auth.js';

export const twoFactorQuery = queryOptions({
  queryKey: ['account', 'two-factor'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/auth/two-factor', { schema: twoFactorStatus, signal }),
});

export const useBeginTwoFactor = () =>
  useMutation({
    mutationFn: (password: string) =>
      apiRequest('/api/v1/auth/two-factor/setup', { method: 'POST', body: { password }, schema: twoFactorSetup }),
  });

export const useEnableTwoFactor = () =>
  useInvalidating(
    (code: string) => apiRequest('/api/v1/auth/two-factor/enable', { method: 'POST', body: { code }, schema: recoveryCodeList }),
    [twoFactorQuery.queryKey],
  );

export const useDisableTwoFactor = () =>
  useInvalidating(
    (password: string) => apiRequest('/api/v1/auth/two-factor/disable', { method: 'POST', body: { password } }),
    [twoFactorQuery.queryKey],
  );

export const useRenewRecoveryCodes = () =>
  useInvalidating(
    (password: string) =>
      apiRequest('/api/v1/auth/two-factor/recovery-codes', { method: 'POST', body: { password }, schema: recoveryCodeList }),
    [twoFactorQuery.queryKey],
  );

export const profileQuery = queryOptions({
  queryKey: ['account', 'profile'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/me/profile', { schema: profile, signal }),
});

export const useUpdateProfile = () =>
  useInvalidating(
    (body: ProfileBody) => apiRequest('/api/v1/me/profile', { method: 'PATCH', body, schema: profile }),
    [profileQuery.queryKey, sessionQuery.queryKey],
  );

export const useSetPreferences = () =>
  useInvalidating(
    (body: Preferences) => apiRequest('/api/v1/me/preferences', { method: 'PUT', body, schema: profile }),
    [profileQuery.queryKey],
  );

/** The image goes as the raw body; the server reads its type from the bytes. */
export const useUploadAvatar = () =>
  useInvalidating(
    async (file: File) => {
      const response = await fetch('/api/v1/me/avatar', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': file.type || 'application/octet-stream', [CSRF_HEADER]: csrfToken() ?? '', accept: 'application/json' },
        body: file,
      });
      if (!response.ok) throw new ApiError((await response.json()) as Problem);
    },
    [profileQuery.queryKey],
  );

export const linkedIdentitiesQuery = queryOptions({
  queryKey: ['account', 'identities'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/auth/identities', { schema: linkedIdentityList, signal }),
});

/** Starts linking a provider; the browser then goes to the provider's page. */
export const useLinkProvider = () =>
  useMutation({
    mutationFn: (providerId: string) =>
      apiRequest(`/api/v1/auth/oidc/${encodeURIComponent(providerId)}/link`, { method: 'POST', schema: oidcLinkStarted }),
    onSuccess: (started) => window.location.assign(started.url),
  });

export const useUnlinkIdentity = () =>
  useInvalidating((id: string) => apiRequest(`/api/v1/auth/identities/${id}`, { method: 'DELETE' }), [linkedIdentitiesQuery.queryKey]);
