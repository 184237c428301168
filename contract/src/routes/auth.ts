import { z } from 'zod';
import { loginRequest, me } from '../auth.ts';
import { passwordChange } from '../users.ts';
import { defineRoute } from './define.ts';
import { BODY_LIMITS } from './limits.ts';

const tags = ['auth'];

export const auth = {
  // Public, so no CSRF token exists yet: a JSON body is required, which a cross-site form cannot send.
  login: defineRoute({
    method: 'POST',
    path: '/auth/login',
    public: true,
    tags,
    bodyLimit: BODY_LIMITS.login,
    body: loginRequest,
    responses: { 200: me },
    example: { login: 'walk.login', password: 'mat-khau-sai-hoan-toan' },
  }),
  logout: defineRoute({ method: 'POST', path: '/auth/logout', tags, responses: { 204: z.null() } }),
  me: defineRoute({ method: 'GET', path: '/auth/me', tags, responses: { 200: me } }),
  // A wrong current password in the example: a walk must not change anyone's password.
  password: defineRoute({
    method: 'POST',
    path: '/auth/password',
    tags,
    bodyLimit: BODY_LIMITS.login,
    body: passwordChange,
    responses: { 204: z.null() },
    example: { currentPassword: 'khong-phai-mat-khau', password: 'mat-khau-moi-dai-hon' },
  }),
};

export const health = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    public: true,
    tags: ['health'],
    responses: { 200: z.object({ ok: z.boolean() }) },
  }),
};
