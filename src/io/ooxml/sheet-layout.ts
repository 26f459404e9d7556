// Where the rows and cells of a worksheet are, noted while readGrids reads it, so that a patch of
// the same part finds them without scanning its sheetData again (most of a sheet's bytes). Only
// for a sheet whose offsets are byte offsets (ASCII text) and whose structure is the plain one:
// rows directly in sheetData, cells directly in rows — anything else and the layout is dropped
// (the patch then scans the sheet as always).
import { localAt, nameEndAt, startsWith } from "./bytes";

/** A growable column of offsets. */
class Offsets {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** The rows and cells of a sheet's sheetData, by their offsets in the part. */
export interface SheetLayout {
  sheetData: { start: number; tagEnd: number; end: number; selfClosing: boolean };
  rows: number;
  /** Per row: offset of "<", after the start tag, after the element; self-closing (1/0). */
  rowStart: Int32Array;
  rowTagEnd: Int32Array;
  rowEnd: Int32Array;
  rowSelfClosing: Uint8Array;
  /** Per row: its cells are [rowCells[r], rowCells[r + 1]). */
  rowCells: Int32Array;
  /** Per cell: offset of "<" and after the element. */
  cellStart: Int32Array;
  cellEnd: Int32Array;
  /**
   * Per cell: the column its r attribute gives as the patch reads it (-1: an r that is not a
   * cell reference, -3: no r; -2: not noted, the patch reads the tag).
   */
  cellCol: Int32Array;
}

/** Notes the layout from the reader's events (element by element, depth by depth). */
export class LayoutRecorder {
  private depth = 0;
  private valid = true;
  private inSheetData = false;
  private inRow = false;
  /** A cell noted by open() is open (its end comes with its close). */
  private inCell = false;
  private sheetData: SheetLayout["sheetData"] | null = null;
  private readonly rowStart = new Offsets();
  private readonly rowTagEnd = new Offsets();
  private readonly rowEnd = new Offsets();
  private readonly rowSelf = new Offsets();
  private readonly rowCells = new Offsets();
  private readonly cellStart = new Offsets();
  private readonly cellEnd = new Offsets();
  private readonly cellCol = new Offsets();

  /** An element opens (`selfClosing` ones close right after). */
  open(local: string, start: number, tagEnd: number, selfClosing: boolean): void {
    const d = ++this.depth;
    if (start < 0) this.valid = false; // no offsets (a scan that filters branches)
    if (!this.valid) return;
    if (d === 2 && local === "sheetData") {
      if (this.sheetData) this.valid = false; // a second one: the patch's own scan decides
      this.sheetData = { start, tagEnd, end: tagEnd, selfClosing };
      this.inSheetData = true;
    } else if (local === "row") {
      if (d !== 3 || !this.inSheetData) this.valid = false;
      this.rowStart.push(start);
      this.rowTagEnd.push(tagEnd);
      this.rowEnd.push(tagEnd);
      this.rowSelf.push(selfClosing ? 1 : 0);
      this.rowCells.push(this.cellStart.n);
      this.inRow = true;
    } else if (local === "c" && d === 4 && this.inRow) {
      this.cellStart.push(start);
      this.cellEnd.push(tagEnd);
      this.cellCol.push(-2);
      this.inCell = true;
    } else if (this.inSheetData && (local === "c" || local === "cfRule" || local === "sheetData"))
      this.valid = false; // elsewhere than the patch expects it
  }

  close(end: number): void {
    const d = this.depth--;
    if (!this.valid) return;
    if (d === 4 && this.inCell) {
      this.cellEnd.a[this.cellEnd.n - 1] = end;
      this.inCell = false;
    } else if (d === 3 && this.inRow) {
      this.rowEnd.a[this.rowEnd.n - 1] = end;
      this.inRow = false;
    } else if (d === 2 && this.inSheetData) {
      this.sheetData!.end = end;
      this.inSheetData = false;
    }
  }

  /**
   * A cell read whole: [start, end) of its element, one level below the current one, and its
   * column as the patch would read it (see SheetLayout.cellCol).
   */
  cell(start: number, end: number, col: number): void {
    if (!this.valid) return;
    if (this.depth === 3 && this.inRow) {
      this.cellStart.push(start);
      this.cellEnd.push(end);
      this.cellCol.push(col);
    } else if (this.inSheetData) this.valid = false;
  }

  /** The layout, or null when the sheet is not plain enough for it. */
  result(): SheetLayout | null {
    if (!this.valid || !this.sheetData || this.depth !== 0) return null;
    this.rowCells.push(this.cellStart.n);
    const rows = this.rowStart.n;
    return {
      sheetData: this.sheetData,
      rows,
      rowStart: this.rowStart.a.subarray(0, rows),
      rowTagEnd: this.rowTagEnd.a.subarray(0, rows),
      rowEnd: this.rowEnd.a.subarray(0, rows),
      rowSelfClosing: Uint8Array.from(this.rowSelf.a.subarray(0, rows)),
      rowCells: this.rowCells.a.subarray(0, rows + 1),
      cellStart: this.cellStart.a.subarray(0, this.cellStart.n),
      cellEnd: this.cellEnd.a.subarray(0, this.cellEnd.n),
      cellCol: this.cellCol.a.subarray(0, this.cellCol.n),
    };
  }
}

/** The element at `lt` has the local name `name`. */
function named(b: Uint8Array, lt: number, name: string): boolean {
  const end = nameEndAt(b, lt);
  const local = localAt(b, lt, end);
  return end - local === name.length && startsWith(b, name, local);
}

/**
 * The layout fits these bytes: every row and cell is a tag of its name where it was noted, and
 * its element ends with ">" where it was noted to end (a layout of other bytes is refused).
 */
export function fits(b: Uint8Array, l: SheetLayout): boolean {
  const sd = l.sheetData;
  const tag = (start: number, end: number) => b[start] === 60 && b[end - 1] === 62;
  if (sd.selfClosing || !tag(sd.start, sd.tagEnd) || b[sd.end - 1] !== 62) return false;
  if (!named(b, sd.start, "sheetData")) return false;
  let last = sd.tagEnd;
  for (let r = 0; r < l.rows; r++) {
    const start = l.rowStart[r];
    if (start < last || !tag(start, l.rowTagEnd[r]) || b[l.rowEnd[r] - 1] !== 62) return false;
    if (!named(b, start, "row")) return false;
    last = l.rowEnd[r];
    for (let k = l.rowCells[r]; k < l.rowCells[r + 1]; k++) {
      const c = l.cellStart[k];
      if (b[c] !== 60 || b[l.cellEnd[k] - 1] !== 62 || !named(b, c, "c")) return false;
    }
  }
  return last <= sd.end;
}

/**
 * The column of the cell reference at [from, to) of an ASCII text, exactly as the patch reads
 * an r attribute (parseCellRef: one optional "$" before the letters and one before the digits,
 * a row from 1); -1 when it is not one.
 */
export function columnOfRef(s: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  if (s.charCodeAt(i) === 36) i++;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i < to && s.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  return col === 0 || i === digits || row === 0 ? -1 : col - 1;
}
