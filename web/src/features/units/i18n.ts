export const units = {
  vi: {},
  en: {},
};
