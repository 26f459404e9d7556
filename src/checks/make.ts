import type { Issue, Severity } from "../model/issue";
import { a1 } from "../model/grid";

export function issue(
  row: number,
  col: number,
  rule: string,
  severity: Severity,
  message: string
): Issue {
  return { cell: a1(row, col), rule, severity, message, row, col };
}

/** Indonesian number display (2 decimals max, comma decimal mark). */
export function fmt(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return "kosong";
  if (typeof v === "string") return `"${v}"`;
  const s = (Math.round(v * 100) / 100).toString();
  const [i, f] = s.split(".");
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (f ? "," + f : "");
}
