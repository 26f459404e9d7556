// User settings (task pane "Pengaturan", CLI flags), one documented field each.
import type { EfficiencyMethod, ScaleName, Scope } from "./domain";

export interface Settings {
  /** Category scale for KATEGORI / Predikat. @default "permendagri86" (the sheet's own labels win over the default) */
  scale: ScaleName;
  /** Efficiency method; null = what the table header says. @default null */
  efficiencyMethod: EfficiencyMethod | null;
  /** Nomenclature year; null = the sheet's year. @default null */
  nomenclatureYear: number | null;
  /** kab/kota or provinsi document. @default "kabkota" */
  scope: Scope;
  /** Decimals of computed percentages. @default 2 */
  decimals: number;
  /** Write values only, never native formulas. @default false */
  valuesOnly: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  scale: "permendagri86",
  efficiencyMethod: null,
  nomenclatureYear: null,
  scope: "kabkota",
  decimals: 2,
  valuesOnly: false,
});
