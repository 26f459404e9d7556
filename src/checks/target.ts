// target.nol and target.kosong: a realisation exists but the target cannot carry a capaian.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { DetailedPlan } from "../fill/plan";
import type { Grid } from "../model/grid";
import { cellAt } from "../model/grid";
import { showsZeroAsDash } from "../core/numbers";
import { issue } from "./make";

/** The row's realisation (computed on the row, else as written) is 0. */
function realisedZero(rp: DetailedPlan["rows"][number], role: string): boolean {
  const computed = rp.cells[role];
  return computed ? computed.value === 0 : rp.record.nums[role]?.value?.isZero() === true;
}

export function checkTargets(grid: Grid, rec: Recognition, plan: DetailedPlan): Issue[] {
  // a 0 shown as "-" beside a realisation of 0 is a row nobody has filled in yet
  const blankZero = (row: number, role: string) => {
    const col = (rec.columns as Record<string, number>)[role];
    const cell = cellAt(grid, row, col);
    return cell.value === 0 && showsZeroAsDash(cell.numberFormat);
  };
  const comps = rec.computations;
  const out: Issue[] = [];
  // one finding per target cell; every RowPlan is a different row, so "seen" is per row
  const seen: string[] = [];
  for (const rp of plan.rows) {
    seen.length = 0;
    for (const comp of comps) {
      // the Renstra end target is often left blank below programme level: not worth a finding
      if (
        (comp.kind !== "capaian" && comp.kind !== "serapan") ||
        comp.out.startsWith("capaian.renstra")
      )
        continue;
      const tRole = comp.kind === "capaian" ? comp.t : comp.pagu;
      if (!(tRole in rec.columns)) continue;
      const rVal =
        rp.cells[comp.r]?.value ?? (rp.record.nums[comp.r]?.kind === "number" ? 1 : null);
      if (rVal === null || rVal === undefined) continue;
      const t = rp.record.nums[tRole];
      const key = tRole;
      if (seen.includes(key)) continue;
      const col = rec.columns[tRole];
      if (!t || t.kind === "empty") {
        seen.push(key);
        out.push(
          issue(
            rp.record.row,
            col,
            "target.kosong",
            "warning",
            "Realisasi ada tetapi target kosong; capaian tidak dapat dihitung."
          )
        );
      } else if (
        t.kind === "number" &&
        t.value!.isZero() &&
        !(blankZero(rp.record.row, tRole) && realisedZero(rp, comp.r))
      ) {
        seen.push(key);
        out.push(
          issue(
            rp.record.row,
            col,
            "target.nol",
            "warning",
            "Target bernilai 0; capaian tidak terdefinisi (bukan 0%). Periksa target."
          )
        );
      }
    }
  }
  return out;
}
