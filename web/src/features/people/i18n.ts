export const people = {
  vi: {},
  en: {},
};
