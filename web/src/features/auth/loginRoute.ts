import type { routes } from '@canbo/contract';

/**
 * The sign-in route as `call()` needs it (method, address, public), without the contract's schemas:
 * the login page is the first a user downloads, and the schemas would bring the whole validation
 * library with them. `loginRoute.test.ts` holds it equal to the contract's entry.
 */
export const loginRoute = { method: 'POST', path: '/auth/login', public: true } as typeof routes.auth.login;
