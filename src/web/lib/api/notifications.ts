import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notificationList, unreadCount, type MarkReadBody, type NotificationList } from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { queryString } from './orgs.js';

const base = '/api/v1/notifications';

export interface NotificationFilter {
  page: number;
  limit: number;
  unreadOnly?: boolean | undefined;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (f: NotificationFilter) => [...notificationKeys.lists(), f] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
};

export const notificationListQuery = (f: NotificationFilter) =>
  queryOptions({
    queryKey: notificationKeys.list(f),
    queryFn: ({ signal }) =>
      apiRequest(`${base}${queryString({ page: f.page, limit: f.limit, unreadOnly: f.unreadOnly ? 'true' : undefined })}`, {
        schema: notificationList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** The unread count for the bell; the WebSocket keeps it current, this is the first value. */
export const unreadQuery = queryOptions({
  queryKey: notificationKeys.unread(),
  queryFn: async ({ signal }) => (await apiRequest(`${base}?limit=1`, { schema: notificationList, signal })).unread,
  staleTime: 5 * 60_000,
});

export const useNotifications = (f: NotificationFilter, enabled = true) => useQuery({ ...notificationListQuery(f), enabled });
export const useUnreadCount = () => useQuery(unreadQuery);

/**
 * Marks cached notifications read at once, so the bell and lists agree before the server answers.
 * The UI sends only ids of unread notifications, so the count drops by their number.
 */
function markCachedRead(queryClient: QueryClient, body: MarkReadBody, at: string) {
  const ids = new Set(body.ids ?? []);
  for (const [key, data] of queryClient.getQueriesData<NotificationList>({ queryKey: notificationKeys.lists() })) {
    if (!data) continue;
    const items = data.items.map((n) => (n.readAt || !(body.all || ids.has(n.id)) ? n : { ...n, readAt: at }));
    queryClient.setQueryData(key, { ...data, items, unread: body.all ? 0 : Math.max(0, data.unread - ids.size) });
  }
  queryClient.setQueryData<number>(notificationKeys.unread(), (n) => (n === undefined ? n : body.all ? 0 : Math.max(0, n - ids.size)));
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadBody) => apiRequest(`${base}/read`, { method: 'POST', body, schema: unreadCount }),
    onMutate: (body) => markCachedRead(queryClient, body, new Date().toISOString()),
    onSuccess: (result) => {
      if (result && typeof result.unread === 'number') queryClient.setQueryData(notificationKeys.unread(), result.unread);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() }),
  });
}
