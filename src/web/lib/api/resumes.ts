import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import {
  resume as resumeSchema,
  resumeList,
  savedAtsAnalysis,
  savedAtsAnalysisList,
  type AnalysisBody,
  type Resume,
  type ResumeList,
  type UpdateResumeBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { uploadFile, type UploadProgress } from '../upload.js';

const base = '/api/v1/resumes';

export const resumeKeys = {
  all: ['resumes'] as const,
  lists: () => [...resumeKeys.all, 'list'] as const,
  /** `null`: the caller's own resumes. */
  list: (candidateId: string | null) => [...resumeKeys.lists(), candidateId ?? 'mine'] as const,
  detail: (id: string) => [...resumeKeys.all, 'detail', id] as const,
  analyses: (id: string) => [...resumeKeys.all, 'analyses', id] as const,
  analysesPage: (id: string, page: number) => [...resumeKeys.analyses(id), page] as const,
};

/** Past ATS analyses of a resume, newest first, a page at a time. */
export const resumeAnalysesQuery = (id: string, page: number) =>
  queryOptions({
    queryKey: resumeKeys.analysesPage(id, page),
    queryFn: ({ signal }) =>
      apiRequest(`${base}/${encodeURIComponent(id)}/analyses?page=${page}&limit=${ANALYSES_PAGE}`, {
        schema: savedAtsAnalysisList,
        signal,
      }),
  });
export const ANALYSES_PAGE = 10;
export const useResumeAnalyses = (id: string, page: number) => useQuery(resumeAnalysesQuery(id, page));

const ownerQuery = (candidateId: string | null) => (candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : '');

export const resumeListQuery = (candidateId: string | null = null) =>
  queryOptions({
    queryKey: resumeKeys.list(candidateId),
    queryFn: ({ signal }) => apiRequest(`${base}${ownerQuery(candidateId)}`, { schema: resumeList, signal }),
  });

export const resumeQuery = (id: string) =>
  queryOptions({
    queryKey: resumeKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`${base}/${encodeURIComponent(id)}`, { schema: resumeSchema, signal }),
  });

export const useResumes = (candidateId: string | null = null, enabled = true) => useQuery({ ...resumeListQuery(candidateId), enabled });
export const useResume = (id: string) => useQuery(resumeQuery(id));

export const resumeFileUrl = (id: string) => `${base}/${encodeURIComponent(id)}/file`;

/** Puts a changed resume into the caches; making one active clears the flag on the others. */
function useStoreResume() {
  const queryClient = useQueryClient();
  return (saved: Resume) => {
    queryClient.setQueryData(resumeKeys.detail(saved.id), saved);
    queryClient.setQueriesData<ResumeList>({ queryKey: resumeKeys.lists() }, (old) => {
      if (!old || !old.items.some((r) => r.id === saved.id)) return old;
      return {
        items: old.items.map((r) =>
          r.id === saved.id ? saved : saved.active && r.ownerId === saved.ownerId ? { ...r, active: false } : r,
        ),
      };
    });
    if (saved.active) {
      for (const [key, data] of queryClient.getQueriesData<Resume>({ queryKey: [...resumeKeys.all, 'detail'] })) {
        if (data && data.id !== saved.id && data.ownerId === saved.ownerId && data.active)
          queryClient.setQueryData(key, { ...data, active: false });
      }
    }
  };
}

export function useUpdateResume(id: string) {
  const store = useStoreResume();
  return useMutation({
    mutationFn: (body: UpdateResumeBody) =>
      apiRequest(`${base}/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: resumeSchema }),
    onSuccess: store,
  });
}

export function useMakeActive() {
  const store = useStoreResume();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`${base}/${encodeURIComponent(id)}`, { method: 'PATCH', body: { active: true }, schema: resumeSchema }),
    onSuccess: store,
  });
}

export function useDeleteResume() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_void, id) => {
      queryClient.setQueriesData<ResumeList>({ queryKey: resumeKeys.lists() }, (old) =>
        old ? { items: old.items.filter((r) => r.id !== id) } : old,
      );
      queryClient.removeQueries({ queryKey: resumeKeys.detail(id) });
      // The server may have made another resume active.
      void queryClient.invalidateQueries({ queryKey: resumeKeys.lists() });
    },
  });
}

export function useAnalyzeResume(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnalysisBody) =>
      apiRequest(`${base}/${encodeURIComponent(id)}/analysis`, { method: 'POST', body, schema: savedAtsAnalysis }),
    // Every run is kept: the list of past analyses has a new first entry.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: resumeKeys.analyses(id) }),
  });
}

/** Uploads with live progress; `cancel()` aborts the request in flight. */
export function useUploadResume(candidateId: string | null = null) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      controller.current = new AbortController();
      setProgress({ loaded: 0, total: file.size });
      return uploadFile(`${base}${ownerQuery(candidateId)}`, {
        file,
        schema: resumeSchema,
        onProgress: setProgress,
        signal: controller.current.signal,
      });
    },
    onSuccess: (created) => {
      queryClient.setQueryData(resumeKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: resumeKeys.lists() });
    },
    onSettled: () => {
      controller.current = null;
      setProgress(null);
    },
  });
  return { ...mutation, progress, cancel: () => controller.current?.abort() };
}
