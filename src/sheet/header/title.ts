// Facts from the title rows above the table: fiscal year, the last quarter the report covers,
// the Perangkat Daerah's name.
import type { Grid } from "../../model/grid";
import { cellAt, colCount } from "../../model/grid";
import { textOf } from "../text";
import { quarterOfTitle } from "./quarters";

/** "Triwulan II" for 2. */
export function quarterLabel(q: number): string {
  return `Triwulan ${["", "I", "II", "III", "IV"][q] ?? q}`;
}

/** The last quarter a report covers, from its title ("… TAHUN 2024 TRIWULAN II" → 2). */
export const findQuarter = quarterOfTitle;

export function findYear(text: string): number | null {
  const m = /tahun\s*(?:anggaran\s*)?(20\d\d)/.exec(text) ?? /\b(20\d\d)\b/.exec(text);
  return m ? Number(m[1]) : null;
}

export function findPdName(grid: Grid, before: number): string | null {
  const cols = Math.min(colCount(grid), 30);
  for (let r = 0; r < before; r++)
    for (let c = 0; c < cols; c++) {
      const t = textOf(cellAt(grid, r, c).value);
      const m = /nama\s+(?:perangkat daerah|pd|skpd|opd)\s*:\s*(.+)/i.exec(t);
      if (m) return m[1].trim();
      if (/^(dinas|badan|sekretariat|kantor|inspektorat)\b/i.test(t))
        return t.replace(/\s+tahun\s+20\d\d.*$/i, "").trim();
    }
  return null;
}
