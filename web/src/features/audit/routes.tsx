import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { AuditPage } from './AuditPage';

export function auditRoutes(parent: AnyRoute) {
  return [createRoute({ getParentRoute: () => parent, path: '/audit', component: AuditPage })];
}
