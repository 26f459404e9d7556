// Cell edits that write a code and/or a name into a row as the sheet lays them out: one cell
// ("2.07.01.2.01.0001", with the name after it when the cell held one) or split cells, each cell
// getting its own official segments ("2 | 7 | 4" → "2 | 07 | 04"). Used by the fixes of the
// kode.* findings and by the migration. Text codes stay text (numberFormat "@" where Excel would
// otherwise turn "07" or "2.01" into a number).
import type { CellValue } from "../model/grid";
import { a1 } from "../model/grid";
import type { CellEdit } from "../model/issue";
import { cellCodeText, splitCodeCell } from "./read";

/** A row's code cells as input to the checks (0-based row/col). */
export interface CodeCellRef {
  col: number;
  value: CellValue;
}

/** The cells of one row that a write may touch. */
export interface WritableRow {
  row: number;
  codeCells: CodeCellRef[];
  name: CodeCellRef | null;
}

/** How a sheet splits codes of one length over its code columns (from a row that does). */
export interface SplitLayout {
  cols: number[];
  /** Code segments per column. */
  counts: number[];
}

/** The split of this row's code, or null when it sits in one cell. */
export function layoutOf(row: WritableRow): SplitLayout | null {
  const cols: number[] = [];
  const counts: number[] = [];
  for (const c of row.codeCells) {
    const parts = splitCodeCell(cellCodeText(c.value));
    if (!parts.tokens.length) break;
    cols.push(c.col);
    counts.push(parts.tokens.length);
    if (parts.name) break;
  }
  return cols.length > 1 ? { cols, counts } : null;
}

const NUMERIC_TEXT = /^\d+(\.\d+)?$/;

function edit(row: number, col: number, value: string): CellEdit {
  return NUMERIC_TEXT.test(value) ? { row, col, value, numberFormat: "@" } : { row, col, value };
}

function unchanged(old: CellValue, value: string): boolean {
  return cellCodeText(old) === value;
}

/**
 * Edits that make the row show `code` (normalised, e.g. "2.07.01.2.01.0001") and/or `name`.
 * A code with a different number of segments than the row's own (a deeper code) needs the
 * sheet's `template` for that length when the row splits its code; null when it cannot be written
 * without guessing. Cells that already show the value get no edit.
 */
export function writeRow(
  row: WritableRow,
  what: { code?: string; name?: string },
  template?: SplitLayout | null
): CellEdit[] | null {
  const out = new Map<number, string>();
  const cells = row.codeCells.map((c) => ({ ...c, parts: splitCodeCell(cellCodeText(c.value)) }));
  const coded = cells.filter((c) => c.parts.tokens.length);
  if (what.code !== undefined) {
    const segments = what.code.split(".");
    const own = layoutOf(row);
    const layout =
      own && own.counts.reduce((a, b) => a + b, 0) === segments.length
        ? own
        : own
          ? template
          : null;
    // a template must cover every cell the row uses, or old segments would be left behind
    if (own && (!layout || own.cols.some((c, i) => layout.cols[i] !== c))) return null;
    if (!layout) {
      const cell = coded[0];
      if (!cell) return null;
      out.set(cell.col, segments.join(".") + cell.parts.tail);
    } else {
      let i = 0;
      layout.cols.forEach((col, k) => {
        const text = segments.slice(i, (i += layout.counts[k])).join(".");
        const cell = cells.find((c) => c.col === col);
        out.set(col, text + (cell?.parts.tail ?? ""));
      });
    }
  }
  if (what.name !== undefined) {
    const holder = [...coded].reverse().find((c) => c.parts.name);
    if (row.name && (typeof row.name.value === "string" || !holder))
      out.set(row.name.col, what.name);
    else if (holder) {
      const current = out.get(holder.col) ?? cellCodeText(holder.value);
      const sep = /^\s*[-–—:]?\s*/.exec(holder.parts.tail)![0] || " ";
      out.set(
        holder.col,
        current.slice(0, current.length - holder.parts.tail.length) + sep + what.name
      );
    }
  }
  const original = new Map<number, CellValue>(row.codeCells.map((c) => [c.col, c.value]));
  if (row.name) original.set(row.name.col, row.name.value);
  return [...out.entries()]
    .filter(([col, value]) => !unchanged(original.get(col) ?? null, value))
    .map(([col, value]) => edit(row.row, col, value));
}

/** "B12", "A12, C12" or "A12:C12": the cells a fix writes, for its label. */
export function where(edits: CellEdit[]): string {
  const cells = [...edits].sort((a, b) => a.row - b.row || a.col - b.col);
  if (cells.length === 0) return "";
  const sameRow = cells.every((e) => e.row === cells[0].row);
  const contiguous = sameRow && cells.every((e, i) => e.col === cells[0].col + i);
  if (cells.length > 2 && contiguous)
    return `${a1(cells[0].row, cells[0].col)}:${a1(cells[0].row, cells[cells.length - 1].col)}`;
  return cells.map((e) => a1(e.row, e.col)).join(", ");
}
