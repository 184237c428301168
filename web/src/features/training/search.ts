/** Readers for values kept in the address: anything malformed is dropped rather than sent to the API. */
export const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export const intIn = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

export const positiveId = (v: unknown) => intIn(v, 1, Number.MAX_SAFE_INTEGER);

export const oneOf = <T extends string>(v: unknown, values: readonly T[]) =>
  values.includes(v as T) ? (v as T) : undefined;

export const isoDateOf = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Leave out the keys that hold nothing, so the address shows only what the user chose. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
