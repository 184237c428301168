import type { Role } from '@canbo/contract';

/** The signed-in user as services see it: who, and on which units with which role. */
export interface Actor {
  userId: number;
  login: string;
  displayName: string;
  /** Set for a cadre's own account. */
  personId: number | null;
  isSuperadmin: boolean;
  grants: { id: number; unitId: number; unitName: string; role: Role }[];
}
