import { fieldLabels } from './fields.ts';
import { fieldLabelsEn } from './fields.en.ts';

/**
 * The name of a field at a path (["headcount", "women"], or ["results", 3, "score"]), in Vietnamese
 * or English: the dotted path without list indexes first ("headcount.women" → "Số nữ"), then the leaf
 * alone, then the machine name as a last resort.
 */
export function fieldLabelOf(path: readonly (string | number)[], lang: 'vi' | 'en' = 'vi'): string {
  const labels = lang === 'en' ? fieldLabelsEn : fieldLabels;
  const names = path.map(String).filter((p) => !/^\d+$/.test(p));
  const dotted = names.join('.');
  const leaf = names.at(-1) ?? '';
  return labels[dotted] ?? labels[leaf] ?? (leaf || (lang === 'en' ? 'Data' : 'Dữ liệu'));
}
