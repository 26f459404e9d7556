// THE ONLY MODULE THAT CALLS Excel.run. Everything else works on the Grid model.
// Round trips dominate the cost of an add-in, so: the sheet is read in one sync; a fill is one
// sync to check that nobody changed the target cells, then the writes in column blocks, chunked
// well under the 5 MB request limit of Excel on the web, with calculation suspended.
import type { Cell, CellValue, Grid, MergedArea } from "../model/grid";
import { columnIndex } from "../model/grid";
import type { PlannedWrite } from "../model/plan";
import { GatewayError, officeErrorMessage } from "./helpers";
import { relativeKey } from "../sheet/formula-refs";
import { ruleFormula, type PredikatRule, type SummaryCell, type ChartPlan } from "../visual";

/** A conditional format Kinerja added: exact range + rule formula (saved with the workbook). */
export interface AddedFormat {
  sheet: string;
  range: string;
  formula: string;
}

/** What a request may carry at most (Excel on the web refuses 5 MB; keep a wide margin). */
export const CHUNK_BYTES = 2 * 1024 * 1024;

type ExcelLike = { run: (fn: (context: any) => Promise<any>) => Promise<any> };

export interface SheetSnapshot {
  grid: Grid;
  /** The sheet has no used cells. */
  empty: boolean;
  protected: boolean;
}

export interface Highlight {
  cell: string;
  color: string;
}

/** Fill colours by severity, readable in print and for colour-blind users (with the list). */
export const HIGHLIGHT_COLORS = { error: "#F4B6B6", warning: "#FCE4A8", info: "#CFE3F7" } as const;

export class ExcelGateway {
  constructor(private readonly excel: ExcelLike = (globalThis as any).Excel) {}

  private async run<T>(fn: (context: any) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(fn);
    } catch (e) {
      throw new GatewayError(officeErrorMessage(e));
    }
  }

  /**
   * Calls `onChange` whenever the user activates another sheet (ExcelApi 1.7), so the pane can
   * recognise the new sheet's table at once. One sync to register.
   */
  onActiveSheetChanged(onChange: () => void): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.onActivated.add(async () => onChange());
      await context.sync();
    });
  }

  /** The active sheet's used range with values, formulas, number formats and merges: ONE sync. */
  readActiveSheet(): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name, protection/protected");
      // valuesOnly=false: a formatted but empty cell still belongs to the table.
      const used = sheet.getUsedRangeOrNullObject(false);
      used.load("rowIndex, columnIndex, rowCount, columnCount, values, formulas, numberFormat");
      const merged = used.getMergedAreasOrNullObject();
      merged.load("address");
      await context.sync();
      if (used.isNullObject)
        return {
          grid: { name: sheet.name, cells: [], merges: [] },
          empty: true,
          protected: sheet.protection.protected,
        };
      const grid = toGrid(
        sheet.name,
        used.rowIndex,
        used.columnIndex,
        used.values,
        used.formulas,
        used.numberFormat,
        merged.isNullObject ? "" : merged.address
      );
      return { grid, empty: false, protected: sheet.protection.protected };
    });
  }

  /**
   * Writes a fill plan. Stops with an Indonesian message, writing nothing, when the sheet is
   * protected or when any target cell no longer holds what the plan read (the user edited it).
   */
  applyPlan(sheetName: string, writes: PlannedWrite[]): Promise<{ requests: number }> {
    return this.writeCells(
      sheetName,
      writes,
      (w) => w.previous,
      (w) => ({
        value: w.value,
        formula: w.formula,
        numberFormat: w.numberFormat ?? w.previous.numberFormat,
      }),
      (w) => w.previous.numberFormat
    );
  }

  /** Undo: puts back exactly what was there (values, formulas, number formats). */
  restore(sheetName: string, writes: PlannedWrite[]): Promise<{ requests: number }> {
    return this.writeCells(
      sheetName,
      writes,
      (w) => ({ value: w.value, formula: w.formula }),
      (w) => ({ ...w.previous, numberFormat: w.previous.numberFormat ?? "General" }),
      (w) => w.numberFormat ?? w.previous.numberFormat
    );
  }

  private writeCells(
    sheetName: string,
    writes: PlannedWrite[],
    expected: (w: PlannedWrite) => Cell,
    target: (w: PlannedWrite) => { value: CellValue; formula?: string; numberFormat?: string },
    currentFormat: (w: PlannedWrite) => string | undefined
  ): Promise<{ requests: number }> {
    if (writes.length === 0) return Promise.resolve({ requests: 0 });
    // Long runs are cut so that no single block approaches the request budget.
    const runs = columnRuns(writes).flatMap((run) => splitRun(run, MAX_RUN_CELLS));
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.load("protection/protected");
      // One range per column run: reads back what is there now, in the same single sync.
      const current = runs.map((run) => {
        const r = sheet.getRangeByIndexes(run[0].row, run[0].col, run.length, 1);
        r.load("formulas");
        return r;
      });
      await context.sync();
      let requests = 1;
      if (sheet.protection.protected)
        throw new GatewayError(
          "Sheet ini diproteksi. Buka proteksi sheet (Tinjau → Buka Proteksi Sheet) lalu jalankan lagi; tidak ada sel yang diubah."
        );
      const changed: string[] = [];
      runs.forEach((run, i) => {
        const now = current[i].formulas as CellValue[][];
        run.forEach((w, j) => {
          if (!sameContent(now[j][0], expected(w))) changed.push(w.cell);
        });
      });
      if (changed.length)
        throw new GatewayError(
          `${changed.length} sel sudah berubah sejak sheet dibaca (${changed.slice(0, 5).join(", ")}${changed.length > 5 ? ", …" : ""}). Tidak ada yang ditulis; jalankan pratinjau lagi.`
        );

      let bytes = 0;
      for (const run of runs) {
        const cells = run.map(target);
        for (const seg of segments(run, cells)) {
          const first = seg.writes[0];
          const range = sheet.getRangeByIndexes(first.row, first.col, seg.writes.length, 1);
          if (seg.formula) {
            // The same formula one row further each time: write it once and fill down, as a
            // user would; the request stays small whatever the number of rows.
            const top = sheet.getRangeByIndexes(first.row, first.col, 1, 1);
            top.formulas = [[seg.formula]];
            if (seg.writes.length > 1)
              sheet
                .getRangeByIndexes(first.row + 1, first.col, seg.writes.length - 1, 1)
                .copyFrom(top, "Formulas");
            bytes += seg.formula.length + 256;
          } else {
            const values = seg.cells.map((c) => [asConstant(c.value)]);
            range.values = values;
            bytes += JSON.stringify(values).length + 96;
          }
          // Number formats are sent only where they change.
          const formats = seg.cells.map((c) => [c.numberFormat ?? "General"]);
          if (seg.writes.some((w, k) => formats[k][0] !== (currentFormat(w) ?? "General"))) {
            range.numberFormat = formats;
            bytes += JSON.stringify(formats).length + 64;
          }
          if (bytes >= CHUNK_BYTES) {
            context.workbook.application.suspendApiCalculationUntilNextSync();
            // One sync per ~2 MB chunk (Excel on the web refuses 5 MB requests), not per cell.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            requests++;
            bytes = 0;
          }
        }
      }
      if (bytes > 0) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        await context.sync();
        requests++;
      }
      return { requests };
    });
  }

  select(sheetName: string, address: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Colours the given cells and returns their previous fill colours (null = no fill), so that
   * clearHighlights can put back exactly what was there. Two syncs, whatever the number of cells.
   */
  highlight(sheetName: string, cells: Highlight[]): Promise<Record<string, string | null>> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const fills = cells.map((h) => {
        const range = sheet.getRange(h.cell);
        range.load("format/fill/color");
        return range;
      });
      await context.sync();
      const before: Record<string, string | null> = {};
      cells.forEach((h, i) => {
        before[h.cell] = normaliseColor(fills[i].format.fill.color);
        sheet.getRange(h.cell).format.fill.color = h.color;
      });
      await context.sync();
      return before;
    });
  }

  clearHighlights(sheetName: string, before: Record<string, string | null>): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const [cell, color] of Object.entries(before)) {
        // eslint-disable-next-line office-addins/load-object-before-read -- only written below
        const fill = sheet.getRange(cell).format.fill;
        if (color === null) fill.clear();
        else fill.color = color;
      }
      await context.sync();
    });
  }
  /**
   * Predikat colours as native conditional formats (custom formula rules, so empty cells stay
   * uncoloured: a cellValue rule would treat an empty cell as 0). Two syncs whatever the number
   * of rows; returns what was added so that removal touches only these formats.
   */
  applyPredikatColours(sheetName: string, rules: PredikatRule[]): Promise<AddedFormat[]> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.load("protection/protected");
      await context.sync();
      if (sheet.protection.protected)
        throw new GatewayError(
          "Sheet ini diproteksi. Buka proteksi sheet lalu jalankan lagi; tidak ada format yang ditambahkan."
        );
      const added: AddedFormat[] = [];
      for (const rule of rules) {
        const formula = ruleFormula(rule);
        const cf = sheet.getRange(rule.range).conditionalFormats.add("Custom");
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = rule.fill;
        cf.custom.format.font.color = rule.font;
        added.push({ sheet: sheetName, range: rule.range, formula });
      }
      await context.sync();
      return added;
    });
  }

  /**
   * Removes only the conditional formats Kinerja added (same range, type Custom and the exact
   * formula); every other format stays. Two syncs whatever the number of rows.
   */
  removePredikatColours(sheetName: string, added: AddedFormat[]): Promise<{ removed: number }> {
    const mine = added.filter((a) => a.sheet === sheetName);
    if (!mine.length) return Promise.resolve({ removed: 0 });
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const ranges = [...new Set(mine.map((a) => a.range))];
      const collections = ranges.map((r) => {
        const range = sheet.getRange(r);
        range.load("conditionalFormats/items/type, conditionalFormats/items/custom/rule/formula");
        return range;
      });
      await context.sync();
      let removed = 0;
      ranges.forEach((r, i) => {
        const wanted = new Set(mine.filter((a) => a.range === r).map((a) => a.formula));
        for (const cf of collections[i].conditionalFormats.items) {
          if (cf.type !== "Custom" || !wanted.has(cf.custom.rule.formula)) continue;
          wanted.delete(cf.custom.rule.formula);
          cf.delete();
          removed++;
        }
      });
      await context.sync();
      return { removed };
    });
  }

  /** Writes the cells on a new sheet (never over an existing one): two syncs. Returns its name. */
  writeSummarySheet(name: string, cells: SummaryCell[]): Promise<string> {
    return this.run(async (context) => {
      const { name: used } = await this.writeSheetCells(context, name, cells);
      await context.sync();
      return used;
    });
  }

  private async writeSheetCells(
    context: any,
    name: string,
    cells: SummaryCell[]
  ): Promise<{ sheet: any; name: string }> {
    const sheets = context.workbook.worksheets;
    // An existing sheet of that name may hold the user's edits: never clear it, take the first
    // free name instead ("Ringkasan E81", "Ringkasan E81 (2)", …), probed in one sync.
    const candidates = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? name : `${name.slice(0, 26)} (${i + 1})`
    );
    const probes = candidates.map((n) => sheets.getItemOrNullObject(n));
    await context.sync();
    const free = candidates.find((_, i) => probes[i].isNullObject);
    if (!free)
      throw new GatewayError(
        `Sudah ada 10 lembar bernama "${name}"; hapus yang lama lalu coba lagi.`
      );
    const sheet = sheets.add(free);
    // One block write for the whole used rectangle (formulas where there are formulas).
    const rows = Math.max(...cells.map((c) => c.row)) + 1;
    const cols = Math.max(...cells.map((c) => c.col)) + 1;
    const block: CellValue[][] = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => "" as CellValue)
    );
    for (const c of cells) block[c.row][c.col] = c.formula ?? asConstant(c.value);
    sheet.getRangeByIndexes(0, 0, rows, cols).formulas = block;
    for (const c of cells) {
      if (c.numberFormat)
        sheet.getRangeByIndexes(c.row, c.col, 1, 1).numberFormat = [[c.numberFormat]];
      if (c.bold) sheet.getRangeByIndexes(c.row, c.col, 1, 1).format.font.bold = true;
    }
    return { sheet, name: free };
  }

  /**
   * A native clustered-column chart of capaian with the 100 % target as a line, drawn from a data
   * block of formulas on its own sheet (so it follows the table). Two syncs.
   */
  addCapaianChart(chart: ChartPlan): Promise<string> {
    return this.run(async (context) => {
      const { sheet, name } = await this.writeSheetCells(context, chart.sheetName, chart.cells);
      const c = sheet.charts.add("ColumnClustered", sheet.getRange(chart.range), "Columns");
      c.title.text = chart.title;
      c.axes.categoryAxis.title.text = chart.categoryTitle;
      c.axes.valueAxis.title.text = chart.valueTitle;
      c.series.getItemAt(1).chartType = "Line";
      c.legend.position = "Bottom";
      c.setPosition(`E2`, `P${Math.max(chart.rows + 2, 24)}`);
      await context.sync();
      return name;
    });
  }
}

/** Excel reports "#FFFFFF" for "no fill" on some hosts; treat it as none. */
function normaliseColor(c: string | null | undefined): string | null {
  if (!c || c.toUpperCase() === "#FFFFFF") return null;
  return c;
}

/** Compares a cell's current formula-or-value with what we expect to find there. */
function sameContent(now: CellValue, expected: Cell): boolean {
  const want = expected.formula ?? expected.value;
  const a = now === "" || now === undefined ? null : now;
  const b = want === "" || want === undefined ? null : want;
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}

interface Segment {
  writes: PlannedWrite[];
  cells: { value: CellValue; formula?: string; numberFormat?: string }[];
  /** The first cell's formula when the whole segment is one formula filled down. */
  formula: string | null;
}

/** Splits a column run into fill-down formula segments and constant segments. */
function segments(run: PlannedWrite[], cells: Segment["cells"]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < run.length) {
    const f = cells[i].formula;
    const key = f ? relativeKey(f, run[i].row, run[i].col) : null;
    let j = i + 1;
    while (j < run.length) {
      const g = cells[j].formula;
      if (key ? !g || relativeKey(g, run[j].row, run[j].col) !== key : !!g) break;
      j++;
    }
    out.push({ writes: run.slice(i, j), cells: cells.slice(i, j), formula: f ?? null });
    i = j;
  }
  return out;
}

/** A constant for Range.values: text that Excel would read as a number or date keeps an apostrophe. */
function asConstant(v: CellValue): CellValue {
  if (v === null) return "";
  if (
    typeof v === "string" &&
    (/^[\s\d.,:/%+\-()]+$/.test(v) || /^[=@+-]/.test(v) || /^(true|false)$/i.test(v))
  )
    return `'${v}`;
  return v;
}

/** Cells per block write: 4,000 formulas of ~100 bytes stay far below a chunk. */
const MAX_RUN_CELLS = 4000;

function splitRun<T>(run: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < run.length; i += size) out.push(run.slice(i, i + size));
  return out;
}

/** Groups writes into vertical runs of adjacent cells in one column (block writes). */
export function columnRuns(writes: PlannedWrite[]): PlannedWrite[][] {
  const sorted = [...writes].sort((x, y) => x.col - y.col || x.row - y.row);
  const runs: PlannedWrite[][] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.col === w.col && prev.row + 1 === w.row) last.push(w);
    else runs.push([w]);
  }
  return runs;
}

/** Builds the Grid from the used range read (placed at its real offset on the sheet). */
export function toGrid(
  name: string,
  row0: number,
  col0: number,
  values: CellValue[][],
  formulas: CellValue[][],
  formats: string[][],
  mergedAddress: string
): Grid {
  const cells: Cell[][] = [];
  for (let i = 0; i < row0; i++) cells.push([]);
  values.forEach((line, i) => {
    const row: Cell[] = [];
    for (let j = 0; j < col0; j++) row.push({ value: null });
    line.forEach((v, j) => {
      const f = formulas[i]?.[j];
      const cell: Cell = { value: v === "" ? null : v };
      if (typeof f === "string" && f.startsWith("=")) cell.formula = f;
      const fmt = formats[i]?.[j];
      if (fmt && fmt !== "General") cell.numberFormat = fmt;
      row.push(cell);
    });
    cells.push(row);
  });
  return { name, cells, merges: parseMerged(mergedAddress) };
}

/** "Sheet1!A1:C1,'Tabel 3.1'!D2:D4" → merged areas. */
export function parseMerged(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of address.matchAll(/!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]);
    out.push({
      top,
      left,
      bottom: m[3] ? Number(m[4]) - 1 : top,
      right: m[3] ? columnIndex(m[3]) : left,
    });
  }
  return out;
}
