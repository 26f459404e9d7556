// A finding of validation, as shown in the task pane and printed by `kinerja periksa`.

export type Severity = "error" | "warning" | "info";

export interface Issue {
  /** A1 address of the cell the finding is about ("P12"). */
  cell: string;
  /** Rule id, e.g. "hitung.beda", "kode.format" (DOMAIN §6–§7). */
  rule: string;
  severity: Severity;
  /** Indonesian message for a planner. */
  message: string;
  /** 0-based position, for selecting the cell. */
  row: number;
  col: number;
}
