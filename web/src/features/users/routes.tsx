import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { UsersListPage } from './UsersListPage';
import { UserPage } from './UserPage';

export function usersRoutes(parent: AnyRoute) {
  return [
    createRoute({ getParentRoute: () => parent, path: '/users', component: UsersListPage }),
    createRoute({ getParentRoute: () => parent, path: '/users/$id', component: UserPage }),
  ];
}
