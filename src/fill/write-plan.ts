// From computed cells to writes: only where something changes, each with the cell as it was
// (exact undo). Write safety is a rule here, not a hope: a write lands only in a column the
// table marks as computed, on a data or E.81 footer row inside the recognised data range,
// never in a cell covered by a merge — anything else is a bug and throws before any write.
import type { Cell, FillPlan, Grid, PlannedWrite, Recognition, RoleMap } from "../model";
import { columnLetters } from "../model/grid";
import { isPercentFormat } from "../sheet/numeric";
import { isPercentRole } from "../sheet/roles";
import type { RowKind } from "../sheet/rows";
import type { ComputedCell, DetailedPlan } from "./plan-types";

function sameValue(prev: Cell, value: number | string | null): boolean {
  const p = prev.value;
  if ((p === null || p === "") && value === null) return true;
  if (typeof p === "number" && typeof value === "number") return Math.abs(p - value) < 1e-9;
  return p === value;
}

/** Cells covered by a merged area other than its top-left (key row * 16384 + col). */
export function coveredByMerges(grid: Grid): Set<number> {
  const covered = new Set<number>();
  for (const m of grid.merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
  return covered;
}

/** Columns the table itself marks as computed. */
export function computedColumns(rec: Recognition): Set<number> {
  const cols = rec.columns;
  return new Set(
    rec.computations.map((c) => cols[c.out]).filter((c): c is number => c !== undefined)
  );
}

/** Why the recognition may not be written yet, or null. */
export function refusal(rec: Recognition): string | null {
  if (rec.confirmed || !rec.doubts.length) return null;
  return (
    `Pengenalan tabel belum pasti (${rec.doubts.length} hal diragukan), jadi tidak ada yang ditulis. ` +
    `Periksa peran kolom lalu konfirmasi ("Koreksi peran kolom" di panel, atau --peta BERKAS.json di baris perintah).`
  );
}

class WriteGuard {
  private readonly cols: Set<number>;
  /** Kind of each row of the model, by row index (rows not in the model: undefined). */
  private readonly kinds: RowKind[] = [];
  constructor(
    private readonly rec: Recognition,
    detailed: DetailedPlan
  ) {
    this.cols = computedColumns(rec);
    for (const r of detailed.model.rows) this.kinds[r.row] = r.kind;
  }
  /** Whether cells of `row` may be written (a data row, or an E.81 footer row for footers). */
  rowOk(row: number, footer: boolean): boolean {
    const kind = row >= 0 ? this.kinds[row] : undefined;
    const [first, last] = this.rec.dataRows ?? [1, 0];
    const ok = footer ? kind === "footer-avg" || kind === "footer-predikat" : kind === "data";
    return ok && row >= first && row <= last;
  }
  check(c: ComputedCell, rowOk: boolean): void {
    if (!rowOk || !this.cols.has(c.col))
      throw new Error(
        `penulisan di luar kolom hitung ditolak: ${columnLetters(c.col)}${c.row + 1}`
      );
  }
}

/** Collects the writes of a plan row by row, in (row, column) order. */
class Writes {
  readonly writes: PlannedWrite[] = [];
  changedExisting = 0;
  constructor(
    private readonly grid: Grid,
    private readonly guard: WriteGuard,
    /** Cells covered by merges (see coveredByMerges): never written. */
    private readonly covered: Set<number>
  ) {}
  /** The cells of one row (all on `row`), in the plan's order. */
  row(row: number, cells: RoleMap<ComputedCell> | ComputedCell[], footer: boolean): void {
    const line = this.grid.cells[row] ?? [];
    const rowOk = this.guard.rowOk(row, footer);
    const rowStr = String(row + 1);
    const from = this.writes.length;
    for (const key in cells) {
      // a row's map or a footer row's list: both give their cells by key
      const c = (cells as Record<string, ComputedCell>)[key];
      if (this.covered.size && this.covered.has(c.row * 16384 + c.col)) continue;
      this.guard.check(c, rowOk && c.row === row);
      // grids are immutable snapshots: a write keeps the read cell itself as its undo record
      const previous = line[c.col] ?? EMPTY;
      if (
        sameValue(previous, c.value) &&
        (c.formula ?? undefined) === (previous.formula ?? undefined)
      )
        continue;
      const cell = columnLetters(c.col) + rowStr;
      const w: PlannedWrite = c.formula
        ? { row: c.row, col: c.col, cell, value: c.value, previous, formula: c.formula }
        : { row: c.row, col: c.col, cell, value: c.value, previous };
      // a %-formatted output cell would show our percent points ×100
      if (isPercentFormat(previous.numberFormat) && typeof c.value === "number")
        w.numberFormat = isPercentRole(c.role) ? "0.00" : "General";
      this.writes.push(w);
      if (previous.value !== null && previous.value !== "" && !sameValue(previous, c.value))
        this.changedExisting++;
    }
    // the row's writes by column (insertion sort: a handful, stable)
    const ws = this.writes;
    for (let i = from + 1; i < ws.length; i++) {
      const w = ws[i];
      let j = i - 1;
      for (; j >= from && ws[j].col > w.col; j--) ws[j + 1] = ws[j];
      ws[j + 1] = w;
    }
  }
}

const EMPTY: Cell = Object.freeze({ value: null }) as Cell;

/** Footer cells grouped by row, in the order they come. */
function footersByRow(footers: ComputedCell[]): Map<number, ComputedCell[]> {
  const byRow = new Map<number, ComputedCell[]>();
  for (const c of footers) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  return byRow;
}

/** Two lists in (row, column) order merged; on the same row the first list's writes come first. */
function mergeByRow(a: PlannedWrite[], b: PlannedWrite[]): PlannedWrite[] {
  if (!b.length) return a;
  const out: PlannedWrite[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    out.push(j >= b.length || (i < a.length && a[i].row <= b[j].row) ? a[i++] : b[j++]);
  return out;
}

export function planFromDetailed(grid: Grid, rec: Recognition, detailed: DetailedPlan): FillPlan {
  const decisions = detailed.rows.map((r) => r.decision);
  const refused = refusal(rec);
  if (refused) return { writes: [], decisions, changedExisting: 0, refused };
  const guard = new WriteGuard(rec, detailed);
  // Excel keeps only the top-left cell of a merged area; a write to another of its cells would
  // land in the top-left, so those cells are never written.
  const covered = coveredByMerges(grid);
  const data = new Writes(grid, guard, covered);
  for (let i = 0; i < detailed.rows.length; i++)
    data.row(detailed.rows[i].record.row, detailed.rows[i].cells, false);
  const footers = new Writes(grid, guard, covered);
  for (const [row, cells] of footersByRow(detailed.footers)) footers.row(row, cells, true);
  const writes = mergeByRow(data.writes, footers.writes);
  // rows come in order already; the stable sort keeps the contract should they ever not
  for (let i = 1; i < writes.length; i++)
    if (writes[i - 1].row > writes[i].row) {
      writes.sort((a, b) => a.row - b.row || a.col - b.col);
      break;
    }
  return { writes, decisions, changedExisting: data.changedExisting + footers.changedExisting };
}
