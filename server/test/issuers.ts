import type { IssuingUnit } from '../src/documents/issuer.ts';

/** Issuing units for document tests that need no database: the province, and a district under it. */
export const PROVINCE: IssuingUnit = {
  name: 'Tỉnh đoàn Đắk Nông',
  kind: 'province',
  organisation: 'doan',
  place: 'Gia Nghĩa',
  parent: { name: 'Trung ương Đoàn' },
};

/** Cư Jút, with no place of its own: documents name the place after the unit. */
export const CU_JUT: IssuingUnit = {
  name: 'Huyện đoàn Cư Jút',
  kind: 'district',
  organisation: 'doan',
  place: null,
  parent: { name: PROVINCE.name },
};
