import { z } from 'zod';
import { id, pageOf, pageQuery } from './common.ts';

export const auditEntities = [
  'unit',
  'person',
  'position',
  'move',
  'user',
  'training_kind',
  'programme',
  'training_class',
  'class_session',
  'allocation',
  'enrolment',
  'certificate',
  'certificate_pattern',
  'study',
  'visit_registration',
  'visit_trip',
  'visit_settings',
  'scheme',
  'title_standard',
] as const;
export const auditEntity = z.enum(auditEntities);
export type AuditEntity = z.infer<typeof auditEntity>;

/** Kinds of record an audit entry may name by id, each with a page of its own. */
export const auditRefKinds = ['unit', 'person', 'user', 'training_class', 'programme', 'scheme', 'study'] as const;
export const auditRefKind = z.enum(auditRefKinds);
export type AuditRefKind = z.infer<typeof auditRefKind>;

/**
 * Fields of the stored views that hold the id of another record, and the kind of that record. An id
 * whose view carries its name beside it (`organiserUnitId` + `organiserUnitName`) is read by that
 * name, as it was when written; the others are named when the log is read (`names` of an entry).
 */
export const auditRefFields: Record<string, AuditRefKind> = {
  unitId: 'unit',
  parentId: 'unit',
  organiserUnitId: 'unit',
  issuingUnitId: 'unit',
  hostUnitId: 'unit',
  fromUnitId: 'unit',
  toUnitId: 'unit',
  targetId: 'unit',
  personId: 'person',
  userId: 'user',
  classId: 'training_class',
  programmeId: 'programme',
  schemeId: 'scheme',
};

/**
 * A record named in an entry: `name` null when the reader may not see it (or it is gone) — the
 * log then says so without revealing the name; `id` is for the link to its page, never shown.
 */
export const auditName = z.object({ kind: auditRefKind, id: z.number().int(), name: z.string().nullable() });
export type AuditName = z.infer<typeof auditName>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  entity: auditEntity,
  entityId: z.number().int(),
  action: z.string(),
  /**
   * The record the entry is about, by name (null: not known to this reader), and the page that
   * shows it when the reader may open it (a trainee's entry opens the class, a position the cadre).
   */
  record: z.object({ name: z.string().nullable(), page: auditName.nullable() }),
  /** Field-by-field difference between before and after. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** The names of the ids in `changes` that carry none of their own (see auditRefFields). */
  names: z.array(auditName),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  entity: auditEntity.optional(),
  entityId: id.optional(),
  unitId: id.optional(),
  /** A class's own entries and those of its sessions, seats, trainees and certificates. */
  classId: id.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const auditPage = pageOf(auditEntry);
