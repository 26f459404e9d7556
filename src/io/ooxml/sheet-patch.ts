// One worksheet of patch(): the <c> elements of the written cells rewritten (formula + cached
// value), missing cells and rows inserted in order, a shared formula whose master is
// overwritten spelled out in its other cells, the used range grown, the predikat conditional
// formats added — every other byte of the part as it was. The part is patched as its UTF-8
// bytes (bytes.ts): untouched runs are copied, never decoded and encoded again. A row's edits
// are worked out when the scan closes it, a cell's XML is written straight into the output
// (deflated a chunk at a time, zip.ts DeflateSink), so a 20,000-row sheet never holds its cells'
// records, their texts or its new XML all at once. When readGrids noted where the rows and cells
// are (sheet-layout.ts), sheetData is not scanned again.
import { a1, columnLetters } from "../../model/grid";
import { shiftFormula } from "../../sheet/formula-refs";
import { isExcelError } from "../../core/numbers";
import type { PredikatRule } from "../../visual";
import { ruleFormula } from "../../visual";
import { WorkbookError } from "./errors";
import { writeEdited, type ByteWriter, type Edit, type LazyText } from "./edits";
import { fits, type SheetLayout } from "./sheet-layout";
import {
  ColumnSlots,
  RowCells,
  columnIn,
  numberIn,
  parseCellRef,
  writeAt,
  writesByRow,
  type CellWrite,
} from "./sheet-cells";
import { StyleSheetEditor, setAttr } from "./styles";
import { decodeEntities, escapeAttr, escapeText, excelEscape } from "./xml";
import {
  attrIn,
  attrSpan,
  endOf,
  indexOf,
  lastEndTag,
  nameEndAt,
  scanTags,
  tagEndAt,
  span,
  startsWith,
  textOf,
} from "./bytes";

export type { CellWrite };

/** Order of the worksheet's children after conditionalFormatting (ECMA-376 CT_Worksheet). */
const AFTER_CF = new Set([
  "AlternateContent", // wraps controls / oleObjects
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

interface RowRec {
  row: number;
  start: number;
  tagEnd: number;
  end: number;
  nameEnd: number;
  hasR: boolean;
  selfClosing: boolean;
  /** Something is written in it (its cells are recorded while it is scanned). */
  written: boolean;
}

interface SharedRec {
  si: string;
  row: number;
  col: number;
  fStart: number;
  fEnd: number;
  master: boolean;
  text: string;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "0";
  return String(n);
}

export function cellXml(p: string, ref: string, s: number, w: CellWrite): string {
  const sAttr = s > 0 ? ` s="${s}"` : "";
  // an Excel error value (an undo puts a #DIV/0! back) is an error cell, not the text "#DIV/0!"
  const error = isExcelError(w.value) ? `<${p}v>${escapeText(String(w.value))}</${p}v>` : null;
  if (w.formula) {
    const body = w.formula.charCodeAt(0) === 61 /* = */ ? w.formula.slice(1) : w.formula;
    const f = `<${p}f>${escapeText(body)}</${p}f>`;
    if (error) return `<${p}c r="${ref}"${sAttr} t="e">${f}${error}</${p}c>`;
    if (typeof w.value === "number")
      return `<${p}c r="${ref}"${sAttr}>${f}<${p}v>${formatNumber(w.value)}</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${sAttr} t="str">${f}<${p}v>${escapeText(excelEscape(w.value ?? ""))}</${p}v></${p}c>`;
  }
  if (w.value === null) return `<${p}c r="${ref}"${sAttr}/>`;
  if (error) return `<${p}c r="${ref}"${sAttr} t="e">${error}</${p}c>`;
  if (typeof w.value === "number")
    return `<${p}c r="${ref}"${sAttr}><${p}v>${formatNumber(w.value)}</${p}v></${p}c>`;
  const t = escapeText(excelEscape(w.value));
  const space = /^\s|\s$/.test(w.value) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t${space}>${t}</${p}t></${p}is></${p}c>`;
}

/**
 * A written cell: the edit, whose XML is produced when the output is written (its style already
 * chosen). One object per cell: the edit is its own text.
 */
class CellEdit implements Edit, LazyText {
  readonly text: LazyText = this;
  constructor(
    public at: number,
    public cut: number,
    private readonly m: Markup,
    private readonly s: number,
    private readonly w: CellWrite
  ) {}
  get col(): number {
    return this.w.col;
  }
  produce(): string {
    return cellXml(this.m.p, a1(this.w.row, this.w.col), this.s, this.w);
  }
  /** cellXml written straight into the output for a number or an empty cell, no string made. */
  writeTo(out: ByteWriter): void {
    const { m, s, w } = this;
    const v = w.value;
    if (!m.ascii || (typeof v !== "number" && (v !== null || w.formula))) {
      out.text(this.produce());
      return;
    }
    out.ascii(m.cell);
    out.ascii(columnLetters(w.col));
    out.number(w.row + 1);
    if (s > 0) {
      out.ascii('" s="');
      out.number(s);
    }
    if (v === null) return out.ascii('"/>');
    out.ascii('">');
    if (w.formula) {
      out.ascii(m.f);
      out.escaped(w.formula.charCodeAt(0) === 61 ? w.formula.slice(1) : w.formula);
      out.ascii(m.fEnd);
    }
    out.ascii(m.v);
    out.number(Number.isFinite(v) ? v : 0);
    out.ascii(m.vEnd);
  }
}

/** The markup of a written cell in a sheet's namespace prefix. */
interface Markup {
  p: string;
  /** The prefix is ASCII (else cells are written through cellXml). */
  ascii: boolean;
  cell: string;
  f: string;
  fEnd: string;
  v: string;
  vEnd: string;
}

function markupOf(p: string): Markup {
  return {
    p,
    // eslint-disable-next-line no-control-regex
    ascii: /^[\x00-\x7f]*$/.test(p),
    cell: `<${p}c r="`,
    f: `<${p}f>`,
    fEnd: `</${p}f>`,
    v: `<${p}v>`,
    vEnd: `</${p}v></${p}c>`,
  };
}

/** What an open element is to the scan (by depth). */
const OTHER = 0;
const SHEET_DATA = 1;
const ROW = 2;
const CELL = 3;
const FORMULA = 4;

/** Where the scan of a worksheet stands. */
interface ScanState {
  depth: number;
  row: RowRec | null;
  rowIdx: number;
  colIdx: number;
  /** The cell being scanned (its index in the row's cells), or -1. */
  cell: number;
  fOpen: { tagEnd: number; start: number; si: string; ref: boolean } | null;
}

class SheetPatcher {
  private readonly byRow: Map<number, CellWrite[]>;
  private readonly slots = new ColumnSlots();
  private readonly cells = new RowCells();
  private readonly rows: RowRec[] = [];
  private readonly seenRows = new Set<number>();
  private readonly shared: SharedRec[] = [];
  private readonly edits: Edit[] = [];
  private prefix = "";
  private markup: Markup | null = null;
  private sheetData: { start: number; tagEnd: number; end: number; selfClosing: boolean } | null =
    null;
  private dimension: { start: number; tagEnd: number; ref: string } | null = null;
  private cfAfter = -1; // offset after the last element that precedes conditional formats
  private cfBefore = -1;
  private rootEnd = -1;
  private maxPriority = 0;
  private readonly hasShared: boolean;
  /** No comment, CDATA section, DOCTYPE or processing instruction after the declaration. */
  private readonly plain: boolean;
  /** The kind of the open element at each depth. */
  private readonly kinds: number[] = [];
  private readonly st: ScanState = {
    depth: 0,
    row: null,
    rowIdx: -1,
    colIdx: -1,
    cell: -1,
    fOpen: null,
  };

  /**
   * `text`: the part's UTF-8 bytes (offsets are byte offsets); `layout`: where readGrids found
   * its rows and cells, when it read these bytes (sheetData is then not scanned again).
   */
  constructor(
    private readonly text: Uint8Array,
    private readonly writes: CellWrite[],
    private readonly styles: StyleSheetEditor,
    layout: SheetLayout | null = null
  ) {
    this.byRow = writesByRow(writes, this.slots);
    this.hasShared = indexOf(text, 't="shared"', 0, 4) >= 0;
    this.plain = indexOf(text, "<!", 0, 1) < 0 && indexOf(text, "<?", 1, 1) < 0;
    // inside cells, only shared formulas matter: the layout has no more than cells
    this.layout = layout && this.plain && !this.hasShared && fits(text, layout) ? layout : null;
  }

  private readonly layout: SheetLayout | null;

  /**
   * The rows and cells of sheetData from the layout, as the scan would have reported them (a
   * written row's cells, every row's start and end), and sheetData closed; the offset after it.
   */
  private fromLayout(): number {
    const l = this.layout!;
    const { st, text } = this;
    for (let r = 0; r < l.rows; r++) {
      const start = l.rowStart[r];
      const selfClosing = l.rowSelfClosing[r] === 1;
      st.depth++;
      this.openRow(nameEndAt(text, start), start, l.rowTagEnd[r], selfClosing);
      this.kinds[st.depth] = ROW;
      if (!selfClosing && st.row!.written) this.cellsFromLayout(r);
      this.closeTag(l.rowEnd[r], l.rowEnd[r]);
    }
    this.closeTag(l.sheetData.end, l.sheetData.end);
    return l.sheetData.end;
  }

  /**
   * The cells of a written row from the layout, as openCell would record them: a written cell
   * in full (its tag read for its style), another by its column and start alone (what the
   * insertion of new cells needs), its tag read only when the layout left its column out.
   */
  private cellsFromLayout(r: number): void {
    const { layout: l, st, text, cells } = this;
    const ws = this.byRow.get(st.row!.row)!;
    for (let k = l!.rowCells[r]; k < l!.rowCells[r + 1]; k++) {
      const c = l!.cellStart[k];
      const noted = l!.cellCol[k];
      const col = noted >= 0 ? noted : st.colIdx + 1;
      if (noted !== -2 && writeAt(ws, col) < 0) {
        st.colIdx = col;
        const i = cells.add(col, c, c, nameEndAt(text, c), noted !== -3, 0);
        cells.end[i] = l!.cellEnd[k];
        continue;
      }
      st.depth++;
      this.openCell(nameEndAt(text, c), c, tagEndAt(text, c));
      this.kinds[st.depth] = CELL;
      this.closeTag(l!.cellEnd[k], l!.cellEnd[k]);
    }
  }

  /** The text of the part at [from, to) as written. */
  private original(from: number, to: number): string {
    return textOf(this.text, from, to);
  }

  /** The styles already asked for: [plain, bold] → number format → base style → style. */
  private readonly styleCache = [
    new Map<string | undefined, Map<number, number>>(),
    new Map<string | undefined, Map<number, number>>(),
  ];

  private styleFor(base: number, w: CellWrite): number {
    if (w.numberFormat === undefined && !w.bold) return base;
    const byFormat = this.styleCache[w.bold ? 1 : 0];
    let byBase = byFormat.get(w.numberFormat);
    if (!byBase) byFormat.set(w.numberFormat, (byBase = new Map()));
    let s = byBase.get(base);
    if (s === undefined) {
      s = this.styles.xf(base, { numberFormat: w.numberFormat, bold: w.bold });
      byBase.set(base, s);
    }
    return s;
  }

  scan(): void {
    scanTags(this.text, this);
  }

  /** The local name at [local, nameEnd) is `name`. */
  private is(local: number, nameEnd: number, name: string): boolean {
    return nameEnd - local === name.length && startsWith(this.text, name, local);
  }

  openTag(
    start: number,
    local: number,
    nameEnd: number,
    tagEnd: number,
    selfClosing: boolean
  ): number {
    const { text, st } = this;
    const depth = ++st.depth;
    let kind = OTHER;
    if (depth === 1) this.prefix = this.original(start + 1, local);
    else if (depth === 2)
      kind = this.openChild(textOf(text, local, nameEnd), start, tagEnd, selfClosing);
    else if (this.is(local, nameEnd, "cfRule")) this.cfRule(start, tagEnd);
    else if (!this.sheetData) kind = OTHER;
    else if (depth === 3) {
      if (this.is(local, nameEnd, "row")) {
        this.openRow(nameEnd, start, tagEnd, selfClosing);
        kind = ROW;
      }
    } else if (depth === 4) {
      if (st.row && this.is(local, nameEnd, "c")) {
        this.openCell(nameEnd, start, tagEnd);
        kind = CELL;
      }
    } else if (depth === 5 && st.cell >= 0 && this.is(local, nameEnd, "f")) {
      this.openFormula(start, tagEnd, selfClosing);
      kind = FORMULA;
    }
    this.kinds[depth] = kind;
    if (kind === SHEET_DATA && this.layout?.sheetData.start === start) return this.fromLayout();
    // what is inside a row nobody writes in, or inside a cell, matters only with shared formulas
    if (selfClosing || this.hasShared || !this.plain) return 0;
    if (kind === CELL || (kind === ROW && !st.row!.written))
      return this.skip(start, nameEnd, tagEnd);
    return 0;
  }

  /**
   * The element whose start tag is at [start, tagEnd) closed at once at its end tag, without its
   * content scanned; the offset after it, or 0 when its end is not plainly the next end tag of
   * its name (the scan then goes through it).
   */
  private skip(start: number, nameEnd: number, tagEnd: number): number {
    const end = endOf(this.text, start, nameEnd, tagEnd);
    if (end > 0) this.closeTag(end - (nameEnd - start + 2), end);
    return end;
  }

  private cfRule(start: number, tagEnd: number): void {
    const priority = Number(attrIn(this.text, start, tagEnd, "priority")) || 0;
    this.maxPriority = Math.max(this.maxPriority, priority);
  }

  /** A child of the worksheet element; its kind. */
  private openChild(local: string, start: number, tagEnd: number, selfClosing: boolean): number {
    if (local === "cfRule") this.cfRule(start, tagEnd);
    if (local === "sheetData") {
      this.sheetData = { start, tagEnd, end: tagEnd, selfClosing };
      return SHEET_DATA;
    }
    if (local === "dimension")
      this.dimension = { start, tagEnd, ref: attrIn(this.text, start, tagEnd, "ref") ?? "" };
    else if (this.cfBefore < 0 && AFTER_CF.has(local)) this.cfBefore = start;
    return OTHER;
  }

  private openFormula(start: number, tagEnd: number, selfClosing: boolean): void {
    const text = this.text;
    const shared = indexOf(text, "shared", start, 1);
    if (shared < 0 || shared > tagEnd) return;
    const si = attrIn(text, start, tagEnd, "si");
    if (attrIn(text, start, tagEnd, "t") === "shared" && si !== undefined)
      this.st.fOpen = {
        tagEnd: selfClosing ? start : tagEnd,
        start,
        si,
        ref: attrIn(text, start, tagEnd, "ref") !== undefined,
      };
  }

  private openRow(nameEnd: number, start: number, tagEnd: number, selfClosing: boolean): void {
    const st = this.st;
    const hasR = attrSpan(this.text, start, tagEnd, "r");
    const r = hasR ? numberIn(this.text, span.from, span.to) : NaN;
    st.rowIdx = Number.isInteger(r) && r > 0 ? r - 1 : st.rowIdx + 1;
    st.colIdx = -1;
    st.row = {
      row: st.rowIdx,
      start,
      tagEnd,
      end: tagEnd,
      nameEnd,
      hasR,
      selfClosing,
      written: this.byRow.has(st.rowIdx),
    };
    this.cells.n = 0;
    this.rows.push(st.row);
    // a self-closing row closes at once (scanTags reports the close right after)
  }

  private openCell(nameEnd: number, start: number, tagEnd: number): void {
    const st = this.st;
    const row = st.row!;
    st.cell = -1;
    // a row nobody writes in needs no cell records (nor their columns) without shared formulas
    if (!row.written && !this.hasShared) return;
    const text = this.text;
    const hasR = attrSpan(text, start, tagEnd, "r");
    const col = hasR ? columnIn(text, span.from, span.to) : -1;
    st.colIdx = col >= 0 ? col : st.colIdx + 1;
    const s =
      row.written && attrSpan(text, start, tagEnd, "s") ? numberIn(text, span.from, span.to) : 0;
    st.cell = this.cells.add(st.colIdx, start, tagEnd, nameEnd, hasR, s);
  }

  closeTag(start: number, end: number): void {
    const st = this.st;
    const kind = this.kinds[st.depth];
    if (kind === FORMULA) {
      const o = st.fOpen;
      if (o && st.cell >= 0) {
        const body = o.tagEnd < start ? decodeEntities(this.original(o.tagEnd, start)) : "";
        this.shared.push({
          si: o.si,
          row: st.rowIdx,
          col: this.cells.col[st.cell],
          fStart: o.start,
          fEnd: end,
          master: o.ref && body !== "",
          text: body,
        });
      }
      st.fOpen = null;
    } else if (kind === CELL) {
      if (st.cell >= 0) this.cells.end[st.cell] = end;
      st.cell = -1;
    } else if (kind === ROW) {
      const row = st.row!;
      row.end = end;
      this.rowEdits(row);
      this.cells.n = 0;
      st.row = null;
    } else if (st.depth === 2) {
      if (kind === SHEET_DATA) this.sheetData!.end = end;
      if (this.cfBefore < 0) this.cfAfter = end;
    } else if (st.depth === 1) this.rootEnd = end;
    st.depth--;
  }

  /** An existing row: its written cells rewritten, its new cells inserted in column order. */
  private rowEdits(r: RowRec): void {
    const ws = this.byRow.get(r.row);
    if (!ws || !r.written || this.seenRows.has(r.row)) return;
    this.seenRows.add(r.row);
    const { prefix: p, cells, slots } = this;
    const m = (this.markup ??= markupOf(p));
    // the row's writes by column; a written column's first cell is rewritten
    for (let k = 0; k < ws.length; k++) slots.put(ws[k].col, k);
    const done = new Uint8Array(ws.length);
    let rewritten = 0;
    for (let i = 0; i < cells.n; i++) {
      const k = slots.get(cells.col[i]);
      if (k < 0 || done[k]) continue;
      done[k] = 1;
      rewritten++;
      const w = ws[k];
      const s = this.styleFor(cells.s[i], w);
      this.edits.push(new CellEdit(cells.start[i], cells.end[i] - cells.start[i], m, s, w));
    }
    slots.clear();
    if (rewritten === ws.length) return;
    const fresh: CellEdit[] = [];
    for (let k = 0; k < ws.length; k++)
      if (!done[k]) fresh.push(new CellEdit(0, 0, m, this.styleFor(0, ws[k]), ws[k]));
    fresh.sort((x, y) => x.col - y.col);
    for (let i = 0; i < cells.n; i++)
      if (!cells.hasR[i] && writeAt(ws, cells.col[i]) < 0)
        this.edits.push({ at: cells.nameEnd[i], cut: 0, text: ` r="${a1(r.row, cells.col[i])}"` });
    if (r.selfClosing) {
      const tag = this.original(r.start, r.tagEnd).replace(/\s*\/>$/, ">");
      this.edits.push({
        at: r.start,
        cut: r.tagEnd - r.start,
        text: `${tag}${fresh.map((x) => x.produce()).join("")}</${p}row>`,
      });
      return;
    }
    const rowClose = lastEndTag(this.text, r.end);
    for (const n of fresh) {
      const next = cells.after(n.col);
      n.at = next >= 0 ? cells.start[next] : rowClose;
      this.edits.push(n);
    }
  }

  /** Rows that do not exist yet, inserted in row order. */
  newRows(): void {
    const { rows, byRow, text, edits } = this;
    const p = this.prefix;
    const sd = this.sheetData!;
    const existing = new Set(rows.map((r) => r.row));
    const newRows = [...byRow.keys()].filter((r) => !existing.has(r)).sort((x, y) => x - y);
    if (!newRows.length) return;
    if (rows.some((r) => !r.hasR))
      for (const r of rows)
        if (!r.hasR) edits.push({ at: r.nameEnd, cut: 0, text: ` r="${r.row + 1}"` });
    const rowXml = (ri: number) => {
      const cells = [...byRow.get(ri)!].sort((x, y) => x.col - y.col);
      return `<${p}row r="${ri + 1}">${cells.map((w) => cellXml(p, a1(ri, w.col), this.styleFor(0, w), w)).join("")}</${p}row>`;
    };
    if (sd.selfClosing) {
      edits.push({
        at: sd.start,
        cut: sd.tagEnd - sd.start,
        text: `${this.original(sd.start, sd.tagEnd).replace(/\s*\/>$/, ">")}${newRows.map(rowXml).join("")}</${p}sheetData>`,
      });
      return;
    }
    const sdClose = lastEndTag(text, sd.end);
    let i = 0;
    for (const ri of newRows) {
      while (i < rows.length && rows[i].row < ri) i++;
      edits.push({ at: i < rows.length ? rows[i].start : sdClose, cut: 0, text: rowXml(ri) });
    }
  }

  /** Shared formulas whose master is overwritten: each other cell of the group gets its own formula. */
  sharedFormulas(): void {
    const writtenAt = (r: number, c: number) => {
      const ws = this.byRow.get(r);
      return ws !== undefined && writeAt(ws, c) >= 0;
    };
    const lostMasters = new Map<string, SharedRec>();
    for (const s of this.shared)
      if (s.master && writtenAt(s.row, s.col) && !lostMasters.has(s.si)) lostMasters.set(s.si, s);
    if (!lostMasters.size) return;
    for (const s of this.shared) {
      const m = lostMasters.get(s.si);
      if (!m || writtenAt(s.row, s.col)) continue;
      const own = s.master ? s.text : shiftFormula(m.text, s.row - m.row, s.col - m.col);
      this.edits.push({
        at: s.fStart,
        cut: s.fEnd - s.fStart,
        text: `<${this.prefix}f>${escapeText(own)}</${this.prefix}f>`,
      });
    }
  }

  /** The used range grows with the written cells. */
  usedRange(): void {
    const d = this.dimension;
    if (!d || !this.writes.length) return;
    const [from, to] = d.ref.split(":");
    const a = parseCellRef(from);
    const b = parseCellRef(to ?? from);
    if (!a || !b) return;
    let [top, left, bottom, right] = [a[0], a[1], b[0], b[1]];
    for (const w of this.writes) {
      top = Math.min(top, w.row);
      left = Math.min(left, w.col);
      bottom = Math.max(bottom, w.row);
      right = Math.max(right, w.col);
    }
    const ref =
      top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
    if (ref !== d.ref)
      this.edits.push({
        at: d.start,
        cut: d.tagEnd - d.start,
        text: setAttr(this.original(d.start, d.tagEnd), "ref", ref),
      });
  }

  /** Conditional formats, in schema order (after sheetData … phoneticPr and existing ones). */
  conditionalFormats(rules: PredikatRule[]): void {
    if (!rules.length) return;
    const p = this.prefix;
    const byRange = new Map<string, PredikatRule[]>();
    for (const r of rules) byRange.set(r.range, [...(byRange.get(r.range) ?? []), r]);
    let priority = this.maxPriority;
    let xml = "";
    for (const [range, list] of byRange) {
      xml += `<${p}conditionalFormatting sqref="${escapeAttr(range)}">`;
      for (const r of list)
        xml += `<${p}cfRule type="expression" dxfId="${this.styles.dxf(r.fill, r.font)}" priority="${++priority}"><${p}formula>${escapeText(ruleFormula(r).slice(1))}</${p}formula></${p}cfRule>`;
      xml += `</${p}conditionalFormatting>`;
    }
    const at =
      this.cfBefore >= 0
        ? this.cfBefore
        : this.cfAfter >= 0
          ? this.cfAfter
          : lastEndTag(this.text, this.rootEnd);
    this.edits.push({ at: Math.max(at, this.sheetData!.end), cut: 0, text: xml });
  }

  get hasSheetData(): boolean {
    return this.sheetData !== null;
  }

  /** The edited part, written to `out`. */
  output(out: ByteWriter): void {
    writeEdited(this.text, this.edits, out);
  }
}

/**
 * The patched worksheet, written to `out` as UTF-8. `source`: the part's UTF-8 bytes (without
 * BOM); what is not edited is copied as it is, never decoded and encoded again.
 */
export function patchSheet(
  source: Uint8Array,
  part: string,
  fileName: string | undefined,
  writes: CellWrite[],
  rules: PredikatRule[],
  styles: StyleSheetEditor,
  out: ByteWriter,
  layout: SheetLayout | null = null
): void {
  const sp = new SheetPatcher(source, writes, styles, layout);
  try {
    sp.scan();
  } catch (e) {
    throw new WorkbookError(
      `${fileName ?? "Workbook"}: XML bagian ${part} tidak valid (${(e as Error).message})`,
      "corrupt"
    );
  }
  if (!sp.hasSheetData) throw new WorkbookError(`${part} tidak berisi <sheetData>`, "corrupt");
  sp.newRows();
  sp.sharedFormulas();
  sp.usedRange();
  sp.conditionalFormats(rules);
  sp.output(out);
}
