import type {
  appointmentMethods,
  attendanceMarks,
  certificateStatuses,
  classActions,
  classLevels,
  classModes,
  classStatuses,
  enrolmentStatuses,
  grades,
  outcomes,
  sessionParts,
  employments,
  moveKinds,
  genders,
  organisations,
  qualifications,
  roles,
  theoryLevels,
  titles,
  unitEventKinds,
  unitKinds,
  unitStatuses,
  studyKinds,
  studyStatuses,
  studyActions,
  studyModes,
  studyFundings,
  diplomaGrades,
  visitDayCountings,
  visitStatuses,
  schemeMetrics,
  schemeStatuses,
  figureRowKinds,
} from './enums.ts';
import type { importKinds } from './imports.ts';

/**
 * Vietnamese words for the coded values, the one source for both the server (Excel sheets,
 * messages it writes itself) and the web's `vi` translations, so a title reads the same on screen
 * and in the exported list. A record over the enum's values makes a new value fail to compile
 * until it has its word.
 */
type Labels<T extends readonly string[]> = Record<T[number], string>;

export const organisationLabels: Labels<typeof organisations> = { doan: 'Đoàn', hoi: 'Hội', doi: 'Đội' };

export const unitKindLabels: Labels<typeof unitKinds> = {
  central: 'Trung ương',
  province: 'Tỉnh, thành đoàn',
  district: 'Huyện đoàn và tương đương',
  commune: 'Đoàn xã, phường, đặc khu',
  affiliated: 'Đoàn trực thuộc',
  sector: 'Đoàn Khối, Đoàn ngành',
  grassroots: 'Đoàn cơ sở',
  standalone_branch: 'Chi đoàn cơ sở',
  inter_branch: 'Liên chi đoàn',
  branch: 'Chi đoàn',
};

export const unitStatusLabels: Labels<typeof unitStatuses> = {
  active: 'Đang hoạt động',
  interim: 'Lâm thời',
  dissolved: 'Đã giải thể / sáp nhập',
};

export const unitEventKindLabels: Labels<typeof unitEventKinds> = {
  create: 'Thành lập',
  rename: 'Đổi tên',
  move: 'Chuyển trực thuộc',
  merge: 'Hợp nhất, sáp nhập',
  split: 'Chia tách',
  dissolve: 'Giải thể',
  interim: 'Chuyển lâm thời',
  activate: 'Chính thức hoạt động',
};

export const genderLabels: Labels<typeof genders> = { male: 'Nam', female: 'Nữ' };

export const qualificationLabels: Labels<typeof qualifications> = {
  none: 'Chưa qua đào tạo',
  intermediate: 'Trung cấp',
  college: 'Cao đẳng',
  university: 'Đại học',
  master: 'Thạc sĩ',
  doctorate: 'Tiến sĩ',
};

export const theoryLevelLabels: Labels<typeof theoryLevels> = {
  none: 'Chưa có',
  basic: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};

export const titleLabels: Labels<typeof titles> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  standing_member: 'Ủy viên Ban Thường vụ',
  committee_member: 'Ủy viên Ban Chấp hành',
  head_of_board: 'Trưởng ban',
  deputy_head_of_board: 'Phó Trưởng ban',
  specialist: 'Chuyên viên',
  federation_chair: 'Chủ tịch Hội',
  federation_vice_chair: 'Phó Chủ tịch Hội',
  pioneer_council_chair: 'Chủ tịch Hội đồng Đội',
  pioneer_leader: 'Tổng phụ trách Đội',
};

export const employmentLabels: Labels<typeof employments> = {
  full_time: 'Chuyên trách',
  part_time: 'Bán chuyên trách',
  concurrent: 'Kiêm nhiệm',
};

export const appointmentMethodLabels: Labels<typeof appointmentMethods> = {
  elected: 'Bầu cử',
  appointed: 'Bổ nhiệm',
  consulted: 'Hiệp thương',
};

export const moveKindLabels: Labels<typeof moveKinds> = {
  transfer: 'Điều động',
  rotation: 'Luân chuyển',
  secondment: 'Biệt phái',
  reception: 'Tiếp nhận',
};

export const roleLabels: Labels<typeof roles> = { admin: 'Quản trị', editor: 'Biên tập', viewer: 'Xem' };

export const classLevelLabels: Labels<typeof classLevels> = {
  central: 'Trung ương',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  grassroots: 'Cấp cơ sở',
};

export const classStatusLabels: Labels<typeof classStatuses> = {
  draft: 'Dự thảo',
  planned: 'Đã có kế hoạch',
  open: 'Đang nhận cử học viên',
  in_progress: 'Đang học',
  completed: 'Đã kết thúc',
  closed: 'Đã đóng hồ sơ',
  cancelled: 'Đã hủy',
};

export const classActionLabels: Labels<typeof classActions> = {
  plan: 'Duyệt kế hoạch',
  open: 'Mở nhận cử học viên',
  start: 'Khai giảng',
  complete: 'Bế giảng',
  close: 'Đóng hồ sơ lớp',
  cancel: 'Hủy lớp',
  reopen: 'Mở lại để sửa kết quả',
};

export const classModeLabels: Labels<typeof classModes> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  blended: 'Kết hợp trực tiếp và trực tuyến',
};

export const sessionPartLabels: Labels<typeof sessionParts> = {
  morning: 'Sáng',
  afternoon: 'Chiều',
  evening: 'Tối',
  full_day: 'Cả ngày',
};

export const enrolmentStatusLabels: Labels<typeof enrolmentStatuses> = {
  nominated: 'Đã cử',
  confirmed: 'Đã triệu tập',
  waitlisted: 'Danh sách chờ',
  withdrawn: 'Rút tên',
};

export const attendanceMarkLabels: Labels<typeof attendanceMarks> = {
  present: 'Có mặt',
  late: 'Đi muộn',
  excused: 'Vắng có phép',
  absent: 'Vắng không phép',
};

/** The marks' letters, as the grid shows them and an attendance sheet may be typed. */
export const attendanceMarkLetters: Labels<typeof attendanceMarks> = {
  present: 'C',
  late: 'M',
  excused: 'P',
  absent: 'K',
};

export const gradeLabels: Labels<typeof grades> = {
  excellent: 'Xuất sắc',
  good: 'Giỏi',
  fair: 'Khá',
  average: 'Trung bình',
  fail: 'Không đạt',
};

export const outcomeLabels: Labels<typeof outcomes> = {
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành',
};

export const certificateStatusLabels: Labels<typeof certificateStatuses> = {
  valid: 'Còn hiệu lực',
  revoked: 'Đã thu hồi',
};

export const studyKindLabels: Labels<typeof studyKinds> = {
  university: 'Đại học',
  master: 'Thạc sĩ',
  doctorate: 'Tiến sĩ',
  theory_intermediate: 'Trung cấp lý luận chính trị',
  theory_advanced: 'Cao cấp lý luận chính trị',
  theory_bachelor: 'Cử nhân lý luận chính trị',
};

export const studyStatusLabels: Labels<typeof studyStatuses> = {
  studying: 'Đang học',
  graduated: 'Đã tốt nghiệp',
  withdrawn: 'Thôi học',
  extended: 'Gia hạn',
};

export const studyActionLabels: Labels<typeof studyActions> = {
  graduate: 'Tốt nghiệp',
  withdraw: 'Thôi học',
  extend: 'Gia hạn',
};

export const studyModeLabels: Labels<typeof studyModes> = {
  full_time: 'Chính quy tập trung',
  part_time: 'Vừa làm vừa học',
  distance: 'Đào tạo từ xa',
};

export const studyFundingLabels: Labels<typeof studyFundings> = {
  state: 'Ngân sách nhà nước',
  self: 'Tự túc',
  scholarship: 'Học bổng',
  other: 'Nguồn khác',
};

export const diplomaGradeLabels: Labels<typeof diplomaGrades> = {
  excellent: 'Xuất sắc',
  very_good: 'Giỏi',
  good: 'Khá',
  fairly_good: 'Trung bình khá',
  average: 'Trung bình',
};

export const visitDayCountingLabels: Labels<typeof visitDayCountings> = {
  calendar: 'Ngày lịch',
  working: 'Ngày làm việc (thứ Hai–thứ Sáu)',
};

export const visitStatusLabels: Labels<typeof visitStatuses> = {
  done: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
};

export const schemeMetricLabels: Labels<typeof schemeMetrics> = {
  classes: 'Số lớp bồi dưỡng',
  participations: 'Số lượt cán bộ được bồi dưỡng',
  people: 'Số cán bộ được bồi dưỡng',
  title_training_share: 'Tỷ lệ cán bộ được bồi dưỡng chức danh',
  studies_started: 'Số cán bộ được cử đi học',
  studies_graduated: 'Số cán bộ tốt nghiệp',
  visit_days: 'Số ngày đi cơ sở',
};

export const schemeStatusLabels: Labels<typeof schemeStatuses> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  not_achieved: 'Không đạt',
  not_started: 'Chưa bắt đầu',
};

export const figureRowKindLabels: Labels<typeof figureRowKinds> = {
  class: 'Lớp bồi dưỡng',
  enrolment: 'Lượt học viên',
  person: 'Cán bộ',
  study: 'Khóa học dài hạn',
  trip: 'Đợt đi cơ sở',
};

export const importKindLabels: Labels<typeof importKinds> = {
  people: 'Cán bộ',
  units: 'Đơn vị',
  moves: 'Quá trình công tác (điều chuyển)',
  studies: 'Học tập dài hạn',
  visits: 'Đi cơ sở (1+2)',
  classes: 'Lớp đã học (theo số lượng)',
  trainees: 'Lớp đã học (theo danh sách học viên)',
  attendance: 'Điểm danh',
};
