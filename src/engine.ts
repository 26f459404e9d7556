// The engine's front door: what the task pane, the CLI and the benchmarks call.
// Pure TypeScript: no Office, no DOM, no fs. (Contract between the doors and the core;
// the implementation lives in sheet/, checks/, fill/, codes/.)
import type {
  Analysis,
  ColumnMapping,
  FillPlan,
  Grid,
  LayoutId,
  Recognition,
  RowOverride,
  Settings,
} from "./model";
import { DEFAULT_SETTINGS } from "./model/settings";

export type {
  LayoutId,
  Settings,
  ColumnMapping,
  Recognition,
  RowOverride,
  Analysis,
  Issue,
  FillPlan,
  PlannedWrite,
} from "./model";
export { DEFAULT_SETTINGS } from "./model/settings";

// ---------------------------------------------------------------------------------------------
// Implementation facade. Every door (task pane, CLI, benchmarks) uses only these functions.
//
//   recognise(grid, mapping?)                → Recognition   (sync; a saved mapping overrides)
//   validate(grid, recognition, settings)    → Promise<Analysis>   (sheet checks + code checks)
//   planFill(grid, recognition, settings, overrides?) → FillPlan   (writes with `previous` for undo)
//   analyseAll(grids, settings)              → Promise<SheetAnalysis[]>   (recognise + validate + plan)
//   roleLabel(role), layoutLabel(id)         → Indonesian labels for the UI
// ---------------------------------------------------------------------------------------------
import { recognise as recogniseImpl } from "./sheet/recognise";
import { layoutLabel as layoutLabelImpl } from "./sheet/layouts";
import { computeSheet } from "./fill/plan";
import { planFromDetailed } from "./fill/write-plan";
import type { DetailedPlan } from "./fill/plan-types";
import { runSheetChecks } from "./checks";
import { runCodeChecks } from "./checks/kode";
export { roleLabel, allRoles, rolesOf } from "./sheet/roles";
export { quarterLabel } from "./sheet/header/title";
export { LAYOUTS, layoutIds } from "./sheet/layouts";
export type { DetailedPlan } from "./fill/plan-types";

// validate and planFill on the same grid share one computation (grids are treated as immutable)
const computed = new WeakMap<
  Grid,
  { recognition: Recognition; key: string; plan: ReturnType<typeof computeSheet> }
>();

function computeCached(
  grid: Grid,
  recognition: Recognition,
  settings: Settings,
  overrides?: Record<number, RowOverride>
) {
  const key = JSON.stringify([settings, overrides ?? {}]);
  const hit = computed.get(grid);
  if (hit && hit.recognition === recognition && hit.key === key) return hit.plan;
  const plan = computeSheet(grid, recognition, settings, overrides);
  computed.set(grid, { recognition, key, plan });
  return plan;
}

/** Recognises the table on a sheet (layout, year, header/data rows, column roles). */
export function recognise(grid: Grid, mapping?: ColumnMapping): Recognition {
  return recogniseImpl(grid, mapping);
}

export function layoutLabel(id: LayoutId): string {
  return layoutLabelImpl(id);
}

/**
 * Validates the recognised table: numbers, stated computed values, budgets, and codes.
 * `overrides` (per-row accumulation/direction chosen in the preview) change what is recomputed.
 * The grid is treated as immutable: after writing to the sheet, read it again into a new Grid.
 */
export async function validate(
  grid: Grid,
  recognition: Recognition,
  settings: Settings = DEFAULT_SETTINGS,
  overrides?: Record<number, RowOverride>
): Promise<Analysis> {
  if (!recognition.layout) return { recognition, issues: [], nomenclatureVersion: null };
  const plan = computeCached(grid, recognition, settings, overrides);
  const issues = runSheetChecks(grid, recognition, plan);
  const codes = await runCodeChecks(plan.model, recognition, settings);
  const all = [...issues, ...codes.issues].sort((a, b) => a.row - b.row || a.col - b.col);
  return { recognition, issues: all, nomenclatureVersion: codes.version };
}

/** Plans the fill of every computed column; apply it with the Excel gateway or io/xlsx. */
export function planFill(
  grid: Grid,
  recognition: Recognition,
  settings: Settings = DEFAULT_SETTINGS,
  overrides?: Record<number, RowOverride>
): FillPlan {
  return planFromDetailed(grid, recognition, computeCached(grid, recognition, settings, overrides));
}

/**
 * The detailed computation behind validate and planFill (row model, computed cells, the scale
 * and efficiency method used), shared with the visuals so they never recompute it.
 */
export function analyseSheet(
  grid: Grid,
  recognition: Recognition,
  settings: Settings = DEFAULT_SETTINGS,
  overrides?: Record<number, RowOverride>
): DetailedPlan {
  return computeCached(grid, recognition, settings, overrides);
}

export interface SheetAnalysis {
  sheet: string;
  analysis: Analysis;
  plan: FillPlan | null;
}

/** Recognise, validate and plan every sheet (sheets without a known table get layout null). */
export async function analyseAll(
  grids: Grid[],
  settings: Settings = DEFAULT_SETTINGS
): Promise<SheetAnalysis[]> {
  const out: SheetAnalysis[] = [];
  for (const grid of grids) {
    const recognition = recognise(grid);
    const analysis = await validate(grid, recognition, settings);
    out.push({
      sheet: grid.name,
      analysis,
      plan: recognition.layout ? planFill(grid, recognition, settings) : null,
    });
  }
  return out;
}
