export const users = {
  vi: {},
  en: {},
};
