// All sheet checks (DOMAIN §7) over one computed plan, with their fixes; code checks run in
// engine.validate.
import type { Issue } from "../model/issue";
import type { Grid } from "../model/grid";
import type { Recognition } from "../model/recognition";
import type { DetailedPlan } from "../fill/plan";
import { checkNumbers, checkFractionColumns } from "./angka";
import { checkStated } from "./hitung";
import { checkTargets } from "./target";
import { checkBudgets } from "./anggaran";
import { checkAccumulation } from "./akumulasi";
import { checkQuarters } from "./triwulan";
import { checkFormulas } from "./rumus";
import { attachFixes } from "./fixes";

export function runSheetChecks(grid: Grid, rec: Recognition, plan: DetailedPlan): Issue[] {
  const all = [
    ...checkNumbers(grid, rec, plan.model),
    ...checkFractionColumns(grid, rec, plan.model),
    ...checkStated(grid, plan),
    ...checkTargets(grid, rec, plan),
    ...checkBudgets(rec, plan.model),
    ...checkAccumulation(rec, plan),
    ...checkQuarters(rec, plan.model),
    ...checkFormulas(grid, rec, plan.model),
  ];
  all.sort((a, b) => a.row - b.row || a.col - b.col);
  // each finding whose fix is unambiguous offers it (issue 15)
  return attachFixes(grid, rec, plan, all);
}
