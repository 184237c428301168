import { describe, expect, it } from 'vitest';
import { fieldLabels } from '@canbo/contract';
import { fieldLabelsEn } from './fields';
import { namespaces } from './namespaces';

/** Every leaf of a resource tree as "a.b.c", with the leaves that are not a non-empty string marked. */
function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [tree.trim() ? prefix : `${prefix} (empty)`];
  if (tree && typeof tree === 'object') {
    return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix} (not a string)`];
}

describe('translations', () => {
  for (const [ns, resources] of Object.entries(namespaces)) {
    it(`${ns}: vi and en have the same keys, none empty`, () => {
      expect(leaves(resources.en).sort()).toEqual(leaves(resources.vi).sort());
    });
  }

  it('every field the server may name has an English word', () => {
    expect(Object.keys(fieldLabelsEn).sort()).toEqual(Object.keys(fieldLabels).sort());
  });
});
