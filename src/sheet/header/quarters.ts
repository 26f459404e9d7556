// Quarters as table headers and titles name them: "I", "TW III", "Triwulan 4", "Jan - Mar",
// "Semester II". One reading for the header scan and the title.
const ROMAN: Record<string, 1 | 2 | 3 | 4> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};
const MONTHS = "jan|feb|mar|apr|mei|jun|jul|agu|agt|ags|sep|okt|nov|des";
const QUARTER_CELL = new RegExp(
  `^(?:(?:triwulan|tw|trw)\\s*[-.]?\\s*)?(iv|iii|ii|i|[1-4])\\b\\s*(?:\\(\\s*(?:${MONTHS})[a-z]*\\s*[-–]\\s*(?:${MONTHS})[a-z]*\\s*\\))?$`
);
const MONTH_RANGE = new RegExp(`^(${MONTHS})[a-z]*\\s*[-–s/d.]+\\s*(${MONTHS})[a-z]*$`);
const QUARTER_IN_TEXT = /\b(?:triwulan|tw|trw)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b/;
const MONTH_Q: Record<string, 1 | 2 | 3 | 4> = { jan: 1, apr: 2, jul: 3, okt: 4 };

/** "I", "II (APR - JUNI)", "TW III", "Triwulan 4", "Jan - Mar" → the quarter. */
export function quarterCell(text: string): 1 | 2 | 3 | 4 | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  const q = QUARTER_CELL.exec(t);
  if (q) return ROMAN[q[1]];
  const m = MONTH_RANGE.exec(t);
  return m ? (MONTH_Q[m[1].slice(0, 3)] ?? null) : null;
}

/** A quarter named inside a longer header text ("Target Volume Sub Kegiatan Tw 1"). */
export function quarterInText(text: string): 1 | 2 | 3 | 4 | null {
  const m = QUARTER_IN_TEXT.exec(text.toLowerCase());
  return m ? ROMAN[m[1]] : null;
}

/** The last quarter a report covers, from its title ("… TAHUN 2024 TRIWULAN II" → 2). */
export function quarterOfTitle(text: string): number | null {
  const q = quarterInText(text);
  if (q) return q;
  const sem = /\bsemester\s*[-.]?\s*(ii|i|[12])\b/i.exec(text);
  return sem ? ROMAN[sem[1].toLowerCase()] * 2 : null;
}
