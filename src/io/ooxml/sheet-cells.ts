// What the worksheet patch keeps of the cells while it scans: the writes by row, and the cells of
// the row being scanned as typed arrays reused row after row (a 20,000-row sheet has ~400,000
// cells: one object each was most of the patch's garbage). Cell references are read in place on
// the bytes.
import { valueText } from "./bytes";

/** One cell to write (a PlannedWrite or a summary cell fits). */
export interface CellWrite {
  row: number;
  col: number;
  /** en-US formula with leading "="; the value is then its cached result. */
  formula?: string;
  /** null = an empty cell (its style stays). */
  value: number | string | null;
  numberFormat?: string;
  bold?: boolean;
}

export function parseCellRef(r: string | undefined): [number, number] | null {
  if (!r) return null;
  let col = 0;
  let i = 0;
  const n = r.length;
  if (r.charCodeAt(0) === 36) i++;
  for (; i < n; i++) {
    const c = r.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (r.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = r.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (col === 0 || i === digits || row === 0) return null;
  return [row - 1, col - 1];
}

/** Number() of an attribute value at [from, to) of the bytes; its digits read in place. */
export function numberIn(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c < 48 || c > 57 || to - from > 9) return Number(valueText(b, from, to));
    n = n * 10 + (c - 48);
  }
  return to > from ? n : 0;
}

/** The column of a cell reference at [from, to) of the bytes, as parseCellRef reads it; -1 if none. */
export function columnIn(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++)
    if (b[i] > 127 || b[i] === 38) {
      const r = parseCellRef(valueText(b, from, to));
      return r ? r[1] : -1;
    }
  let col = 0;
  let i = from;
  if (b[i] === 36) i++;
  for (; i < to; i++) {
    const c = b[i] | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (b[i] === 36 && i < to) i++;
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  return col === 0 || i === digits || row === 0 ? -1 : col - 1;
}

/** Columns Excel can have; others are looked up by a scan. */
const MAX_COLUMNS = 16384;

/** A column → position lookup for one row at a time (set, read, cleared). */
export class ColumnSlots {
  private readonly slot = new Int32Array(MAX_COLUMNS);
  private readonly set: number[] = [];
  private readonly others = new Map<number, number>();

  /** The position given to `col`, or -1. */
  get(col: number): number {
    if (col >= 0 && col < MAX_COLUMNS) return this.slot[col] - 1;
    return this.others.get(col) ?? -1;
  }

  put(col: number, at: number): void {
    if (col >= 0 && col < MAX_COLUMNS) {
      this.slot[col] = at + 1;
      this.set.push(col);
    } else this.others.set(col, at);
  }

  clear(): void {
    for (const col of this.set) this.slot[col] = 0;
    this.set.length = 0;
    this.others.clear();
  }
}

/**
 * The writes by row, each row's in the order of their first write: the last write of a cell
 * wins, in the place of its first.
 */
export function writesByRow(writes: CellWrite[], slots: ColumnSlots): Map<number, CellWrite[]> {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  for (const list of byRow.values()) {
    if (list.length < 2) continue;
    let n = 0;
    for (const w of list) {
      const at = slots.get(w.col);
      if (at >= 0) list[at] = w;
      else {
        slots.put(w.col, n);
        list[n++] = w;
      }
    }
    list.length = n;
    slots.clear();
  }
  return byRow;
}

/** The position of the write of `col` in a row's writes, or -1 (a short scan). */
export function writeAt(list: CellWrite[], col: number): number {
  for (let i = 0; i < list.length; i++) if (list[i].col === col) return i;
  return -1;
}

/** The cells of the row being scanned, as columns of numbers (cleared for every row). */
export class RowCells {
  n = 0;
  col = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Offset right after the element name in the start tag (to add r="…"). */
  nameEnd = new Int32Array(64);
  s = new Float64Array(64);
  hasR = new Uint8Array(64);

  /** A cell; its index. */
  add(col: number, start: number, end: number, nameEnd: number, hasR: boolean, s: number) {
    if (this.n === this.col.length) this.grow();
    const i = this.n++;
    this.col[i] = col;
    this.start[i] = start;
    this.end[i] = end;
    this.nameEnd[i] = nameEnd;
    this.hasR[i] = hasR ? 1 : 0;
    this.s[i] = s;
    return i;
  }

  /** The first cell (in the order of the row) of a column after `col`, or -1. */
  after(col: number): number {
    for (let i = 0; i < this.n; i++) if (this.col[i] > col) return i;
    return -1;
  }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.col = twice(this.col);
    this.start = twice(this.start);
    this.end = twice(this.end);
    this.nameEnd = twice(this.nameEnd);
    this.s = twice(this.s);
    this.hasR = twice(this.hasR);
  }
}
