import type ExcelJS from 'exceljs';

/**
 * ExcelJS keeps a sheet's validations by address and accepts a whole range as one ("F3:O2002"), but
 * its types only declare the per-cell form, which would write one entry per cell.
 */
export function rangeValidations(ws: ExcelJS.Worksheet) {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}
