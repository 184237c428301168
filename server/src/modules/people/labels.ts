import type { Title } from '@canbo/contract';

/** Vietnamese words for coded values, for documents and messages the server writes itself. */

export const TITLE_LABELS: Record<Title, string> = {
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

export const GENDER_LABELS: Record<string, string> = { male: 'Nam', female: 'Nữ' };

export const QUALIFICATION_LABELS: Record<string, string> = {
  none: 'Chưa qua đào tạo',
  intermediate: 'Trung cấp',
  college: 'Cao đẳng',
  university: 'Đại học',
  master: 'Thạc sĩ',
  doctorate: 'Tiến sĩ',
};

export const THEORY_LABELS: Record<string, string> = {
  none: 'Chưa có',
  basic: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};
