// THE ONLY MODULE THAT CALLS Excel.run. Everything else works on the Grid model.
//
// Round trips dominate the cost of an add-in, and Excel on the web refuses any request or
// response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). So
// every operation is one Excel.run whose syncs are sized by bytes, estimated the way office.js
// serializes them (object paths, actions, JSON of the data) and checked against the real client
// in test/excel/wire.test.ts:
// - the sheet is read in row blocks sized by the response budget (values and number formats;
//   formulas only where getSpecialCells says there are formulas), merged areas in bands that
//   cannot hold more than the 512 areas getMergedAreasOrNullObject can return;
// - a fill first re-reads its target cells (chunked by the response budget), finds Excel Tables
//   and spilled dynamic arrays in its way, then writes in chunks with calculation suspended
//   BEFORE each chunk's writes; formulas are written once and filled down;
// - highlights, conditional formats and the Ringkasan sheet are chunked the same way.
// Reference: ../shared/research/office-review.md (findings F1–F15).
import type { Cell, CellValue, Grid, MergedArea } from "../model/grid";
import { columnIndex, columnLetters, parseRange } from "../model/grid";
import type { PlannedWrite } from "../model/plan";
import { GatewayError, officeErrorMessage, requirementMessage } from "./helpers";
import { relativeKey } from "../sheet/formula-refs";
import { ruleFormula, type PredikatRule, type SummaryCell, type ChartPlan } from "../visual";

/** A conditional format Kinerja added: range, rule formula and fill (saved with the workbook). */
export interface AddedFormat {
  sheet: string;
  range: string;
  formula: string;
  /** The rule's fill colour (formats saved by older versions do not have it). */
  fill?: string;
}

/** Bytes one context.sync() may send, as office.js serializes it (Excel on the web: 5 MB). */
export const REQUEST_BUDGET_BYTES = 2_000_000;
/** Bytes one context.sync() may ask Excel to send back. */
export const RESPONSE_BUDGET_BYTES = 2_500_000;
/** @deprecated the request budget; kept for callers of earlier versions. */
export const CHUNK_BYTES = REQUEST_BUDGET_BYTES;
/** getMergedAreasOrNullObject "will fail to return the result" over 512 merged areas. */
export const MERGED_AREAS_PER_CALL = 512;

/**
 * The API sets the gateway uses; the highest is getMergedAreasOrNullObject (ExcelApi 1.13).
 * Also used: getSpecialCellsOrNullObject, getRanges, RangeAreas.areas (1.9), hasSpill and
 * getSpillingToRangeOrNullObject (1.12), conditional formats and calculation suspension (1.6).
 */
export const REQUIRED_SETS: ReadonlyArray<{ name: string; version: string }> = [
  { name: "ExcelApi", version: "1.13" },
];

type ExcelLike = {
  run: <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
};

export interface GatewayOptions {
  /** Office.context.requirements.isSetSupported, or a stand-in (tests). */
  isSetSupported?: (name: string, version: string) => boolean;
}

export interface SheetSnapshot {
  grid: Grid;
  /** The sheet has no used cells. */
  empty: boolean;
  protected: boolean;
}

/** What a fill or an undo did, beyond the cells written. */
export interface WriteResult {
  /** Round trips (context.sync calls). */
  requests: number;
  /** Cells written. */
  written: number;
  /** Cells of the plan left alone (spilled dynamic arrays, formulas inside Excel Tables). */
  skipped: number;
  /** Indonesian notes for the user (tables written as values, spills left alone). */
  notes: string[];
}

export interface Highlight {
  cell: string;
  color: string;
}

/** Fill colours by severity, readable in print and for colour-blind users (with the list). */
export const HIGHLIGHT_COLORS = { error: "#F4B6B6", warning: "#FCE4A8", info: "#CFE3F7" } as const;

// What office.js puts on the wire (bytes, rounded up from measurements with office.js 1.1.110):
// an object path with its Instantiate action; a SetProperty/Method action; a Query; and, per
// object in the response, the Instantiate result with its reference id.
const PATH_BYTES = 210;
const ACTION_BYTES = 150;
const QUERY_BYTES = 160;
const RESULT_BYTES = 110;
/** office.js sends a 2-D array of more than 1,500 cells in row chunks (3 object paths each). */
const BULK_CELLS = 1500;
/** The row chunks office.js cuts a 2-D array write of `cells` cells into (0: sent whole). */
function bulkChunks(cells: number): number {
  return cells > BULK_CELLS ? Math.ceil(cells / BULK_CELLS) : 0;
}
/** Bytes those chunks add to the request. */
function bulkBytes(cells: number): number {
  return bulkChunks(cells) * (3 * PATH_BYTES + ACTION_BYTES);
}
/** Assumed response bytes per cell before the first block of the sheet has been read. */
const FIRST_BLOCK_CELL_BYTES = 100;
/** Rows and columns read beyond the last value (formats next to the table still count). */
const READ_MARGIN = 2;

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) n += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdbff ? (i++, 2) : 2;
  }
  return n;
}

function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

function errorCode(e: unknown): string {
  const err = (e ?? {}) as { code?: string; debugInfo?: { code?: string } };
  return err.code ?? err.debugInfo?.code ?? "";
}

function tooBig(e: unknown): boolean {
  return /PayloadSizeLimitExceeded/.test(errorCode(e));
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function rectOf(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = parseRange(bare.replace(/\$/g, ""));
  return { r0: m.top, c0: m.left, r1: m.bottom, c1: m.right };
}

function inRect(r: number, c: number, x: Rect): boolean {
  return r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1;
}

function a1Of(r: Rect): string {
  const a = `${columnLetters(r.c0)}${r.r0 + 1}`;
  const b = `${columnLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export class ExcelGateway {
  constructor(
    private readonly excel: ExcelLike = (globalThis as unknown as { Excel: ExcelLike }).Excel,
    private readonly options: GatewayOptions = {}
  ) {}

  /** The API sets this host lacks (none outside Office, where the fake host stands in). */
  missingRequirements(): string[] {
    const check =
      this.options.isSetSupported ??
      ((name: string, version: string) => {
        const req = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
        return typeof req?.isSetSupported === "function" ? req.isSetSupported(name, version) : true;
      });
    return REQUIRED_SETS.filter((s) => !check(s.name, s.version)).map(
      (s) => `${s.name} ${s.version}`
    );
  }

  private async run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const missing = this.missingRequirements();
    if (missing.length) throw new GatewayError(requirementMessage(missing));
    try {
      return await this.excel.run(fn);
    } catch (e) {
      throw new GatewayError(officeErrorMessage(e));
    }
  }

  /**
   * Calls `onChange` whenever the user activates another sheet (ExcelApi 1.7). One sync to
   * register.
   */
  onActiveSheetChanged(onChange: () => void): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.onActivated.add(async () => onChange());
      await context.sync();
    });
  }

  /**
   * The active sheet: values, formulas, number formats and merged areas. One sync for the
   * sheet's extent, then one per row block (a block's response stays under the budget; merged
   * areas of its rows ride along). 100 and 2,000 rows: 2–3 syncs; 20,000 rows: about 6.
   */
  readActiveSheet(): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name, protection/protected");
      // valuesOnly=false: a formatted but empty cell next to the table still belongs to it.
      const used = sheet.getUsedRangeOrNullObject(false);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      const withValues = sheet.getUsedRangeOrNullObject(true);
      withValues.load("rowIndex, columnIndex, rowCount, columnCount");
      await context.sync();
      const name = sheet.name;
      const isProtected = sheet.protection.protected;
      if (used.isNullObject || withValues.isNullObject)
        return { grid: { name, cells: [], merges: [] }, empty: true, protected: isProtected };
      // Formats far below or right of the values (borders drawn down to row 5000) are not read.
      const area: Rect = {
        r0: Math.max(used.rowIndex, withValues.rowIndex - READ_MARGIN),
        c0: Math.max(used.columnIndex, withValues.columnIndex - READ_MARGIN),
        r1: Math.min(
          used.rowIndex + used.rowCount - 1,
          withValues.rowIndex + withValues.rowCount - 1 + READ_MARGIN
        ),
        c1: Math.min(
          used.columnIndex + used.columnCount - 1,
          withValues.columnIndex + withValues.columnCount - 1 + READ_MARGIN
        ),
      };
      const read = await this.readArea(context, sheet, area);
      return {
        grid: { name, cells: read.cells, merges: read.merges },
        empty: false,
        protected: isProtected,
      };
    });
  }

  /** Reads `area` in row blocks; returns cells at their real offset and the merged areas. */
  private async readArea(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    area: Rect
  ): Promise<{ cells: Cell[][]; merges: MergedArea[] }> {
    const cols = area.c1 - area.c0 + 1;
    const cells: Cell[][] = [];
    for (let i = 0; i < area.r0; i++) cells.push([]);
    const merges = new Map<string, MergedArea>();
    let perRow = cols * FIRST_BLOCK_CELL_BYTES;
    let row = area.r0;
    let special = true;
    while (row <= area.r1) {
      let rows = Math.max(
        1,
        Math.min(area.r1 - row + 1, Math.floor(RESPONSE_BUDGET_BYTES / perRow))
      );
      for (;;) {
        const block = sheet.getRangeByIndexes(row, area.c0, rows, cols);
        block.load("values, numberFormat");
        if (!special) block.load("formulas");
        // Formulas only where there are formulas (a sheet of constants sends none back).
        const formulaAreas = special ? block.getSpecialCellsOrNullObject("Formulas") : null;
        formulaAreas?.load("areas/items/address, areas/items/formulas");
        const bands = this.queueMergeBands(sheet, row, rows, area.c0, cols);
        try {
          // One sync per block; a block is sized to use most of one response.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (e) {
          if (tooBig(e) && rows > 1) {
            rows = Math.ceil(rows / 2);
            perRow = Math.max(perRow, Math.ceil(RESPONSE_BUDGET_BYTES / rows));
            continue;
          }
          if (special && !tooBig(e)) {
            // getSpecialCells refused (too many areas?): read the block's formulas directly.
            special = false;
            continue;
          }
          throw e;
        }
        const values = block.values as CellValue[][];
        const formats = block.numberFormat as string[][];
        const { formulas, bytes: formulaBytes } = special
          ? formulasFromAreas(values, formulaAreas, row, area.c0)
          : formulasFromBlock(values, block.formulas as CellValue[][]);
        let bytes = jsonBytes(values) + jsonBytes(formats) + formulaBytes;
        for (const m of this.mergesOf(bands)) merges.set(`${m.top},${m.left}`, m);
        for (const line of cellsOf(values, formulas, formats, area.c0)) cells.push(line);
        // The next blocks: what this one really cost per row (merged-area bands included), with
        // a quarter spare.
        bytes += bands.length * 3 * RESULT_BYTES;
        perRow = Math.max(Math.ceil((bytes * 5) / (rows * 4)), cols * 4);
        row += rows;
        break;
      }
    }
    return { cells, merges: [...merges.values()] };
  }

  /**
   * Merged areas are returned only for their top-left cell (office-js#3611) and at most 512 per
   * call: tiles of at most 512 cells cover every top-left cell and cannot exceed the limit.
   */
  private queueMergeBands(
    sheet: Excel.Worksheet,
    row: number,
    rows: number,
    col: number,
    cols: number
  ): Excel.RangeAreas[] {
    const width = Math.min(cols, MERGED_AREAS_PER_CALL);
    const height = Math.max(1, Math.floor(MERGED_AREAS_PER_CALL / width));
    const out: Excel.RangeAreas[] = [];
    for (let r = row; r < row + rows; r += height)
      for (let c = col; c < col + cols; c += width) {
        const m = sheet
          .getRangeByIndexes(
            r,
            c,
            Math.min(height, row + rows - r),
            Math.min(width, col + cols - c)
          )
          .getMergedAreasOrNullObject();
        // Each area's own address (RangeAreas.address may list only top-left cells, office-js#1590).
        m.load("areas/items/address");
        out.push(m);
      }
    return out;
  }

  private mergesOf(bands: Excel.RangeAreas[]): MergedArea[] {
    const out: MergedArea[] = [];
    for (const m of bands) {
      if (m.isNullObject) continue;
      for (const r of m.areas.items) {
        const x = rectOf(r.address);
        out.push({ top: x.r0, left: x.c0, bottom: x.r1, right: x.c1 });
      }
    }
    return out;
  }

  /**
   * Writes a fill plan. Stops with an Indonesian message, writing nothing, when the sheet is
   * protected or when any target cell no longer holds what the plan read (the user edited it).
   * Inside an Excel Table the plan is written as values (a formula would turn the column into a
   * calculated column and overwrite cells outside the plan); spilled dynamic arrays are left alone.
   */
  applyPlan(sheetName: string, writes: PlannedWrite[]): Promise<WriteResult> {
    return this.writeCells(sheetName, writes, "apply");
  }

  /** Undo: puts back exactly what was there (values, formulas, number formats). */
  restore(sheetName: string, writes: PlannedWrite[]): Promise<WriteResult> {
    return this.writeCells(sheetName, writes, "restore");
  }

  private writeCells(
    sheetName: string,
    planned: PlannedWrite[],
    direction: "apply" | "restore"
  ): Promise<WriteResult> {
    if (planned.length === 0)
      return Promise.resolve({ requests: 0, written: 0, skipped: 0, notes: [] });
    return this.run(async (context) => {
      const count = { requests: 0 };
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.load("protection/protected");
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- a collection, loaded here
      const tables = sheet.tables;
      tables.load("items/name, items/showHeaders, items/showTotals");
      const current = await this.readTargets(context, sheet, planned, direction, count);

      // Excel Tables and spills among the targets: their cells are transformed the same way for
      // the fill and for its undo, so the undo finds exactly what the fill wrote.
      const bodies = await this.tableBodies(context, tables, count);
      const spills = current.some((c) => c.range.hasSpill !== false)
        ? await this.spillRanges(context, sheet, count)
        : [];
      const notes: string[] = [];
      const plan = adjustForHost(planned, bodies, spills, notes);

      const changed = changedCells(current, plan.writes, direction);
      if (changed.length)
        throw new GatewayError(
          `${changed.length} sel sudah berubah sejak sheet dibaca (${changed.slice(0, 5).join(", ")}${changed.length > 5 ? ", …" : ""}). Tidak ada yang ditulis; jalankan pratinjau lagi.`
        );

      const target =
        direction === "apply"
          ? (w: PlannedWrite) => ({
              value: w.value,
              formula: w.formula,
              numberFormat: w.numberFormat ?? w.previous.numberFormat,
            })
          : (w: PlannedWrite) => ({
              ...w.previous,
              numberFormat: w.previous.numberFormat ?? "General",
            });
      const currentFormat =
        direction === "apply"
          ? (w: PlannedWrite) => w.previous.numberFormat
          : (w: PlannedWrite) => w.numberFormat ?? w.previous.numberFormat;
      count.requests += await this.writeRuns(context, sheet, plan.writes, target, currentFormat);
      return {
        requests: count.requests,
        written: plan.writes.length,
        skipped: plan.skipped,
        notes,
      };
    });
  }

  /**
   * Re-reads what is in the target cells now, chunked by the request and response budgets, and
   * checks the sheet is not protected; hasSpill says whether a run touches a spilled array.
   */
  private async readTargets(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    planned: PlannedWrite[],
    direction: "apply" | "restore",
    count: { requests: number }
  ): Promise<TargetRead[]> {
    const runs = columnRuns(planned).flatMap((run) => splitRun(run, MAX_RUN_CELLS));
    const current: TargetRead[] = [];
    let request = 0;
    let response = 0;
    let first = true;
    for (const run of runs) {
      const expect = run.map((w) => contentOf(direction === "apply" ? w.previous : (w as Cell)));
      const res = jsonBytes(expect) + run.length * 4 + QUERY_BYTES;
      const req = PATH_BYTES + QUERY_BYTES;
      if (
        current.length &&
        (response + res > RESPONSE_BUDGET_BYTES || request + req > REQUEST_BUDGET_BYTES)
      ) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        count.requests++;
        if (first && sheet.protection.protected) throw protectedError();
        first = false;
        request = 0;
        response = 0;
      }
      const range = sheet.getRangeByIndexes(run[0].row, run[0].col, run.length, 1);
      range.load("formulas, hasSpill");
      current.push({ range, run });
      request += req;
      response += res;
    }
    await context.sync();
    count.requests++;
    if (sheet.protection.protected) throw protectedError();
    return current;
  }

  /** The data bodies of the sheet's Excel Tables (one extra sync, only when there are tables). */
  private async tableBodies(
    context: Excel.RequestContext,
    tables: Excel.TableCollection,
    count: { requests: number }
  ): Promise<{ name: string; body: Rect }[]> {
    if (!tables.items.length) return [];
    const ranges = tables.items.map((t) => {
      const r = t.getRange();
      r.load("address");
      return { t, r };
    });
    await context.sync();
    count.requests++;
    const out: { name: string; body: Rect }[] = [];
    for (const { t, r } of ranges) {
      const whole = rectOf(r.address);
      const body = {
        ...whole,
        r0: whole.r0 + (t.showHeaders ? 1 : 0),
        r1: whole.r1 - (t.showTotals ? 1 : 0),
      };
      if (body.r0 <= body.r1) out.push({ name: t.name, body });
    }
    return out;
  }

  /**
   * Spilled dynamic arrays of the sheet (anchor and spill range): the formula areas that have a
   * spill, then each formula cell of those, then where each anchor spills to. Two or three syncs,
   * only when a target run touches a spill.
   */
  private async spillRanges(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    count: { requests: number }
  ): Promise<Rect[]> {
    const formulas = sheet.getUsedRangeOrNullObject(true).getSpecialCellsOrNullObject("Formulas");
    formulas.load("areas/items/address, areas/items/hasSpill");
    await context.sync();
    count.requests++;
    if (formulas.isNullObject) return [];
    const candidates: { r: number; c: number }[] = [];
    for (const area of formulas.areas.items) {
      if (area.hasSpill === false) continue;
      const x = rectOf(area.address);
      for (let r = x.r0; r <= x.r1; r++)
        for (let c = x.c0; c <= x.c1; c++) candidates.push({ r, c });
    }
    const out: Rect[] = [];
    const perCell = 2 * PATH_BYTES + QUERY_BYTES;
    for (let i = 0; i < candidates.length;) {
      const n = Math.max(1, Math.floor(REQUEST_BUDGET_BYTES / perCell));
      const chunk = candidates.slice(i, i + n).map(({ r, c }) => {
        const to = sheet.getRangeByIndexes(r, c, 1, 1).getSpillingToRangeOrNullObject();
        to.load("address");
        return to;
      });
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      count.requests++;
      for (const to of chunk) if (!to.isNullObject) out.push(rectOf(to.address));
      i += n;
    }
    return out;
  }

  /**
   * The writes, in chunks of at most the request budget; each chunk starts by suspending
   * calculation, so Excel does not recalculate between its writes.
   */
  private async writeRuns(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    writes: PlannedWrite[],
    target: (w: PlannedWrite) => { value: CellValue; formula?: string; numberFormat?: string },
    currentFormat: (w: PlannedWrite) => string | undefined
  ): Promise<number> {
    let requests = 0;
    let request = 0;
    let response = 0;
    let open = false;
    const begin = () => {
      if (open) return;
      context.workbook.application.suspendApiCalculationUntilNextSync();
      request = PATH_BYTES + ACTION_BYTES;
      response = RESULT_BYTES;
      open = true;
    };
    const flush = async () => {
      if (!open) return;
      requests++;
      await context.sync();
      open = false;
    };
    const runs = columnRuns(writes).flatMap((run) => splitRun(run, MAX_RUN_CELLS));
    for (const run of runs) {
      const cells = run.map(target);
      for (const seg of segments(run, cells)) {
        const first = seg.writes[0];
        const n = seg.writes.length;
        const formats = seg.cells.map((c) => [c.numberFormat ?? "General"]);
        const formatsChange = seg.writes.some(
          (w, k) => formats[k][0] !== (currentFormat(w) ?? "General")
        );
        const values = seg.formula
          ? null
          : seg.cells.map((c) => [asConstant(c.value, c.numberFormat)]);
        // A formula typed into a General cell may take the format of the cell it refers to
        // (F13): formula segments always send their number formats, after the formula.
        const sendFormats = seg.formula !== null || formatsChange;
        const cost =
          (seg.formula
            ? 3 * PATH_BYTES + 2 * ACTION_BYTES + seg.formula.length + 16
            : PATH_BYTES + ACTION_BYTES + jsonBytes(values) + bulkBytes(n)) +
          (sendFormats ? ACTION_BYTES + jsonBytes(formats) + bulkBytes(n) : 0);
        const arrays = (seg.formula ? 0 : 1) + (sendFormats ? 1 : 0);
        const back = ((seg.formula ? 3 : 1) + 3 * arrays * bulkChunks(n)) * RESULT_BYTES;
        if (
          open &&
          (request + cost > REQUEST_BUDGET_BYTES || response + back > RESPONSE_BUDGET_BYTES)
        ) {
          await flush();
        }
        begin();
        request += cost;
        response += back;
        const range = sheet.getRangeByIndexes(first.row, first.col, n, 1);
        // Constants: the format first, so that Excel reads the value under its new format (text
        // into a Text cell as it is; '04 back into a cell a fill made Text keeps no apostrophe).
        if (sendFormats && !seg.formula) range.numberFormat = formats;
        if (seg.formula) {
          // The same formula one row further each time: write it once and fill down, as a user
          // would; the request stays small whatever the number of rows.
          const top = sheet.getRangeByIndexes(first.row, first.col, 1, 1);
          top.formulas = [[seg.formula]];
          if (n > 1)
            sheet.getRangeByIndexes(first.row + 1, first.col, n - 1, 1).copyFrom(top, "Formulas");
        } else range.values = values!;
        if (sendFormats && seg.formula) range.numberFormat = formats;
      }
    }
    await flush();
    return requests;
  }

  /** Selects a cell: its sheet is activated first (select() alone may not move there, F11). */
  select(sheetName: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Colours the given cells and returns their previous fill colours (null = no fill), so that
   * clearHighlights can put back exactly what was there. The previous colours are read in
   * chunks; the new ones are set per colour over many cells at once (RangeAreas).
   */
  highlight(sheetName: string, cells: Highlight[]): Promise<Record<string, string | null>> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const before: Record<string, string | null> = {};
      const perCell = PATH_BYTES + QUERY_BYTES;
      const n = Math.max(1, Math.floor(REQUEST_BUDGET_BYTES / perCell));
      for (let i = 0; i < cells.length; i += n) {
        const chunk = cells.slice(i, i + n).map((h) => {
          const range = sheet.getRange(h.cell);
          range.load("format/fill/color");
          return { h, range };
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const { h, range } of chunk) before[h.cell] = normaliseColor(range.format.fill.color);
      }
      const byColor = new Map<string, string[]>();
      for (const h of cells) byColor.set(h.color, [...(byColor.get(h.color) ?? []), h.cell]);
      await this.fillAreas(context, sheet, [...byColor], (fill, color) => (fill.color = color!));
      return before;
    });
  }

  clearHighlights(sheetName: string, before: Record<string, string | null>): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const byColor = new Map<string | null, string[]>();
      for (const [cell, color] of Object.entries(before))
        byColor.set(color, [...(byColor.get(color) ?? []), cell]);
      await this.fillAreas(context, sheet, [...byColor], (fill, color) => {
        // null is not a valid colour for a single property: clear() removes the fill
        if (color === null) fill.clear();
        else fill.color = color;
      });
    });
  }

  /** Applies `set` to the fill of each group of cells, as RangeAreas of short address lists. */
  private async fillAreas<C extends string | null>(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    groups: [C, string[]][],
    set: (fill: Excel.RangeFill, color: C) => void
  ): Promise<void> {
    let request = 0;
    for (const [color, cellList] of groups)
      for (const address of addressLists(cellList)) {
        const cost = 3 * PATH_BYTES + ACTION_BYTES + address.length;
        if (request && request + cost > REQUEST_BUDGET_BYTES) {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          request = 0;
        }
        set(sheet.getRanges(address).format.fill, color);
        request += cost;
      }
    await context.sync();
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
        added.push({ sheet: sheetName, range: rule.range, formula, fill: rule.fill });
      }
      await context.sync();
      return added;
    });
  }

  /**
   * Removes only the conditional formats Kinerja added; every other format stays. Excel refuses
   * to read `custom` over a collection that holds another type (office-js#2180), so the types are
   * read first, then the rule and fill of the Custom ones only, then the matches are deleted:
   * three syncs whatever the number of rows. A format is recognised by its rule formula relative
   * to its own range (and its fill), not by the stored address, so it is found after rows or
   * columns were inserted above or before it (office-js#5194).
   */
  removePredikatColours(sheetName: string, added: AddedFormat[]): Promise<{ removed: number }> {
    const mine = added.filter((a) => a.sheet === sheetName);
    if (!mine.length) return Promise.resolve({ removed: 0 });
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const { fetched, whole } = await fetchConditionalFormats(context, sheet, mine);
      const customs = loadCustomFormats(fetched);
      if (!customs.length) return { removed: 0 };
      try {
        await context.sync();
      } catch {
        throw new GatewayError(cfRefused);
      }
      const removed = deleteMatching(customs, mine, whole);
      await context.sync();
      return { removed };
    });
  }

  /** Writes the cells on a new sheet (never over an existing one). Returns its name. */
  writeSummarySheet(name: string, cells: SummaryCell[]): Promise<string> {
    return this.run(async (context) => {
      const { name: used } = await this.writeSheetCells(context, name, cells);
      await context.sync();
      return used;
    });
  }

  private async writeSheetCells(
    context: Excel.RequestContext,
    name: string,
    cells: SummaryCell[]
  ): Promise<{ sheet: Excel.Worksheet; name: string }> {
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
    if (!cells.length) return { sheet, name: free };
    // Block writes of the used rectangle (formulas where there are formulas), in row chunks.
    const rows = Math.max(...cells.map((c) => c.row)) + 1;
    const cols = Math.max(...cells.map((c) => c.col)) + 1;
    const block: CellValue[][] = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => "" as CellValue)
    );
    const formats: string[][] = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => "General")
    );
    for (const c of cells) {
      // Excel refuses formulas over 8,192 characters or 255 arguments (F12): the value instead.
      block[c.row][c.col] =
        c.formula && formulaFits(c.formula) ? c.formula : asConstant(c.value, c.numberFormat);
      if (c.numberFormat) formats[c.row][c.col] = c.numberFormat;
    }
    const anyFormat = cells.some((c) => c.numberFormat);
    let request = 0;
    let start = 0;
    const flushRows = (end: number) => {
      if (end <= start) return;
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const range = sheet.getRangeByIndexes(start, 0, end - start, cols);
      range.formulas = block.slice(start, end);
      // after the formulas: a formula typed into a General cell may take another format (F13)
      if (anyFormat) range.numberFormat = formats.slice(start, end);
      start = end;
    };
    for (let r = 0; r < rows; r++) {
      // per row: its JSON, and its share of office.js's row chunks
      const cost =
        jsonBytes(block[r]) +
        (anyFormat ? jsonBytes(formats[r]) : 0) +
        Math.ceil(((anyFormat ? 2 : 1) * cols * (3 * PATH_BYTES + ACTION_BYTES)) / BULK_CELLS);
      if (request && request + cost > REQUEST_BUDGET_BYTES) {
        flushRows(r);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        request = 0;
      }
      request += cost;
    }
    flushRows(rows);
    const bold = cells.filter((c) => c.bold).map((c) => c.cell);
    for (const address of addressLists(bold)) sheet.getRanges(address).format.font.bold = true;
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

const cfRefused =
  "Excel menolak membaca format bersyarat di sheet ini; tidak ada format yang dihapus. Hapus warna predikat lewat Beranda → Format Bersyarat → Kelola Aturan.";

function protectedError(): GatewayError {
  return new GatewayError(
    "Sheet ini diproteksi. Buka proteksi sheet (Tinjau → Buka Proteksi Sheet) lalu jalankan lagi; tidak ada sel yang diubah."
  );
}

/** Excel reports "#FFFFFF" for "no fill" on some hosts; treat it as none. */
function normaliseColor(c: string | null | undefined): string | null {
  if (!c || c.toUpperCase() === "#FFFFFF") return null;
  return c;
}

function contentOf(c: Cell): CellValue {
  return c.formula ?? c.value ?? "";
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

/**
 * The plan as this sheet allows it: cells of a spilled dynamic array (anchor included) are left
 * alone; inside an Excel Table a formula is written as its value, and a cell that holds a
 * formula there is left alone (writing a formula back on undo could fill the whole column).
 */
function adjustForHost(
  writes: PlannedWrite[],
  tables: { name: string; body: Rect }[],
  spills: Rect[],
  notes: string[]
): { writes: PlannedWrite[]; skipped: number } {
  if (!tables.length && !spills.length) return { writes, skipped: 0 };
  const out: PlannedWrite[] = [];
  let spilled = 0;
  let tableFormulas = 0;
  const asValues = new Map<string, number>();
  for (const w of writes) {
    if (spills.some((s) => inRect(w.row, w.col, s))) {
      spilled++;
      continue;
    }
    const t = tables.find((x) => inRect(w.row, w.col, x.body));
    if (!t) {
      out.push(w);
      continue;
    }
    if (w.previous.formula) {
      tableFormulas++;
      continue;
    }
    if (w.formula) {
      asValues.set(t.name, (asValues.get(t.name) ?? 0) + 1);
      const { formula: _drop, ...rest } = w;
      void _drop;
      out.push(rest);
    } else out.push(w);
  }
  for (const [name, n] of asValues)
    notes.push(
      `${n} sel di dalam Tabel Excel "${name}" ditulis sebagai nilai, bukan rumus: rumus di kolom tabel dapat menjadi kolom terhitung yang menimpa sel lain. Ubah tabel menjadi rentang biasa (Desain Tabel → Konversi ke Rentang) bila ingin rumus.`
    );
  if (tableFormulas)
    notes.push(
      `${tableFormulas} sel berumus di dalam Tabel Excel tidak diubah, agar Batalkan tidak mengisi ulang seluruh kolom tabel.`
    );
  if (spilled)
    notes.push(
      `${spilled} sel hasil rumus larik (spill) tidak ditimpa; menulisnya akan membuat rumus aslinya menjadi #SPILL!.`
    );
  return { writes: out, skipped: spilled + tableFormulas };
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

const MONTH_WORDS =
  /^(jan(uary|uari)?|feb(ruary|ruari)?|mar(ch)?|maret|apr(il)?|may|mei|june?|juni|july?|juli|aug(ust)?|agu(stus)?|ags|sep(t|tember)?|oct(ober)?|okt(ober)?|nov(ember)?|dec(ember)?|des(ember)?)\b/i;

/**
 * A constant for Range.values that Excel keeps as written. Excel parses a string as if typed
 * (F7): numbers ("1e5", "$100", "87%"), dates ("Jan 2024", "1 Mar", "1/2"), times, TRUE/FALSE,
 * error literals ("#N/A"), formulas ("=", "+", "-") and a leading apostrophe. Such text gets an
 * apostrophe in front, which Excel takes as "this is text" and does not keep. A Text-formatted
 * cell ("@") takes any string as it is.
 */
export function asConstant(v: CellValue, numberFormat?: string): CellValue {
  if (v === null) return "";
  if (typeof v !== "string" || v === "" || numberFormat === "@") return v;
  const t = v.trim();
  const risky =
    !/^\p{L}/u.test(v) || // digits, signs, currency, #, ', =, @, spaces first
    /^(true|false)$/i.test(t) ||
    (/\d/.test(t) && (MONTH_WORDS.test(t) || /^(rp|usd|idr)\b/i.test(t))) ||
    /^\p{L}+\s*\d+\s*(am|pm)$/iu.test(t);
  return risky ? `'${v}` : v;
}

/** Excel's limits on a formula: 8,192 characters, 255 arguments per function. */
export function formulaFits(formula: string): boolean {
  if (formula.length > 8192) return false;
  const commas: number[] = [];
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    if (inString) continue;
    if (ch === "(") commas.push(0);
    else if (ch === ")") commas.pop();
    else if (ch === "," && commas.length && ++commas[commas.length - 1] >= 255) return false;
  }
  return true;
}

/** Cells per column run: a run's read-back and writes stay well inside one chunk. */
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

/** Address lists of at most 255 characters for worksheet.getRanges (adjacent cells joined). */
export function addressLists(cells: string[], limit = 255): string[] {
  const parsed = cells
    .map((a) => {
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
      return m ? { c: columnIndex(m[1]), r: Number(m[2]) - 1 } : null;
    })
    .filter((x): x is { c: number; r: number } => x !== null)
    .sort((a, b) => a.c - b.c || a.r - b.r);
  const parts: string[] = [];
  for (let i = 0; i < parsed.length;) {
    let j = i;
    while (
      j + 1 < parsed.length &&
      parsed[j + 1].c === parsed[i].c &&
      parsed[j + 1].r === parsed[j].r + 1
    )
      j++;
    parts.push(a1Of({ r0: parsed[i].r, c0: parsed[i].c, r1: parsed[j].r, c1: parsed[i].c }));
    i = j + 1;
  }
  const out: string[] = [];
  let current = "";
  for (const p of parts) {
    if (current && current.length + 1 + p.length > limit) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${p}` : p;
  }
  if (current) out.push(current);
  return out;
}

/** Builds the Grid from a used-range read (placed at its real offset on the sheet). */
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
      // '=X text reads back from `formulas` as =X (office-js#6687): not a formula if equal to the value
      if (typeof f === "string" && f.startsWith("=") && f !== v) cell.formula = f;
      const fmt = formats[i]?.[j];
      if (fmt && fmt !== "General") cell.numberFormat = fmt;
      row.push(cell);
    });
    cells.push(row);
  });
  return { name, cells, merges: parseMerged(mergedAddress) };
}

/** "Sheet1!A1:C1, 'Tabel 3.1'!D2:D4" → merged areas. */
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

/** A block's formulas from the areas `getSpecialCells("Formulas")` returned, with their bytes. */
function formulasFromAreas(
  values: CellValue[][],
  areas: Excel.RangeAreas | null,
  row: number,
  col: number
): { formulas: (string | null)[][]; bytes: number } {
  const formulas: (string | null)[][] = values.map((line) => line.map(() => null));
  let bytes = 0;
  if (!areas || areas.isNullObject) return { formulas, bytes };
  for (const r of areas.areas.items) {
    const at = rectOf(r.address);
    const f = r.formulas as CellValue[][];
    bytes += jsonBytes(f) + r.address.length + 40;
    f.forEach((line, i) =>
      line.forEach((v, j) => {
        const target = formulas[at.r0 - row + i];
        if (target && typeof v === "string" && v.startsWith("=")) target[at.c0 - col + j] = v;
      })
    );
  }
  return { formulas, bytes };
}

/** A block's formulas from its own `formulas` (when getSpecialCells refused), with their bytes. */
function formulasFromBlock(
  values: CellValue[][],
  read: CellValue[][]
): { formulas: (string | null)[][]; bytes: number } {
  const formulas = read.map((line, i) =>
    line.map((v, j) =>
      // Text typed as '=X reads back as =X (office-js#6687): a formula only if it differs from
      // the value.
      typeof v === "string" && v.startsWith("=") && v !== values[i][j] ? v : null
    )
  );
  return { formulas, bytes: jsonBytes(read) };
}

/** The block's rows as cells at their real column offset (empty string is an empty cell). */
function cellsOf(
  values: CellValue[][],
  formulas: (string | null)[][],
  formats: string[][],
  col: number
): Cell[][] {
  return values.map((line, i) => {
    const out: Cell[] = [];
    for (let j = 0; j < col; j++) out.push({ value: null });
    line.forEach((v, j) => {
      const cell: Cell = { value: v === "" ? null : v };
      const f = formulas[i][j];
      if (f) cell.formula = f;
      const fmt = formats[i]?.[j];
      if (fmt && fmt !== "General") cell.numberFormat = fmt;
      out.push(cell);
    });
    return out;
  });
}

/** A run of target cells and the range that re-read them. */
interface TargetRead {
  range: Excel.Range;
  run: PlannedWrite[];
}

/** Target cells whose content is no longer what the plan read (apply) or wrote (restore). */
function changedCells(
  current: TargetRead[],
  writes: PlannedWrite[],
  direction: "apply" | "restore"
): string[] {
  const byCell = new Map<string, CellValue>();
  for (const { range, run } of current) {
    const now = range.formulas as CellValue[][];
    run.forEach((w, j) => byCell.set(w.cell, now[j][0]));
  }
  return writes
    .filter((w) => {
      const expected = direction === "apply" ? w.previous : { value: w.value, formula: w.formula };
      return !sameContent(byCell.get(w.cell) ?? null, expected);
    })
    .map((w) => w.cell);
}

/** A range whose conditional formats were loaded, with its top-left corner. */
interface FetchedFormats {
  range: Excel.Range;
  origin: { r: number; c: number };
}

/** A custom conditional format with its rule, fill and own range queued for loading. */
interface CustomFormat {
  cf: Excel.ConditionalFormat;
  origin: { r: number; c: number };
  at: Excel.Range;
}

/**
 * Every conditional format of the sheet (a format may have moved since it was added); when the
 * whole sheet's collection cannot be read (office-js#6827, #6835), those of the stored ranges.
 */
async function fetchConditionalFormats(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  mine: AddedFormat[]
): Promise<{ fetched: FetchedFormats[]; whole: boolean }> {
  const all = sheet.getRange();
  all.conditionalFormats.load("items/type");
  try {
    await context.sync();
    return { fetched: [{ range: all, origin: { r: 0, c: 0 } }], whole: true };
  } catch {
    const fetched = [...new Set(mine.map((a) => a.range))].map((address) => {
      const range = sheet.getRange(address);
      range.conditionalFormats.load("items/type");
      const at = rectOf(address);
      return { range, origin: { r: at.r0, c: at.c0 } };
    });
    try {
      await context.sync();
    } catch {
      throw new GatewayError(cfRefused);
    }
    return { fetched, whole: false };
  }
}

/** Queues the rule, fill and range of every custom format (only these can be ours). */
function loadCustomFormats(fetched: FetchedFormats[]): CustomFormat[] {
  const customs: CustomFormat[] = [];
  for (const { range, origin } of fetched)
    for (const cf of range.conditionalFormats.items) {
      if (cf.type !== "Custom") continue;
      cf.custom.rule.load("formula");
      cf.custom.format.fill.load("color");
      const at = cf.getRangeOrNullObject();
      at.load("address");
      customs.push({ cf, origin, at });
    }
  return customs;
}

/** Deletes the loaded formats that match a stored one (each stored format once); the count. */
function deleteMatching(customs: CustomFormat[], mine: AddedFormat[], whole: boolean): number {
  // What is wanted: one entry per stored format, by relative rule and fill.
  const wanted = mine.map((a) => {
    const at = rectOf(a.range);
    return {
      key: relativeKey(a.formula, at.r0, at.c0),
      fill: a.fill?.toUpperCase(),
      width: at.c1 - at.c0,
      done: false,
    };
  });
  const deleted = new Set<string>();
  let removed = 0;
  for (const { cf, origin, at } of customs) {
    if (at.isNullObject) continue;
    const own = rectOf(at.address);
    const formula = cf.custom.rule.formula;
    const fill = (cf.custom.format.fill.color ?? "").toUpperCase();
    // The formula comes back relative to the fetching range or to the format's own range.
    const keys = new Set([
      relativeKey(formula, origin.r, origin.c),
      relativeKey(formula, own.r0, own.c0),
    ]);
    const match = wanted.find(
      (w) =>
        !w.done && keys.has(w.key) && (!w.fill || w.fill === fill) && w.width === own.c1 - own.c0
    );
    // Fetched range by range, a format that spans two stored ranges comes back twice.
    const id = `${at.address}|${formula}`;
    if (!match || (!whole && deleted.has(id))) continue;
    match.done = true;
    deleted.add(id);
    cf.delete();
    removed++;
  }
  return removed;
}
