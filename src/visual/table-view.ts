// The recognised table as the visuals see it after a fill: each cell's value (planned writes over
// what the sheet holds), references back into the table, data rows, programmes and runs of
// consecutive data rows. Shared by the Ringkasan sheet and the capaian chart.
import Decimal from "decimal.js";
import type { FillPlan, Grid, Recognition, RoleId, Settings } from "../model";
import { cellAt, columnLetters } from "../model/grid";
import type { DetailedPlan } from "../fill/plan-types";
import { computeSheet } from "../fill/plan";
import type { RowRecord } from "../sheet/rows";
import { capaianColumn } from "./predikat";
import { sheetRef } from "./names";

export class TableView {
  readonly dataRows: RowRecord[];
  readonly programs: RowRecord[];
  readonly capCol: number | null;
  private readonly written = new Map<number, number | string | null>();
  constructor(
    readonly grid: Grid,
    readonly rec: Recognition,
    plan: FillPlan,
    readonly detailed: DetailedPlan
  ) {
    for (const w of plan.writes) this.written.set(w.row * 16384 + w.col, w.value);
    this.dataRows = detailed.model.rows.filter((x) => x.kind === "data");
    this.programs = this.dataRows.filter((x) => x.level === "program" && !x.continuation);
    this.capCol = rec.dataRows ? capaianColumn(rec) : null;
  }
  /** The analysis behind a plan, when the caller has none at hand (tests, old callers). */
  static of(
    grid: Grid,
    rec: Recognition,
    plan: FillPlan,
    settings: Settings,
    detailed?: DetailedPlan
  ): TableView {
    return new TableView(grid, rec, plan, detailed ?? computeSheet(grid, rec, settings));
  }
  valueAt(row: number, col: number): number | string | boolean | null {
    const key = row * 16384 + col;
    return this.written.has(key) ? this.written.get(key)! : cellAt(this.grid, row, col).value;
  }
  num(row: number, col: number): number | null {
    const v = this.valueAt(row, col);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  }
  ref(row: number, col: number): string {
    return sheetRef(this.grid.name, `${columnLetters(col)}${row + 1}`);
  }
  column(role: RoleId): number | undefined {
    return this.rec.columns[role];
  }
  /** Rows of a programme block: the programme row and the rows under it. */
  blockOf(program: RowRecord): number[] {
    return this.dataRows
      .filter((x) => x.row === program.row || x.program === program.row)
      .map((x) => x.row);
  }
  /**
   * Ranges over runs of consecutive data rows of a column: a numbering row repeated inside the
   * table ("1 2 3 … 8", 003 Tabel 3.5) or a footer must not be counted or summed.
   */
  runsOf(col: number): string[] {
    const L = columnLetters(col);
    const rows = this.dataRows;
    const out: string[] = [];
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1].row === rows[j].row + 1) j++;
      out.push(sheetRef(this.grid.name, `$${L}$${rows[i].row + 1}:$${L}$${rows[j].row + 1}`));
      i = j + 1;
    }
    return out;
  }
  /** The mean of the column over the rows that have a number, rounded; null when none. */
  average(rows: number[], col: number, decimals: number): number | null {
    const vals = rows.map((x) => this.num(x, col)).filter((v): v is number => v !== null);
    return vals.length
      ? round(vals.reduce((a, v) => a.plus(v), new Decimal(0)).div(vals.length), decimals)
      : null;
  }
}

export function round(v: Decimal, d: number): number {
  return v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toNumber();
}

/** Arguments of SUM/AVERAGE from references (Excel takes at most 255 per function). */
export function chunkRanges(ranges: string[]): string {
  if (ranges.length <= 255) return ranges.join(",");
  const parts: string[] = [];
  for (let i = 0; i < ranges.length; i += 255)
    parts.push(`SUM(${ranges.slice(i, i + 255).join(",")})`);
  return parts.join(",");
}

/** Single-cell references of ascending rows; past 255, consecutive rows merge into ranges. */
export function chunkArgs(refs: string[]): string {
  if (refs.length <= 255) return refs.join(",");
  const out: string[] = [];
  let start = 0;
  const rowOf = (s: string) => Number(/(\d+)$/.exec(s)![1]);
  for (let i = 1; i <= refs.length; i++) {
    if (i < refs.length && rowOf(refs[i]) === rowOf(refs[i - 1]) + 1) continue;
    out.push(i - 1 === start ? refs[start] : `${refs[start]}:${refs[i - 1].split("!")[1]}`);
    start = i;
  }
  return out.join(",");
}
