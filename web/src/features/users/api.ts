import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page, Role, User, UserCreate } from '@canbo/contract';
import { api } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const USERS_KEY = ['users'] as const;

export function useUsers(filter: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', filter],
    queryFn: () => api.get<Page<User>>('/users', filter),
    placeholderData: (prev) => prev,
  });
}

export function useUser(id: number) {
  return useQuery({ queryKey: [...USERS_KEY, 'detail', id], queryFn: () => api.get<User>(`/users/${id}`) });
}

/** Every change to an account refreshes it, the list, and the histories. */
function useUserChanged() {
  const qc = useQueryClient();
  return (u?: User) => {
    if (u) qc.setQueryData([...USERS_KEY, 'detail', u.id], u);
    void qc.invalidateQueries({ queryKey: [...USERS_KEY, 'list'] });
    void qc.invalidateQueries({ queryKey: AUDIT_KEY });
  };
}

export function useCreateUser() {
  const changed = useUserChanged();
  return useMutation({ mutationFn: (body: UserCreate) => api.post<User>('/users', body), onSuccess: changed });
}

export function useUpdateUser(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: { version: number; displayName?: string; disabled?: boolean; personId?: number | null }) =>
      api.patch<User>(`/users/${id}`, body),
    onSuccess: changed,
  });
}

export function useResetPassword(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (password: string) => api.post<undefined>(`/users/${id}/password`, { password }),
    onSuccess: () => changed(),
  });
}

export function useAddGrant(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: { unitId: number; role: Role }) => api.post<User>(`/users/${id}/grants`, body),
    onSuccess: changed,
  });
}

export function useRemoveGrant(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (grantId: number) => api.delete<User>(`/users/${id}/grants/${grantId}`),
    onSuccess: changed,
  });
}
