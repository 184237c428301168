import { z } from 'zod';
import { idParams } from '../common.ts';
import {
  grantCreate,
  grantParams,
  passwordReset,
  user,
  userCreate,
  userListQuery,
  userPage,
  userUpdate,
} from '../users.ts';
import { defineRoute } from './define.ts';

const tags = ['users'];

export const users = {
  list: defineRoute({
    method: 'GET',
    path: '/users',
    tags,
    query: userListQuery,
    exampleQuery: { pageSize: 200 },
    responses: { 200: userPage },
  }),
  get: defineRoute({ method: 'GET', path: '/users/:id', tags, params: idParams, responses: { 200: user } }),
  create: defineRoute({
    method: 'POST',
    path: '/users',
    tags,
    body: userCreate,
    responses: { 201: user },
    example: (ids) => ({
      login: 'walk.user',
      displayName: 'Walk',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: ids.unit, role: 'admin' }],
    }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/users/:id',
    tags,
    params: idParams,
    body: userUpdate,
    responses: { 200: user },
    example: { version: 1, displayName: 'Đã đổi', disabled: true },
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/users/:id/password',
    tags,
    params: idParams,
    body: passwordReset,
    responses: { 204: z.null() },
    example: { password: 'mat-khau-moi-dai-hon' },
  }),
  addGrant: defineRoute({
    method: 'POST',
    path: '/users/:id/grants',
    tags,
    params: idParams,
    body: grantCreate,
    responses: { 201: user },
    example: (ids) => ({ unitId: ids.unit, role: 'viewer' }),
  }),
  removeGrant: defineRoute({
    method: 'DELETE',
    path: '/users/:id/grants/:grantId',
    tags,
    params: grantParams,
    responses: { 200: user },
  }),
};
