// The visuals of a recognised table, the same for the task pane and `kinerja isi --ringkasan`:
// predikat colours on the scale the engine used, the Ringkasan sheet and the capaian chart under
// their sheet names, all from the engine's cached analysis (nothing is computed twice).
import type { FillPlan, Grid, Recognition, Settings } from "../model";
import { analyseSheet } from "../engine";
import {
  chartPlan,
  predikatRules,
  summaryPlan,
  visualSheetName,
  type ChartPlan,
  type PredikatRule,
  type SummaryPlan,
} from "../visual";

/** Conditional-format rules on the capaian and kategori columns, on the scale the fill used. */
export function predikatFor(grid: Grid, rec: Recognition, settings: Settings): PredikatRule[] {
  if (!rec.layout) return [];
  return predikatRules(rec, analyseSheet(grid, rec, settings).scale);
}

/** The table has a capaian column to summarise and chart. */
export function hasCapaian(rec: Recognition): boolean {
  return (
    rec.computations.some((c) => c.kind === "capaian") ||
    predikatRules(rec, "permendagri86").length > 0
  );
}

/** The Ringkasan sheet of a table with capaian; null for a table without one. */
export function summaryFor(
  grid: Grid,
  rec: Recognition,
  plan: FillPlan,
  settings: Settings
): SummaryPlan | null {
  if (!rec.layout || !hasCapaian(rec)) return null;
  const name = visualSheetName("ringkasan", grid.name);
  return summaryPlan(grid, rec, plan, settings, name, analyseSheet(grid, rec, settings));
}

/** The capaian chart's data block and titles; null when there is nothing to draw. */
export function chartFor(
  grid: Grid,
  rec: Recognition,
  plan: FillPlan,
  settings: Settings
): ChartPlan | null {
  if (!rec.layout) return null;
  const name = visualSheetName("grafik", grid.name);
  return chartPlan(grid, rec, plan, settings, name, analyseSheet(grid, rec, settings));
}
