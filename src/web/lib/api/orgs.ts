import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assignment as assignmentSchema,
  assignmentList,
  auditLogList,
  dataRetention,
  recordingRetention,
  invitation as invitationSchema,
  invitationList,
  member as memberSchema,
  memberAccount,
  memberAccountList,
  memberList,
  org as orgSchema,
  orgList,
  team as teamSchema,
  teamList,
  type AssignmentBody,
  type CreateInvitationBody,
  type DataRetention,
  type InvitationStatus,
  type Org,
  type OrgRole,
  type UpdateMemberBody,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';

const base = '/api/v1/orgs';
const orgPath = (orgId: string) => `${base}/${encodeURIComponent(orgId)}`;

/** `?a=1&b=x` from the values that are set; empty strings count as unset. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface MemberFilter {
  role?: OrgRole | undefined;
  teamId?: string | undefined;
  q?: string | undefined;
  page: number;
  limit: number;
}

export interface InvitationFilter {
  status?: InvitationStatus | undefined;
  page: number;
  limit: number;
}

export interface AuditFilter {
  orgId: string;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  limit: number;
}

export const orgKeys = {
  all: ['orgs'] as const,
  list: () => [...orgKeys.all, 'list'] as const,
  detail: (orgId: string) => [...orgKeys.all, orgId] as const,
  teams: (orgId: string) => [...orgKeys.detail(orgId), 'teams'] as const,
  membersAll: (orgId: string) => [...orgKeys.detail(orgId), 'members'] as const,
  members: (orgId: string, f: MemberFilter) => [...orgKeys.membersAll(orgId), f] as const,
  invitationsAll: (orgId: string) => [...orgKeys.detail(orgId), 'invitations'] as const,
  invitations: (orgId: string, f: InvitationFilter) => [...orgKeys.invitationsAll(orgId), f] as const,
  assignments: (orgId: string) => [...orgKeys.detail(orgId), 'assignments'] as const,
  auditAll: (orgId: string) => [...orgKeys.detail(orgId), 'audit'] as const,
  audit: (f: AuditFilter) => [...orgKeys.auditAll(f.orgId), f] as const,
};

export const myOrgsQuery = queryOptions({
  queryKey: orgKeys.list(),
  queryFn: ({ signal }) => apiRequest(base, { schema: orgList, signal }),
  staleTime: 60_000,
});

/** The caller's organizations, or with `all` every organization on the server (platform admin only). */
export const orgListQuery = (all: boolean) =>
  queryOptions({
    queryKey: all ? ([...orgKeys.all, 'every'] as const) : orgKeys.list(),
    queryFn: ({ signal }) => apiRequest(all ? `${base}?all=true` : base, { schema: orgList, signal }),
    staleTime: 60_000,
  });

export const orgQuery = (orgId: string) =>
  queryOptions({
    queryKey: orgKeys.detail(orgId),
    queryFn: ({ signal }) => apiRequest(orgPath(orgId), { schema: orgSchema, signal }),
  });

export const teamsQuery = (orgId: string) =>
  queryOptions({
    queryKey: orgKeys.teams(orgId),
    queryFn: ({ signal }) => apiRequest(`${orgPath(orgId)}/teams`, { schema: teamList, signal }),
  });

export const membersQuery = (orgId: string, f: MemberFilter) =>
  queryOptions({
    queryKey: orgKeys.members(orgId, f),
    queryFn: ({ signal }) =>
      apiRequest(
        `${orgPath(orgId)}/members${queryString({ role: f.role, teamId: f.teamId, q: f.q?.trim(), page: f.page, limit: f.limit })}`,
        {
          schema: memberList,
          signal,
        },
      ),
    placeholderData: keepPreviousData,
  });

export const invitationsQuery = (orgId: string, f: InvitationFilter) =>
  queryOptions({
    queryKey: orgKeys.invitations(orgId, f),
    queryFn: ({ signal }) =>
      apiRequest(`${orgPath(orgId)}/invitations${queryString({ status: f.status, page: f.page, limit: f.limit })}`, {
        schema: invitationList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const assignmentsQuery = (orgId: string) =>
  queryOptions({
    queryKey: orgKeys.assignments(orgId),
    queryFn: ({ signal }) => apiRequest(`${orgPath(orgId)}/assignments`, { schema: assignmentList, signal }),
  });

export const auditLogQuery = (f: AuditFilter) =>
  queryOptions({
    queryKey: orgKeys.audit(f),
    queryFn: ({ signal }) => apiRequest(`/api/v1/audit-log${queryString({ ...f })}`, { schema: auditLogList, signal }),
    placeholderData: keepPreviousData,
  });

export const useMyOrgs = () => useQuery(myOrgsQuery);
export const useOrgList = (all: boolean) => useQuery(orgListQuery(all));
export const useOrg = (orgId: string) => useQuery(orgQuery(orgId));
export const useTeams = (orgId: string, enabled = true) => useQuery({ ...teamsQuery(orgId), enabled });
export const useMembers = (orgId: string, f: MemberFilter, enabled = true) => useQuery({ ...membersQuery(orgId, f), enabled });
export const useInvitations = (orgId: string, f: InvitationFilter) => useQuery(invitationsQuery(orgId, f));
export const useAssignments = (orgId: string) => useQuery(assignmentsQuery(orgId));
export const useAuditLog = (f: AuditFilter) => useQuery(auditLogQuery(f));

/** Roles that have something to manage in an organization (candidates only take part). */
export function canManage(role: OrgRole | null | undefined, superadmin = false): boolean {
  return role === 'admin' || role === 'coach' || (superadmin && role === null);
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest(base, { method: 'POST', body: { name }, schema: orgSchema }),
    onSuccess: (created: Org) => {
      queryClient.setQueryData(orgKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: orgKeys.list() });
    },
  });
}

export function useRenameOrg(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest(orgPath(orgId), { method: 'PATCH', body: { name }, schema: orgSchema }),
    onSuccess: (updated: Org) => {
      queryClient.setQueryData(orgKeys.detail(orgId), updated);
      void queryClient.invalidateQueries({ queryKey: orgKeys.list() });
      void queryClient.invalidateQueries({ queryKey: orgKeys.auditAll(orgId) });
    },
  });
}

/** After any change in an organization: its lists and its audit log are out of date. */
function useOrgInvalidation(orgId: string) {
  const queryClient = useQueryClient();
  return (...keys: ReadonlyArray<readonly unknown[]>) => {
    for (const queryKey of [...keys, orgKeys.auditAll(orgId)]) void queryClient.invalidateQueries({ queryKey });
  };
}

export function useCreateTeam(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: (name: string) => apiRequest(`${orgPath(orgId)}/teams`, { method: 'POST', body: { name }, schema: teamSchema }),
    onSuccess: () => invalidate(orgKeys.teams(orgId)),
  });
}

export function useRenameTeam(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: ({ teamId, name }: { teamId: string; name: string }) =>
      apiRequest(`${orgPath(orgId)}/teams/${encodeURIComponent(teamId)}`, { method: 'PATCH', body: { name }, schema: teamSchema }),
    onSuccess: () => invalidate(orgKeys.teams(orgId)),
  });
}

export function useDeleteTeam(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: (teamId: string) => apiRequest(`${orgPath(orgId)}/teams/${encodeURIComponent(teamId)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(orgKeys.teams(orgId), orgKeys.membersAll(orgId)),
  });
}

export function useUpdateMember(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateMemberBody }) =>
      apiRequest(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body, schema: memberSchema }),
    onSuccess: () =>
      invalidate(orgKeys.membersAll(orgId), orgKeys.teams(orgId), orgKeys.assignments(orgId), orgKeys.detail(orgId), orgKeys.list()),
  });
}

export function useRemoveMember(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: (userId: string) => apiRequest(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: () =>
      invalidate(orgKeys.membersAll(orgId), orgKeys.teams(orgId), orgKeys.assignments(orgId), orgKeys.detail(orgId), orgKeys.list()),
  });
}

export function useInvite(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: (body: CreateInvitationBody) =>
      apiRequest(`${orgPath(orgId)}/invitations`, { method: 'POST', body, schema: invitationSchema }),
    onSuccess: () => invalidate(orgKeys.invitationsAll(orgId)),
  });
}

export function useRevokeInvitation(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest(`${orgPath(orgId)}/invitations/${encodeURIComponent(invitationId)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(orgKeys.invitationsAll(orgId)),
  });
}

export function useAssign(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: (body: AssignmentBody) => apiRequest(`${orgPath(orgId)}/assignments`, { method: 'POST', body, schema: assignmentSchema }),
    onSuccess: () => invalidate(orgKeys.assignments(orgId), orgKeys.membersAll(orgId)),
  });
}

export function useUnassign(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: ({ coachId, candidateId }: AssignmentBody) =>
      apiRequest(`${orgPath(orgId)}/assignments/${encodeURIComponent(coachId)}/${encodeURIComponent(candidateId)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(orgKeys.assignments(orgId), orgKeys.membersAll(orgId)),
  });
}

export interface MemberAccountFilter {
  q?: string | undefined;
  status?: 'active' | 'deactivated' | undefined;
  page: number;
  limit: number;
}

/** The org admin's view of members' access: status, last sign-in, two-factor. */
export const useMemberAccounts = (orgId: string, f: MemberAccountFilter) =>
  useQuery({
    queryKey: [...orgKeys.membersAll(orgId), 'accounts', f] as const,
    queryFn: ({ signal }) =>
      apiRequest(`${orgPath(orgId)}/member-accounts${queryString({ q: f.q?.trim(), status: f.status, page: f.page, limit: f.limit })}`, {
        schema: memberAccountList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export type MemberAccountAction = 'deactivate' | 'reactivate' | 'two-factor/reset';

export function useMemberAccountAction(orgId: string) {
  const invalidate = useOrgInvalidation(orgId);
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: MemberAccountAction }) =>
      apiRequest(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}/${action}`, { method: 'POST', schema: memberAccount }),
    onSuccess: () => invalidate(orgKeys.membersAll(orgId), orgKeys.detail(orgId), orgKeys.assignments(orgId)),
  });
}

/** How long the organization keeps interviews, resumes and recordings (two endpoints, one form). */
export function useRetention(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'retention'] as const,
    queryFn: async ({ signal }) => {
      const [data, recordings] = await Promise.all([
        apiRequest(`${orgPath(orgId)}/data-retention`, { schema: dataRetention, signal }),
        apiRequest(`${orgPath(orgId)}/recording-retention`, { schema: recordingRetention, signal }),
      ]);
      return { ...data, recordingDays: recordings.days };
    },
  });
}

export function useSaveRetention(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DataRetention & { recordingDays: number }) => {
      const data = await apiRequest(`${orgPath(orgId)}/data-retention`, {
        method: 'PUT',
        body: { interviewDays: body.interviewDays, resumeDays: body.resumeDays },
        schema: dataRetention,
      });
      const recordings = await apiRequest(`${orgPath(orgId)}/recording-retention`, {
        method: 'PUT',
        body: { days: body.recordingDays },
        schema: recordingRetention,
      });
      return { ...data, recordingDays: recordings.days };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['orgs', orgId, 'retention'], saved);
      void queryClient.invalidateQueries({ queryKey: orgKeys.auditAll(orgId) });
    },
  });
}
