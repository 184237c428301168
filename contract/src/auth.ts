import { z } from 'zod';
import { grant } from './users.ts';

export const loginRequest = z.object({
  login: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const permissions = [
  'unit.read',
  'unit.write',
  'person.read',
  'person.write',
  'person.nationalId',
  'user.manage',
  'audit.read',
  'training.read',
  'training.manage',
  'training.nominate',
  'catalog.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const me = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  personId: z.number().int().nullable(),
  isSuperadmin: z.boolean(),
  grants: z.array(grant),
  /** Echo in `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;
