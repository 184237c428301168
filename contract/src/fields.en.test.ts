import { describe, expect, it } from 'vitest';
import { fieldLabelOf } from './fieldLabel.ts';
import { fieldLabels } from './fields.ts';
import { fieldLabelsEn } from './fields.en.ts';

describe('field names', () => {
  it('every field named in Vietnamese is named in English too, and no English name is left over', () => {
    expect(Object.keys(fieldLabelsEn).sort()).toEqual(Object.keys(fieldLabels).sort());
    for (const [key, en] of Object.entries(fieldLabelsEn)) expect(en, key).not.toBe('');
  });

  it('are read by path in the language asked', () => {
    expect(fieldLabelOf(['headcount', 'women'])).toBe('Số nữ');
    expect(fieldLabelOf(['headcount', 'women'], 'en')).toBe('Women');
    expect(fieldLabelOf(['results', 3, 'score'], 'en')).toBe('Score');
    expect(fieldLabelOf(['phone'], 'en')).toBe('Phone');
  });
});
