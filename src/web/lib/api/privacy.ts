import { queryOptions } from '@tanstack/react-query';
import { erasureStatus } from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';

/** Whether the deletion of my account is pending (the account page and the banner on every page). */
export const erasureQuery = queryOptions({
  queryKey: ['account', 'erasure'] as const,
  queryFn: ({ signal }) => apiRequest('/api/v1/me/erasure', { schema: erasureStatus, signal }),
  staleTime: 60_000,
});
