import { z } from 'zod';
import { id, isoDate, optionalMultilineText, optionalText, pageOf, pageQuery, version } from './common.ts';
import { moveKind } from './enums.ts';

// A cadre's moves between units (Quá trình công tác): dated records with a decision. The person's
// unit on any day comes from them; paths under /api/v1/people/:id/moves.

export const move = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  moveKind,
  fromUnitId: z.number().int(),
  fromUnitName: z.string(),
  toUnitId: z.number().int(),
  toUnitName: z.string(),
  moveDate: z.string(),
  decision: z.string().nullable(),
  decisionDate: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** The actor may change or delete this move (write access to the person and the unit moved to). */
  canEdit: z.boolean(),
});
export type Move = z.infer<typeof move>;

const moveFields = {
  moveKind,
  fromUnitId: id,
  toUnitId: id,
  moveDate: isoDate,
  decision: optionalText(100),
  decisionDate: isoDate.nullable().optional(),
  notes: optionalMultilineText(2000),
};

export const moveCreate = z.object(moveFields);
export type MoveCreate = z.infer<typeof moveCreate>;
export type MoveCreateInput = z.input<typeof moveCreate>;

export const moveUpdate = z.object(moveFields).partial().extend({ version });
export type MoveUpdate = z.infer<typeof moveUpdate>;
export type MoveUpdateInput = z.input<typeof moveUpdate>;

/** A person's moves, oldest first (newest first with `order=desc`). */
export const moveListQuery = pageQuery;
export const movePage = pageOf(move);

export const moveParams = z.object({ id, moveId: id });
