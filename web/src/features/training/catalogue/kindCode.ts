import { foldVietnamese } from '@canbo/contract';

/**
 * The machine code of a new training kind, made from its name: the code is the kind's key in filters,
 * reports and the figures, never shown to users, so nobody has to invent an English-looking word.
 * Lower-case letters without accents, digits and underscores (the contract's pattern), unique among
 * the codes already taken.
 */
export function kindCodeOf(name: string, taken: readonly string[]): string {
  const words = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  // the pattern asks for a letter first and at least two characters
  const base = (/^[a-z]/.test(words) ? words : `loai_${words}`).replace(/_+$/, '').slice(0, 34) || 'loai';
  const padded = base.length < 2 ? `${base}_1` : base;
  const used = new Set(taken);
  if (!used.has(padded)) return padded;
  for (let n = 2; ; n++) if (!used.has(`${padded}_${n}`)) return `${padded}_${n}`;
}
