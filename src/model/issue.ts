// A finding of validation and the fixes it may offer (types only), as shown in the task pane
// and printed by `kinerja periksa`.
import type { CellValue } from "./grid";

export type Severity = "error" | "warning" | "info";

/** One cell a fix writes. */
export interface CellEdit {
  row: number;
  col: number;
  value: CellValue;
  /** Native formula (en-US, leading "="), when the fix writes one. */
  formula?: string;
  numberFormat?: string;
}

export interface Fix {
  /** What the fix changes, in Indonesian ("Tulis kode resmi 2.07.01.2.01.0001"). */
  label: string;
  /** Cannot change what a number means (code form, official name, predikat label). */
  safe: boolean;
  edits: CellEdit[];
}

export interface Issue {
  /** A1 address of the cell the finding is about ("P12"). */
  cell: string;
  /** Rule id, e.g. "hitung.beda", "kode.format" (docs/DOMAIN.md §6–§7). */
  rule: string;
  severity: Severity;
  /** Indonesian message for a planner. */
  message: string;
  /** 0-based position, for selecting the cell. */
  row: number;
  col: number;
  /** The fix, when it is unambiguous. */
  fix?: Fix;
  /** Several plausible fixes (several successors, several names): the planner chooses. */
  choices?: Fix[];
}
