import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedRefusal } from './checks.ts';
import type { Borrowable, DemoIds } from './demo.ts';

// The pages of the tour, one or more stops per route of the web router, with real ids from the demo.
// `routerPaths()` reads the router's own files, so a route added without a stop here fails the tour.

export interface Stop {
  /** The router's path pattern this stop visits, as written in its createRoute. */
  route: string;
  /** The address visited. */
  url: string;
  /** A short name for screenshots and the findings list. */
  name: string;
  /** Visit each tab of the page's tab bar in turn. */
  tabs?: boolean;
  /** Refusals the page asks for on purpose (none, unless said why). */
  expects?: readonly ExpectedRefusal[];
  /** The record is one this user cannot see (see DemoIds.borrowed): the page says so instead. */
  refused?: boolean;
  /**
   * The page shows what its user reads and nothing that depends on their role (no action, no edit
   * control): users reading the same units see it alike, and the tour visits it once for them.
   */
  sameForReaders?: boolean;
}

const webSrc = fileURLToPath(new URL('../../web/src/', import.meta.url));

/** The path of every createRoute in the web app's sources (tests and test helpers aside). */
export function routerPaths(dir = webSrc): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') paths.push(...routerPaths(file));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      paths.push(...pathsIn(readFileSync(file, 'utf8')));
    }
  }
  return [...new Set(paths)].sort();
}

/** The `path:` of each `createRoute({ … })` call: the call's text is read to its closing parenthesis. */
function pathsIn(source: string): string[] {
  const paths: string[] = [];
  for (let at = source.indexOf('createRoute('); at >= 0; at = source.indexOf('createRoute(', at + 1)) {
    let depth = 0;
    let end = at + 'createRoute'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    const path = /\bpath:\s*'([^']+)'/.exec(source.slice(at, end));
    if (path?.[1]) paths.push(path[1]);
  }
  return paths;
}

/**
 * A QR check-in is refused when the signed-in user is not on the class's list or the session's
 * window is not open: the page's answer to that refusal is what the tour looks at.
 */
const checkinRefusal: ExpectedRefusal = {
  method: 'POST',
  path: /^\/api\/v1\/training\/checkin$/,
  statuses: [404, 409, 422],
};

/** The API's address of each kind of record a detail page shows, and of what hangs under it. */
const API_OF: Record<Borrowable, (id: number) => RegExp> = {
  unit: (id) => new RegExp(`^/api/v1/units/${id}(/|\\?|$)`),
  person: (id) => new RegExp(`^/api/v1/people/${id}(/|\\?|$)`),
  study: (id) => new RegExp(`^/api/v1/studies/${id}(/|\\?|$)`),
  scheme: (id) => new RegExp(`^/api/v1/schemes/${id}(/|\\?|$)`),
  rosterClass: (id) => new RegExp(`^/api/v1/training/classes/${id}(/|\\?|$)`),
  headcountClass: (id) => new RegExp(`^/api/v1/training/classes/${id}(/|\\?|$)`),
};

/**
 * A stop at a record the user cannot see is refused on purpose: its reads answer 404 (the server
 * never says a hidden record exists), and the page shows that cleanly instead of the record.
 */
function refusedAt(stop: Stop, ids: DemoIds, record: Borrowable): Stop {
  if (!ids.borrowed.includes(record)) return stop;
  const refusal: ExpectedRefusal = { method: 'GET', path: API_OF[record](ids[record]), statuses: [404] };
  return { ...stop, refused: true, expects: [...(stop.expects ?? []), refusal] };
}

/** The stops of a signed-in user: every page of the shell, detail pages at ids this user can see. */
export function signedInStops(ids: DemoIds): Stop[] {
  const at = (record: Borrowable, stop: Stop) => refusedAt(stop, ids, record);
  return [
    { route: '/', url: '/', name: 'home' },
    { route: '/dashboard', url: '/dashboard', name: 'dashboard', sameForReaders: true },
    { route: '/units', url: '/units', name: 'units' },
    at('unit', { route: '/units/$id', url: `/units/${ids.unit}`, name: 'unit', tabs: true }),
    { route: '/people', url: '/people', name: 'people' },
    at('person', { route: '/people/$id', url: `/people/${ids.person}`, name: 'person', tabs: true }),
    { route: '/users', url: '/users', name: 'users' },
    { route: '/users/$id', url: `/users/${ids.user}`, name: 'user' },
    { route: '/audit', url: '/audit', name: 'audit' },
    { route: '/checkin/$token', url: `/checkin/${ids.checkinToken}`, name: 'checkin', expects: [checkinRefusal] },
    { route: '/training', url: '/training', name: 'training' },
    { route: '/training/classes', url: '/training/classes', name: 'classes' },
    at('rosterClass', {
      route: '/training/classes/$id',
      url: `/training/classes/${ids.rosterClass}`,
      name: 'class',
      tabs: true,
    }),
    at('headcountClass', {
      route: '/training/classes/$id',
      url: `/training/classes/${ids.headcountClass}`,
      name: 'class-headcount',
      tabs: true,
    }),
    { route: '/training/catalogue', url: '/training/catalogue', name: 'catalogue' },
    { route: '/studies', url: '/studies', name: 'studies' },
    { route: '/studies/overdue', url: '/studies/overdue', name: 'studies-overdue' },
    at('study', { route: '/studies/$id', url: `/studies/${ids.study}`, name: 'study' }),
    { route: '/visits', url: '/visits', name: 'visits' },
    { route: '/visits/me', url: '/visits/me', name: 'visits-me' },
    { route: '/schemes', url: '/schemes', name: 'schemes' },
    at('scheme', { route: '/schemes/$id', url: `/schemes/${ids.scheme}`, name: 'scheme' }),
    at('scheme', {
      route: '/schemes/$id/targets/$targetId',
      url: `/schemes/${ids.scheme}/targets/${ids.target}`,
      name: 'scheme-target',
    }),
    { route: '/reports', url: '/reports', name: 'reports', sameForReaders: true },
    ...ids.reports.map((r) => ({
      route: '/reports/$name',
      url: `/reports/${r}`,
      name: `report-${r}`,
      sameForReaders: true,
    })),
    { route: '/imports', url: '/imports', name: 'imports' },
    { route: '/standards', url: '/standards', name: 'standards', tabs: true },
    { route: '/standards/catalogue', url: '/standards/catalogue', name: 'standards-catalogue' },
    { route: '/verify/$code', url: `/verify/${ids.certificate}`, name: 'verify' },
  ];
}

/** The public pages, seen without signing in. */
export function publicStops(ids: DemoIds): Stop[] {
  return [
    { route: '/login', url: '/login', name: 'login' },
    { route: '/verify/$code', url: `/verify/${ids.certificate}`, name: 'verify' },
    { route: '/verify/$code', url: `/verify/${ids.revokedCertificate}`, name: 'verify-revoked' },
  ];
}
