import { z } from 'zod';
import { id, pageOf, pageQuery, version } from '../common.ts';

// Training: seat allocations. Paths are under /api/v1/training unless noted.

/** GET/POST /training/classes/:id/allocations (paged), PATCH/DELETE /training/allocations/:id */
export const allocation = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  seats: z.number().int(),
  /** Seated enrolments (nominated + confirmed) on these seats; never more than `seats`. */
  used: z.number().int(),
  /** Waiting for one of these seats to be freed. */
  waitlisted: z.number().int(),
  version: z.number().int(),
  /** The actor may nominate into these seats (editor of the allocated unit). */
  canNominate: z.boolean(),
});
export type Allocation = z.infer<typeof allocation>;
export const allocationCreate = z.object({ unitId: id, seats: z.number().int().min(1).max(100000) });
export const allocationUpdate = z.object({ version, seats: z.number().int().min(1).max(100000) });
export const allocationListQuery = pageQuery.extend({
  sort: z.enum(['unit', 'seats']).default('unit'),
  /** Only allocations the actor may nominate into (a unit editor's view of the class). */
  mine: z.enum(['true', 'false']).optional(),
});
export const allocationPage = pageOf(allocation);
