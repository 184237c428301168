import type { FormColumn, FormRow, FormSheet } from '../../../documents/xlsx/form.ts';
import { PERSON_COLUMNS } from '../person.columns.ts';

/** The grassroots visits sheet ("1+2"): one trip of a cadre per row. Plain data (the worker reads it). */
export const VISIT_COLUMNS = [
  ...PERSON_COLUMNS,
  {
    key: 'hostUnit',
    header: 'Đơn vị cơ sở đến',
    note: 'Bắt buộc. Mã hoặc tên đầy đủ của đơn vị cấp dưới nơi cán bộ xuống cơ sở',
    width: 28,
    required: true,
  },
  { key: 'startDate', header: 'Ngày bắt đầu', note: 'Bắt buộc', type: 'date', width: 13, required: true },
  {
    key: 'endDate',
    header: 'Ngày kết thúc',
    note: 'Bắt buộc. Không trước Ngày bắt đầu',
    type: 'date',
    width: 13,
    required: true,
  },
  { key: 'purpose', header: 'Mục đích, nội dung', note: 'Bắt buộc. Tối đa 2000 ký tự', width: 36, required: true },
] as const satisfies readonly FormColumn[];

export type VisitKey = (typeof VISIT_COLUMNS)[number]['key'];

export const VISITS_FORM: FormSheet = { sheetName: 'Đi cơ sở', columns: VISIT_COLUMNS };

export const VISITS_EXAMPLE: FormRow = {
  nationalId: '066094000123',
  fullName: 'Y Ngông Niê Kdăm',
  birthDate: '1994-03-15',
  hostUnit: 'Đoàn xã Ea Pô',
  startDate: '2023-04-10',
  endDate: '2023-04-12',
  purpose: 'Nắm tình hình đoàn viên, hướng dẫn sinh hoạt chi đoàn',
};
