// triwulan.melebihi: a quarter column after the report's period holds a value (002 §7.1 item 6:
// a "TRIWULAN II" E.81 with TW III/IV filled, often last year's realisation typed in the wrong
// column). The value still counts in the realisation sums, so the planner is told where it is.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { Quarter, RoleId } from "../model/roles";
import type { SheetModel } from "../sheet/rows";
import { issue, fmt } from "./make";
import { quarterLabel } from "../sheet/header/title";

export function checkQuarters(rec: Recognition, model: SheetModel): Issue[] {
  const out: Issue[] = [];
  const q = rec.quarter;
  if (!q || q >= 4) return out;
  const later: { role: RoleId; quarter: number; col: number }[] = [];
  for (let k = q + 1; k <= 4; k++)
    for (const side of ["k", "rp"] as const) {
      const role = `realisasi.tw${k as Quarter}.${side}` as const;
      const col = rec.columns[role];
      if (col !== undefined) later.push({ role, quarter: k, col });
    }
  if (!later.length) return out;
  for (let ri = 0; ri < model.rows.length; ri++) {
    const r = model.rows[ri];
    if (r.kind !== "data") continue;
    for (const x of later) {
      const n = r.nums[x.role];
      // a 0 typed in a quarter not reported yet is harmless ("terakhir" skips trailing zeros)
      if (n?.kind !== "number" || n.value!.isZero()) continue;
      out.push(
        issue(
          r.row,
          x.col,
          "triwulan.melebihi",
          "warning",
          `Laporan ini sampai ${quarterLabel(q)}, tetapi kolom ${quarterLabel(x.quarter)} berisi ${fmt(n.value!.toNumber())}. ` +
            "Nilai ini ikut dihitung dalam realisasi; bila ini realisasi tahun lalu atau salah kolom, pindahkan atau hapus."
        )
      );
    }
  }
  return out;
}
