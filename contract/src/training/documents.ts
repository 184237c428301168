import { z } from 'zod';
import { id, isoDate, optionalText } from '../common.ts';

// Training: documents. Paths are under /api/v1/training unless noted.

/**
 * GET /training/classes/:id/summons.docx — the summons (giấy triệu tập) to one allocated unit
 * (or the organiser's own list without allocationId), in the Union's document format.
 */
export const summonsQuery = z.object({
  allocationId: id.optional(),
  /** The document number without the suffix: 15 → "15-GTT/TĐTN-BTC". */
  number: z.coerce.number().int().min(1).max(99999).optional(),
  date: isoDate.optional(),
  signerName: optionalText(100),
  /** "BÍ THƯ", "PHÓ BÍ THƯ" — printed under "TM. BAN THƯỜNG VỤ". */
  signerTitle: optionalText(60),
});
export type SummonsQuery = z.infer<typeof summonsQuery>;
