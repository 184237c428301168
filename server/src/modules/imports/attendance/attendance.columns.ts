import { attendanceMarkLabels, sessionPartLabels } from '@canbo/contract';
import type { FormColumn, FormRow, FormSheet } from '../../../documents/xlsx/form.ts';
import { PERSON_COLUMNS } from '../person.columns.ts';

/**
 * The attendance sheet: one trainee's mark at one session per row — the class by its name (and
 * first day when two classes share it), the trainee as every cadre sheet names one, the session
 * by day and part of the day. Plain data (the worker reads it).
 */
export const ATTENDANCE_COLUMNS = [
  {
    key: 'className',
    header: 'Tên lớp',
    note: 'Bắt buộc. Tên đầy đủ của lớp như trong Canbo',
    width: 32,
    required: true,
  },
  {
    key: 'classStart',
    header: 'Ngày bắt đầu lớp',
    note: 'Ghi khi có nhiều lớp cùng tên',
    type: 'date',
    width: 13,
  },
  ...PERSON_COLUMNS,
  {
    key: 'sessionDate',
    header: 'Ngày học',
    note: 'Bắt buộc. Ngày của buổi học',
    type: 'date',
    width: 13,
    required: true,
  },
  {
    key: 'sessionPart',
    header: 'Buổi',
    note: 'Bắt buộc. Chọn trong danh sách',
    list: Object.values(sessionPartLabels),
    width: 10,
    required: true,
  },
  {
    key: 'mark',
    header: 'Điểm danh',
    note: 'Chọn trong danh sách, hoặc chữ như trên bảng điểm danh: C, M, P, K. Để trống: giữ nguyên điểm danh đã có',
    list: Object.values(attendanceMarkLabels),
    width: 16,
  },
] as const satisfies readonly FormColumn[];

export type AttendanceKey = (typeof ATTENDANCE_COLUMNS)[number]['key'];

export const ATTENDANCE_FORM: FormSheet = { sheetName: 'Điểm danh', columns: ATTENDANCE_COLUMNS };

export const ATTENDANCE_EXAMPLE: FormRow = {
  className: 'Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2025',
  classStart: '2025-05-12',
  nationalId: '066094000123',
  fullName: 'Y Ngông Niê Kdăm',
  birthDate: '1994-03-15',
  sessionDate: '2025-05-12',
  sessionPart: sessionPartLabels.morning,
  mark: attendanceMarkLabels.present,
};
