import { organisationLabels, unitKindLabels } from '@canbo/contract';
import type { FormColumn, FormRow, FormSheet } from '../../../documents/xlsx/form.ts';
import { NO, YES } from '../rows.ts';

/** The units sheet: a unit established, one per row, parents above their children. Plain data (the worker reads it). */
export const UNIT_COLUMNS = [
  {
    key: 'code',
    header: 'Mã đơn vị',
    note: 'Bắt buộc. Mã duy nhất; dùng để nhận ra đơn vị đã có',
    width: 14,
    required: true,
  },
  { key: 'name', header: 'Tên đơn vị', note: 'Bắt buộc. Tên đầy đủ, ví dụ Đoàn xã Ea Pô', width: 28, required: true },
  { key: 'shortName', header: 'Tên viết tắt', note: 'Có thể để trống', width: 14 },
  {
    key: 'kind',
    header: 'Loại đơn vị',
    note: 'Bắt buộc. Chọn trong danh sách',
    list: Object.values(unitKindLabels),
    width: 22,
    required: true,
  },
  {
    key: 'organisation',
    header: 'Tổ chức',
    note: 'Bắt buộc. Đoàn, Hội hoặc Đội',
    list: Object.values(organisationLabels),
    width: 10,
    required: true,
  },
  {
    key: 'parent',
    header: 'Đơn vị cấp trên',
    note: 'Mã hoặc tên đầy đủ của đơn vị đã có trong Canbo, hoặc của một dòng phía trên trong tệp. Để trống: đơn vị cấp cao nhất (chỉ quản trị hệ thống)',
    width: 28,
  },
  { key: 'interim', header: 'Lâm thời', note: 'Có nếu là ban chấp hành lâm thời', list: [YES, NO], width: 10 },
  { key: 'place', header: 'Địa bàn', note: 'Ví dụ: xã Ea Pô, huyện Cư Jút', width: 22 },
  {
    key: 'date',
    header: 'Ngày thành lập',
    note: 'Bắt buộc. Ngày kiểu Excel hoặc dd/mm/yyyy',
    type: 'date',
    width: 13,
    required: true,
  },
  { key: 'decision', header: 'Số quyết định', note: 'Quyết định thành lập', width: 16 },
  { key: 'note', header: 'Ghi chú', note: 'Tối đa 1000 ký tự', width: 24 },
] as const satisfies readonly FormColumn[];

export type UnitKey = (typeof UNIT_COLUMNS)[number]['key'];

export const UNITS_FORM: FormSheet = { sheetName: 'Đơn vị', columns: UNIT_COLUMNS };

export const UNITS_EXAMPLE: FormRow = {
  code: 'CJ-EAPO',
  name: 'Đoàn xã Ea Pô',
  kind: unitKindLabels.commune,
  organisation: organisationLabels.doan,
  parent: 'Huyện đoàn Cư Jút',
  interim: NO,
  place: 'xã Ea Pô, huyện Cư Jút',
  date: '2005-03-26',
  decision: '45-QĐ/HĐCJ',
};
