/** Words of the signed-in shell that are not shared with the features. */
export const app = {
  vi: { openMenu: 'Mở trình đơn', section: 'Mục đang xem', more: 'Thêm' },
  en: { openMenu: 'Open the menu', section: 'Section shown', more: 'More' },
};
