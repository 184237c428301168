import { classModeLabels } from '@canbo/contract';
import type { FormColumn, FormRow } from '../../../documents/xlsx/form.ts';

/**
 * A past class's own columns, shared by the headcount sheet (one class per row) and the trainees
 * sheet (repeated on each trainee's row). Plain data (the worker reads it); the training kinds
 * come from the catalogue (`classSheet` in classes.read.ts).
 */
export const CLASS_FIELD_COLUMNS = [
  { key: 'name', header: 'Tên lớp', note: 'Bắt buộc. Tên đầy đủ của lớp', width: 32, required: true },
  { key: 'kind', header: 'Loại lớp', note: 'Bắt buộc. Chọn trong danh sách', width: 24, required: true },
  {
    key: 'organiser',
    header: 'Đơn vị tổ chức',
    note: 'Bắt buộc. Mã hoặc tên đầy đủ của đơn vị',
    width: 26,
    required: true,
  },
  { key: 'startDate', header: 'Ngày bắt đầu', note: 'Bắt buộc', type: 'date', width: 13, required: true },
  {
    key: 'endDate',
    header: 'Ngày kết thúc',
    note: 'Bắt buộc. Đã qua',
    type: 'date',
    width: 13,
    required: true,
  },
  { key: 'place', header: 'Địa điểm', note: 'Có thể để trống', width: 20 },
  { key: 'mode', header: 'Hình thức', note: 'Để trống: trực tiếp', list: Object.values(classModeLabels), width: 16 },
  { key: 'decision', header: 'Số quyết định', note: 'Quyết định mở lớp', width: 16 },
] as const satisfies readonly FormColumn[];

export type ClassFieldKey = (typeof CLASS_FIELD_COLUMNS)[number]['key'];

/** The past classes sheet, by headcount only (classes held without a named roster): one class per row. */
export const CLASS_COLUMNS = [
  ...CLASS_FIELD_COLUMNS,
  { key: 'total', header: 'Tổng số học viên', note: 'Bắt buộc. Số nguyên từ 1', width: 12, required: true },
  { key: 'women', header: 'Số nữ', note: 'Không quá tổng số', width: 9 },
  { key: 'minority', header: 'Số dân tộc thiểu số', note: 'Không quá tổng số', width: 11 },
  { key: 'doan', header: 'Cán bộ Đoàn', note: 'Số học viên là cán bộ Đoàn', width: 10 },
  { key: 'hoi', header: 'Cán bộ Hội', note: 'Số học viên là cán bộ Hội', width: 10 },
  { key: 'doi', header: 'Phụ trách Đội', note: 'Số học viên là cán bộ phụ trách Đội', width: 10 },
] as const satisfies readonly FormColumn[];

export type ClassKey = (typeof CLASS_COLUMNS)[number]['key'];

/** The example class of both class templates. */
export const CLASS_EXAMPLE: FormRow = {
  name: 'Lớp bồi dưỡng cán bộ Đoàn cơ sở năm 2019',
  kind: 'Bồi dưỡng kỹ năng',
  organiser: 'Huyện đoàn Cư Jút',
  startDate: '2019-05-06',
  endDate: '2019-05-08',
  place: 'Hội trường Huyện ủy Cư Jút',
  mode: classModeLabels.in_person,
};

export const CLASSES_EXAMPLE: FormRow = {
  ...CLASS_EXAMPLE,
  total: '85',
  women: '40',
  minority: '22',
};
