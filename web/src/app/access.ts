import type { Me } from '@canbo/contract';
import { hasRole } from '../features/auth/useMe';

/**
 * Who may use a page, from the session alone (GET /auth/me): decided before the page is drawn, so a
 * page the account cannot use sends no request that the server would refuse.
 * - `signedIn`: every account — a cadre's own account reads its own record, classes and studies there;
 * - `staff`: an account with a grant (or a system administrator): the registry, training, reports…;
 * - `editor` / `admin`: a grant of that role somewhere (imports; accounts);
 * - `ownRecord`: an account tied to a cadre (the cadre's own "1+2" page).
 */
export type Audience = 'signedIn' | 'staff' | 'editor' | 'admin' | 'ownRecord';

/**
 * Every page of the signed-in shell by its route path. `access.test.ts` fails when a route of the
 * router has no entry here, so a page added later must say who it is for.
 */
export const ROUTE_ACCESS: Record<string, Audience> = {
  '/': 'signedIn',
  '/dashboard': 'staff',
  '/units': 'staff',
  '/units/$id': 'staff',
  '/people': 'signedIn',
  '/people/$id': 'signedIn',
  '/users': 'admin',
  '/users/$id': 'admin',
  '/audit': 'staff',
  '/checkin/$token': 'signedIn',
  '/training': 'staff',
  '/training/classes': 'staff',
  // A cadre opens the classes of their own record (the server shows a class to its trainees).
  '/training/classes/$id': 'signedIn',
  '/training/catalogue': 'staff',
  '/studies': 'staff',
  '/studies/overdue': 'staff',
  // A cadre opens the studies of their own record.
  '/studies/$id': 'signedIn',
  '/visits': 'staff',
  '/visits/me': 'ownRecord',
  '/schemes': 'staff',
  '/schemes/$id': 'staff',
  '/schemes/$id/targets/$targetId': 'staff',
  '/reports': 'staff',
  '/reports/$name': 'staff',
  '/imports': 'editor',
  '/standards': 'staff',
  '/standards/catalogue': 'staff',
};

/** Does the signed-in account belong to the audience? */
export function isIn(me: Me, audience: Audience): boolean {
  switch (audience) {
    case 'signedIn':
      return true;
    case 'staff':
      return me.isSuperadmin || me.grants.length > 0;
    case 'editor':
    case 'admin':
      return hasRole(me, audience);
    case 'ownRecord':
      return me.personId !== null;
  }
}

/** May this account open the page at this route path? A path the table does not know is refused. */
export function canOpen(me: Me, routePath: string): boolean {
  const audience = ROUTE_ACCESS[routePath];
  return audience !== undefined && isIn(me, audience);
}
