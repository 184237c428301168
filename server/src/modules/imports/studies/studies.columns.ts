import {
  diplomaGradeLabels,
  studyFundingLabels,
  studyKindLabels,
  studyModeLabels,
  studyStatusLabels,
} from '@canbo/contract';
import type { FormColumn, FormRow, FormSheet } from '../../../documents/xlsx/form.ts';
import { PERSON_COLUMNS } from '../person.columns.ts';

/** The outcomes a sheet records: still studying, graduated, withdrawn. */
export const STUDY_RESULTS = {
  studying: studyStatusLabels.studying,
  graduated: studyStatusLabels.graduated,
  withdrawn: studyStatusLabels.withdrawn,
} as const;

/** The long-term study sheet: a cadre sent to a degree or political-theory course, one per row. */
export const STUDY_COLUMNS = [
  ...PERSON_COLUMNS,
  {
    key: 'studyKind',
    header: 'Loại học tập',
    note: 'Bắt buộc. Chọn trong danh sách',
    list: Object.values(studyKindLabels),
    width: 22,
    required: true,
  },
  { key: 'institution', header: 'Cơ sở đào tạo', note: 'Bắt buộc', width: 26, required: true },
  { key: 'major', header: 'Chuyên ngành', note: 'Có thể để trống', width: 18 },
  {
    key: 'studyMode',
    header: 'Hình thức học',
    note: 'Để trống: chính quy tập trung',
    list: Object.values(studyModeLabels),
    width: 18,
  },
  {
    key: 'funding',
    header: 'Kinh phí',
    note: 'Để trống: ngân sách nhà nước',
    list: Object.values(studyFundingLabels),
    width: 16,
  },
  { key: 'decision', header: 'Số quyết định', note: 'Quyết định cử đi học', width: 16 },
  { key: 'decisionDate', header: 'Ngày quyết định', note: 'Không sau Ngày bắt đầu', type: 'date', width: 14 },
  { key: 'startDate', header: 'Ngày bắt đầu', note: 'Bắt buộc', type: 'date', width: 13, required: true },
  {
    key: 'expectedEndDate',
    header: 'Ngày dự kiến kết thúc',
    note: 'Bắt buộc. Không trước Ngày bắt đầu',
    type: 'date',
    width: 14,
    required: true,
  },
  {
    key: 'result',
    header: 'Kết quả',
    note: 'Để trống: đang học. Đã tốt nghiệp cần Ngày kết thúc, Số bằng và Xếp loại; Thôi học cần Ngày kết thúc và Lý do',
    list: Object.values(STUDY_RESULTS),
    width: 14,
  },
  { key: 'endDate', header: 'Ngày kết thúc', note: 'Ngày tốt nghiệp hoặc thôi học', type: 'date', width: 13 },
  { key: 'diplomaNumber', header: 'Số bằng', note: 'Khi đã tốt nghiệp', width: 14 },
  {
    key: 'diplomaGrade',
    header: 'Xếp loại',
    note: 'Khi đã tốt nghiệp',
    list: Object.values(diplomaGradeLabels),
    width: 12,
  },
  { key: 'reason', header: 'Lý do', note: 'Khi thôi học', width: 20 },
  { key: 'notes', header: 'Ghi chú', note: 'Tối đa 2000 ký tự', width: 24 },
] as const satisfies readonly FormColumn[];

export type StudyKey = (typeof STUDY_COLUMNS)[number]['key'];

export const STUDIES_FORM: FormSheet = { sheetName: 'Học tập dài hạn', columns: STUDY_COLUMNS };

export const STUDIES_EXAMPLE: FormRow = {
  nationalId: '066094000123',
  fullName: 'Y Ngông Niê Kdăm',
  birthDate: '1994-03-15',
  studyKind: studyKindLabels.theory_intermediate,
  institution: 'Trường Chính trị tỉnh Đắk Nông',
  studyMode: studyModeLabels.part_time,
  funding: studyFundingLabels.state,
  decision: '112-QĐ/TU',
  decisionDate: '2019-08-20',
  startDate: '2019-09-05',
  expectedEndDate: '2020-09-05',
  result: STUDY_RESULTS.graduated,
  endDate: '2020-09-10',
  diplomaNumber: 'TC-2020-0456',
  diplomaGrade: diplomaGradeLabels.good,
};
