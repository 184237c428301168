import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/** The session QR's link, inside the signed-in shell: the login page brings the trainee back here. */
export function checkinRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/checkin/$token',
      component: lazyRouteComponent(() => import('./CheckinPage'), 'CheckinPage'),
    }),
  ];
}
