import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { mail as mailSchema, mailList } from '../../../contract/index.js';
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
