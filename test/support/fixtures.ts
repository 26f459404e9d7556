// Writes the fixture specs (test/fixtures/specs) to .xlsx with ExcelJS. Deterministic:
// fixed workbook dates and creator, sheets and cells in spec order.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
// jszip comes with exceljs; used only to pin the zip entry dates so output is byte-identical

const JSZip = require("jszip") as {
  loadAsync(data: Buffer): Promise<{
    files: Record<
      string,
      { name: string; dir: boolean; async(t: "uint8array"): Promise<Uint8Array> }
    >;
  }>;
  new (): {
    file(name: string, data: Uint8Array, opts: { date: Date; createFolders: boolean }): void;
    generateAsync(o: object): Promise<Buffer>;
  };
};
import { FIXTURE_SPECS } from "../fixtures/specs";
import type { CellSpec, FixtureSpec, RawCell, SheetSpec } from "../fixtures/specs/types";

export type { CellSpec, FixtureSpec, RawCell, SheetSpec } from "../fixtures/specs/types";

export const DEFAULT_FIXTURE_DIR = path.resolve(__dirname, "..", "fixtures", "generated");

export function loadFixtureSpecs(): FixtureSpec[] {
  return FIXTURE_SPECS;
}

/** Normalises a raw spec cell to a CellSpec (null stays null = no cell written). */
export function toCellSpec(raw: RawCell): CellSpec | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "string") return { v: raw };
  return raw;
}

const FIXED_DATE = new Date(Date.UTC(2024, 6, 1, 0, 0, 0));

export function buildWorkbook(spec: FixtureSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kinerja-fixtures";
  wb.lastModifiedBy = "kinerja-fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  return wb;
}

function addSheet(wb: ExcelJS.Workbook, sheet: SheetSpec): void {
  const ws = wb.addWorksheet(sheet.name);
  sheet.colWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  sheet.rows.forEach((cells, r) => {
    cells.forEach((raw, c) => {
      const cs = toCellSpec(raw);
      if (!cs) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (cs.err) {
        cell.value = { error: cs.err } as unknown as ExcelJS.CellErrorValue;
      } else if (cs.f) {
        const f = cs.f.startsWith("=") ? cs.f.slice(1) : cs.f;
        cell.value =
          cs.v === null || cs.v === undefined
            ? ({ formula: f } as ExcelJS.CellFormulaValue)
            : ({ formula: f, result: cs.v } as ExcelJS.CellFormulaValue);
      } else {
        cell.value = cs.v;
      }
      if (cs.fmt) cell.numFmt = cs.fmt;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m);
}

/** Writes every fixture workbook into outDir; returns the written paths in spec order. */
export async function writeFixtures(outDir: string = DEFAULT_FIXTURE_DIR): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const out: string[] = [];
  for (const spec of loadFixtureSpecs()) {
    const file = path.join(outDir, spec.file);
    const buf = await buildWorkbook(spec).xlsx.writeBuffer();
    fs.writeFileSync(file, await stampZip(Buffer.from(buf as ArrayBuffer)));
    out.push(file);
  }
  return out;
}

/** Re-zips with fixed entry dates (ExcelJS stamps the current time) for deterministic files. */
async function stampZip(buf: Buffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(buf);
  const dst = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name];
    if (f.dir) continue;
    dst.file(name, await f.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return dst.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "DOS" });
}
