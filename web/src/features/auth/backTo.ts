/**
 * Where to go after signing in, from the login page's `?redirect=`: a path of this app only, never
 * another site. A browser reads `/\evil.example` (and `//evil.example`, or a tab or newline inside the
 * slashes) as another host, so the address is resolved as the browser would and kept only when it
 * stays on this origin; the login page itself sends to the start.
 */
export function backTo(redirect: unknown, origin: string): string {
  if (typeof redirect !== 'string' || !redirect.startsWith('/')) return '/';
  let to: URL;
  try {
    to = new URL(redirect, origin);
  } catch {
    return '/';
  }
  if (to.origin !== origin || to.pathname.startsWith('/login')) return '/';
  return to.pathname + to.search + to.hash;
}
