import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/** The certificate QR's link: public, beside /login, outside the signed-in shell. */
export function verifyRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/verify/$code',
      component: lazyRouteComponent(() => import('./VerifyPage'), 'VerifyPage'),
    }),
  ];
}
