import { fieldLabels, fieldLabelsEn } from '@canbo/contract';

// English field names live beside the Vietnamese ones in the contract (the server words its messages with them).
export { fieldLabelsEn };

/**
 * The words for some fields in both languages, so a feature's screens and the server's messages
 * name a field alike: a list of field names, or the feature's keys mapped to field names
 * (`{ person: 'personId' }`).
 */
export function fieldWords<K extends string>(
  names: readonly K[] | Record<K, string>,
): { vi: Record<K, string>; en: Record<K, string> } {
  const pairs: [string, string][] = Array.isArray(names)
    ? names.map((n: K) => [n, n])
    : Object.entries<string>(names as Record<K, string>);
  const pick = (labels: Record<string, string>) =>
    Object.fromEntries(pairs.map(([key, field]) => [key, labels[field] ?? field])) as Record<K, string>;
  return { vi: pick(fieldLabels), en: pick(fieldLabelsEn) };
}
