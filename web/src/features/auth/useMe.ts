import { useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type Me } from '@canbo/contract';
import { ApiError, call, setCsrfToken } from '../../api/client';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await call(routes.auth.me);
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    if (me) setCsrfToken(me.csrfToken);
    qc.setQueryData(ME_KEY, me);
  };
}

/** Highest role the user holds anywhere: decides which menu entries make sense. */
/**
 * The unit a new record (a class's organiser, a scheme's issuer) is proposed for: the one chosen in
 * the list's filter, else the user's only unit they may write in, else none.
 */
export function proposedUnit(me: Me | null | undefined, chosen: number | undefined): number | null {
  const writable = (me?.grants ?? []).filter((g) => g.role !== 'viewer');
  return chosen ?? (writable.length === 1 ? writable[0]!.unitId : null);
}

export function hasRole(me: Me | null | undefined, role: 'viewer' | 'editor' | 'admin'): boolean {
  if (!me) return false;
  if (me.isSuperadmin) return true;
  const rank = { viewer: 1, editor: 2, admin: 3 };
  return me.grants.some((g) => rank[g.role] >= rank[role]);
}
