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

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  entity: auditEntity,
  entityId: z.number().int(),
  action: z.string(),
  /** Field-by-field difference between before and after. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  entity: auditEntity.optional(),
  entityId: id.optional(),
  unitId: id.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const auditPage = pageOf(auditEntry);
