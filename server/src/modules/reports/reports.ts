import type { ReportName } from '@canbo/contract';
import { cadreStructure } from './cadres/cadreStructure.ts';
import type { ReportDefinition } from './report.ts';
import { standardisationReport, titleGapsReport } from './standards/standardsReports.ts';
import { visitsReport } from './visits/visitsReport.ts';
import { studiesReport } from './studies/studiesReport.ts';
import { schemeReport } from './schemes/schemeReport.ts';
import { trainingReport } from './training/trainingReport.ts';

/** Every report of the frame, in the order the list shows them. A new report is one entry here. */
export const REPORTS: readonly ReportDefinition[] = [
  trainingReport,
  cadreStructure,
  standardisationReport,
  titleGapsReport,
  visitsReport,
  studiesReport,
  schemeReport,
];

export const reportByName = (name: ReportName): ReportDefinition | undefined => REPORTS.find((r) => r.name === name);
