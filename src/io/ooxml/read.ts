// readGrids: an .xlsx/.xlsm package (bytes) → one Grid per worksheet, streamed straight from the
// inflated XML into the cells (no intermediate workbook model). Reads only what the engine needs:
// workbook.xml and its relationships, styles.xml (number formats), the shared strings and the
// worksheets; drawings, pivots, comments … are never inflated.
import type { Cell, CellValue, Grid, MergedArea } from "../../model/grid";
import { shiftFormula } from "../../sheet/formula-refs";
import { WorkbookError, corrupt, subject } from "./errors";
import {
  DEFAULT_LIMITS,
  ZipArchive,
  hasUtf16,
  isOle,
  type Codec,
  type ZipEntry,
  type ZipLimits,
} from "./zip";
import {
  XmlDecoder,
  decodeXml,
  excelUnescape,
  sniffEncoding,
  xmlStream,
  type Attrs,
  type Span,
  type XmlHandlers,
} from "./xml";
import { fastXml, type CellHandlers, type PlainCell, type TagAttrs } from "./fast-xml";
import {
  findWorkbookPart,
  notWorkbook,
  readWorkbookInfo,
  type SheetRef,
  type WorkbookInfo,
} from "./package";
import { readNumberFormats } from "./styles";
import { LayoutRecorder, columnOfRef, type SheetLayout } from "./sheet-layout";

export interface ReadOptions {
  /** File name for messages ("Berkas laporan.xlsx rusak …"). */
  name?: string;
  limits?: Partial<ZipLimits>;
  /** Native compression (see Codec); the pure-JS fflate otherwise. */
  codec?: Codec;
  /** Largest number of cells of one sheet once made dense (rows × their last column). */
  maxCells?: number;
  /** Read only the worksheets this accepts (by name). */
  sheets?: (name: string) => boolean;
  /** Keep the opened package and what was inflated of it (ReadResult.opened), for a patch. */
  keep?: boolean;
}

/** A package as it was opened and read, reusable by patch (PatchOptions.opened). */
export interface OpenedPackage {
  zip: ZipArchive;
  workbook: WorkbookInfo;
  /** Where the rows and cells of the sheets read are (by part path, lower case). */
  layouts?: Map<string, SheetLayout>;
}

export interface ReadResult {
  sheets: Grid[];
  /** The workbook uses the 1904 date system (serials are as stored). */
  date1904: boolean;
  /** Sheets that are not worksheets (chart sheets, dialog and macro sheets). */
  skipped: { name: string; kind: string }[];
  /** With ReadOptions.keep: the package, its parts read kept inflated. */
  opened?: OpenedPackage;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Opens the package, or says in Indonesian what the bytes are instead. */
export function openPackage(
  bytes: Uint8Array,
  options: { name?: string; limits?: Partial<ZipLimits>; codec?: Codec; keep?: boolean } = {}
): OpenedPackage {
  const name = options.name;
  if (bytes.length === 0) throw new WorkbookError(`${subject(name)} kosong (0 byte).`, "empty");
  if (isOle(bytes)) {
    if (hasUtf16(bytes, "EncryptedPackage") || hasUtf16(bytes, "EncryptionInfo"))
      throw new WorkbookError(
        `${subject(name)} dilindungi kata sandi: buka di Excel, simpan tanpa sandi (File → Info → ` +
          "Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan), lalu jalankan lagi.",
        "encrypted"
      );
    throw new WorkbookError(
      `${subject(name)} adalah workbook Excel 97–2003 (.xls, format biner lama), bukan .xlsx: ` +
        "buka di Excel atau LibreOffice lalu Simpan Sebagai → Excel Workbook (.xlsx).",
      "xls"
    );
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  let zip: ZipArchive;
  try {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    zip = new ZipArchive(bytes, name, limits, options.codec, options.keep);
  } catch (e) {
    if (!isZip && e instanceof WorkbookError && e.kind === "corrupt")
      throw notWorkbook(
        name,
        "isinya bukan arsip zip seperti .xlsx (mungkin CSV, teks atau format lain); simpan ulang sebagai .xlsx dari Excel"
      );
    throw e;
  }
  const mimetype = zip.find("mimetype");
  const mime = mimetype && mimetype.size < 200 ? new TextDecoder().decode(zip.read(mimetype)) : "";
  if (
    /opendocument\.spreadsheet/.test(mime) ||
    (!mime && zip.find("content.xml") && zip.find("META-INF/manifest.xml"))
  )
    throw new WorkbookError(
      `${subject(name)} adalah spreadsheet OpenDocument (.ods), bukan .xlsx: buka di LibreOffice Calc ` +
        "atau Excel lalu Simpan Sebagai → Excel 2007-365 (.xlsx).",
      "ods"
    );
  const part = findWorkbookPart(zip, name);
  if (part && /\.bin$/i.test(part))
    throw new WorkbookError(
      `${subject(name)} adalah Excel Binary Workbook (.xlsb), bukan .xlsx: buka di Excel lalu ` +
        "Simpan Sebagai → Excel Workbook (.xlsx).",
      "xlsb"
    );
  if (!part) {
    if (zip.find("xl/workbook.bin"))
      throw new WorkbookError(
        `${subject(name)} adalah Excel Binary Workbook (.xlsb), bukan .xlsx: buka di Excel lalu Simpan Sebagai → Excel Workbook (.xlsx).`,
        "xlsb"
      );
    if (zip.find("word/document.xml")) throw notWorkbook(name, "ini dokumen Word (.docx)");
    if (zip.find("ppt/presentation.xml"))
      throw notWorkbook(name, "ini presentasi PowerPoint (.pptx)");
    throw notWorkbook(name, "arsip zip ini tidak berisi bagian workbook (xl/workbook.xml)");
  }
  return { zip, workbook: readWorkbookInfo(zip, part, name) };
}

export function readGrids(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const name = options.name;
  const { zip, workbook } = openPackage(bytes, options);
  const rel = (kind: string) => workbook.rels.find((r) => r.kind === kind && !r.external);
  const stylesRel = rel("styles");
  const stylesEntry = stylesRel ? zip.find(stylesRel.target) : undefined;
  const numFmts = stylesEntry
    ? readNumberFormats(zip.read(stylesEntry), stylesEntry.path, name)
    : [];
  const sstRel = rel("sharedStrings");
  const sstEntry = sstRel ? zip.find(sstRel.target) : undefined;
  const sst = sstEntry ? readSharedStrings(zip, sstEntry, name) : [];
  const sheets: Grid[] = [];
  const skipped: { name: string; kind: string }[] = [];
  const layouts = options.keep ? new Map<string, SheetLayout>() : undefined;
  for (const ref of workbook.sheets) {
    if (ref.kind !== "worksheet") {
      skipped.push({ name: ref.name, kind: ref.kind });
      continue;
    }
    if (options.sheets && !options.sheets(ref.name)) continue;
    const entry = ref.path ? zip.find(ref.path) : undefined;
    if (!entry) {
      sheets.push({ name: ref.name, cells: [], merges: [] });
      continue;
    }
    sheets.push(
      readSheet(zip, entry, ref, {
        name,
        sst,
        numFmts,
        date1904: workbook.date1904,
        maxCells: options.maxCells ?? 20_000_000,
        layouts,
      })
    );
  }
  const opened = options.keep ? { zip, workbook, layouts } : undefined;
  return { sheets, date1904: workbook.date1904, skipped, ...(opened ? { opened } : {}) };
}

/** Parts up to this size are decoded whole and tried with the fast scanner first. */
const FAST_PART_BYTES = 64 * 1024 * 1024;

/**
 * Parses a part into what `reader()` builds. The fast scanner (fast-xml.ts) reads the plain XML
 * of real files; a part it leaves alone is parsed again, with a fresh reader, by saxes — which
 * also streams parts too large to decode whole.
 */
export function parsePart<T>(
  zip: ZipArchive,
  entry: ZipEntry,
  fileName: string | undefined,
  reader: (fast: boolean) => XmlHandlers & { result(): T },
  /** Told the text and the bytes of a part the fast scanner read. */
  onFast?: (text: string, raw: Uint8Array) => void
): T {
  if (entry.size <= FAST_PART_BYTES) {
    const raw = zip.read(entry);
    const text = decodeXml(raw);
    const fast = reader(true);
    if (fastXml(text, fast)) {
      onFast?.(text, raw);
      return fast.result();
    }
    const slow = reader(false);
    const xml = xmlStream(entry.path, fileName, slow);
    xml.write(text);
    xml.close();
    return slow.result();
  }
  const slow = reader(false);
  const xml = xmlStream(entry.path, fileName, slow);
  const dec = new XmlDecoder();
  zip.stream(entry, (chunk) => xml.write(dec.push(chunk)));
  xml.write(dec.end());
  xml.close();
  return slow.result();
}

/** The shared string table: each <si>'s text runs, phonetic runs left out. */
class SharedStrings implements XmlHandlers {
  private readonly out: string[] = [];
  private inSi = false;
  private inT = false;
  private rPh = 0;
  private run = "";
  open(local: string): void {
    if (local === "si") {
      this.inSi = true;
      this.run = "";
    } else if (local === "t") this.inT = true;
    else if (local === "rPh") this.rPh++;
  }
  text(t: string): void {
    if (this.inSi && this.inT && this.rPh === 0) this.run += t;
  }
  close(local: string): void {
    if (local === "t") this.inT = false;
    else if (local === "rPh") this.rPh--;
    else if (local === "si") {
      this.out.push(excelUnescape(this.run));
      this.inSi = false;
    }
  }
  result(): string[] {
    return this.out;
  }
}

function readSharedStrings(zip: ZipArchive, entry: ZipEntry, fileName?: string): string[] {
  return parsePart(zip, entry, fileName, () => new SharedStrings());
}

interface SheetContext {
  name?: string;
  sst: string[];
  numFmts: (string | undefined)[];
  date1904: boolean;
  maxCells: number;
  /** Where the layouts of the sheets read go (see sheet-layout.ts), by part path (lower case). */
  layouts?: Map<string, SheetLayout>;
}

/** Where refAt puts the cell it read. */
const REF = { row: 0, col: 0 };

/** "AB12" at s[from, to) → REF = { row: 11, col: 27 } without a regex; false when it is not an A1 address. */
function refAt(s: string, from: number, to: number): boolean {
  let col = 0;
  let i = from;
  while (i < to && s.charCodeAt(i) === 36) i++;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  while (i < to && s.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (col === 0 && i === digits) return false;
  REF.row = row - 1;
  REF.col = col - 1;
  return true;
}

/** "AB12" → [11, 27]; null when it is not an A1 address. */
function parseRef(ref: string): [number, number] | null {
  return refAt(ref, 0, ref.length) ? [REF.row, REF.col] : null;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal at s[from, to) ("-12", "3.25", at most 15 digits) exactly as Number() reads
 * it — an exact integer divided by an exact power of ten is correctly rounded, as Number() is;
 * NaN for anything else (the caller then asks Number()).
 */
function plainNumber(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) scale = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN;
  const n = scale > 0 ? m / POW10[scale] : m;
  return negative ? -n : n;
}

/** A cell type attribute at s[from, to), without a copy for the one-letter ones. */
function typeAt(s: string, from: number, to: number): string {
  if (to === from + 1)
    switch (s.charCodeAt(from)) {
      case 115:
        return "s";
      case 110:
        return "n";
      case 98:
        return "b";
      case 101:
        return "e";
      case 100:
        return "d";
    }
  return s.slice(from, to);
}

function parseRangeRef(ref: string): MergedArea | null {
  const [a, b] = ref.trim().split(":");
  const p = parseRef(a);
  const q = b === undefined ? p : parseRef(b);
  if (!p || !q || p[0] < 0 || q[0] < 0 || p[1] < 0 || q[1] < 0) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}

function dateSerial(iso: string, date1904: boolean): CellValue {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : iso + "Z");
  if (Number.isNaN(t)) return iso;
  const serial = (t - EPOCH_1900) / 86400000;
  return date1904 ? serial - 1462 : serial;
}

/** The value of a cell from its type and the text of its <v> (or inline string). */
function cellValue(type: string, v: string, isText: string, hasF: boolean, ctx: SheetContext) {
  switch (type) {
    case "s": {
      const i = v.trim() === "" ? -1 : Number(v);
      return i >= 0 ? (ctx.sst[i] ?? "") : null;
    }
    case "inlineStr":
      return excelUnescape(isText || v);
    case "str":
      return hasF || v !== "" ? excelUnescape(v) : null;
    case "b":
      return v === "" ? null : v === "1" || v === "true";
    case "e":
      return v === "" ? null : v;
    case "d":
      return v === "" ? null : dateSerial(v.trim(), ctx.date1904);
    default:
      if (v !== "") {
        const n = Number(v);
        return Number.isFinite(n) ? n : v;
      }
      return null;
  }
}

/**
 * The column the patch will read from a plain cell's r attribute (see SheetLayout.cellCol): -2
 * when an attribute value holds a space (the patch's attribute search could then stop in it).
 */
function patchColumn(pc: PlainCell): number {
  const s = pc.src;
  if (spaced(s, pc.rFrom, pc.rTo) || spaced(s, pc.sFrom, pc.sTo) || spaced(s, pc.tFrom, pc.tTo))
    return -2;
  return pc.rFrom < 0 ? -3 : columnOfRef(s, pc.rFrom, pc.rTo);
}

function spaced(s: string, from: number, to: number): boolean {
  for (let i = from; i >= 0 && i < to; i++) if (s.charCodeAt(i) <= 32) return true;
  return false;
}

/** The cell being read (one instance, reset for every <c>). */
class CellState {
  type = "";
  style = -1;
  inV = false;
  inF = false;
  inIs = false;
  inT = false;
  rPh = 0;
  v = "";
  f = "";
  isText = "";
  hasF = false;
  fType = "";
  fSi: string | undefined = undefined;
  fRef: string | undefined = undefined;
  /** For a new cell: its attributes (null: none, the plain cell path sets them). */
  reset(a: TagAttrs | null): void {
    this.type = a?.get("t") ?? "n";
    const s = a?.get("s");
    this.style = s !== undefined ? Number(s) : -1;
    this.v = this.f = this.isText = this.fType = "";
    this.hasF = false;
    this.fSi = this.fRef = undefined;
  }
  /** A shared formula's follower: <f t="shared" si="…"/> without text. */
  get sharedFollower(): boolean {
    return this.hasF && this.fType === "shared" && this.fSi !== undefined && this.f === "";
  }
}

/** Attributes of a saxes tag, read like the fast scanner's (one reused wrapper). */
class PlainAttrs implements TagAttrs {
  attrs: Attrs = {};
  get(name: string): string | undefined {
    return this.attrs[name];
  }
}

/** One worksheet, streamed into its rows (see readGrids). */
class SheetReader implements CellHandlers {
  private readonly plain = new PlainAttrs();
  private readonly rows: Cell[][] = [];
  private readonly merges: MergedArea[] = [];
  private readonly mergeKeys = new Set<string>();
  private readonly masters = new Map<string, { f: string; row: number; col: number }>();
  private readonly pending: { cell: Cell; si: string; row: number; col: number }[] = [];
  private row = -1;
  private col = -1;
  private stored = 0;
  private inCell = false;
  private readonly c = new CellState();
  /** `layout`: notes where the rows and cells are (the fast scanner's offsets). */
  constructor(
    private readonly ref: SheetRef,
    private readonly ctx: SheetContext,
    private readonly layout: LayoutRecorder | null
  ) {}

  open(local: string, a: Attrs, at: Span): void {
    this.plain.attrs = a;
    this.openTag(local, this.plain, at);
  }

  openTag(local: string, a: TagAttrs, at: Span): void {
    this.layout?.open(local, at.start, at.tagEnd, at.selfClosing);
    const c = this.c;
    if (this.inCell) {
      if (local === "v") {
        c.inV = true;
        c.v = "";
      } else if (local === "f") {
        c.inF = true;
        c.hasF = true;
        c.f = "";
        c.fType = a.get("t") ?? "";
        c.fSi = a.get("si");
        c.fRef = a.get("ref");
      } else if (local === "is") {
        c.inIs = true;
        c.isText = "";
      } else if (local === "t") c.inT = true;
      else if (local === "rPh") c.rPh++;
      return;
    }
    if (local === "c") this.openCell(a);
    else if (local === "row") {
      const ref = a.get("r");
      const r = ref !== undefined ? Number(ref) : NaN;
      this.row = Number.isInteger(r) && r > 0 ? r - 1 : this.row + 1;
      this.col = -1;
    } else if (local === "mergeCell") {
      const ref = a.get("ref");
      if (ref) this.merge(ref);
    }
  }

  private openCell(a: TagAttrs): void {
    const ref = a.get("r");
    const r = ref !== undefined ? parseRef(ref) : null;
    if (r && r[1] >= 0) {
      if (r[0] >= 0) this.row = r[0];
      this.col = r[1];
    } else this.col++;
    if (this.row < 0) this.row = 0;
    this.inCell = true;
    this.c.reset(a);
  }

  acceptsCell(): boolean {
    return !this.inCell;
  }

  /** A plain cell whole: what its events would do (see CellHandlers). */
  cell(pc: PlainCell): void {
    if (this.layout) this.layout.cell(pc.start, pc.end, patchColumn(pc));
    const src = pc.src;
    if (pc.rFrom >= 0 && refAt(src, pc.rFrom, pc.rTo) && REF.col >= 0) {
      if (REF.row >= 0) this.row = REF.row;
      this.col = REF.col;
    } else this.col++;
    if (this.row < 0) this.row = 0;
    const c = this.c;
    c.reset(null);
    if (pc.tFrom >= 0) c.type = typeAt(src, pc.tFrom, pc.tTo);
    if (pc.sFrom >= 0) {
      const s = plainNumber(src, pc.sFrom, pc.sTo);
      c.style = s === s ? s : Number(src.slice(pc.sFrom, pc.sTo));
    }
    const f = pc.f;
    if (f) {
      c.hasF = true;
      c.f = pc.fText;
      c.fType = f.get("t") ?? "";
      c.fSi = f.get("si");
      c.fRef = f.get("ref");
    }
    // a number or a shared string index straight from the text, as cellValue would read it
    if (pc.hasV && pc.vText === null && (c.type === "n" || c.type === "s")) {
      const n = plainNumber(src, pc.vFrom, pc.vTo);
      if (n === n) return this.store(c.type === "n" ? n : n >= 0 ? (this.ctx.sst[n] ?? "") : null);
    }
    c.v = pc.v();
    this.store();
  }

  private merge(ref: string): void {
    const m = parseRangeRef(ref);
    if (!m) return;
    const key = `${m.top},${m.left},${m.bottom},${m.right}`;
    if (this.mergeKeys.has(key)) return; // duplicate ranges: Excel keeps one
    this.mergeKeys.add(key);
    this.merges.push(m);
  }

  text(t: string): void {
    if (!this.inCell) return;
    const c = this.c;
    if (c.inV) c.v += t;
    else if (c.inF) c.f += t;
    else if (c.inIs && c.inT && c.rPh === 0) c.isText += t;
  }

  close(local: string, end: number): void {
    this.layout?.close(end);
    if (!this.inCell) return;
    const c = this.c;
    if (local === "v") c.inV = false;
    else if (local === "f") c.inF = false;
    else if (local === "t") c.inT = false;
    else if (local === "rPh") c.rPh--;
    else if (local === "is") c.inIs = false;
    else if (local === "c") {
      this.inCell = false;
      this.store();
    }
  }

  /** The cell just read, into its row (nothing for an empty cell without a formula). */
  private store(
    value: CellValue = cellValue(this.c.type, this.c.v, this.c.isText, this.c.hasF, this.ctx)
  ): void {
    const { c, row, col, ctx } = this;
    let formula: string | undefined;
    if (c.hasF && c.f !== "") {
      formula = "=" + c.f;
      if (c.fType === "shared" && c.fSi !== undefined && c.fRef !== undefined)
        this.masters.set(c.fSi, { f: c.f, row, col });
    }
    if (value === null && formula === undefined && !c.sharedFollower) return;
    const cell: Cell = { value };
    if (formula) cell.formula = formula;
    else if (c.sharedFollower) {
      const m = this.masters.get(c.fSi!);
      if (m) cell.formula = "=" + shiftFormula(m.f, row - m.row, col - m.col);
      else this.pending.push({ cell, si: c.fSi!, row, col });
    }
    if (c.style >= 0) {
      const nf = ctx.numFmts[c.style];
      if (nf !== undefined) cell.numberFormat = nf;
    }
    if (++this.stored > ctx.maxCells) throw this.tooLarge();
    let line = this.rows[row];
    if (!line) line = this.rows[row] = [];
    line[col] = cell;
  }

  private tooLarge(): WorkbookError {
    return new WorkbookError(
      `${subject(this.ctx.name)} terlalu besar: lembar "${this.ref.name}" melebihi ${this.ctx.maxCells.toLocaleString("id-ID")} sel.`,
      "too-large"
    );
  }

  result(): Grid {
    const rows = this.rows;
    for (const p of this.pending) {
      const m = this.masters.get(p.si);
      if (m) p.cell.formula = "=" + shiftFormula(m.f, p.row - m.row, p.col - m.col);
    }
    // merged cells other than the top-left read as empty, like Excel's Range.values
    for (const m of this.merges) {
      const last = Math.min(m.bottom, rows.length - 1);
      for (let r = m.top; r <= last; r++) {
        const line = rows[r];
        if (!line) continue;
        const right = Math.min(m.right, line.length - 1);
        for (let c = m.left; c <= right; c++)
          if ((r !== m.top || c !== m.left) && line[c] !== undefined) delete line[c];
      }
    }
    this.densify();
    return { name: this.ref.name, cells: rows, merges: this.merges };
  }

  /** Dense rows, as the Grid model wants them; trailing empty rows and cells are dropped. */
  private densify(): void {
    const rows = this.rows;
    let total = 0;
    let lastRow = -1;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r];
      if (!line) continue;
      let end = line.length;
      while (end > 0 && line[end - 1] === undefined) end--;
      line.length = end;
      if (end === 0) continue;
      lastRow = r;
      total += end;
      if (total > this.ctx.maxCells) throw this.tooLarge();
      for (let c = 0; c < end; c++) if (line[c] === undefined) line[c] = { value: null };
    }
    rows.length = lastRow + 1;
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  }
}

function readSheet(zip: ZipArchive, entry: ZipEntry, ref: SheetRef, ctx: SheetContext): Grid {
  const layouts = ctx.layouts;
  if (!layouts) return parsePart(zip, entry, ctx.name, () => new SheetReader(ref, ctx, null));
  let recorder: LayoutRecorder | null = null;
  const reader = (fast: boolean) =>
    new SheetReader(ref, ctx, fast ? (recorder = new LayoutRecorder()) : null);
  // offsets in the text are those of the bytes when the part is UTF-8 and all ASCII
  const noteLayout = (text: string, raw: Uint8Array) => {
    const enc = sniffEncoding(raw);
    const layout = recorder?.result();
    if (layout && enc.label === "utf-8" && text.length === raw.length - enc.bom)
      layouts.set(entry.path.toLowerCase(), layout);
  };
  return parsePart(zip, entry, ctx.name, reader, noteLayout);
}

export { corrupt };
