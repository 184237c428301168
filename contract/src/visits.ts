import { z } from 'zod';
import { id, isoDate, pageOf, pageQuery, queryVersion, version } from './common.ts';
import { classLevel, title, visitDayCounting, visitStatus } from './enums.ts';
import { multilineText, optionalMultilineText, searchTerm } from './text.ts';

/** A year in a query string (coerced from text) … */
export const visitYear = z.coerce.number().int('phải là số nguyên').min(1900).max(2199);
/** … and in a JSON body. */
const bodyYear = z.number().int('phải là số nguyên').min(1900).max(2199);

export const visitTrip = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  hostUnitId: z.number().int(),
  hostUnitName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  /** The days of this trip falling in the year asked for (a trip across New Year splits). */
  daysInYear: z.number().int(),
  purpose: z.string(),
  reportText: z.string().nullable(),
  reportFiledAt: z.string().nullable(),
  reportDueDate: z.string(),
  reportOverdue: z.boolean(),
  /** The report's attachment (one per trip), its bytes behind GET /visits/trips/:id/report-file. */
  reportFile: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type VisitTrip = z.infer<typeof visitTrip>;

export const visitRegistration = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  year: z.number().int(),
  hostUnitId: z.number().int(),
  hostUnitName: z.string(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type VisitRegistration = z.infer<typeof visitRegistration>;

/** A cadre's year: days done against the requirement, the trips and the reports still owed. */
export const visitPersonYear = z.object({
  personId: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  requirement: z.number().int(),
  days: z.number().int(),
  status: visitStatus,
  dayCounting: visitDayCounting,
  registration: visitRegistration.nullable(),
  trips: z.array(visitTrip),
  reportsDue: z.number().int(),
  canEdit: z.boolean(),
});
export type VisitPersonYear = z.infer<typeof visitPersonYear>;

/** Queries name the year and the unit or person optionally: the service says which it needs, in Vietnamese. */
export const visitYearQuery = z.object({ year: visitYear.optional() });
export const visitPersonYearQuery = z.object({ personId: id.optional(), year: visitYear.optional() });

export const visitRegistrationCreate = z.object({
  personId: id,
  year: bodyYear,
  hostUnitId: id,
  notes: optionalMultilineText(2000),
});
export type VisitRegistrationCreateInput = z.input<typeof visitRegistrationCreate>;

/** Another host unit (or notes) for a registration; its year stays. */
export const visitRegistrationUpdate = z.object({
  version,
  hostUnitId: id.optional(),
  notes: optionalMultilineText(2000),
});
export type VisitRegistrationUpdateInput = z.input<typeof visitRegistrationUpdate>;

/** Units a cadre may register with: searched by name, paged. */
export const visitHostUnitsQuery = pageQuery.extend({ personId: id.optional(), q: searchTerm });
export const visitHostUnit = z.object({ id: z.number().int(), name: z.string(), parentName: z.string().nullable() });
export type VisitHostUnit = z.infer<typeof visitHostUnit>;
export const visitHostUnitsPage = pageOf(visitHostUnit);

/** Attachments of a results report: at most 10 MB, PDF, Word (.docx), JPEG or PNG. */
export const VISIT_REPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const visitReportFileTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;

export const visitTripCreate = z.object({
  personId: id,
  hostUnitId: id,
  startDate: isoDate,
  endDate: isoDate,
  purpose: multilineText(2000),
});
export type VisitTripCreateInput = z.input<typeof visitTripCreate>;

export const visitTripUpdate = z.object({
  version,
  hostUnitId: id.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  purpose: multilineText(2000).optional(),
});
export type VisitTripUpdateInput = z.input<typeof visitTripUpdate>;

export const visitReportFile = z.object({ version, reportText: multilineText(10000) });
export type VisitReportFileInput = z.input<typeof visitReportFile>;
/** Attaching or removing the report's file changes the trip: at the version the user saw (else 409). */
export const visitReportAttachmentQuery = z.object({ version: queryVersion });

export const visitComplianceRow = z.object({
  personId: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  requirement: z.number().int(),
  days: z.number().int(),
  trips: z.number().int(),
  status: visitStatus,
});
export type VisitComplianceRow = z.infer<typeof visitComplianceRow>;

export const visitComplianceQuery = pageQuery.extend({
  unitId: id.optional(),
  year: visitYear.optional(),
  status: visitStatus.optional(),
  sort: z.enum(['person', 'days']).default('person'),
});
export type VisitComplianceQuery = z.infer<typeof visitComplianceQuery>;
export const visitCompliancePage = pageOf(visitComplianceRow);
/** GET /visits/compliance.xlsx — the same filter and order, every row. */
export const visitComplianceExportQuery = visitComplianceQuery.omit({ page: true, pageSize: true });

export const visitTotalsQuery = z.object({ unitId: id.optional(), year: visitYear.optional() });
export const visitTotals = z.object({
  year: z.number().int(),
  levels: z.array(z.object({ level: classLevel, trips: z.number().int(), days: z.number().int() })),
});
export type VisitTotals = z.infer<typeof visitTotals>;

export const visitOverdueQuery = pageQuery.extend({ unitId: id.optional() });
export const visitOverduePage = pageOf(visitTrip);

/** A requirement for the cadres of one level or holding one title (exactly one is set). */
export const visitRequirement = z.object({
  id: z.number().int(),
  level: classLevel.nullable(),
  title: title.nullable(),
  annualDays: z.number().int(),
  version: z.number().int(),
});
export type VisitRequirement = z.infer<typeof visitRequirement>;

export const visitSettings = z.object({
  unitId: z.number().int(),
  dayCounting: visitDayCounting,
  reportDueDays: z.number().int(),
  annualDays: z.number().int(),
  /** Overrides of `annualDays`: a title's wins over a level's, which wins over the default. */
  requirements: z.array(visitRequirement),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type VisitSettings = z.infer<typeof visitSettings>;
export const visitSettingsQuery = z.object({ unitId: id.optional() });
export const visitSettingsUpdate = z.object({
  version,
  dayCounting: visitDayCounting.optional(),
  reportDueDays: z.number().int().min(1).max(365).optional(),
  annualDays: z.number().int().min(1).max(366).optional(),
});
export type VisitSettingsUpdateInput = z.input<typeof visitSettingsUpdate>;

const annualDays = z.number().int('phải là số nguyên').min(1).max(366);
/** A requirement for one level or one title: setting one that exists changes its days. */
export const visitRequirementSet = z.object({
  level: classLevel.optional(),
  title: title.optional(),
  annualDays,
});
export type VisitRequirementSetInput = z.input<typeof visitRequirementSet>;
