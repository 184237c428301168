import type { AnyRoute } from '@tanstack/react-router';

export function usersRoutes(_parent: AnyRoute) {
  return [];
}
