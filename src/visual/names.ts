// Names of the sheets Kinerja adds and the references its formulas use to point back.

export const SUMMARY_SHEET = "Ringkasan";
export const CHART_SHEET = "Grafik capaian";

/** Excel's limit on sheet names; a longer name is refused. */
const MAX_SHEET_NAME = 31;

/** The name of the summary or chart sheet of a table sheet (within Excel's 31 characters). */
export function visualSheetName(kind: "ringkasan" | "grafik", tableSheet: string): string {
  return `${kind === "ringkasan" ? SUMMARY_SHEET : CHART_SHEET} ${tableSheet}`.slice(
    0,
    MAX_SHEET_NAME
  );
}

/** Quotes a sheet name for a reference: 'E81'!U12 (inner quotes doubled). */
export function sheetRef(sheet: string, a1ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1ref}`;
}
