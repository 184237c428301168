import { common } from './common';
import { app } from '../app/i18n';
import { auth } from '../features/auth/i18n';
import { units } from '../features/units/i18n';
import { people } from '../features/people/i18n';
import { users } from '../features/users/i18n';
import { positions } from '../features/positions/i18n';
import { audit } from '../features/audit/i18n';
import { trainingResults } from '../features/training/results/i18n';
import { training } from '../features/training/i18n';
import { studies } from '../features/studies/i18n';
import { visits } from '../features/visits/i18n';
import { schemes } from '../features/schemes/i18n';
import { imports } from '../features/imports/i18n';
import { reports } from '../features/reports/i18n';
import { standards } from '../features/standards/i18n';
import { dashboard } from '../features/dashboard/i18n';

/** Each feature keeps its words in its own namespace; Vietnamese first, English complete. */
export const namespaces = {
  common,
  app,
  auth,
  units,
  people,
  users,
  positions,
  audit,
  trainingResults,
  training,
  studies,
  visits,
  schemes,
  imports,
  reports,
  standards,
  dashboard,
};
