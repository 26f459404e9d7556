// angka.tidak-terbaca, angka.majemuk, angka.ambigu, excel.galat, persen.campur: what the number
// reader met in the numeric cells of the data rows; persen.pecahan: capaian kept as fractions.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { SheetModel } from "../sheet/rows";
import type { Grid } from "../model/grid";
import { a1, cellAt } from "../model/grid";
import { isPercentFormat } from "../core/numbers";
import { textOf } from "../sheet/text";
import { issue } from "./make";
import { isKinerjaRole } from "../sheet/roles";

export function checkNumbers(grid: Grid, rec: Recognition, model: SheetModel): Issue[] {
  const out: Issue[] = [];
  const kinerja = new Set(model.numericRoles.filter(isKinerjaRole));
  for (const r of model.rows) {
    if (r.kind !== "data") continue;
    let fraction: string | null = null;
    let plain = false;
    for (const role of model.numericRoles) {
      const n = r.nums[role];
      if (!n) continue;
      if (
        n.kind === "empty" ||
        (n.kind === "number" && !n.ambiguous && !n.percentFormat && n.isPercent === false)
      ) {
        if (
          n.kind === "number" &&
          kinerja.has(role) &&
          typeof cellAt(grid, r.row, rec.columns[role]).value === "number"
        )
          plain = true;
        continue;
      }
      const col = rec.columns[role];
      const raw = textOf(cellAt(grid, r.row, col).value);
      if (n.kind === "excel-error")
        out.push(
          issue(
            r.row,
            col,
            "excel.galat",
            "error",
            `Sel berisi galat Excel ${raw}; nilai ini tidak dapat dipakai menghitung.`
          )
        );
      else if (n.kind === "invalid")
        out.push(
          issue(
            r.row,
            col,
            "angka.tidak-terbaca",
            "error",
            `Angka "${raw}" tidak dapat dibaca${n.message ? ` (${n.message})` : ""}; perbaiki penulisannya.`
          )
        );
      else if (n.kind === "compound")
        out.push(
          issue(
            r.row,
            col,
            "angka.majemuk",
            "warning",
            `"${raw}" berisi lebih dari satu besaran; tidak dihitung. Pisahkan menjadi satu angka per indikator.`
          )
        );
      else if (n.kind === "number" && n.ambiguous)
        out.push(
          issue(
            r.row,
            col,
            "angka.ambigu",
            "warning",
            `"${raw}" bisa dibaca dua cara (pemisah ribuan atau desimal); dibaca sebagai ${n.value!.toString().replace(".", ",")}. Periksa kembali.`
          )
        );
      // kinerja cells only: a %-formatted fraction next to plain percent points (the 8560,00 bug)
      if (n.kind === "number" && kinerja.has(role)) {
        if (n.percentFormat) fraction ??= role;
        else if (typeof cellAt(grid, r.row, col).value === "number") plain = true;
      }
    }
    if (fraction && plain) {
      const col = rec.columns[fraction];
      const v = cellAt(grid, r.row, col).value;
      out.push(
        issue(
          r.row,
          col,
          "persen.campur",
          "warning",
          `Sel ini berformat persen (tersimpan ${String(v).replace(".", ",")}), sedangkan sel lain di baris ini berisi angka persen biasa. ` +
            `Kinerja menghitung dengan ${r.nums[fraction].value!.toString().replace(".", ",")}; rumus Excel biasa akan meleset ×100.`
        )
      );
    }
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
      const cell = cellAt(grid, r.row, col);
      if (typeof cell.value !== "number" || !isPercentFormat(cell.numberFormat)) continue;
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
