// The sheet model every door produces and every pure layer reads: the Excel gateway, the .xlsx
// reader and tests build a Grid; recognition, checks and fill planning only read it.
// Rows and columns are 0-based; A1 addresses appear only at the edges and in Issue.cell.

/** A cell value as Excel gives it through Range.values (dates arrive as serial numbers). */
export type CellValue = number | string | boolean | null;

export interface Cell {
  /** Value (for a formula cell, its last computed value; an Excel error is its text, e.g. "#DIV/0!"). */
  value: CellValue;
  /** Formula in en-US syntax with leading "=", when the cell holds one. */
  formula?: string;
  /** Number format as Excel reports it ("General", "0.00%", "#,##0"). */
  numberFormat?: string;
}

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Worksheet name. */
  name: string;
  /** Dense rows × columns; row 0 / column 0 is cell A1 (the used range is placed at its real offset). */
  cells: Cell[][];
  merges: MergedArea[];
}

// Accessors and A1 helpers: the only place in src/ that converts column letters.

const EMPTY: Cell = Object.freeze({ value: null }) as Cell;

export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid.cells[row]?.[col] ?? EMPTY;
}

export function rowCount(grid: Grid): number {
  return grid.cells.length;
}

export function colCount(grid: Grid): number {
  let max = 0;
  for (const r of grid.cells) if (r.length > max) max = r.length;
  return max;
}

/** Excel's last column (XFD). */
export const MAX_COLUMNS = 16384;

const LETTERS: string[] = [];

/** 0-based column index → letters (0 → "A", 27 → "AB"); cached, every formula reference uses it. */
export function columnLetters(col: number): string {
  let s = LETTERS[col];
  if (s !== undefined) return s;
  s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col >= 0 && col < MAX_COLUMNS) LETTERS[col] = s;
  return s;
}

/** Column letters → 0-based index ("A" → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

/** 0-based row/col → "B12". */
export function a1(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

/** "B12" (or "$B$12") → {row: 11, col: 1}. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`bad A1 address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B2:D5" (or one cell) → a merged-area-shaped rectangle. */
export function parseRange(range: string): MergedArea {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Builds a grid from plain values (tests, fixtures). */
export function gridFromValues(
  name: string,
  values: CellValue[][],
  merges: MergedArea[] = []
): Grid {
  return { name, cells: values.map((r) => r.map((v) => ({ value: v }))), merges };
}
