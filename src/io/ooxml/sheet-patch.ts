// One worksheet of patch(): the <c> elements of the written cells rewritten (formula + cached
// value), missing cells and rows inserted in order, a shared formula whose master is
// overwritten spelled out in its other cells, the used range grown, the predikat conditional
// formats added — every other byte of the part as it was. A row's edits are worked out when the
// scan closes it, and a cell's XML is produced only when the output is written (edits.ts), so a
// 20,000-row sheet never holds its cells' records or texts all at once.
import { a1 } from "../../model/grid";
import { shiftFormula } from "../../sheet/formula-refs";
import { isExcelError } from "../../core/numbers";
import type { PredikatRule } from "../../visual";
import { ruleFormula } from "../../visual";
import { WorkbookError } from "./errors";
import { applyEdits, editedBytes, type Edit, type LazyText } from "./edits";
import { StyleSheetEditor, setAttr } from "./styles";
import { attrIn, decodeEntities, escapeAttr, escapeText, excelEscape, scanXml } from "./xml";

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

interface CellRec {
  col: number;
  start: number;
  end: number;
  /** Offset right after the element name in the start tag (to add r="…"). */
  nameEnd: number;
  hasR: boolean;
  s: number;
}

interface RowRec {
  row: number;
  start: number;
  tagEnd: number;
  end: number;
  nameEnd: number;
  hasR: boolean;
  selfClosing: boolean;
  /** The row's cells while it is scanned, when something is written in it (then dropped). */
  cells: CellRec[] | null;
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
    const f = `<${p}f>${escapeText(w.formula.replace(/^=/, ""))}</${p}f>`;
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

/** A written cell's XML, produced when the output is written (its style already chosen). */
class CellText implements LazyText {
  constructor(
    private readonly p: string,
    private readonly row: number,
    private readonly col: number,
    private readonly s: number,
    private readonly w: CellWrite
  ) {}
  text(): string {
    return cellXml(this.p, a1(this.row, this.col), this.s, this.w);
  }
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

/** The writes by row, then column: the last write of a cell wins, in the place of its first. */
function writesByRow(writes: CellWrite[]): Map<number, Map<number, CellWrite>> {
  const byRow = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    let m = byRow.get(w.row);
    if (!m) byRow.set(w.row, (m = new Map()));
    m.set(w.col, w);
  }
  return byRow;
}

/** Where the scan of a worksheet stands. */
interface ScanState {
  depth: number;
  row: RowRec | null;
  rowIdx: number;
  colIdx: number;
  cell: CellRec | null;
  fOpen: { tagEnd: number; start: number; si: string; ref: boolean } | null;
}

class SheetPatcher {
  private readonly byRow: Map<number, Map<number, CellWrite>>;
  private readonly rows: RowRec[] = [];
  private readonly seenRows = new Set<number>();
  private readonly shared: SharedRec[] = [];
  private readonly edits: Edit[] = [];
  private prefix = "";
  private sheetData: { start: number; tagEnd: number; end: number; selfClosing: boolean } | null =
    null;
  private dimension: { start: number; tagEnd: number; ref: string } | null = null;
  private cfAfter = -1; // offset after the last element that precedes conditional formats
  private cfBefore = -1;
  private rootEnd = -1;
  private maxPriority = 0;
  private readonly hasShared: boolean;
  private readonly st: ScanState = {
    depth: 0,
    row: null,
    rowIdx: -1,
    colIdx: -1,
    cell: null,
    fOpen: null,
  };

  constructor(
    private readonly text: string,
    private readonly writes: CellWrite[],
    private readonly styles: StyleSheetEditor
  ) {
    this.byRow = writesByRow(writes);
    this.hasShared = text.indexOf('t="shared"') >= 0;
  }

  private styleFor(base: number, w: CellWrite): number {
    return w.numberFormat !== undefined || w.bold
      ? this.styles.xf(base, { numberFormat: w.numberFormat, bold: w.bold })
      : base;
  }

  scan(): void {
    scanXml(this.text, {
      open: (local, qname, start, tagEnd, selfClosing) =>
        this.open(local, qname, start, tagEnd, selfClosing),
      close: (local, start, end) => this.close(local, start, end),
    });
  }

  private open(local: string, qname: string, start: number, tagEnd: number, selfClosing: boolean) {
    const { text, st } = this;
    const attr = (name: string) => attrIn(text, start, tagEnd, name);
    st.depth++;
    if (st.depth === 1) {
      this.prefix = qname.includes(":") ? qname.slice(0, qname.indexOf(":") + 1) : "";
      return;
    }
    if (local === "cfRule")
      this.maxPriority = Math.max(this.maxPriority, Number(attr("priority")) || 0);
    if (st.depth === 2) {
      if (local === "sheetData") this.sheetData = { start, tagEnd, end: tagEnd, selfClosing };
      else if (local === "dimension") this.dimension = { start, tagEnd, ref: attr("ref") ?? "" };
      else if (this.cfBefore < 0 && AFTER_CF.has(local)) this.cfBefore = start;
      return;
    }
    if (!this.sheetData || st.depth < 3) return;
    if (st.depth === 3 && local === "row") this.openRow(qname, start, tagEnd, selfClosing, attr);
    else if (st.depth === 4 && local === "c" && st.row) this.openCell(qname, start, tagEnd, attr);
    else if (st.depth === 5 && local === "f" && st.cell) {
      const shared = text.indexOf("shared", start);
      if (shared < 0 || shared > tagEnd) return;
      const si = attr("si");
      if (attr("t") === "shared" && si !== undefined)
        st.fOpen = {
          tagEnd: selfClosing ? start : tagEnd,
          start,
          si,
          ref: attr("ref") !== undefined,
        };
    }
  }

  private openRow(
    qname: string,
    start: number,
    tagEnd: number,
    selfClosing: boolean,
    attr: (name: string) => string | undefined
  ): void {
    const st = this.st;
    const rAttr = attr("r");
    const r = Number(rAttr);
    st.rowIdx = Number.isInteger(r) && r > 0 ? r - 1 : st.rowIdx + 1;
    st.colIdx = -1;
    st.row = {
      row: st.rowIdx,
      start,
      tagEnd,
      end: tagEnd,
      nameEnd: start + 1 + qname.length,
      hasR: rAttr !== undefined,
      selfClosing,
      cells: this.byRow.has(st.rowIdx) ? [] : null,
    };
    this.rows.push(st.row);
    // a self-closing row closes at once (scanXml reports the close right after)
  }

  private openCell(
    qname: string,
    start: number,
    tagEnd: number,
    attr: (name: string) => string | undefined
  ): void {
    const st = this.st;
    const row = st.row!;
    const rAttr = attr("r");
    const r = parseCellRef(rAttr);
    if (r) st.colIdx = r[1];
    else st.colIdx++;
    st.cell = null;
    if (row.cells || this.hasShared) {
      const sAttr = row.cells ? attr("s") : undefined;
      st.cell = {
        col: st.colIdx,
        start,
        end: tagEnd,
        nameEnd: start + 1 + qname.length,
        hasR: rAttr !== undefined,
        s: sAttr !== undefined ? Number(sAttr) : 0,
      };
      if (row.cells) row.cells.push(st.cell);
    }
  }

  private close(local: string, start: number, end: number): void {
    const st = this.st;
    if (st.depth === 5 && local === "f" && st.fOpen && st.cell) {
      const o = st.fOpen;
      const body = o.tagEnd < start ? decodeEntities(this.text.slice(o.tagEnd, start)) : "";
      this.shared.push({
        si: o.si,
        row: st.rowIdx,
        col: st.cell.col,
        fStart: o.start,
        fEnd: end,
        master: o.ref && body !== "",
        text: body,
      });
      st.fOpen = null;
    } else if (st.depth === 4 && local === "c" && st.cell) {
      st.cell.end = end;
      st.cell = null;
    } else if (st.depth === 3 && local === "row" && st.row) {
      st.row.end = end;
      this.rowEdits(st.row);
      st.row.cells = null;
      st.row = null;
    } else if (st.depth === 2) {
      if (local === "sheetData" && this.sheetData) this.sheetData.end = end;
      if (this.cfBefore < 0) this.cfAfter = end;
    } else if (st.depth === 1) this.rootEnd = end;
    st.depth--;
  }

  /** An existing row: its written cells rewritten, its new cells inserted in column order. */
  private rowEdits(r: RowRec): void {
    const ws = this.byRow.get(r.row);
    if (!ws || !r.cells || this.seenRows.has(r.row)) return;
    this.seenRows.add(r.row);
    const p = this.prefix;
    const pendingNew: { col: number; xml: LazyText }[] = [];
    const done = new Set<number>();
    for (const c of r.cells) {
      const w = ws.get(c.col);
      if (!w || done.has(c.col)) continue;
      done.add(c.col);
      const text = new CellText(p, r.row, c.col, this.styleFor(c.s, w), w);
      this.edits.push({ at: c.start, cut: c.end - c.start, text });
    }
    for (const [col, w] of ws)
      if (!done.has(col))
        pendingNew.push({ col, xml: new CellText(p, r.row, col, this.styleFor(0, w), w) });
    if (!pendingNew.length) return;
    pendingNew.sort((x, y) => x.col - y.col);
    if (r.cells.some((c) => !c.hasR))
      for (const c of r.cells)
        if (!c.hasR && !ws.has(c.col))
          this.edits.push({ at: c.nameEnd, cut: 0, text: ` r="${a1(r.row, c.col)}"` });
    if (r.selfClosing) {
      const tag = this.text.slice(r.start, r.tagEnd).replace(/\s*\/>$/, ">");
      this.edits.push({
        at: r.start,
        cut: r.tagEnd - r.start,
        text: `${tag}${pendingNew.map((x) => x.xml.text()).join("")}</${p}row>`,
      });
      return;
    }
    const rowClose = this.text.lastIndexOf("</", r.end - 1);
    for (const n of pendingNew) {
      const next = r.cells.find((c) => c.col > n.col);
      this.edits.push({ at: next ? next.start : rowClose, cut: 0, text: n.xml });
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
      const cells = [...byRow.get(ri)!.entries()].sort((x, y) => x[0] - y[0]);
      return `<${p}row r="${ri + 1}">${cells.map(([c, w]) => cellXml(p, a1(ri, c), this.styleFor(0, w), w)).join("")}</${p}row>`;
    };
    if (sd.selfClosing) {
      edits.push({
        at: sd.start,
        cut: sd.tagEnd - sd.start,
        text: `${text.slice(sd.start, sd.tagEnd).replace(/\s*\/>$/, ">")}${newRows.map(rowXml).join("")}</${p}sheetData>`,
      });
      return;
    }
    const sdClose = text.lastIndexOf("</", sd.end - 1);
    let i = 0;
    for (const ri of newRows) {
      while (i < rows.length && rows[i].row < ri) i++;
      edits.push({ at: i < rows.length ? rows[i].start : sdClose, cut: 0, text: rowXml(ri) });
    }
  }

  /** Shared formulas whose master is overwritten: each other cell of the group gets its own formula. */
  sharedFormulas(): void {
    const writtenAt = (r: number, c: number) => this.byRow.get(r)?.has(c) === true;
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
        text: setAttr(this.text.slice(d.start, d.tagEnd), "ref", ref),
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
          : this.text.lastIndexOf("</", this.rootEnd - 1);
    this.edits.push({ at: Math.max(at, this.sheetData!.end), cut: 0, text: xml });
  }

  get hasSheetData(): boolean {
    return this.sheetData !== null;
  }

  /** The edited part: UTF-8 bytes, or the text (for a part that must be re-encoded). */
  output(asText: boolean): Uint8Array | string {
    return asText
      ? applyEdits(this.text, this.edits)
      : editedBytes(this.text, this.edits, this.edits.length * 100);
  }
}

/**
 * The patched worksheet: its UTF-8 bytes, or its text with `asText` (a UTF-16 part, whose
 * declaration the caller corrects).
 */
export function patchSheet(
  text: string,
  part: string,
  fileName: string | undefined,
  writes: CellWrite[],
  rules: PredikatRule[],
  styles: StyleSheetEditor,
  asText = false
): Uint8Array | string {
  const sp = new SheetPatcher(text, writes, styles);
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
  return sp.output(asText);
}
