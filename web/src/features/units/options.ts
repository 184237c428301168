import type { TFunction } from 'i18next';
import { organisations, unitKinds, unitStatuses } from '@canbo/contract';

/** Select options for the enums, labelled from common:… so every screen names them alike. */
export const kindOptions = (t: TFunction) => unitKinds.map((k) => ({ value: k, label: t(`common:unitKind.${k}`) }));
export const organisationOptions = (t: TFunction) =>
  organisations.map((o) => ({ value: o, label: t(`common:organisation.${o}`) }));
export const statusOptions = (t: TFunction) =>
  unitStatuses.map((s) => ({ value: s, label: t(`common:unitStatus.${s}`) }));
