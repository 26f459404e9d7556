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
import { XmlDecoder, excelUnescape, xmlStream, type XmlHandlers } from "./xml";
import {
  findWorkbookPart,
  notWorkbook,
  readWorkbookInfo,
  type SheetRef,
  type WorkbookInfo,
} from "./package";
import { readNumberFormats } from "./styles";

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
}

export interface ReadResult {
  sheets: Grid[];
  /** The workbook uses the 1904 date system (serials are as stored). */
  date1904: boolean;
  /** Sheets that are not worksheets (chart sheets, dialog and macro sheets). */
  skipped: { name: string; kind: string }[];
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Opens the package, or says in Indonesian what the bytes are instead. */
export function openPackage(
  bytes: Uint8Array,
  options: { name?: string; limits?: Partial<ZipLimits>; codec?: Codec } = {}
): { zip: ZipArchive; workbook: WorkbookInfo } {
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
    zip = new ZipArchive(bytes, name, { ...DEFAULT_LIMITS, ...options.limits }, options.codec);
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
      })
    );
  }
  return { sheets, date1904: workbook.date1904, skipped };
}

/** Streams a part through the XML layer. */
export function streamPart(
  zip: ZipArchive,
  entry: ZipEntry,
  fileName: string | undefined,
  h: XmlHandlers
): void {
  const xml = xmlStream(entry.path, fileName, h);
  const dec = new XmlDecoder();
  zip.stream(entry, (chunk) => xml.write(dec.push(chunk)));
  xml.write(dec.end());
  xml.close();
}

function readSharedStrings(zip: ZipArchive, entry: ZipEntry, fileName?: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let rPh = 0;
  let text = "";
  streamPart(zip, entry, fileName, {
    open(local) {
      if (local === "si") {
        inSi = true;
        text = "";
      } else if (local === "t") inT = true;
      else if (local === "rPh") rPh++;
    },
    text(t) {
      if (inSi && inT && rPh === 0) text += t;
    },
    close(local) {
      if (local === "t") inT = false;
      else if (local === "rPh") rPh--;
      else if (local === "si") {
        out.push(excelUnescape(text));
        inSi = false;
      }
    },
  });
  return out;
}

interface SheetContext {
  name?: string;
  sst: string[];
  numFmts: (string | undefined)[];
  date1904: boolean;
  maxCells: number;
}

/** "AB12" → [11, 27] without a regex; null when it is not an A1 address. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  while (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (col === 0 && i === digits) return null;
  return [row - 1, col - 1];
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

function readSheet(zip: ZipArchive, entry: ZipEntry, ref: SheetRef, ctx: SheetContext): Grid {
  const rows: Cell[][] = [];
  const merges: MergedArea[] = [];
  const mergeKeys = new Set<string>();
  const masters = new Map<string, { f: string; row: number; col: number }>();
  const pending: { cell: Cell; si: string; row: number; col: number }[] = [];
  let row = -1;
  let col = -1;
  let stored = 0;
  // the cell being read
  let inCell = false;
  let type = "";
  let style = -1;
  let inV = false;
  let inF = false;
  let inIs = false;
  let inT = false;
  let rPh = 0;
  let v = "";
  let f = "";
  let isText = "";
  let hasF = false;
  let fType = "";
  let fSi: string | undefined;
  let fRef: string | undefined;

  streamPart(zip, entry, ctx.name, {
    open(local, a) {
      if (inCell) {
        if (local === "v") {
          inV = true;
          v = "";
        } else if (local === "f") {
          inF = true;
          hasF = true;
          f = "";
          fType = a.t ?? "";
          fSi = a.si;
          fRef = a.ref;
        } else if (local === "is") {
          inIs = true;
          isText = "";
        } else if (local === "t") inT = true;
        else if (local === "rPh") rPh++;
        return;
      }
      if (local === "c") {
        const r = a.r !== undefined ? parseRef(a.r) : null;
        if (r && r[1] >= 0) {
          if (r[0] >= 0) row = r[0];
          col = r[1];
        } else col++;
        if (row < 0) row = 0;
        inCell = true;
        type = a.t ?? "n";
        style = a.s !== undefined ? Number(a.s) : -1;
        v = "";
        f = "";
        isText = "";
        hasF = false;
        fType = "";
        fSi = undefined;
        fRef = undefined;
      } else if (local === "row") {
        const r = a.r !== undefined ? Number(a.r) : NaN;
        row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
        col = -1;
      } else if (local === "mergeCell" && a.ref) {
        const m = parseRangeRef(a.ref);
        if (!m) return;
        const key = `${m.top},${m.left},${m.bottom},${m.right}`;
        if (mergeKeys.has(key)) return; // duplicate ranges: Excel keeps one
        mergeKeys.add(key);
        merges.push(m);
      }
    },
    text(t) {
      if (!inCell) return;
      if (inV) v += t;
      else if (inF) f += t;
      else if (inIs && inT && rPh === 0) isText += t;
    },
    close(local) {
      if (!inCell) return;
      if (local === "v") inV = false;
      else if (local === "f") inF = false;
      else if (local === "t") inT = false;
      else if (local === "rPh") rPh--;
      else if (local === "is") inIs = false;
      else if (local === "c") {
        inCell = false;
        let value: CellValue = null;
        switch (type) {
          case "s": {
            const i = v.trim() === "" ? -1 : Number(v);
            value = i >= 0 ? (ctx.sst[i] ?? "") : null;
            break;
          }
          case "inlineStr":
            value = excelUnescape(isText || v);
            break;
          case "str":
            value = hasF || v !== "" ? excelUnescape(v) : null;
            break;
          case "b":
            value = v === "" ? null : v === "1" || v === "true";
            break;
          case "e":
            value = v === "" ? null : v;
            break;
          case "d":
            value = v === "" ? null : dateSerial(v.trim(), ctx.date1904);
            break;
          default:
            if (v !== "") {
              const n = Number(v);
              value = Number.isFinite(n) ? n : v;
            }
        }
        let formula: string | undefined;
        if (hasF) {
          if (f !== "") {
            formula = "=" + f;
            if (fType === "shared" && fSi !== undefined && fRef !== undefined)
              masters.set(fSi, { f, row, col });
          }
        }
        if (
          value === null &&
          formula === undefined &&
          !(hasF && fType === "shared" && fSi !== undefined && f === "")
        )
          return;
        const cell: Cell = { value };
        if (formula) cell.formula = formula;
        else if (hasF && fType === "shared" && fSi !== undefined && f === "") {
          const m = masters.get(fSi);
          if (m) cell.formula = "=" + shiftFormula(m.f, row - m.row, col - m.col);
          else pending.push({ cell, si: fSi, row, col });
        }
        if (style >= 0) {
          const nf = ctx.numFmts[style];
          if (nf !== undefined) cell.numberFormat = nf;
        }
        if (++stored > ctx.maxCells)
          throw new WorkbookError(
            `${subject(ctx.name)} terlalu besar: lembar "${ref.name}" melebihi ${ctx.maxCells.toLocaleString("id-ID")} sel.`,
            "too-large"
          );
        let line = rows[row];
        if (!line) line = rows[row] = [];
        line[col] = cell;
      }
    },
  });

  for (const p of pending) {
    const m = masters.get(p.si);
    if (m) p.cell.formula = "=" + shiftFormula(m.f, p.row - m.row, p.col - m.col);
  }
  // merged cells other than the top-left read as empty, like Excel's Range.values
  for (const m of merges) {
    const last = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= last; r++) {
      const line = rows[r];
      if (!line) continue;
      const right = Math.min(m.right, line.length - 1);
      for (let c = m.left; c <= right; c++)
        if ((r !== m.top || c !== m.left) && line[c] !== undefined) delete line[c];
    }
  }
  // dense rows, as the Grid model wants them; trailing empty rows and cells are dropped
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
    if (total > ctx.maxCells)
      throw new WorkbookError(
        `${subject(ctx.name)} terlalu besar: lembar "${ref.name}" melebihi ${ctx.maxCells.toLocaleString("id-ID")} sel.`,
        "too-large"
      );
    for (let c = 0; c < end; c++) if (line[c] === undefined) line[c] = { value: null };
  }
  rows.length = lastRow + 1;
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { name: ref.name, cells: rows, merges };
}

export { corrupt };
