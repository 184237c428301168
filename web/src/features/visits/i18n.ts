import { visitStatusLabels } from '@canbo/contract';
import { fieldWords } from '../../i18n/fields';

const fields = fieldWords({
  hostUnit: 'hostUnitId',
  startDate: 'startDate',
  endDate: 'endDate',
  purpose: 'purpose',
  reportText: 'reportText',
  year: 'year',
});

export const visits = {
  vi: {
    ...fields.vi,
    nav: 'Đi cơ sở',
    myTitle: 'Đi cơ sở của tôi',
    daysDone: '{{days}}/{{requirement}} ngày',
    status: visitStatusLabels,
    noRecord: 'Tài khoản chưa gắn với hồ sơ cán bộ nào.',
    noRegistration: 'Bạn chưa đăng ký đơn vị cơ sở năm {{year}}: hãy nhờ cán bộ phụ trách hồ sơ đăng ký giúp.',
    registeredAt: 'Đơn vị cơ sở đăng ký: {{unit}}',
    logTrip: 'Ghi đợt đi cơ sở',
    tripLogged: 'Đã ghi đợt đi cơ sở',
    trips: 'Các đợt trong năm',
    noTrips: 'Chưa có đợt nào trong năm',
    days: '{{count}} ngày',
    dueBy: 'Hạn nộp báo cáo {{date}}',
    overdue: 'Quá hạn báo cáo',
    reported: 'Đã nộp báo cáo',
    fileReport: 'Nộp báo cáo',
    reportFiled: 'Đã nộp báo cáo kết quả',
    required: 'Hãy nhập {{field}}',
  },
  en: {
    ...fields.en,
    nav: 'Grassroots visits',
    myTitle: 'My grassroots visits',
    daysDone: '{{days}}/{{requirement}} days',
    status: { done: 'Done', on_track: 'On track', behind: 'Behind' },
    noRecord: 'This account is not linked to a cadre’s record.',
    noRegistration:
      'You have not registered a host unit for {{year}}: ask the staff keeping your record to register you.',
    registeredAt: 'Registered host unit: {{unit}}',
    logTrip: 'Log a trip',
    tripLogged: 'Trip logged',
    trips: 'Trips this year',
    noTrips: 'No trip this year yet',
    days: '{{count}} days',
    dueBy: 'Report due {{date}}',
    overdue: 'Report overdue',
    reported: 'Report filed',
    fileReport: 'File the report',
    reportFiled: 'Results report filed',
    required: 'Enter the {{field}}',
  },
};
