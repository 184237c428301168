import { z } from 'zod';
import { passwordText, text } from './common.ts';
import { grant } from './users.ts';

export const loginRequest = z.object({
  login: text(100).toLowerCase(),
  password: passwordText(200).min(1),
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
