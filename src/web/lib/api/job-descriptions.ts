import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  extractedSkills,
  jobDescription as jobDescriptionSchema,
  jobDescriptionList,
  type CreateJobDescriptionBody,
  type JobDescription,
  type Org,
  type UpdateJobDescriptionBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { useCurrentUser } from './auth.js';
import { membersQuery, myOrgsQuery } from './orgs.js';

const base = '/api/v1/job-descriptions';

export const jobDescriptionKeys = {
  all: ['job-descriptions'] as const,
  lists: () => [...jobDescriptionKeys.all, 'list'] as const,
  list: (params: { orgId: string | null; q: string; page: number; limit: number }) => [...jobDescriptionKeys.lists(), params] as const,
  detail: (id: string) => [...jobDescriptionKeys.all, 'detail', id] as const,
};

interface ListParams {
  /** null: every job description the caller can see (staff: their organizations'; candidates: shared with them). */
  orgId?: string | null;
  q?: string;
  page?: number;
  limit?: number;
}

export const jobDescriptionListQuery = ({ orgId = null, q = '', page = 1, limit = 20 }: ListParams = {}) =>
  queryOptions({
    queryKey: jobDescriptionKeys.list({ orgId, q, page, limit }),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ page: String(page), limit: String(limit) });
      if (q.trim()) search.set('q', q.trim());
      const path = orgId ? `/api/v1/orgs/${encodeURIComponent(orgId)}/job-descriptions` : base;
      return apiRequest(`${path}?${search}`, { schema: jobDescriptionList, signal });
    },
    placeholderData: keepPreviousData,
  });

export const jobDescriptionQuery = (id: string) =>
  queryOptions({
    queryKey: jobDescriptionKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`${base}/${encodeURIComponent(id)}`, { schema: jobDescriptionSchema, signal }),
  });

export const useJobDescriptions = (params: ListParams = {}, enabled = true) => useQuery({ ...jobDescriptionListQuery(params), enabled });
export const useJobDescription = (id: string) => useQuery(jobDescriptionQuery(id));

function useStoreJobDescription() {
  const queryClient = useQueryClient();
  return (saved: JobDescription) => {
    queryClient.setQueryData(jobDescriptionKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: jobDescriptionKeys.lists() });
  };
}

export function useCreateJobDescription() {
  const store = useStoreJobDescription();
  return useMutation({
    mutationFn: ({ orgId, body }: { orgId: string; body: CreateJobDescriptionBody }) =>
      apiRequest(`/api/v1/orgs/${encodeURIComponent(orgId)}/job-descriptions`, { method: 'POST', body, schema: jobDescriptionSchema }),
    onSuccess: store,
  });
}

export function useUpdateJobDescription(id: string) {
  const store = useStoreJobDescription();
  return useMutation({
    mutationFn: (body: UpdateJobDescriptionBody) =>
      apiRequest(`${base}/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: jobDescriptionSchema }),
    onSuccess: store,
  });
}

export function useDeleteJobDescription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: jobDescriptionKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: jobDescriptionKeys.lists() });
    },
  });
}

export function useShareJobDescription(id: string) {
  const store = useStoreJobDescription();
  return useMutation({
    mutationFn: (candidateIds: string[]) =>
      apiRequest(`${base}/${encodeURIComponent(id)}/shares`, { method: 'POST', body: { candidateIds }, schema: jobDescriptionSchema }),
    onSuccess: store,
  });
}

export function useUnshareJobDescription(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (candidateId: string) =>
      apiRequest(`${base}/${encodeURIComponent(id)}/shares/${encodeURIComponent(candidateId)}`, { method: 'DELETE' }),
    onSuccess: (_void, candidateId) => {
      queryClient.setQueryData<JobDescription>(jobDescriptionKeys.detail(id), (old) =>
        old ? { ...old, sharedWith: old.sharedWith.filter((c) => c !== candidateId) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: jobDescriptionKeys.lists() });
    },
  });
}

export function extractSkills(text: string, signal?: AbortSignal) {
  return apiRequest(`${base}/extract-skills`, { method: 'POST', body: { text }, schema: extractedSkills, ...(signal ? { signal } : {}) });
}

/** Candidates of an organization, for sharing; the server caps a page at 100. */
export const useOrgCandidates = (orgId: string, q: string, enabled = true) =>
  useQuery({ ...membersQuery(orgId, { role: 'candidate', q, page: 1, limit: 100 }), enabled });

/** Organizations where the caller manages job descriptions: coach or admin (a platform admin, everywhere). */
export function useStaffOrgs(): { orgs: Org[]; isPending: boolean } {
  const user = useCurrentUser();
  const orgs = useQuery({ ...myOrgsQuery, enabled: !!user });
  const superadmin = user?.platformRole === 'superadmin';
  const staff = (orgs.data?.items ?? []).filter((o) => superadmin || o.myRole === 'admin' || o.myRole === 'coach');
  return { orgs: staff, isPending: orgs.isPending };
}

/** Whether to offer the "Jobs" pages: staff somewhere. */
export function useIsStaff(): boolean {
  return useStaffOrgs().orgs.length > 0;
}
