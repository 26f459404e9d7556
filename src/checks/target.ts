// target.nol and target.kosong: a realisation exists but the target cannot carry a capaian.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { RoleId } from "../model/roles";
import type { DetailedPlan } from "../fill/plan";
import type { Grid } from "../model/grid";
import { cellAt } from "../model/grid";
import { showsZeroAsDash } from "../core/numbers";
import { issue } from "./make";

/** The row's realisation (computed on the row, else as written) is 0. */
function realisedZero(rp: DetailedPlan["rows"][number], role: RoleId): boolean {
  const computed = rp.cells[role];
  return computed ? computed.value === 0 : rp.record.nums[role]?.value?.isZero() === true;
}

/** A capaian or serapan whose target may be missing or 0 (the Renstra end target excluded). */
interface Targeted {
  r: RoleId;
  target: RoleId;
  col: number;
}

function targeted(rec: Recognition): Targeted[] {
  const out: Targeted[] = [];
  for (const comp of rec.computations) {
    // the Renstra end target is often left blank below programme level: not worth a finding
    if (
      (comp.kind !== "capaian" && comp.kind !== "serapan") ||
      comp.out.startsWith("capaian.renstra")
    )
      continue;
    const tRole = comp.kind === "capaian" ? comp.t : comp.pagu;
    if (!(tRole in rec.columns)) continue;
    out.push({ r: comp.r, target: tRole, col: rec.columns[tRole]! });
  }
  return out;
}

export function checkTargets(grid: Grid, rec: Recognition, plan: DetailedPlan): Issue[] {
  // a 0 shown as "-" beside a realisation of 0 is a row nobody has filled in yet
  const blankZero = (row: number, col: number) => {
    const cell = cellAt(grid, row, col);
    return cell.value === 0 && showsZeroAsDash(cell.numberFormat);
  };
  const comps = targeted(rec);
  const out: Issue[] = [];
  // one finding per target cell; every RowPlan is a different row, so "seen" is per row
  const seen: RoleId[] = [];
  for (let ri = 0; ri < plan.rows.length; ri++) {
    const rp = plan.rows[ri];
    seen.length = 0;
    for (let ci = 0; ci < comps.length; ci++) {
      const comp = comps[ci];
      const rVal =
        rp.cells[comp.r]?.value ?? (rp.record.nums[comp.r]?.kind === "number" ? 1 : null);
      if (rVal === null || rVal === undefined) continue;
      const t = rp.record.nums[comp.target];
      if (seen.includes(comp.target)) continue;
      if (!t || t.kind === "empty") {
        seen.push(comp.target);
        out.push(
          issue(
            rp.record.row,
            comp.col,
            "target.kosong",
            "warning",
            "Realisasi ada tetapi target kosong; capaian tidak dapat dihitung."
          )
        );
      } else if (
        t.kind === "number" &&
        t.value!.isZero() &&
        !(blankZero(rp.record.row, comp.col) && realisedZero(rp, comp.r))
      ) {
        seen.push(comp.target);
        out.push(
          issue(
            rp.record.row,
            comp.col,
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
