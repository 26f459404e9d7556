// Cell edits that write a code and/or a name into a row as the sheet lays them out: one cell
// ("2.07.01.2.01.0001", with the name after it when the cell held one) or split cells, each cell
// getting its own official segments ("2 | 7 | 4" → "2 | 07 | 04"). Used by the fixes of the
// kode.* findings and by the migration. Text codes stay text (numberFormat "@" where Excel would
// otherwise turn "07" or "2.01" into a number).
import type { CellValue } from "../model/grid";
import { a1 } from "../model/grid";
import type { CellEdit } from "../model/issue";
import { cellCodeText, splitCodeCell, type CodeCellParts } from "./read";

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
  const coded = codedCells(row);
  return coded.length > 1
    ? { cols: coded.map((c) => c.col), counts: coded.map((c) => c.parts.tokens.length) }
    : null;
}

const NUMERIC_TEXT = /^\d+(\.\d+)?$/;

function edit(row: number, col: number, value: string): CellEdit {
  return NUMERIC_TEXT.test(value) ? { row, col, value, numberFormat: "@" } : { row, col, value };
}

/** The cells of a row holding the code (up to the one with a name after the code). */
function codedCells(row: WritableRow) {
  const cells: { col: number; text: string; parts: Readonly<CodeCellParts> }[] = [];
  for (const c of row.codeCells) {
    const text = cellCodeText(c.value);
    const parts = splitCodeCell(text);
    if (!parts.tokens.length) break;
    cells.push({ col: c.col, text, parts });
    if (parts.name) break;
  }
  return cells;
}

/** The segments of `code` over `layout`'s cells; null when the layout does not fit the row. */
function codeTexts(
  row: WritableRow,
  coded: ReturnType<typeof codedCells>,
  code: string,
  template: SplitLayout | null | undefined
): { col: number; text: string }[] | null {
  const segments = code.split(".");
  if (coded.length === 0) return null;
  if (coded.length === 1) return [{ col: coded[0].col, text: code + coded[0].parts.tail }];
  let total = 0;
  for (const c of coded) total += c.parts.tokens.length;
  const layout = total === segments.length ? layoutOf(row) : template;
  // a template must cover every cell the row uses, or old segments would be left behind, and
  // may only add cells that are empty in this row
  if (!layout || coded.some((c, k) => layout.cols[k] !== c.col)) return null;
  if (layout.cols.slice(coded.length).some((col) => row.codeCells.some((c) => c.col === col)))
    return null;
  const out: { col: number; text: string }[] = [];
  let i = 0;
  for (let k = 0; k < layout.cols.length; k++) {
    const text = segments.slice(i, (i += layout.counts[k])).join(".");
    out.push({ col: layout.cols[k], text: text + (coded[k]?.parts.tail ?? "") });
  }
  return out;
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
  const coded = codedCells(row);
  let texts: { col: number; text: string }[] = [];
  if (what.code !== undefined) {
    const t = codeTexts(row, coded, what.code, template);
    if (!t) return null;
    texts = t;
  }
  if (what.name !== undefined) {
    const holder =
      coded.length && coded[coded.length - 1].parts.name ? coded[coded.length - 1] : null;
    if (row.name && (typeof row.name.value === "string" || !holder))
      texts.push({ col: row.name.col, text: what.name });
    else if (holder) {
      const mine = texts.find((t) => t.col === holder.col);
      const current = mine?.text ?? holder.text;
      const sep = /^\s*[-–—:]?\s*/.exec(holder.parts.tail)![0] || " ";
      const text = current.slice(0, current.length - holder.parts.tail.length) + sep + what.name;
      if (mine) mine.text = text;
      else texts.push({ col: holder.col, text });
    }
  }
  const edits: CellEdit[] = [];
  for (const t of texts) {
    const old =
      row.name && t.col === row.name.col
        ? row.name.value
        : (row.codeCells.find((c) => c.col === t.col)?.value ?? null);
    if (cellCodeText(old) !== t.text) edits.push(edit(row.row, t.col, t.text));
  }
  return edits;
}

/** "B12", "A12, C12" or "A12:C12": the cells a fix writes, for its label. */
export function where(edits: CellEdit[]): string {
  if (edits.length === 1) return a1(edits[0].row, edits[0].col);
  if (edits.length === 2 && edits[0].row === edits[1].row && edits[0].col < edits[1].col)
    return `${a1(edits[0].row, edits[0].col)}, ${a1(edits[1].row, edits[1].col)}`;
  const cells = [...edits].sort((a, b) => a.row - b.row || a.col - b.col);
  if (cells.length === 0) return "";
  const sameRow = cells.every((e) => e.row === cells[0].row);
  const contiguous = sameRow && cells.every((e, i) => e.col === cells[0].col + i);
  if (cells.length > 2 && contiguous)
    return `${a1(cells[0].row, cells[0].col)}:${a1(cells[0].row, cells[cells.length - 1].col)}`;
  return cells.map((e) => a1(e.row, e.col)).join(", ");
}
