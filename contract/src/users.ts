import { z } from 'zod';
import { id, line, optionalText, pageOf, pageQuery, passwordText, text, version } from './common.ts';
import { role } from './enums.ts';

export const grant = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  role,
});
export type Grant = z.infer<typeof grant>;

export const user = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  isSuperadmin: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(grant),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

const password = passwordText(200).min(10, 'Mật khẩu tối thiểu 10 ký tự');
const login = line(50)
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch');

export const userCreate = z.object({
  login,
  displayName: text(100),
  password,
  /** A cadre's own account: sees only that person's record. */
  personId: id.nullable().optional(),
  grants: z
    .array(z.object({ unitId: id, role }))
    .max(50)
    .default([]),
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.object({
  version,
  displayName: text(100).optional(),
  disabled: z.boolean().optional(),
  personId: id.nullable().optional(),
});
export const passwordReset = z.object({ password });
/** POST /auth/password: the signed-in user's own password, with the current one as proof. */
export const passwordChange = z.object({ currentPassword: passwordText(200).min(1), password });
export const grantCreate = z.object({ unitId: id, role });
export const grantParams = z.object({ id, grantId: id });

export const userListQuery = pageQuery.extend({
  q: optionalText(100),
  sort: z.enum(['login', 'displayName', 'lastLoginAt']).default('login'),
});
export const userPage = pageOf(user);
