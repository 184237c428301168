import { importKindParams, importProgress, importProgressParams, importQuery, importResult } from '../imports.ts';
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
  /**
   * How far the caller's upload sent with `progress=<token>` has come, polled while it runs. Kept in
   * the memory of the process that runs the upload for a few minutes, for the session that sent it
   * only (anyone else, signed in or not, reads "waiting"). Sessionless: on SQLite a commit holds the
   * one connection, and the poll must be answered meanwhile without a session look-up.
   */
  progress: defineRoute({
    method: 'GET',
    path: '/imports/progress/:token',
    public: true,
    sessionless: true,
    tags,
    params: importProgressParams,
    responses: { 200: importProgress },
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
