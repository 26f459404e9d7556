// What recognition decides about a sheet, once (types only): layout, header and data rows,
// column roles, what is computed from what, and what it is unsure of.
import type { EfficiencyMethod, ScaleName } from "./domain";
import type { ColumnRoles, RoleId } from "./roles";

/** Id of a layout in the registry (src/sheet/layouts); unknown ids are refused at the doors. */
export type LayoutId = string;

/** One computed column: its output role and the roles it is computed from. */
export type Computation =
  /** Year-to-date or cumulative realisation; `perRow` = use the row's accumulation, else plain sum (Rupiah). */
  | { kind: "realisasi"; out: RoleId; inputs: RoleId[]; perRow: boolean }
  /** Achievement = R/T×100 (direction per row when `perRow`, else always naik). */
  | { kind: "capaian"; out: RoleId; r: RoleId; t: RoleId; perRow: boolean }
  | { kind: "kategori"; out: RoleId; from: RoleId }
  | { kind: "serapan"; out: RoleId; r: RoleId; pagu: RoleId }
  | { kind: "efisiensi"; out: RoleId; pagu: RoleId; r: RoleId; capaian: RoleId }
  | { kind: "salin"; out: RoleId; from: RoleId };

export type ComputationKind = Computation["kind"];

/** Something recognition is not sure of; a doubt on a computed column blocks writing it. */
export interface Doubt {
  /** The role concerned, when there is one. */
  role?: RoleId;
  /** 0-based column concerned, when there is one. */
  col?: number;
  /** Indonesian, for the planner: what was seen and why it is doubtful. */
  reason: string;
}

/** A user's correction of the recognised table (saved with the workbook, or `--peta FILE.json`). */
export interface ColumnMapping {
  layout?: LayoutId;
  /** 0-based inclusive rows. */
  headerRows?: [number, number];
  dataRows?: [number, number];
  columns?: ColumnRoles;
  /** The user has looked at the doubts and confirms the mapping: writing is allowed. */
  confirmed?: boolean;
}

/** Header facts later stages need (decided once, while scanning the header). */
export interface HeaderFacts {
  /** 0-based numbering row, or null. */
  numberingRow: number | null;
  /** The header cells' texts in headerKey form (case and spacing aside), to spot a header repeated among the data. */
  texts: string[];
  /** The numbering row's texts per column (a repeated numbering row is header, not data). */
  numbering: string[];
}

export interface Recognition {
  layout: LayoutId | null;
  /** Variant within the layout, e.g. T-C.29 "10=5+7+9" or "10=9". */
  variant: string | null;
  year: number | null;
  /** Reporting period from the title: the last quarter covered (TRIWULAN II → 2, SEMESTER I → 2). */
  quarter: number | null;
  pdName: string | null;
  /** 0-based inclusive row ranges. */
  headerRows: [number, number] | null;
  dataRows: [number, number] | null;
  columns: ColumnRoles;
  /** The computed columns of this sheet, in evaluation order (only these may be written). */
  computations: Computation[];
  /** Where the computations come from: the numbering row's formulas or the header words. */
  computedBy: "numbering" | "header" | null;
  /** Category scale the sheet's own labels use, when they clearly use one. */
  scale: ScaleName | null;
  /** Efficiency method the header names ("TINGKAT EFISIENSI (6-9)" → selisih). */
  efficiencyMethod: EfficiencyMethod | null;
  header: HeaderFacts | null;
  /** What recognition is unsure of; writing waits for the user's confirmation. */
  doubts: Doubt[];
  /** The user confirmed or corrected the mapping. */
  confirmed: boolean;
  /** 0..1 */
  confidence: number;
  /** Indonesian notes on what was recognised or doubtful. */
  notes: string[];
}
