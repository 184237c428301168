import { fieldLabels } from './fields.ts';

/**
 * The Vietnamese name of a field at a path (["headcount", "women"], or ["results", 3, "score"]):
 * the dotted path without list indexes first ("headcount.women" → "Số nữ"), then the leaf alone,
 * then the machine name as a last resort.
 */
export function fieldLabelOf(path: readonly (string | number)[]): string {
  const names = path.map(String).filter((p) => !/^\d+$/.test(p));
  const dotted = names.join('.');
  const leaf = names.at(-1) ?? '';
  return fieldLabels[dotted] ?? fieldLabels[leaf] ?? (leaf || 'Dữ liệu');
}
