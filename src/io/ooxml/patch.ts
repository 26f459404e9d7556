// patch: writes cells into a copy of an .xlsx/.xlsm package by rewriting only the <c> elements of
// the written cells (formula + the engine's value as cached value), appending the styles they
// need, the conditional formats and the Ringkasan sheet. Every other zip entry is copied as its
// original compressed bytes: charts, drawings, pivots, tables, comments, validations, defined
// names, VBA and custom XML survive byte for byte.
import { columnLetters } from "../../model/grid";
import type { PredikatRule, SummaryPlan } from "../../visual";
import { WorkbookError } from "./errors";
import { applyEdits, type Edit } from "./edits";
import { cellXml, patchSheet, type CellWrite } from "./sheet-patch";
import { openPackage, type OpenedPackage } from "./read";
import type { SheetLayout } from "./sheet-layout";
import { relativeTarget, relsPathOf, type Rel, type SheetRef, type WorkbookInfo } from "./package";
import { StyleSheetEditor, setAttr } from "./styles";
import { decodeXml, escapeAttr, sniffEncoding, type Attrs } from "./xml";
import { parseXml } from "./fast-xml";
import {
  DeflateSink,
  writeZip,
  type Codec,
  type Deflated,
  type OutEntry,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from "./zip";

export type { CellWrite };

export interface SheetWrites {
  sheetName: string;
  writes: CellWrite[];
}

/** Extras of `isi --ringkasan`: predikat colours on a table sheet and a summary sheet. */
export interface VisualExtras {
  sheetName: string;
  rules: PredikatRule[];
  summary: SummaryPlan | null;
}

export interface PatchOptions {
  name?: string;
  limits?: Partial<ZipLimits>;
  /** Native compression (see Codec); the pure-JS fflate otherwise. */
  codec?: Codec;
  /** The package of these bytes as readGrids opened it (keep), its inflated parts reused. */
  opened?: OpenedPackage;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const enc = new TextEncoder();

/** Text of a part as UTF-8 bytes; a UTF-16 part's declaration is corrected. */
function encodePart(text: string, wasUtf16: boolean): Uint8Array {
  const t = wasUtf16
    ? text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/, "$1UTF-8$2")
    : text;
  return enc.encode(t);
}

function isUtf16(b: Uint8Array): boolean {
  return sniffEncoding(b).label.startsWith("utf-16");
}

/** True when the package is macro-enabled (its workbook is an .xlsm part or it holds VBA). */
export function isMacroEnabled(
  bytes: Uint8Array,
  options: { name?: string; codec?: Codec } = {}
): boolean {
  const { zip, workbook } = openPackage(bytes, options);
  return macroEnabled(zip, workbook);
}

/** What a patch changes in the package, part by part (the steps of patchPackage). */
interface PackageEdit {
  zip: ZipArchive;
  workbook: WorkbookInfo;
  name?: string;
  /** Part path (lower case) → new content. */
  replaced: Map<string, Uint8Array | Deflated>;
  codec: Codec;
  /** The sheets' layouts from readGrids (see sheet-layout.ts). */
  layouts?: Map<string, SheetLayout>;
  added: { path: string; data: Uint8Array }[];
  dropped: Set<string>;
  styles: StyleSheetEditor;
  stylesEntry: ZipEntry | undefined;
  newSheets: { name: string; path: string; rid: string }[];
  newStylesPath: string | null;
  formulasChanged: boolean;
}

function relOf(workbook: WorkbookInfo, kind: string): Rel | undefined {
  return workbook.rels.find((r) => r.kind === kind && !r.external);
}

function sheetOf(pe: PackageEdit, sheetName: string): SheetRef {
  const ref =
    pe.workbook.sheets.find((s) => s.name === sheetName) ??
    pe.workbook.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!ref || !ref.path || !pe.zip.find(ref.path))
    throw new WorkbookError(
      `Lembar "${sheetName}" tidak ada di ${pe.name ?? "workbook ini"}`,
      "corrupt"
    );
  return ref;
}

/** Table sheets: their cells and conditional formats. */
function tableSheets(pe: PackageEdit, writes: SheetWrites[], extras: VisualExtras[]): void {
  const bySheet = new Map<string, { ref: SheetRef; writes: CellWrite[]; rules: PredikatRule[] }>();
  const itemOf = (sheetName: string) => {
    const ref = sheetOf(pe, sheetName);
    const item = bySheet.get(ref.path!) ?? { ref, writes: [], rules: [] };
    bySheet.set(ref.path!, item);
    return item;
  };
  for (const w of writes) if (w.writes.length) itemOf(w.sheetName).writes.push(...w.writes);
  for (const x of extras) if (x.rules.length) itemOf(x.sheetName).rules.push(...x.rules);
  for (const { ref, writes: cells, rules } of bySheet.values()) {
    const entry = pe.zip.find(ref.path!)!;
    const raw = pe.zip.read(entry);
    const enc = sniffEncoding(raw);
    // UTF-8 (nearly every part) is patched as it is; another encoding becomes UTF-8 first
    const source =
      enc.label === "utf-8"
        ? raw.subarray(enc.bom)
        : encodePart(decodeXml(raw), enc.label.startsWith("utf-16"));
    // one chunk for what a usual sheet becomes, 1 MB pieces for a long one
    const out = new DeflateSink(pe.codec, Math.min(1 << 20, source.length * 2 + 4096));
    // where readGrids found the rows and cells of these very bytes (UTF-8 only)
    const layout = enc.label === "utf-8" ? pe.layouts?.get(entry.path.toLowerCase()) : undefined;
    patchSheet(source, entry.path, pe.name, cells, rules, pe.styles, out, layout ?? null);
    pe.formulasChanged = true;
    pe.replaced.set(entry.path.toLowerCase(), out.end());
  }
}

/** The Ringkasan sheets of `isi --ringkasan`, as new parts. */
function summarySheets(pe: PackageEdit, extras: VisualExtras[]): void {
  const { workbook, zip } = pe;
  const names = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
  const partNames = new Set(zip.entries.map((e) => e.path.toLowerCase()));
  const rids = new Set(workbook.rels.map((r) => r.id));
  const firstSheet = workbook.sheets.find((s) => s.path && s.kind === "worksheet")?.path;
  const sheetDir = firstSheet
    ? firstSheet.slice(0, firstSheet.lastIndexOf("/") + 1)
    : "xl/worksheets/";
  for (const x of extras) {
    if (!x.summary) continue;
    const sheetName = uniqueSheetName(x.summary.sheetName, names);
    let n = workbook.sheets.length + 1;
    while (partNames.has(`${sheetDir}sheet${n}.xml`.toLowerCase())) n++;
    const path = `${sheetDir}sheet${n}.xml`;
    partNames.add(path.toLowerCase());
    let k = 1;
    while (rids.has(`rIdKinerja${k}`)) k++;
    const rid = `rIdKinerja${k}`;
    rids.add(rid);
    pe.added.push({
      path,
      data: enc.encode(summarySheetXml(x.summary, workbook.strict, pe.styles)),
    });
    pe.newSheets.push({ name: sheetName, path, rid });
    pe.formulasChanged = true;
  }
}

/** styles.xml with the styles the written cells need (a new part when there was none). */
function stylesPart(pe: PackageEdit): void {
  if (!pe.styles.changed) return;
  const text = pe.styles.toString();
  if (pe.stylesEntry)
    pe.replaced.set(
      pe.stylesEntry.path.toLowerCase(),
      encodePart(text, isUtf16(pe.zip.read(pe.stylesEntry)))
    );
  else {
    const wb = pe.workbook.path;
    pe.newStylesPath = wb.slice(0, wb.lastIndexOf("/") + 1) + "styles.xml";
    pe.added.push({ path: pe.newStylesPath, data: enc.encode(text) });
  }
}

/** The workbook's relationships: the new sheets and styles in, the dropped parts out. */
function relsPart(pe: PackageEdit): void {
  const { workbook, zip, newSheets, newStylesPath } = pe;
  const relsPath = relsPathOf(workbook.path);
  const relsEntry = zip.find(relsPath);
  const relBase = workbook.strict ? NS_REL_STRICT : NS_REL;
  const typeOf = (kind: string) => {
    const like = workbook.rels.find((r) => r.kind === "worksheet");
    return like ? like.type.slice(0, like.type.lastIndexOf("/") + 1) + kind : `${relBase}/${kind}`;
  };
  const target = (path: string) => escapeAttr(relativeTarget(workbook.path, path));
  const newRels = [
    ...newSheets.map(
      (s) =>
        `<Relationship Id="${s.rid}" Type="${typeOf("worksheet")}" Target="${target(s.path)}"/>`
    ),
    ...(newStylesPath
      ? [
          `<Relationship Id="rIdKinerjaStyles" Type="${typeOf("styles")}" Target="${target(newStylesPath)}"/>`,
        ]
      : []),
  ];
  const dropRels = workbook.rels.filter(
    (r) => pe.dropped.has(r.target.toLowerCase()) && !r.external
  );
  if (!newRels.length && !dropRels.length) return;
  if (!relsEntry)
    throw new WorkbookError(`${pe.name ?? "Workbook"}: bagian ${relsPath} tidak ada`, "corrupt");
  const raw = zip.read(relsEntry);
  const text = editList(
    decodeXml(raw),
    relsPath,
    pe.name,
    "Relationship",
    (a) => dropRels.some((r) => r.id === a.Id),
    newRels
  );
  pe.replaced.set(relsEntry.path.toLowerCase(), encodePart(text, isUtf16(raw)));
}

/** [Content_Types].xml: overrides of the new parts in, those of dropped parts out. */
function contentTypesPart(pe: PackageEdit): void {
  const ctEntry = pe.zip.find("[Content_Types].xml");
  if (!ctEntry) return;
  const overrides = [
    ...pe.newSheets.map(
      (s) => `<Override PartName="/${escapeAttr(s.path)}" ContentType="${CT_WORKSHEET}"/>`
    ),
    ...(pe.newStylesPath
      ? [`<Override PartName="/${escapeAttr(pe.newStylesPath)}" ContentType="${CT_STYLES}"/>`]
      : []),
  ];
  if (!overrides.length && !pe.dropped.size) return;
  const raw = pe.zip.read(ctEntry);
  const text = editList(
    decodeXml(raw),
    "[Content_Types].xml",
    pe.name,
    "Override",
    (a) => pe.dropped.has((a.PartName ?? "").replace(/^\/+/, "").toLowerCase()),
    overrides
  );
  pe.replaced.set(ctEntry.path.toLowerCase(), encodePart(text, isUtf16(raw)));
}

/** Whether the opened package is macro-enabled (see isMacroEnabled). */
function macroEnabled(zip: ZipArchive, workbook: WorkbookInfo): boolean {
  if (workbook.rels.some((r) => r.kind === "vbaProject")) return true;
  const ct = zip.find("[Content_Types].xml");
  return ct ? /macroEnabled\.main\+xml/i.test(decodeXml(zip.read(ct))) : false;
}

/**
 * The patched copy (see the module header) and, with `askMacro`, whether the package is
 * macro-enabled (a copy named .xlsx must become .xlsm) — from one opening of the package.
 */
export function patchPackage(
  bytes: Uint8Array,
  writes: SheetWrites[],
  extras: VisualExtras[] = [],
  options: PatchOptions = {},
  askMacro = false
): { bytes: Uint8Array; macroEnabled: boolean } {
  const { items, macro } = patchedEntries(bytes, writes, extras, options, askMacro);
  return { bytes: items ? writeZip(items, options.codec) : bytes, macroEnabled: macro };
}

/** The entries of the patched copy (null: nothing to write, the copy is the input). */
function patchedEntries(
  bytes: Uint8Array,
  writes: SheetWrites[],
  extras: VisualExtras[],
  options: PatchOptions,
  askMacro: boolean
): { items: OutEntry[] | null; macro: boolean } {
  const nothing =
    writes.every((w) => w.writes.length === 0) &&
    extras.every((x) => x.rules.length === 0 && !x.summary);
  const { zip, workbook } = options.opened ?? openPackage(bytes, options);
  const macro = askMacro && macroEnabled(zip, workbook);
  if (nothing) return { items: null, macro };
  const stylesRel = relOf(workbook, "styles");
  const stylesEntry = stylesRel ? zip.find(stylesRel.target) : undefined;
  const pe: PackageEdit = {
    zip,
    workbook,
    name: options.name,
    replaced: new Map(),
    codec: options.codec ?? {},
    layouts: options.opened?.layouts,
    added: [],
    dropped: new Set(),
    styles: new StyleSheetEditor(
      stylesEntry ? zip.read(stylesEntry) : null,
      stylesEntry?.path ?? "xl/styles.xml",
      options.name
    ),
    stylesEntry,
    newSheets: [],
    newStylesPath: null,
    formulasChanged: false,
  };
  tableSheets(pe, writes, extras);
  summarySheets(pe, extras);
  stylesPart(pe);
  // calcChain: dropped (with its relationship and content type); Excel rebuilds it
  const calcChain = relOf(workbook, "calcChain");
  if (pe.formulasChanged && calcChain && zip.find(calcChain.target))
    pe.dropped.add(calcChain.target.toLowerCase());
  // workbook.xml: fullCalcOnLoad, the new sheets
  const wbEntry = zip.find(workbook.path)!;
  const wbRaw = zip.read(wbEntry);
  const wbText = patchWorkbookXml(decodeXml(wbRaw), workbook, pe.newSheets, pe.name);
  pe.replaced.set(wbEntry.path.toLowerCase(), encodePart(wbText, isUtf16(wbRaw)));
  relsPart(pe);
  contentTypesPart(pe);
  return { items: repack(zip, pe.replaced, pe.dropped, pe.added), macro };
}

export function patch(
  bytes: Uint8Array,
  writes: SheetWrites[],
  extras: VisualExtras[] = [],
  options: PatchOptions = {}
): Uint8Array {
  return patchPackage(bytes, writes, extras, options).bytes;
}

function repack(
  zip: ZipArchive,
  replaced: Map<string, Uint8Array | Deflated>,
  dropped: Set<string>,
  added: { path: string; data: Uint8Array }[]
): OutEntry[] {
  const items: OutEntry[] = [];
  const done = new Set<string>();
  for (const e of zip.entries) {
    const key = e.path.toLowerCase();
    if (dropped.has(key)) continue;
    const data = replaced.get(key);
    if (data) {
      if (done.has(key)) continue; // a duplicate entry of a rewritten part
      done.add(key);
      items.push(
        data instanceof Uint8Array
          ? { kind: "data", name: e.rawName, data }
          : { kind: "deflated", name: e.rawName, data }
      );
    } else items.push({ kind: "copy", entry: e, from: zip });
  }
  for (const a of added) items.push({ kind: "data", name: a.path, data: a.data });
  return items;
}

function uniqueSheetName(wanted: string, names: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Ringkasan";
  let out = base;
  for (let i = 2; names.has(out.toLowerCase()); i++) {
    const suffix = ` ${i}`;
    out = base.slice(0, 31 - suffix.length) + suffix;
  }
  names.add(out.toLowerCase());
  return out;
}

/** Removes the children named `local` that `drop` accepts and appends `add` at the root's end. */
function editList(
  text: string,
  part: string,
  fileName: string | undefined,
  local: string,
  drop: (a: Attrs) => boolean,
  add: string[]
): string {
  const edits: Edit[] = [];
  let root: {
    start: number;
    tagEnd: number;
    selfClosing: boolean;
    qname: string;
    end: number;
  } | null = null;
  let depth = 0;
  let current: { start: number; dropIt: boolean } | null = null;
  parseXml(
    text,
    part,
    fileName,
    {
      open(l, a, at, qname) {
        depth++;
        if (depth === 1) root = { ...at, qname, end: at.tagEnd };
        if (depth === 2 && l === local) current = { start: at.start, dropIt: drop(a) };
      },
      close(l, end) {
        if (depth === 2 && current && l === local) {
          if (current.dropIt) edits.push({ at: current.start, cut: end - current.start, text: "" });
          current = null;
        }
        if (depth === 1 && root) root.end = end;
        depth--;
      },
    },
    { positions: true, raw: true }
  );
  const r = root as {
    start: number;
    tagEnd: number;
    selfClosing: boolean;
    qname: string;
    end: number;
  } | null;
  if (!r) throw new WorkbookError(`${part} tidak valid`, "corrupt");
  if (add.length) {
    const prefix = r.qname.includes(":") ? r.qname.slice(0, r.qname.indexOf(":") + 1) : "";
    const items = add.map((x) => (prefix ? x.replace(/^<(\w)/, `<${prefix}$1`) : x)).join("");
    if (r.selfClosing)
      edits.push({
        at: r.start,
        cut: r.tagEnd - r.start,
        text: `${text.slice(r.start, r.tagEnd).replace(/\s*\/>$/, ">")}${items}</${r.qname}>`,
      });
    else edits.push({ at: text.lastIndexOf("</", r.end - 1), cut: 0, text: items });
  }
  return applyEdits(text, edits);
}

const WORKBOOK_AFTER_CALCPR = [
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function patchWorkbookXml(
  text: string,
  workbook: WorkbookInfo,
  newSheets: { name: string; rid: string }[],
  fileName?: string
): string {
  const edits: Edit[] = [];
  let depth = 0;
  let prefix = "";
  let relPrefix: string | null = null;
  let calcPr: { start: number; tagEnd: number } | null = null;
  let sheetsEnd = -1;
  let sheetsSpan: { start: number; tagEnd: number; selfClosing: boolean } | null = null;
  let insertBefore = -1;
  let rootEnd = -1;
  let maxId = 0;
  parseXml(
    text,
    workbook.path,
    fileName,
    {
      open(local, a, at, qname) {
        depth++;
        if (depth === 1) {
          prefix = qname.includes(":") ? qname.slice(0, qname.indexOf(":") + 1) : "";
          for (const [k, v] of Object.entries(a))
            if (k.startsWith("xmlns:") && (v === NS_REL || v === NS_REL_STRICT))
              relPrefix = k.slice(6);
        }
        if (depth === 3 && local === "sheet") maxId = Math.max(maxId, Number(a.sheetId) || 0);
        if (depth !== 2) return;
        if (local === "calcPr") calcPr = at;
        else if (local === "sheets") sheetsSpan = at;
        else if (insertBefore < 0 && WORKBOOK_AFTER_CALCPR.includes(local)) insertBefore = at.start;
      },
      close(local, end) {
        if (depth === 2 && local === "sheets") sheetsEnd = end;
        if (depth === 1) rootEnd = end;
        depth--;
      },
    },
    { positions: true, raw: true }
  );
  if (calcPr) {
    const c = calcPr as { start: number; tagEnd: number };
    edits.push({
      at: c.start,
      cut: c.tagEnd - c.start,
      text: setAttr(text.slice(c.start, c.tagEnd), "fullCalcOnLoad", "1"),
    });
  } else {
    const at = insertBefore >= 0 ? insertBefore : text.lastIndexOf("</", rootEnd - 1);
    edits.push({ at, cut: 0, text: `<${prefix}calcPr fullCalcOnLoad="1"/>` });
  }
  if (newSheets.length) {
    const rp = relPrefix ?? "r";
    const ns = relPrefix ? "" : ` xmlns:r="${workbook.strict ? NS_REL_STRICT : NS_REL}"`;
    const items = newSheets
      .map(
        (s) =>
          `<${prefix}sheet name="${escapeAttr(s.name)}" sheetId="${++maxId}"${ns} ${rp}:id="${s.rid}"/>`
      )
      .join("");
    const span = sheetsSpan as { start: number; tagEnd: number; selfClosing: boolean } | null;
    if (!span) throw new WorkbookError(`${workbook.path} tidak berisi <sheets>`, "corrupt");
    if (span.selfClosing)
      edits.push({
        at: span.start,
        cut: span.tagEnd - span.start,
        text: `<${prefix}sheets>${items}</${prefix}sheets>`,
      });
    else edits.push({ at: text.lastIndexOf("</", sheetsEnd - 1), cut: 0, text: items });
  }
  return applyEdits(text, edits);
}

function summarySheetXml(plan: SummaryPlan, strict: boolean, styles: StyleSheetEditor): string {
  const byRow = new Map<number, CellWrite[]>();
  for (const c of plan.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let data = "";
  for (const r of rows) {
    const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
    data += `<row r="${r + 1}">`;
    for (const c of cells) {
      const s =
        c.numberFormat !== undefined || c.bold
          ? styles.xf(0, { numberFormat: c.numberFormat, bold: c.bold })
          : 0;
      data += cellXml("", `${columnLetters(c.col)}${r + 1}`, s, c);
    }
    data += "</row>";
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${strict ? NS_MAIN_STRICT : NS_MAIN}">` +
    '<cols><col min="1" max="1" width="60" customWidth="1"/><col min="2" max="4" width="18" customWidth="1"/></cols>' +
    `<sheetData>${data}</sheetData></worksheet>`
  );
}

export type { Rel };
