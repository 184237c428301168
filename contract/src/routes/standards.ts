import {
  standardisationExportQuery,
  standardisationPage,
  standardisationQuery,
  titleGapsExportQuery,
  titleGapsPage,
  titleGapsQuery,
  titleStandard,
  titleStandardList,
  titleStandardParams,
  titleStandardSave,
} from '../standards.ts';
import { defineRoute } from './define.ts';

const tags = ['standards'];

/** Title standards (a catalogue) and the two lists measured against them: standardisation and gaps. */
export const standards = {
  // At most titles × levels cells: not paged.
  list: defineRoute({
    method: 'GET',
    path: '/catalog/title-standards',
    tags,
    responses: { 200: titleStandardList },
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/catalog/title-standards/:title/:level',
    tags,
    params: titleStandardParams,
    body: titleStandardSave,
    responses: { 200: titleStandard },
    example: {
      version: 0,
      maxAgeFirst: 30,
      maxAgeInPost: 35,
      hardshipMaxAgeFirst: null,
      hardshipMaxAgeInPost: 37,
      minQualification: 'university',
      minTheoryLevel: 'basic',
    },
  }),
  standardisation: defineRoute({
    method: 'GET',
    path: '/standards/standardisation',
    tags,
    query: standardisationQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30' }),
    responses: { 200: standardisationPage },
  }),
  exportStandardisation: defineRoute({
    method: 'GET',
    path: '/standards/standardisation.xlsx',
    tags,
    query: standardisationExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30', sort: 'unit' }),
    file: 'xlsx',
  }),
  gaps: defineRoute({
    method: 'GET',
    path: '/standards/gaps',
    tags,
    query: titleGapsQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30', months: 12 }),
    responses: { 200: titleGapsPage },
  }),
  exportGaps: defineRoute({
    method: 'GET',
    path: '/standards/gaps.xlsx',
    tags,
    query: titleGapsExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30', months: 12, sort: 'startDate' }),
    file: 'xlsx',
  }),
};
