/** Words of the signed-in shell that are not shared with the features. */
export const app = {
  vi: { openMenu: 'Mở trình đơn' },
  en: { openMenu: 'Open the menu' },
};
