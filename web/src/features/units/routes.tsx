import type { AnyRoute } from '@tanstack/react-router';

export function unitsRoutes(_parent: AnyRoute) {
  return [];
}
