// Writes small .xlsx workbooks for the io and CLI tests (ExcelJS), from the same rows as the grids.
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/model/grid";

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  formats?: Record<string, string>;
  formulas?: Record<string, { formula: string; result: number | string }>;
  merges?: string[];
}

export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => v != null && (ws.getCell(i + 1, j + 1).value = v))
    );
    for (const [addr, f] of Object.entries(s.formats ?? {})) ws.getCell(addr).numFmt = f;
    for (const [addr, f] of Object.entries(s.formulas ?? {}))
      ws.getCell(addr).value = { formula: f.formula, result: f.result } as ExcelJS.CellFormulaValue;
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}
