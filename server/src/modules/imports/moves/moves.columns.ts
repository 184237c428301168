import { moveKindLabels } from '@canbo/contract';
import type { FormColumn, FormRow, FormSheet } from '../../../documents/xlsx/form.ts';
import { PERSON_COLUMNS } from '../person.columns.ts';

/** The moves sheet: one transfer of a cadre per row. Plain data (the worker reads it). */
export const MOVE_COLUMNS = [
  ...PERSON_COLUMNS,
  {
    key: 'moveKind',
    header: 'Hình thức',
    note: 'Bắt buộc. Chọn trong danh sách',
    list: Object.values(moveKindLabels),
    width: 14,
    required: true,
  },
  { key: 'fromUnit', header: 'Từ đơn vị', note: 'Bắt buộc. Mã hoặc tên đầy đủ của đơn vị', width: 26, required: true },
  { key: 'toUnit', header: 'Đến đơn vị', note: 'Bắt buộc. Mã hoặc tên đầy đủ của đơn vị', width: 26, required: true },
  {
    key: 'moveDate',
    header: 'Ngày điều chuyển',
    note: 'Bắt buộc. Ngày bắt đầu công tác ở đơn vị mới',
    type: 'date',
    width: 14,
    required: true,
  },
  { key: 'decision', header: 'Số quyết định', note: 'Ví dụ 45-QĐ/TĐTN', width: 16 },
  { key: 'decisionDate', header: 'Ngày quyết định', note: 'Ngày ký quyết định', type: 'date', width: 14 },
  { key: 'notes', header: 'Ghi chú', note: 'Tối đa 2000 ký tự', width: 24 },
] as const satisfies readonly FormColumn[];

export type MoveKey = (typeof MOVE_COLUMNS)[number]['key'];

export const MOVES_FORM: FormSheet = { sheetName: 'Điều chuyển', columns: MOVE_COLUMNS };

export const MOVES_EXAMPLE: FormRow = {
  nationalId: '066094000123',
  fullName: 'Y Ngông Niê Kdăm',
  birthDate: '1994-03-15',
  moveKind: moveKindLabels.transfer,
  fromUnit: 'Huyện đoàn Cư Jút',
  toUnit: 'Huyện đoàn Đắk Mil',
  moveDate: '2021-07-01',
  decision: '45-QĐ/TĐTN',
  decisionDate: '2021-06-20',
};
