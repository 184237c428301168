import { describe, expect, it } from 'vitest';
import { routes } from '@canbo/contract';
import { loginRoute } from './loginRoute';

describe('the login page’s light route', () => {
  it('is the contract’s sign-in route: same method, address and public access', () => {
    const { method, path, public: isPublic } = routes.auth.login;
    expect(loginRoute).toEqual({ method, path, public: isPublic });
  });
});
