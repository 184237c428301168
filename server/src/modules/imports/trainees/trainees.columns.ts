import { gradeLabels, outcomeLabels } from '@canbo/contract';
import type { FormColumn, FormRow } from '../../../documents/xlsx/form.ts';
import { CLASS_EXAMPLE, CLASS_FIELD_COLUMNS } from '../classes/classes.columns.ts';
import { PERSON_COLUMNS } from '../person.columns.ts';

/**
 * The past classes sheet with a named roster: one row per trainee, the class's columns repeated on
 * each of its rows (rows with the same Tên lớp and Ngày bắt đầu are one class). Plain data (the
 * worker reads it); the training kinds come from the catalogue (`classSheet`).
 */
export const TRAINEE_COLUMNS = [
  ...CLASS_FIELD_COLUMNS.map((c) =>
    c.key === 'name'
      ? { ...c, note: 'Bắt buộc. Ghi lại ở mỗi học viên; các dòng cùng Tên lớp và Ngày bắt đầu là một lớp' }
      : c,
  ),
  ...PERSON_COLUMNS,
  {
    key: 'outcome',
    header: 'Kết quả',
    note: 'Bắt buộc. Theo hồ sơ lớp',
    list: Object.values(outcomeLabels),
    width: 16,
    required: true,
  },
  { key: 'grade', header: 'Xếp loại', note: 'Có thể để trống', list: Object.values(gradeLabels), width: 12 },
  { key: 'attendance', header: 'Tỷ lệ dự học (%)', note: 'Số nguyên từ 0 đến 100, nếu hồ sơ có', width: 10 },
  {
    key: 'certNumber',
    header: 'Số giấy chứng nhận',
    note: 'Đúng như bản đã in; chỉ người hoàn thành. Cần Ngày cấp',
    width: 16,
  },
  {
    key: 'certDate',
    header: 'Ngày cấp giấy chứng nhận',
    note: 'Không trước ngày kết thúc lớp',
    type: 'date',
    width: 13,
  },
  {
    key: 'certSigner',
    header: 'Đơn vị cấp giấy chứng nhận',
    note: 'Mã hoặc tên đầy đủ của đơn vị ký. Để trống: đơn vị tổ chức',
    width: 24,
  },
] as const satisfies readonly FormColumn[];

export type TraineeKey = (typeof TRAINEE_COLUMNS)[number]['key'];

export const TRAINEES_EXAMPLE: FormRow = {
  ...CLASS_EXAMPLE,
  nationalId: '066094000123',
  fullName: 'Y Ngông Niê Kdăm',
  birthDate: '1994-03-15',
  outcome: outcomeLabels.completed,
  grade: gradeLabels.good,
  attendance: '100',
  certNumber: '015/GCN-HĐ',
  certDate: '2019-05-10',
};
