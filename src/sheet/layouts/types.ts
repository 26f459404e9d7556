// The shape of a layout definition: header words, roles, computed columns and variant
// detection of one statutory table. To add a table type, add one file here and one entry in
// index.ts (docs/ARCHITECTURE.md, "Adding a layout").
import type { Computation, E81Stem, Grid, RoleId } from "../../model";
import type { HeaderScan } from "../header/scan";

/** A role stem whose columns are split by quarter (tw1..tw4), optionally with K/Rp sides. */
export type QuarterStem = "realisasi.tw" | "target.tw";

/** How one role is found in the header. Phrases are matched on normalised text (lower case, single spaces). */
export interface ColumnRule {
  /** A role, or a stem that gets ".k"/".rp"/".pct" (sides) or a quarter number (quarters). */
  role: RoleId | E81Stem | QuarterStem;
  /** Every phrase must occur in the column's header path (group + sub headers). */
  words?: string[];
  /** Any of these alternatives (each a phrase list) is enough; earlier alternatives win. */
  any?: string[][];
  /** None of these may occur in the path. */
  none?: string[];
  /** The lowest header text of the column must start with one of these. */
  leaf?: string[];
  /** The group has sub-columns K / Rp (/ %): the role gets ".k" / ".rp" / ".pct". */
  sides?: boolean;
  /** Quarter group: each column becomes <stem><quarter> (with its side when `sides`). */
  quarters?: boolean;
}

export interface VariantContext {
  grid: Grid;
  scan: HeaderScan | null;
  columns: Partial<Record<RoleId, number>>;
}

export interface LayoutDef {
  id: string;
  /** Indonesian name shown to the user. */
  label: string;
  /** Phrases that identify the table in its title rows or header. */
  title: string[];
  /** Roles that must be found for the layout to be chosen. */
  required: RoleId[];
  columns: ColumnRule[];
  /** Computed columns per variant (key "" = default), in evaluation order. */
  computed: Record<string, Computation[]>;
  /** The variant within the layout (from the numbering row, the header or the columns found). */
  detectVariant?: (ctx: VariantContext) => string | null;
  /** E.81: "Rata-rata capaian kinerja" and "Predikat kinerja" footer rows per program. */
  footers?: boolean;
  /** The capaian chart groups indicators by program (E.81) rather than one bar per row. */
  chartPerProgram?: boolean;
}
