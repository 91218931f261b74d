import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminUser, adminUserList, mail as mailSchema, mailList, signInFailures, type PlatformRole } from '../../../contract/index.js';
import { apiRequest } from '../../lib/api-client.js';
import { queryString } from '../../lib/api/orgs.js';

const base = '/api/v1/admin/mails';

export interface MailFilter {
  to?: string | undefined;
  page: number;
  limit: number;
}

export const mailKeys = {
  all: ['admin-mails'] as const,
  list: (f: MailFilter) => [...mailKeys.all, 'list', f] as const,
  detail: (id: string) => [...mailKeys.all, 'detail', id] as const,
};

export const mailListQuery = (f: MailFilter) =>
  queryOptions({
    queryKey: mailKeys.list(f),
    queryFn: ({ signal }) =>
      apiRequest(`${base}${queryString({ to: f.to?.trim(), page: f.page, limit: f.limit })}`, { schema: mailList, signal }),
    placeholderData: keepPreviousData,
    // Mails arrive from background jobs; a dev page should show them without a reload.
    refetchInterval: 5_000,
  });

export const mailQuery = (id: string) =>
  queryOptions({
    queryKey: mailKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`${base}/${encodeURIComponent(id)}`, { schema: mailSchema, signal }),
  });

export const useMails = (f: MailFilter) => useQuery(mailListQuery(f));
export const useMail = (id: string | null, enabled: boolean) => useQuery({ ...mailQuery(id ?? ''), enabled: enabled && Boolean(id) });

export interface UserFilter {
  q?: string | undefined;
  status?: 'active' | 'deactivated' | undefined;
  page: number;
  limit: number;
}

const usersBase = '/api/v1/admin/users';
export const userKeys = { all: ['admin-users'] as const, list: (f: UserFilter) => ['admin-users', 'list', f] as const };

export const useAdminUsers = (f: UserFilter) =>
  useQuery({
    queryKey: userKeys.list(f),
    queryFn: ({ signal }) =>
      apiRequest(`${usersBase}${queryString({ q: f.q?.trim(), status: f.status, page: f.page, limit: f.limit })}`, {
        schema: adminUserList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export type UserAction = 'deactivate' | 'reactivate' | 'two-factor/reset';

export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: UserAction }) =>
      apiRequest(`${usersBase}/${encodeURIComponent(id)}/${action}`, { method: 'POST', schema: adminUser }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useSetPlatformRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, platformRole }: { id: string; platformRole: PlatformRole }) =>
      apiRequest(`${usersBase}/${encodeURIComponent(id)}/role`, { method: 'PUT', body: { platformRole }, schema: adminUser }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Failed sign-ins per day and the busiest addresses, from the audit log. */
export const useSignInFailures = (days: number) =>
  useQuery({
    queryKey: ['admin-sign-in-failures', days] as const,
    queryFn: ({ signal }) => apiRequest(`/api/v1/admin/sign-in-failures?days=${days}`, { schema: signInFailures, signal }),
    refetchInterval: 60_000,
  });
