import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { savedQuestion, savedQuestionList, type SavedQuestion, type SaveQuestionBody } from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';

const base = '/api/v1/saved-questions';
const key = ['saved-questions'] as const;

export const useSavedQuestions = (enabled = true) =>
  useQuery({ queryKey: key, queryFn: ({ signal }) => apiRequest(base, { schema: savedQuestionList, signal }), enabled });

export function useSaveQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveQuestionBody) => apiRequest(base, { method: 'POST', body, schema: savedQuestion }),
    onSuccess: (saved: SavedQuestion) => {
      queryClient.setQueryData<{ items: SavedQuestion[] }>(key, (old) =>
        old ? { items: [saved, ...old.items.filter((s) => s.id !== saved.id)] } : old,
      );
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useRemoveSaved() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_: unknown, id: string) => {
      queryClient.setQueryData<{ items: SavedQuestion[] }>(key, (old) => (old ? { items: old.items.filter((s) => s.id !== id) } : old));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
