// angka.tidak-terbaca, angka.majemuk, angka.ambigu, excel.galat, persen.campur: what the number
// reader met in the numeric cells of the data rows.
import type { Issue } from "./issue";
import type { Recognition } from "../engine";
import type { SheetModel } from "../sheet/rows";
import type { Grid } from "../sheet/grid";
import { cellAt } from "../sheet/grid";
import { textOf } from "../sheet/text";
import { issue } from "./make";

export function checkNumbers(grid: Grid, rec: Recognition, model: SheetModel): Issue[] {
  const out: Issue[] = [];
  const kinerja = new Set(
    model.numericRoles.filter((role) => /^(target|realisasi)/.test(role) && !role.endsWith(".rp"))
  );
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
