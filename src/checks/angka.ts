// angka.tidak-terbaca, angka.majemuk, angka.ambigu, excel.galat, persen.campur: what the number
// reader met in the numeric cells of the data rows; persen.pecahan: capaian kept as fractions.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { RowRecord, SheetModel } from "../sheet/rows";
import type { Num } from "../sheet/numeric";
import type { CellValue, Grid } from "../model/grid";
import type { RoleId } from "../model";
import { a1, cellAt } from "../model/grid";
import { isPercentFormat } from "../core/numbers";
import { textOf } from "../sheet/text";
import { issue } from "./make";
import { isKinerjaRole } from "../sheet/roles";

/** A numeric column of the table. */
interface NumCol {
  role: RoleId;
  col: number;
  kinerja: boolean;
}

/** What the reader met in one cell, when it is worth a finding (else nothing is added). */
function readingIssue(out: Issue[], row: number, col: number, n: Num, value: CellValue): void {
  const raw = textOf(value);
  if (n.kind === "excel-error")
    out.push(
      issue(
        row,
        col,
        "excel.galat",
        "error",
        `Sel berisi galat Excel ${raw}; nilai ini tidak dapat dipakai menghitung.`
      )
    );
  else if (n.kind === "invalid")
    out.push(
      issue(
        row,
        col,
        "angka.tidak-terbaca",
        "error",
        `Angka "${raw}" tidak dapat dibaca${n.message ? ` (${n.message})` : ""}; perbaiki penulisannya.`
      )
    );
  else if (n.kind === "compound")
    out.push(
      issue(
        row,
        col,
        "angka.majemuk",
        "warning",
        `"${raw}" berisi lebih dari satu besaran; tidak dihitung. Pisahkan menjadi satu angka per indikator.`
      )
    );
  else if (n.kind === "number" && n.ambiguous)
    out.push(
      issue(
        row,
        col,
        "angka.ambigu",
        "warning",
        `"${raw}" bisa dibaca dua cara (pemisah ribuan atau desimal); dibaca sebagai ${n.value!.toString().replace(".", ",")}. Periksa kembali.`
      )
    );
}

function mixedPercent(r: RowRecord, fraction: NumCol, v: CellValue): Issue {
  return issue(
    r.row,
    fraction.col,
    "persen.campur",
    "warning",
    `Sel ini berformat persen (tersimpan ${String(v).replace(".", ",")}), sedangkan sel lain di baris ini berisi angka persen biasa. ` +
      `Kinerja menghitung dengan ${r.nums[fraction.role]!.value!.toString().replace(".", ",")}; rumus Excel biasa akan meleset ×100.`
  );
}

export function checkNumbers(grid: Grid, rec: Recognition, model: SheetModel): Issue[] {
  const out: Issue[] = [];
  const cols: NumCol[] = model.numericRoles.map((role) => ({
    role,
    col: rec.columns[role]!,
    kinerja: isKinerjaRole(role),
  }));
  // indexed loops: these run for every numeric cell (for…of allocated here, measured)
  const rows = model.rows;
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri];
    // nothing to report on a row whose numbers all read plainly (the row model knows)
    if (r.kind !== "data" || r.plainNumbers) continue;
    const line = grid.cells[r.row] ?? [];
    let fraction: NumCol | null = null;
    let plain = false;
    for (let ci = 0; ci < cols.length; ci++) {
      const x = cols[ci];
      const n = r.nums[x.role];
      if (!n || n.kind === "empty") continue;
      const value = line[x.col]?.value ?? null;
      if (n.kind === "number" && !n.ambiguous && !n.percentFormat && n.isPercent === false) {
        if (x.kinerja && typeof value === "number") plain = true;
        continue;
      }
      readingIssue(out, r.row, x.col, n, value);
      // kinerja cells only: a %-formatted fraction next to plain percent points (the 8560,00 bug)
      if (n.kind === "number" && x.kinerja) {
        if (n.percentFormat) fraction ??= x;
        else if (typeof value === "number") plain = true;
      }
    }
    if (fraction && plain) out.push(mixedPercent(r, fraction, line[fraction.col]?.value ?? null));
  }
  return out;
}

/** Columns whose values are percent points (capaian, efisiensi, serapan). */
const PERCENT_POINT_ROLE = /^(capaian|anggaran\.capaian|efisiensi|serapan)/;

/**
 * persen.pecahan: a capaian-type column stores %-formatted fractions (1 shown as 100 %, as in the
 * Lamongan T-C.29, 000:L217). The sheet looks right, but any formula reading the cell gets the
 * fraction: KINERJA.KATEGORI(M12) would judge 1, not 100. One finding per column.
 */
export function checkFractionColumns(grid: Grid, rec: Recognition, model: SheetModel): Issue[] {
  const out: Issue[] = [];
  for (const [role, col] of Object.entries(rec.columns)) {
    if (!PERCENT_POINT_ROLE.test(role)) continue;
    let first: number | null = null;
    let example: number | null = null;
    let count = 0;
    for (const r of model.rows) {
      if (r.kind !== "data") continue;
      const cell = grid.cells[r.row]?.[col];
      if (typeof cell?.value !== "number" || !isPercentFormat(cell.numberFormat)) continue;
      first ??= r.row;
      if (example === null && cell.value !== 0) example = r.row;
      count++;
    }
    if (first === null) continue;
    const at = example ?? first;
    const ref = a1(at, col);
    const v = Number(cellAt(grid, at, col).value);
    const plain = (x: number) => String(Math.round(x * 10000) / 10000).replace(".", ",");
    out.push(
      issue(
        first,
        col,
        "persen.pecahan",
        "info",
        `Kolom ini menyimpan ${count} nilai persen sebagai pecahan berformat persen (1 tampil 100%). ` +
          (example !== null
            ? `Rumus yang memakai selnya menerima pecahan, mis. KINERJA.KATEGORI(${ref}) menilai ${plain(v)}, bukan ${plain(v * 100)}. `
            : "Rumus yang memakai selnya menerima pecahan, bukan angka persen. ") +
          `Tulis KINERJA.KATEGORI(${ref}*100), atau isi ulang kolom dengan Kinerja (ditulis sebagai angka persen).`
      )
    );
  }
  return out;
}
