// The engine's front door: what the task pane, the CLI and the benchmarks call.
// Pure TypeScript: no Office, no DOM, no fs. (Contract between the doors and the core;
// the implementation lives in sheet/, checks/, fill/, codes/.)
import type { Grid } from "./sheet/grid";
import type { Issue } from "./checks/issue";
import type { FillPlan, Accumulation, Direction } from "./fill/plan-types";

export type LayoutId = "E81" | "TC29" | "TC33" | "TC31" | "LKJIP_CAPAIAN" | "LKJIP_EFISIENSI" | "LKJIP_PROGRAM";

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
