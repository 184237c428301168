import { auditRefFields, type AuditEntity, type AuditName, type AuditRefKind } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { enrolmentNames, namesOf } from './audit.names.repository.ts';

/*
 * Names in the change log are resolved when the log is READ, not stored when a row is written:
 * - the stored views already carry the names of most references as they were then (`unitName`
 *   beside `unitId`, `personName` beside `personId`), and those are read as written;
 * - the few ids stored without a name (a session's or a trainee's class, a user's cadre, a class's
 *   status step, a trainee's attendance) are named here, a page of entries at a time, one query per
 *   kind, each under the visibility rule of the record's own page: an id the reader may not open
 *   comes back with no name and the log says "outside your scope" instead;
 * - rows written before this existed are read the same way, with no migration of the log.
 */

/** A stored view (before and after merged, after winning): what an entry knows of its record. */
export type View = Record<string, unknown>;

/** The field of a view that holds the name of the record an id field points to (`unitId` → `unitName`). */
export function nameFieldOf(field: string): string {
  return field.replace(/(Id|Code)$/, 'Name');
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The record's readable name, from its own stored view. */
const NAME_OF: Record<AuditEntity, (v: View) => string | null> = {
  unit: (v) => text(v.name),
  person: (v) => text(v.fullName),
  position: (v) => text(v.personName),
  move: (v) => text(v.personName),
  user: (v) => text(v.displayName) ?? text(v.login),
  training_kind: (v) => text(v.name),
  programme: (v) => text(v.name),
  training_class: (v) => text(v.name),
  class_session: (v) => text(v.topic),
  allocation: (v) => text(v.unitName),
  enrolment: (v) => text(v.personName),
  certificate: (v) => [text(v.number), text(v.personName)].filter(Boolean).join(' – ') || null,
  certificate_pattern: (v) => text(v.pattern),
  study: (v) => text(v.personName),
  visit_registration: (v) => text(v.personName),
  visit_trip: (v) => text(v.personName),
  visit_settings: () => null,
  scheme: (v) => text(v.name),
  title_standard: (v) => text(v.name),
};

type Page = { kind: AuditRefKind; id: number } | null;
const page = (kind: AuditRefKind, id: number | null): Page => (id === null ? null : { kind, id });

/** The page that shows the record: its own, or the one it belongs to (a trainee → the class). */
const PAGE_OF: Record<AuditEntity, (id: number, v: View) => Page> = {
  unit: (id) => page('unit', id),
  visit_settings: (id) => page('unit', id),
  person: (id) => page('person', id),
  position: (_, v) => page('person', num(v.personId)),
  move: (_, v) => page('person', num(v.personId)),
  visit_registration: (_, v) => page('person', num(v.personId)),
  visit_trip: (_, v) => page('person', num(v.personId)),
  study: (id) => page('study', id),
  user: (id) => page('user', id),
  training_class: (id) => page('training_class', id),
  class_session: (_, v) => page('training_class', num(v.classId)),
  allocation: (_, v) => page('training_class', num(v.classId)),
  enrolment: (_, v) => page('training_class', num(v.classId)),
  certificate: (_, v) => page('training_class', num(v.classId)),
  scheme: (id) => page('scheme', id),
  training_kind: () => null,
  programme: () => null,
  certificate_pattern: () => null,
  title_standard: () => null,
};

/** The record kinds whose page is the record itself: its name is the page's name when the view has none. */
const SELF: Partial<Record<AuditEntity, AuditRefKind>> = {
  unit: 'unit',
  visit_settings: 'unit',
  person: 'person',
  user: 'user',
  training_class: 'training_class',
  scheme: 'scheme',
};

export interface Named {
  entity: AuditEntity;
  entityId: number;
  view: View;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface Names {
  record: { name: string | null; page: AuditName | null };
  names: AuditName[];
}

/** Ids of other records in an entry's changes that its view does not name. */
function unnamedRefs(e: Named): { kind: AuditRefKind; id: number }[] {
  const out: { kind: AuditRefKind; id: number }[] = [];
  for (const c of e.changes) {
    const kind = auditRefFields[c.field];
    if (!kind || text(e.view[nameFieldOf(c.field)]) !== null) continue;
    for (const v of [c.before, c.after]) {
      const id = num(v);
      if (id !== null) out.push({ kind, id });
    }
  }
  return out;
}

/** Names for a page of entries: the records they are about and the ids their changes hold. */
export async function nameEntries(tx: Tx, actor: Actor, entries: readonly Named[]): Promise<Names[]> {
  // Trainees' entries without a view of their own (attendance) find their class and name here.
  const trainees = await enrolmentNames(
    tx,
    actor,
    entries
      .filter((e) => e.entity === 'enrolment' && (!NAME_OF.enrolment(e.view) || num(e.view.classId) === null))
      .map((e) => e.entityId),
  );
  const pages = entries.map((e) => {
    const trainee = e.entity === 'enrolment' ? trainees.get(e.entityId) : undefined;
    return PAGE_OF[e.entity](e.entityId, trainee ? { classId: trainee.class_id, ...e.view } : e.view);
  });
  const wanted = new Map<AuditRefKind, Set<number>>();
  const want = (r: { kind: AuditRefKind; id: number } | null) => {
    if (!r) return;
    const set = wanted.get(r.kind) ?? new Set<number>();
    set.add(r.id);
    wanted.set(r.kind, set);
  };
  pages.forEach(want);
  entries.forEach((e) => unnamedRefs(e).forEach(want));
  const resolved = new Map<AuditRefKind, Map<number, string>>();
  for (const [kind, ids] of wanted) resolved.set(kind, await namesOf(tx, actor, kind, [...ids]));
  const named = (r: { kind: AuditRefKind; id: number }): AuditName => ({
    ...r,
    name: resolved.get(r.kind)?.get(r.id) ?? null,
  });

  return entries.map((e, i) => {
    const p = pages[i] ? named(pages[i]) : null;
    const own = SELF[e.entity];
    const name =
      NAME_OF[e.entity](e.view) ??
      (e.entity === 'enrolment' ? (trainees.get(e.entityId)?.name ?? null) : null) ??
      (own && p?.kind === own ? p.name : null);
    const seen = new Set<string>();
    const names = unnamedRefs(e)
      .filter((r) => !seen.has(`${r.kind}:${r.id}`) && seen.add(`${r.kind}:${r.id}`))
      .map(named);
    return { record: { name, page: p }, names };
  });
}
