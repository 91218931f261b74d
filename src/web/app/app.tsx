import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../lib/api-client.js';
import { sessionQuery } from '../lib/api/auth.js';
import { router } from './router.js';
import { ThemeProvider } from './theme.js';

/** A 401 from any request means the session ended (expired, revoked, logged out elsewhere). */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(sessionQuery.queryKey)) {
    queryClient.setQueryData(sessionQuery.queryKey, null);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
