// From computed cells to writes: only where something changes, each with the cell as it was
// (exact undo). Write safety is a rule here, not a hope: a write lands only in a column the
// table marks as computed, on a data or E.81 footer row inside the recognised data range,
// never in a cell covered by a merge — anything else is a bug and throws before any write.
import type { Cell, FillPlan, Grid, PlannedWrite, Recognition } from "../model";
import { cellAt, columnLetters } from "../model/grid";
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
  const cols = rec.columns as Record<string, number>;
  return new Set(rec.computations.map((c) => cols[c.out]).filter((c) => c !== undefined));
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
  private readonly kinds = new Map<number, RowKind>();
  constructor(
    private readonly rec: Recognition,
    detailed: DetailedPlan
  ) {
    this.cols = computedColumns(rec);
    for (const r of detailed.model.rows) this.kinds.set(r.row, r.kind);
  }
  check(c: ComputedCell, footer: boolean): void {
    const kind = this.kinds.get(c.row);
    const [first, last] = this.rec.dataRows ?? [1, 0];
    const rowOk = footer ? kind === "footer-avg" || kind === "footer-predikat" : kind === "data";
    if (!this.cols.has(c.col) || !rowOk || c.row < first || c.row > last)
      throw new Error(
        `penulisan di luar kolom hitung ditolak: ${columnLetters(c.col)}${c.row + 1}`
      );
  }
}

export function planFromDetailed(grid: Grid, rec: Recognition, detailed: DetailedPlan): FillPlan {
  const decisions = detailed.rows.map((r) => r.decision);
  const refused = refusal(rec);
  if (refused) return { writes: [], decisions, changedExisting: 0, refused };
  const guard = new WriteGuard(rec, detailed);
  const writes: PlannedWrite[] = [];
  // Excel keeps only the top-left cell of a merged area; a write to another of its cells would
  // land in the top-left, so those cells are never written.
  const covered = coveredByMerges(grid);
  let changedExisting = 0;
  const visit = (c: ComputedCell, footer: boolean): void => {
    if (covered.size && covered.has(c.row * 16384 + c.col)) return;
    guard.check(c, footer);
    // grids are immutable snapshots: a write keeps the read cell itself as its undo record
    const previous = cellAt(grid, c.row, c.col);
    if (
      sameValue(previous, c.value) &&
      (c.formula ?? undefined) === (previous.formula ?? undefined)
    )
      return;
    const cell = columnLetters(c.col) + (c.row + 1);
    const w: PlannedWrite = c.formula
      ? { row: c.row, col: c.col, cell, value: c.value, previous, formula: c.formula }
      : { row: c.row, col: c.col, cell, value: c.value, previous };
    // a %-formatted output cell would show our percent points ×100
    if (isPercentFormat(previous.numberFormat) && typeof c.value === "number")
      w.numberFormat = isPercentRole(c.role) ? "0.00" : "General";
    writes.push(w);
    if (previous.value !== null && previous.value !== "" && !sameValue(previous, c.value))
      changedExisting++;
  };
  for (const rp of detailed.rows) for (const role in rp.cells) visit(rp.cells[role], false);
  for (const c of detailed.footers) visit(c, true);
  writes.sort((a, b) => a.row - b.row || a.col - b.col);
  return { writes, decisions, changedExisting };
}
