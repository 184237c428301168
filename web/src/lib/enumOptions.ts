import type { TFunction } from 'i18next';

/** Select options for an enum whose labels live in common.ts under `ns`. */
export function enumOptions(t: TFunction, ns: string, values: readonly string[]) {
  return values.map((v) => ({ value: v, label: t(`common:${ns}.${v}`) }));
}
