import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues, type User } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const USERS_KEY = ['users'] as const;

export function useUsers(filter: QueryValues<typeof routes.users.list>) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', filter],
    queryFn: () => call(routes.users.list, { query: filter }),
    placeholderData: (prev) => prev,
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: [...USERS_KEY, 'detail', id],
    queryFn: () => call(routes.users.get, { params: { id } }),
  });
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
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.users.create>) => call(routes.users.create, { body }),
    onSuccess: changed,
  });
}

export function useUpdateUser(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.users.update>) => call(routes.users.update, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useResetPassword(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (password: string) => call(routes.users.resetPassword, { params: { id }, body: { password } }),
    onSuccess: () => changed(),
  });
}

export function useAddGrant(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.users.addGrant>) => call(routes.users.addGrant, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useRemoveGrant(id: number) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (grantId: number) => call(routes.users.removeGrant, { params: { id, grantId } }),
    onSuccess: changed,
  });
}
