// .xlsx ↔ Grid adapter for the command line (Node only, ExcelJS). Reading never changes the file;
// writing always goes to a different path and touches only the planned cells.
import * as path from "path";
import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Grid, Cell, MergedArea, CellValue } from "../model/grid";
import { parseA1 } from "../model/grid";
import type { FillPlan } from "../model/plan";
import type { PredikatRule, SummaryPlan } from "../visual";
import { ruleFormula } from "../visual";

/** Extras of `isi --ringkasan`: predikat colours on a table sheet and a summary sheet. */
export interface VisualExtras {
  sheetName: string;
  rules: PredikatRule[];
  summary: SummaryPlan | null;
}

/** A file problem with an Indonesian message for the user. */
export class WorkbookError extends Error {}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

function plainValue(v: any): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === "object") {
    if (Array.isArray(v.richText)) return v.richText.map((t: { text: string }) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
    if ("text" in v) return plainValue(v.text);
  }
  return String(v);
}

/** The workbook and the file's bytes (read once; applyPlans also lists its zip parts). */
async function loadWorkbook(file: string): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  if (!fs.existsSync(file)) throw new WorkbookError(`Berkas tidak ditemukan: ${file}`);
  if (fs.statSync(file).isDirectory())
    throw new WorkbookError(`${file} adalah folder, bukan berkas .xlsx`);
  if (!/\.(xlsx|xlsm)$/i.test(file))
    throw new WorkbookError(
      `${file} bukan berkas .xlsx (format lain belum didukung; simpan ulang sebagai .xlsx)`
    );
  const size = fs.statSync(file).size;
  if (size === 0) throw new WorkbookError(`Berkas ${file} kosong (0 byte).`);
  // Real Renja/LKjIP workbooks are a few MB; a huge file would exhaust memory before any report.
  const limit = Number(process.env.KINERJA_MAX_MB ?? 40) * 1024 * 1024;
  if (size > limit)
    throw new WorkbookError(
      `Berkas ${file} terlalu besar (${(size / 1048576).toFixed(0)} MB; batas ${(limit / 1048576).toFixed(0)} MB). Pisahkan tabelnya ke workbook yang lebih kecil atau atur KINERJA_MAX_MB.`
    );
  const wb = new ExcelJS.Workbook();
  const bytes = fs.readFileSync(file);
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookError(
      `Berkas ${file} tidak dapat dibaca sebagai workbook Excel (.xlsx); mungkin rusak atau bukan .xlsx.`
    );
  }
  return { wb, bytes };
}

function sheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // merged slaves read as empty, like Excel's Range.values
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const c: Cell = { value: plainValue(cell.value) };
      const f = cell.formula;
      if (f) c.formula = "=" + f;
      if (cell.numFmt) c.numberFormat = cell.numFmt;
      while (line.length < colNumber - 1) line.push({ value: null });
      line[colNumber - 1] = c;
    });
    while (cells.length < rowNumber - 1) cells.push([]);
    cells[rowNumber - 1] = line;
  });
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  const merges: MergedArea[] = [];

  const ranges: string[] = ((ws as any).model?.merges as string[]) ?? [];
  for (const r of ranges) {
    const [a, b] = r.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    merges.push({ top: p.row, left: p.col, bottom: q.row, right: q.col });
  }
  return { name: ws.name, cells, merges };
}

/** Reads every worksheet as a Grid. Rejects with a WorkbookError (Indonesian message) on file problems. */
export async function readWorkbook(file: string): Promise<{ sheets: Grid[] }> {
  const { wb } = await loadWorkbook(file);
  return { sheets: wb.worksheets.map(sheetToGrid) };
}

export interface SheetPlan {
  sheetName: string;
  plan: FillPlan;
}

/**
 * What a copy rewritten by ExcelJS would lose, as Indonesian phrases ("2 grafik", "makro VBA"):
 * ExcelJS drops charts, chart sheets, pivot tables, slicers, shapes and VBA on read/write
 * (exceljs/exceljs#141, #1173). Read from the zip's part names; the file is not changed.
 */
export async function partsLostOnRewrite(file: string): Promise<string[]> {
  try {
    return await partsLost(fs.readFileSync(file));
  } catch {
    return []; // unreadable or not a zip: loadWorkbook reports it
  }
}

async function partsLost(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
  const lost: string[] = [];
  const charts = count(/^xl\/charts\/chart\d*\.xml$/i);
  if (charts) lost.push(`${charts} grafik`);
  const chartsheets = count(/^xl\/chartsheets\/sheet\d*\.xml$/i);
  if (chartsheets) lost.push(`${chartsheets} lembar grafik`);
  const pivots = count(/^xl\/pivotTables\/pivotTable\d*\.xml$/i);
  if (pivots) lost.push(`${pivots} tabel pivot`);
  if (count(/^xl\/slicers\//i)) lost.push("slicer");
  let shapes = 0;
  for (const n of names.filter((x) => /^xl\/drawings\/drawing\d*\.xml$/i.test(x)))
    shapes += ((await zip.file(n)!.async("string")).match(/<xdr:sp\b/g) ?? []).length;
  if (shapes) lost.push(`${shapes} bentuk/kotak teks`);
  if (count(/^xl\/vbaProject\.bin$/i)) lost.push("makro VBA");
  return lost;
}

export interface ApplyOptions {
  /** Write the copy even though it loses what partsLostOnRewrite lists (`--abaikan-grafik`). */
  allowLoss?: boolean;
}

/**
 * Writes the plans into a copy of the input workbook at outputPath. The input is never modified.
 * A workbook whose charts, pivots, shapes or macros the copy would lose is refused (nothing is
 * written) unless `allowLoss`; returns what the copy lacks.
 */
export async function applyPlans(
  inputPath: string,
  outputPath: string,
  plans: SheetPlan[],
  extras: VisualExtras[] = [],
  options: ApplyOptions = {}
): Promise<{ lost: string[] }> {
  if (path.resolve(inputPath) === path.resolve(outputPath))
    throw new WorkbookError(
      "Berkas keluaran tidak boleh sama dengan berkas masukan (berkas asli tidak diubah)."
    );
  const { wb, bytes } = await loadWorkbook(inputPath);
  const lost = await partsLost(bytes);
  if (lost.length && !options.allowLoss)
    throw new WorkbookError(
      `${inputPath} berisi ${lost.join(", ")} yang tidak dapat ikut disalin oleh baris perintah; ` +
        `berkas keluaran tidak ditulis agar tidak ada yang hilang. Isi berkas ini dengan add-in di Excel, ` +
        `atau jalankan lagi dengan --abaikan-grafik untuk menulis salinan tanpa ${lost.join(", ")}.`
    );
  for (const { sheetName, plan } of plans) {
    const ws = wb.getWorksheet(sheetName);
    if (!ws) throw new WorkbookError(`Lembar "${sheetName}" tidak ada di ${inputPath}`);
    detachSharedFormulas(ws, new Set(plan.writes.map((w) => w.cell)));
    for (const w of plan.writes) writeCell(ws.getCell(w.row + 1, w.col + 1), w);
  }
  for (const x of extras) applyExtras(wb, x);
  const dir = path.dirname(path.resolve(outputPath));
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
  try {
    await wb.xlsx.writeFile(outputPath);
  } catch (e) {
    throw new WorkbookError(`Tidak dapat menulis ${outputPath}: ${(e as Error).message}`);
  }
  return { lost };
}

/** Cells sharing the formula of a cell we overwrite get their own copy first (the master goes away). */
function detachSharedFormulas(ws: ExcelJS.Worksheet, written: Set<string>): void {
  const clones: ExcelJS.Cell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as any;
      if (
        v &&
        typeof v === "object" &&
        typeof v.sharedFormula === "string" &&
        written.has(v.sharedFormula.replace(/\$/g, "")) &&
        !written.has(cell.address)
      )
        clones.push(cell);
    })
  );
  for (const cell of clones) {
    const formula = cell.formula;

    const result = (cell.value as any).result;
    cell.value = { formula, result } as ExcelJS.CellFormulaValue;
  }
}

export async function applyPlan(
  inputPath: string,
  outputPath: string,
  sheetName: string,
  plan: FillPlan
): Promise<{ lost: string[] }> {
  return applyPlans(inputPath, outputPath, [{ sheetName, plan }]);
}

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** Conditional formats (expression rules, so they follow the numbers) and the summary sheet. */
function applyExtras(wb: ExcelJS.Workbook, x: VisualExtras): void {
  const ws = wb.getWorksheet(x.sheetName);
  if (!ws) throw new WorkbookError(`Lembar "${x.sheetName}" tidak ada`);
  const byRange = new Map<string, PredikatRule[]>();
  for (const r of x.rules) byRange.set(r.range, [...(byRange.get(r.range) ?? []), r]);
  for (const [ref, rules] of byRange)
    ws.addConditionalFormatting({
      ref,
      rules: rules.map((r, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [ruleFormula(r).slice(1)],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(r.fill) } },
          font: { color: { argb: argb(r.font) } },
        },
      })) as ExcelJS.ConditionalFormattingRule[],
    });
  if (!x.summary) return;
  let name = x.summary.sheetName;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${x.summary.sheetName} ${i}`;
  const out = wb.addWorksheet(name);
  out.getColumn(1).width = 60;
  for (const c of [2, 3, 4]) out.getColumn(c).width = 18;
  for (const c of x.summary.cells) {
    const cell = writeCell(out.getCell(c.row + 1, c.col + 1), c);
    if (c.bold) cell.font = { bold: true };
  }
}

/** A formula (with the engine's value as its cached result) or a value, and its number format. */
function writeCell(
  cell: ExcelJS.Cell,
  w: { formula?: string; value: number | string | null; numberFormat?: string }
): ExcelJS.Cell {
  cell.value = w.formula
    ? ({ formula: w.formula.slice(1), result: w.value ?? "" } as ExcelJS.CellFormulaValue)
    : w.value;
  if (w.numberFormat) cell.numFmt = w.numberFormat;
  return cell;
}
