// The engine's front door: what the task pane, the CLI and the benchmarks call.
// Pure TypeScript: no Office, no DOM, no fs. (Contract between the doors and the core;
// the implementation lives in sheet/, checks/, fill/, codes/.)
import type { Grid } from "./sheet/grid";
import type { Issue } from "./checks/issue";
import type { FillPlan, Accumulation, Direction } from "./fill/plan-types";

export type LayoutId =
  "E81" | "TC29" | "TC33" | "TC31" | "LKJIP_CAPAIAN" | "LKJIP_EFISIENSI" | "LKJIP_PROGRAM";

/** User settings (task pane "Pengaturan", CLI flags). */
export interface Settings {
  /** Category scale for KATEGORI / Predikat. */
  scale: "permendagri86" | "lkjip" | "target";
  /** Efficiency method; null = from the table header (DOMAIN §4). */
  efficiencyMethod: "sisa" | "selisih" | "rasio" | null;
  /** Nomenclature year; null = from the sheet's year. */
  nomenclatureYear: number | null;
  /** kab/kota (default) or provinsi. */
  scope: "kabkota" | "provinsi";
  /** Decimals of computed percentages. */
  decimals: number;
  /** Write values only, never native formulas. */
  valuesOnly: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  scale: "permendagri86",
  efficiencyMethod: null,
  nomenclatureYear: null,
  scope: "kabkota",
  decimals: 2,
  valuesOnly: false,
};

/** A user's correction of the recognised column roles (saved with the workbook). */
export interface ColumnMapping {
  layout?: LayoutId;
  headerRows?: [number, number];
  dataRows?: [number, number];
  /** role → 0-based column index. */
  columns?: Record<string, number>;
}

export interface Recognition {
  layout: LayoutId | null;
  /** Variant within the layout, e.g. TC29 "10=5+7+9" or "10=9". */
  variant: string | null;
  year: number | null;
  /** Reporting period from the title: the last quarter covered (TRIWULAN II → 2, SEMESTER I → 2). */
  quarter?: number | null;
  pdName: string | null;
  /** 0-based inclusive row ranges. */
  headerRows: [number, number] | null;
  dataRows: [number, number] | null;
  /** role → 0-based column index. */
  columns: Record<string, number>;
  /** 0..1 */
  confidence: number;
  /** Indonesian notes on what was recognised or doubtful. */
  notes: string[];
}

/** Per-row overrides chosen in the fill preview. */
export interface RowOverride {
  accumulation?: Accumulation;
  direction?: Direction;
}

export interface Analysis {
  recognition: Recognition;
  issues: Issue[];
  /** Which nomenclature version was used for code checks (Indonesian label). */
  nomenclatureVersion: string | null;
}

// ---------------------------------------------------------------------------------------------
// Implementation facade. Every door (task pane, CLI, benchmarks) uses only these functions.
//
//   recognise(grid, mapping?)                → Recognition   (sync; a saved mapping overrides)
//   validate(grid, recognition, settings)    → Promise<Analysis>   (sheet checks + code checks)
//   planFill(grid, recognition, settings, overrides?) → FillPlan   (writes with `previous` for undo)
//   analyseAll(grids, settings)              → Promise<SheetAnalysis[]>   (recognise + validate + plan)
//   roleLabel(role), layoutLabel(id)         → Indonesian labels for the UI
// ---------------------------------------------------------------------------------------------
import { recognise as recogniseImpl, layoutLabel as layoutLabelImpl } from "./sheet/recognise";
import { computeSheet, planFromDetailed } from "./fill/plan";
import { runSheetChecks } from "./checks";
import { runCodeChecks } from "./checks/kode";
export { roleLabel, allRoles } from "./sheet/roles";
export { quarterLabel } from "./sheet/recognise";

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
  return planFromDetailed(grid, computeCached(grid, recognition, settings, overrides));
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
