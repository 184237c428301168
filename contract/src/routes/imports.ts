import { importKindParams, importQuery, importResult } from '../imports.ts';
import { defineRoute } from './define.ts';

const tags = ['imports'];

export const imports = {
  /** The kind's empty sheet: headers, notes, drop-down lists, one example row. */
  template: defineRoute({
    method: 'GET',
    path: '/imports/:importKind/template.xlsx',
    tags,
    params: importKindParams,
    file: 'xlsx',
  }),
  /** Preview (default) or, with commit=true, write a filled sheet: all rows or none. */
  upload: defineRoute({
    method: 'POST',
    path: '/imports/:importKind',
    tags,
    params: importKindParams,
    query: importQuery,
    exampleQuery: { commit: 'false' },
    upload: true,
    responses: { 200: importResult },
  }),
  /** The uploaded sheet back with a "Lỗi" column saying what is wrong with each row. */
  errors: defineRoute({
    method: 'POST',
    path: '/imports/:importKind/errors.xlsx',
    tags,
    params: importKindParams,
    upload: true,
    file: 'xlsx',
  }),
};
