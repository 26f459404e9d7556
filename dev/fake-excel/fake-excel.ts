// An in-memory stand-in for the part of the Excel JavaScript API that the gateway uses. It is
// strict where Excel is strict: a property can be read only after load() and sync(), writes are
// queued until sync(), a request over 5 MB fails as on Excel on the web, and a protected sheet
// refuses writes. It counts round trips and request bytes so tests can hold the gateway to its
// performance promises. Used by jest, the browser test and the playground; no Office dependency.
import type { Cell, CellValue, MergedArea } from "../../src/model/grid";
import { columnIndex, columnLetters as letters } from "../../src/model/grid";
import { evaluateFormula } from "./formula";
import { shiftFormula } from "../../src/sheet/formula-refs";

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface FakeSheet {
  name: string;
  cells: Cell[][];
  merges: MergedArea[];
  protected?: boolean;
  /** A1 → fill colour set by the add-in (highlights). */
  fills?: Record<string, string>;
  /** A1 → bold font set by the add-in. */
  bold?: Record<string, boolean>;
  /** Conditional formats, in the order they were added (other tools' formats included). */
  conditionalFormats?: FakeConditionalFormat[];
  charts?: FakeChartData[];
}

export interface FakeConditionalFormat {
  /** A1 range without the sheet, e.g. "U9:U56". */
  range: string;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

export interface FakeChartData {
  type: string;
  /** Source range with the sheet, e.g. "'Grafik capaian'!A1:C5". */
  source: string;
  seriesBy: string;
  title: string | null;
  categoryTitle: string | null;
  valueTitle: string | null;
  /** Chart type per series index when changed (e.g. 1 → "Line"). */
  seriesTypes: Record<number, string>;
  legend: string | null;
  position: [string, string] | null;
}

export interface FakeBookData {
  sheets: FakeSheet[];
  active?: number;
}

/** Excel's WorksheetActivatedEventArgs, as much as the add-in reads. */
export type ActivationHandler = (args: { type: string; worksheetId: string }) => unknown;

export class FakeError extends Error {
  constructor(
    public code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

type Op =
  | { kind: "cfAdd"; sheet: FakeSheet; cf: FakeConditionalFormat }
  | { kind: "cfDelete"; sheet: FakeSheet; cf: FakeConditionalFormat }
  | { kind: "addSheet"; sheet: FakeSheet }
  | { kind: "chart"; sheet: FakeSheet; chart: FakeChartData }
  | { kind: "bold"; sheet: FakeSheet; rect: Rect }
  | { kind: "clear"; sheet: FakeSheet; rect: Rect }
  | {
      kind: "copy";
      sheet: FakeSheet;
      rect: Rect;
      from: { sheet: FakeSheet; rect: Rect };
      type: string;
    }
  | {
      kind: "set";
      sheet: FakeSheet;
      rect: Rect;
      prop: "values" | "formulas" | "numberFormat";
      data: unknown;
    }
  | { kind: "select"; sheet: FakeSheet; rect: Rect }
  | { kind: "fill"; sheet: FakeSheet; rect: Rect; color: string | null }
  | { kind: "suspendCalc" };

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(sheet: FakeSheet, r: Rect): string {
  const a = `${letters(r.c0)}${r.r0 + 1}`;
  const b = `${letters(r.c1)}${r.r1 + 1}`;
  return `${quoteSheet(sheet.name)}!${a === b ? a : `${a}:${b}`}`;
}

function parseRect(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(bare.trim());
  if (!m) throw new FakeError("InvalidArgument", `Alamat tidak sah: ${address}`);
  const col = columnIndex;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[3] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

function cellOf(sheet: FakeSheet, r: number, c: number): Cell {
  return sheet.cells[r]?.[c] ?? { value: null };
}

function ensureCell(sheet: FakeSheet, r: number, c: number): Cell {
  while (sheet.cells.length <= r) sheet.cells.push([]);
  const row = sheet.cells[r];
  while (row.length <= c) row.push({ value: null });
  return row[c];
}

/** The fake host: owns the workbook, counts round trips, and hands out Excel-like namespaces. */
export class FakeExcelHost {
  syncCount = 0;
  requestSizes: number[] = [];
  selection: string | null = null;
  calcSuspensions = 0;
  book: Required<FakeBookData>;

  constructor(data: FakeBookData) {
    this.book = { sheets: data.sheets, active: data.active ?? 0 };
  }

  get largestRequest(): number {
    return this.requestSizes.reduce((a, b) => Math.max(a, b), 0);
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requestSizes = [];
  }

  activeSheet(): FakeSheet {
    return this.book.sheets[this.book.active];
  }

  /** Handlers registered with worksheets.onActivated (after their request was synced). */
  activationHandlers: ActivationHandler[] = [];

  /** The user clicks a sheet tab: the sheet becomes active and onActivated handlers run. */
  activate(name: string): void {
    const i = this.book.sheets.findIndex((s) => s.name === name);
    if (i < 0 || i === this.book.active) return;
    this.book.active = i;
    this.selection = null;
    for (const h of this.activationHandlers)
      void Promise.resolve().then(() => h({ type: "WorksheetActivated", worksheetId: name }));
  }

  /** Recomputes formula cells (in row order; enough for the formulas Kinerja writes). */
  recalculate(sheet: FakeSheet): void {
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.formula) {
          const v = evaluateFormula(cell.formula, (rr, cc, name) => {
            const from =
              name === undefined
                ? sheet
                : this.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
            if (!from) return "#REF!";
            const x = cellOf(from, rr, cc);
            return x.value === undefined ? null : x.value;
          });
          sheet.cells[r][c] = { ...cell, value: v as CellValue };
        }
      })
    );
  }

  /** The `Excel` namespace the gateway sees (only run() is used). */
  excel(): { run: <T>(a: unknown, b?: unknown) => Promise<T> } {
    return {
      run: async <T>(a: unknown, b?: unknown): Promise<T> => {
        const fn = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
        const ctx = new FakeContext(this);
        const result = await fn(ctx);
        if (ctx.hasPending()) await ctx.sync(); // Excel.run flushes what is still queued
        return result;
      },
    };
  }
}

abstract class Proxy {
  protected loaded = new Set<string>();
  protected pendingLoad = new Set<string>();
  constructor(protected ctx: FakeContext) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : props
            ? Object.keys(props)
            : [];
    for (const p of list.map((s) => s.trim()).filter(Boolean)) this.pendingLoad.add(p);
    this.ctx.track(this);
    return this;
  }

  /** Called by sync(): what was asked for becomes readable, with the values of this moment. */
  resolve(): void {
    for (const p of this.pendingLoad) {
      this.snapshot(p);
      this.loaded.add(p);
    }
    this.pendingLoad.clear();
  }

  loadBytes(): number {
    return this.pendingLoad.size * 24;
  }

  protected abstract snapshot(prop: string): void;

  protected need(prop: string): void {
    if (!this.loaded.has(prop))
      throw new FakeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
  }
}

export class FakeRange extends Proxy {
  private snap: Record<string, unknown> = {};
  readonly format: { fill: FakeFill; font: { bold: boolean } };

  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly rect: Rect | null
  ) {
    super(ctx);
    const font = {} as { bold: boolean };
    Object.defineProperty(font, "bold", {
      get: () => {
        throw new FakeError("PropertyNotLoaded", "The fake does not read font.bold");
      },
      set: (v: boolean) => {
        if (v) ctx.queue({ kind: "bold", sheet, rect: this.mustRect() });
      },
    });
    this.format = { fill: new FakeFill(ctx, sheet, rect), font };
  }

  /** Conditional formats that intersect this range (Excel's Range.conditionalFormats). */
  get conditionalFormats(): FakeConditionalFormats {
    // One proxy per range, as in Excel, so what was loaded is what is read.
    this.cfProxy ??= new FakeConditionalFormats(this.ctx, this.sheet, this.mustRect());
    return this.cfProxy;
  }
  private cfProxy?: FakeConditionalFormats;

  clear(applyTo: string = "All"): void {
    if (applyTo !== "Contents")
      throw new FakeError(
        "InvalidArgument",
        `The fake supports clear("Contents") only, not ${applyTo}`
      );
    this.queue({ kind: "clear", sheet: this.sheet, rect: this.mustRect() });
  }

  get isNullObject(): boolean {
    return this.rect === null;
  }

  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",").map((p) => p.trim())
        : Array.isArray(props)
          ? props
          : [];
    // Navigation path, as in Excel: range.load("format/fill/color").
    if (list.includes("format/fill/color")) this.format.fill.load("color");
    const cf = list
      .filter((p) => p.startsWith("conditionalFormats/"))
      .map((p) => p.slice("conditionalFormats/".length));
    if (cf.length) this.conditionalFormats.load(cf);
    return super.load(
      list.filter((p) => p !== "format/fill/color" && !p.startsWith("conditionalFormats/"))
    );
  }

  private mustRect(): Rect {
    if (!this.rect) throw new FakeError("InvalidObjectPath", "The object is a null object");
    return this.rect;
  }

  // Writes to a protected sheet fail at sync time for the whole batch, as in Excel.
  private queue(op: Op): void {
    this.ctx.queue(op);
  }

  protected snapshot(prop: string): void {
    const r = this.rect;
    const grid = <T>(f: (c: Cell) => T): T[][] => {
      if (!r) return [];
      const out: T[][] = [];
      for (let i = r.r0; i <= r.r1; i++) {
        const line: T[] = [];
        for (let j = r.c0; j <= r.c1; j++) line.push(f(cellOf(this.sheet, i, j)));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case "values":
        this.snap.values = grid((c) => (c.value === null || c.value === undefined ? "" : c.value));
        break;
      case "formulas":
        this.snap.formulas = grid(
          (c) => c.formula ?? (c.value === null || c.value === undefined ? "" : c.value)
        );
        break;
      case "numberFormat":
        this.snap.numberFormat = grid((c) => c.numberFormat ?? "General");
        break;
      case "address":
        this.snap.address = r ? rectAddress(this.sheet, r) : "";
        break;
      case "rowIndex":
        this.snap.rowIndex = r?.r0 ?? 0;
        break;
      case "columnIndex":
        this.snap.columnIndex = r?.c0 ?? 0;
        break;
      case "rowCount":
        this.snap.rowCount = r ? r.r1 - r.r0 + 1 : 0;
        break;
      case "columnCount":
        this.snap.columnCount = r ? r.c1 - r.c0 + 1 : 0;
        break;
      default:
        throw new FakeError("InvalidArgument", `Unknown property ${prop}`);
    }
  }

  private read<T>(prop: string): T {
    this.need(prop);
    return this.snap[prop] as T;
  }

  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(v: CellValue[][]) {
    this.queue({ kind: "set", sheet: this.sheet, rect: this.mustRect(), prop: "values", data: v });
  }
  get formulas(): CellValue[][] {
    return this.read("formulas");
  }
  set formulas(v: CellValue[][]) {
    this.queue({
      kind: "set",
      sheet: this.sheet,
      rect: this.mustRect(),
      prop: "formulas",
      data: v,
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.queue({
      kind: "set",
      sheet: this.sheet,
      rect: this.mustRect(),
      prop: "numberFormat",
      data: v,
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  select(): void {
    this.queue({ kind: "select", sheet: this.sheet, rect: this.mustRect() });
  }

  untrack(): this {
    return this;
  }

  /** Excel's fill-down: copies the source's formulas (relative refs move) or values. */
  copyFrom(source: FakeRange | string, copyType: string = "All"): void {
    const src =
      typeof source === "string"
        ? new FakeWorksheet(this.ctx, this.sheet).getRange(source)
        : source;
    if (copyType !== "Formulas")
      throw new FakeError(
        "InvalidArgument",
        `The fake supports copyFrom with "Formulas" only, not ${copyType}`
      );
    this.queue({
      kind: "copy",
      sheet: this.sheet,
      rect: this.mustRect(),
      from: { sheet: src.sheet, rect: src.mustRectPublic() },
      type: copyType,
    });
  }

  mustRectPublic(): Rect {
    return this.mustRect();
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const r = this.rect;
    const inside = r
      ? this.sheet.merges.filter(
          (m) => m.top >= r.r0 && m.bottom <= r.r1 && m.left >= r.c0 && m.right <= r.c1
        )
      : [];
    return new FakeRangeAreas(this.ctx, this.sheet, inside);
  }
}

/** Fill of a single-cell or multi-cell range: colour readable after load (first cell). */
export class FakeFill extends Proxy {
  private snap: string | null = null;
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private rect: Rect | null
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): void {
    if (prop !== "color") throw new FakeError("InvalidArgument", `Unknown property ${prop}`);
    this.snap = this.rect
      ? (this.sheet.fills?.[`${letters(this.rect.c0)}${this.rect.r0 + 1}`] ?? null)
      : null;
  }
  get color(): string | null {
    this.need("color");
    return this.snap;
  }
  set color(c: string | null) {
    if (!this.rect) throw new FakeError("InvalidObjectPath", "The object is a null object");
    this.ctx.queue({ kind: "fill", sheet: this.sheet, rect: this.rect, color: c });
  }
  clear(): void {
    if (!this.rect) throw new FakeError("InvalidObjectPath", "The object is a null object");
    this.ctx.queue({ kind: "fill", sheet: this.sheet, rect: this.rect, color: null });
  }
}

const CF_TYPES = new Set([
  "Custom",
  "CellValue",
  "ContainsText",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
]);

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** One conditional format proxy; what is set before sync is sent with the add. */
export class FakeConditionalFormatItem {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  };
  constructor(
    private ctx: FakeContext,
    private sheet: FakeSheet,
    readonly data: FakeConditionalFormat,
    private readable: boolean
  ) {
    const self = this;
    const need = () => {
      if (!self.readable)
        throw new FakeError(
          "PropertyNotLoaded",
          "The property 'custom' is not available. Call load() and context.sync() first."
        );
    };
    this.custom = {
      rule: {
        get formula() {
          need();
          return data.formula ?? "";
        },
        set formula(f: string) {
          data.formula = f;
        },
      },
      format: {
        fill: {
          get color() {
            need();
            return data.fill ?? "";
          },
          set color(c: string) {
            data.fill = c;
          },
        },
        font: {
          get color() {
            need();
            return data.font ?? "";
          },
          set color(c: string) {
            data.font = c;
          },
        },
      },
    };
  }
  get type(): string {
    if (!this.readable)
      throw new FakeError(
        "PropertyNotLoaded",
        "The property 'type' is not available. Call load() and context.sync() first."
      );
    return this.data.type;
  }
  delete(): void {
    this.ctx.queue({ kind: "cfDelete", sheet: this.sheet, cf: this.data });
  }
}

export class FakeConditionalFormats extends Proxy {
  private snapItems: FakeConditionalFormatItem[] | null = null;
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private rect: Rect
  ) {
    super(ctx);
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",").map((p) => p.trim())
        : Array.isArray(props)
          ? props
          : [];
    for (const p of list)
      if (!/^items(\/(type|custom\/rule\/formula))?$/.test(p))
        throw new FakeError("InvalidArgument", `The fake cannot load ${p}`);
    return super.load(["items"]);
  }
  protected snapshot(): void {
    this.snapItems = (this.sheet.conditionalFormats ?? [])
      .filter((cf) => intersects(parseRect(cf.range), this.rect))
      .map((cf) => new FakeConditionalFormatItem(this.ctx, this.sheet, cf, true));
  }
  get items(): FakeConditionalFormatItem[] {
    this.need("items");
    return this.snapItems!;
  }
  add(type: string): FakeConditionalFormatItem {
    if (!CF_TYPES.has(type))
      throw new FakeError("InvalidArgument", `Unknown conditional format type ${type}`);
    const r = this.rect;
    const cf: FakeConditionalFormat = {
      range: `${letters(r.c0)}${r.r0 + 1}:${letters(r.c1)}${r.r1 + 1}`,
      type,
    };
    this.ctx.queue({ kind: "cfAdd", sheet: this.sheet, cf });
    return new FakeConditionalFormatItem(this.ctx, this.sheet, cf, false);
  }
}

const CHART_TYPES = new Set(["ColumnClustered", "Line", "BarClustered", "Pie"]);

export class FakeChart {
  readonly title = { text: "" };
  readonly axes = { categoryAxis: { title: { text: "" } }, valueAxis: { title: { text: "" } } };
  readonly legend = { position: "" };
  readonly series: { getItemAt: (i: number) => { chartType: string } };
  constructor(
    readonly data: FakeChartData,
    seriesCount: number
  ) {
    const d = data;
    const title = this.title;
    const axes = this.axes;
    const legend = this.legend;
    // Setters write through to the data sent with the chart's sync.
    Object.defineProperty(title, "text", {
      set: (t: string) => {
        d.title = t;
      },
      get: () => d.title ?? "",
    });
    Object.defineProperty(axes.categoryAxis.title, "text", {
      set: (t: string) => {
        d.categoryTitle = t;
      },
      get: () => d.categoryTitle ?? "",
    });
    Object.defineProperty(axes.valueAxis.title, "text", {
      set: (t: string) => {
        d.valueTitle = t;
      },
      get: () => d.valueTitle ?? "",
    });
    Object.defineProperty(legend, "position", {
      set: (t: string) => {
        d.legend = t;
      },
      get: () => d.legend ?? "",
    });
    this.series = {
      getItemAt: (i: number) => {
        if (i < 0 || i >= seriesCount)
          throw new FakeError("InvalidArgument", `No series ${i} (the chart has ${seriesCount})`);
        const o = {} as { chartType: string };
        Object.defineProperty(o, "chartType", {
          set: (t: string) => {
            d.seriesTypes[i] = t;
          },
          get: () => d.seriesTypes[i] ?? d.type,
        });
        return o;
      },
    };
  }
  setPosition(start: string, end: string): void {
    parseRect(start);
    parseRect(end);
    this.data.position = [start, end];
  }
}

export class FakeRangeAreas extends Proxy {
  private addr = "";
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private areas: MergedArea[]
  ) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return this.areas.length === 0;
  }
  protected snapshot(prop: string): void {
    if (prop !== "address") throw new FakeError("InvalidArgument", `Unknown property ${prop}`);
    this.addr = this.areas
      .map((m) => rectAddress(this.sheet, { r0: m.top, c0: m.left, r1: m.bottom, c1: m.right }))
      .join(",");
  }
  get address(): string {
    this.need("address");
    return this.addr;
  }
}

class FakeProtection extends Proxy {
  private value = false;
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet
  ) {
    super(ctx);
  }
  protected snapshot(): void {
    this.value = Boolean(this.sheet.protected);
  }
  get protected(): boolean {
    this.need("protected");
    return this.value;
  }
}

export class FakeWorksheet extends Proxy {
  private snapName = "";
  readonly protection: FakeProtection;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, sheet);
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",").map((p) => p.trim())
        : Array.isArray(props)
          ? props
          : [];
    // "protection/protected" loads the navigation property, as in Excel.
    if (list.includes("protection/protected")) this.protection.load("protected");
    return super.load(list.filter((p) => p !== "protection/protected"));
  }

  protected snapshot(prop: string): void {
    if (prop !== "name") throw new FakeError("InvalidArgument", `Unknown property ${prop}`);
    this.snapName = this.sheet.name;
  }
  get name(): string {
    this.need("name");
    return this.snapName;
  }
  getRange(address?: string): FakeRange {
    // No address: the whole sheet, as in Excel.
    if (address === undefined)
      return new FakeRange(this.ctx, this.sheet, { r0: 0, c0: 0, r1: 1048575, c1: 16383 });
    return new FakeRange(this.ctx, this.sheet, parseRect(address));
  }
  get charts(): { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChart } {
    return {
      add: (type, source, seriesBy = "Auto") => {
        if (!CHART_TYPES.has(type))
          throw new FakeError("InvalidArgument", `Unknown chart type ${type}`);
        const rect = source.mustRectPublic();
        const data: FakeChartData = {
          type,
          source: rectAddress(source.sheet, rect),
          seriesBy,
          title: null,
          categoryTitle: null,
          valueTitle: null,
          seriesTypes: {},
          legend: null,
          position: null,
        };
        this.ctx.queue({ kind: "chart", sheet: this.sheet, chart: data });
        // Series by columns: the first column holds the categories, the others one series each.
        return new FakeChart(data, seriesBy === "Columns" ? rect.c1 - rect.c0 : rect.r1 - rect.r0);
      },
    };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, {
      r0: row,
      c0: col,
      r1: row + rows - 1,
      c1: col + cols - 1,
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let rect: Rect | null = null;
    this.sheet.cells.forEach((row, r) =>
      row.forEach((c, col) => {
        const used =
          (c.value !== null && c.value !== undefined && c.value !== "") ||
          !!c.formula ||
          (!valuesOnly && !!c.numberFormat && c.numberFormat !== "General");
        if (!used) return;
        rect = rect
          ? {
              r0: Math.min(rect.r0, r),
              c0: Math.min(rect.c0, col),
              r1: Math.max(rect.r1, r),
              c1: Math.max(rect.c1, col),
            }
          : { r0: r, c0: col, r1: r, c1: col };
      })
    );
    return new FakeRange(this.ctx, this.sheet, rect);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  afterSync: Array<() => void> = [];
  private tracked = new Set<Proxy>();
  readonly workbook: {
    worksheets: {
      getActiveWorksheet: () => FakeWorksheet;
      getItem: (name: string) => FakeWorksheet;
      getItemOrNullObject: (name: string) => FakeWorksheet & { isNullObject: boolean };
      add: (name: string) => FakeWorksheet;
      onActivated: { add: (handler: ActivationHandler) => { remove: () => void } };
    };
    application: { suspendApiCalculationUntilNextSync: () => void };
  };

  constructor(readonly host: FakeExcelHost) {
    this.workbook = {
      worksheets: {
        getActiveWorksheet: () => new FakeWorksheet(this, host.activeSheet()),
        getItem: (name: string) => {
          const s = host.book.sheets.find((x) => x.name === name);
          if (!s) throw new FakeError("ItemNotFound", `Sheet ${name} tidak ada`);
          return new FakeWorksheet(this, s);
        },
        getItemOrNullObject: (name: string) => {
          const s = host.book.sheets.find((x) => x.name === name);
          const w = new FakeWorksheet(
            this,
            s ?? { name, cells: [], merges: [] }
          ) as FakeWorksheet & { isNullObject: boolean };
          // isNullObject is known only after a sync, as in Excel.
          let synced = false;
          this.afterSync.push(() => (synced = true));
          Object.defineProperty(w, "isNullObject", {
            get: () => {
              if (!synced)
                throw new FakeError(
                  "PropertyNotLoaded",
                  "isNullObject is available after context.sync()"
                );
              return !s;
            },
          });
          return w;
        },
        add: (name: string) => {
          if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
            throw new FakeError("InvalidArgument", `Nama sheet tidak sah: ${name}`);
          const sheet: FakeSheet = { name, cells: [], merges: [] };
          this.queue({ kind: "addSheet", sheet });
          return new FakeWorksheet(this, sheet);
        },
        // as in Excel, the handler is registered when the request reaches the host (sync)
        onActivated: {
          add: (handler: ActivationHandler) => {
            this.afterSync.push(() => host.activationHandlers.push(handler));
            return {
              remove: () => {
                host.activationHandlers = host.activationHandlers.filter((h) => h !== handler);
              },
            };
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => this.queue({ kind: "suspendCalc" }),
      },
    };
  }

  track(p: Proxy): void {
    this.tracked.add(p);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  hasPending(): boolean {
    return this.ops.length > 0 || [...this.tracked].some((p) => p.loadBytes() > 0);
  }

  async sync(): Promise<void> {
    const host = this.host;
    host.syncCount++;
    const bytes =
      this.ops.reduce(
        (n, op) => n + (op.kind === "set" ? JSON.stringify(op.data).length + 64 : 96),
        0
      ) + [...this.tracked].reduce((n, p) => n + p.loadBytes(), 0);
    host.requestSizes.push(bytes);
    const ops = this.ops;
    this.ops = [];
    if (bytes > REQUEST_LIMIT_BYTES)
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    if (
      ops.some(
        (op) =>
          (op.kind === "set" ||
            op.kind === "fill" ||
            op.kind === "cfAdd" ||
            op.kind === "cfDelete" ||
            op.kind === "chart" ||
            op.kind === "bold" ||
            op.kind === "clear") &&
          op.sheet.protected
      )
    )
      throw new FakeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet."
      );
    const touched = new Set<FakeSheet>();
    for (const op of ops) {
      if (op.kind === "suspendCalc") host.calcSuspensions++;
      else if (op.kind === "addSheet") {
        if (host.book.sheets.some((x) => x.name.toLowerCase() === op.sheet.name.toLowerCase()))
          throw new FakeError("ItemAlreadyExists", `Sheet ${op.sheet.name} sudah ada`);
        host.book.sheets.push(op.sheet);
      } else if (op.kind === "cfAdd") {
        if (op.cf.type === "Custom" && !op.cf.formula?.startsWith("="))
          throw new FakeError("InvalidArgument", "A custom conditional format needs a formula");
        (op.sheet.conditionalFormats ??= []).push(op.cf);
      } else if (op.kind === "cfDelete")
        op.sheet.conditionalFormats = (op.sheet.conditionalFormats ?? []).filter(
          (cf) => cf !== op.cf
        );
      else if (op.kind === "chart") (op.sheet.charts ??= []).push(op.chart);
      else if (op.kind === "bold") {
        op.sheet.bold = op.sheet.bold ?? {};
        for (let r = op.rect.r0; r <= op.rect.r1; r++)
          for (let c = op.rect.c0; c <= op.rect.c1; c++)
            op.sheet.bold[`${letters(c)}${r + 1}`] = true;
      } else if (op.kind === "clear") {
        op.sheet.cells.forEach((row, r) => {
          if (r < op.rect.r0 || r > op.rect.r1) return;
          row.forEach((cell, c) => {
            if (c >= op.rect.c0 && c <= op.rect.c1)
              row[c] = cell.numberFormat
                ? { value: null, numberFormat: cell.numberFormat }
                : { value: null };
          });
        });
        touched.add(op.sheet);
      } else if (op.kind === "select") host.selection = rectAddress(op.sheet, op.rect);
      else if (op.kind === "fill") {
        op.sheet.fills = op.sheet.fills ?? {};
        for (let r = op.rect.r0; r <= op.rect.r1; r++)
          for (let c = op.rect.c0; c <= op.rect.c1; c++) {
            const key = `${letters(c)}${r + 1}`;
            if (op.color === null) delete op.sheet.fills[key];
            else op.sheet.fills[key] = op.color;
          }
      } else if (op.kind === "copy") {
        applyCopy(op.sheet, op.rect, op.from.sheet, op.from.rect);
        touched.add(op.sheet);
      } else {
        applySet(op.sheet, op.rect, op.prop, op.data);
        touched.add(op.sheet);
      }
    }
    for (const s of touched) host.recalculate(s);
    // sheets whose formulas point at a changed sheet (a Ringkasan, a chart's data) follow it
    if (touched.size)
      for (const s of host.book.sheets)
        if (!touched.has(s) && s.cells.some((row) => row.some((c) => c?.formula?.includes("!"))))
          host.recalculate(s);
    for (const p of this.tracked) p.resolve();
    this.tracked.clear();
    for (const f of this.afterSync) f();
    this.afterSync = [];
  }
}

function applySet(
  sheet: FakeSheet,
  rect: Rect,
  prop: "values" | "formulas" | "numberFormat",
  data: unknown
): void {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (
    !Array.isArray(data) ||
    data.length !== rows ||
    data.some((line) => !Array.isArray(line) || line.length !== cols)
  )
    throw new FakeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`
    );
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const cell = ensureCell(sheet, rect.r0 + i, rect.c0 + j);
      const v = (data as unknown[][])[i][j] as CellValue;
      if (prop === "values" && typeof v === "string" && v.startsWith("'")) {
        // A leading apostrophe keeps text as text in Excel; it is not part of the value.
        delete cell.formula;
        cell.value = v.slice(1);
      } else if (prop === "numberFormat") {
        // "General" is Excel's default: the same as no format.
        if (v === "General") delete cell.numberFormat;
        else cell.numberFormat = String(v);
      } else if (prop === "formulas" && typeof v === "string" && v.startsWith("=")) {
        cell.formula = v;
      } else {
        // Strings written through values are not reparsed (anchors §4.2); "" clears the cell.
        delete cell.formula;
        cell.value = v === "" ? null : v;
      }
    }
}

function applyCopy(sheet: FakeSheet, rect: Rect, fromSheet: FakeSheet, from: Rect): void {
  const h = from.r1 - from.r0 + 1;
  const w = from.c1 - from.c0 + 1;
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) {
      // The source pattern repeats over the target, as in Excel.
      const sr = from.r0 + ((r - rect.r0) % h);
      const sc = from.c0 + ((c - rect.c0) % w);
      const src = cellOf(fromSheet, sr, sc);
      const cell = ensureCell(sheet, r, c);
      if (src.formula) cell.formula = shiftFormula(src.formula, r - sr, c - sc);
      else {
        delete cell.formula;
        cell.value = src.value ?? null;
      }
    }
}

/** A fake `Office` global: onReady, document settings (saved with the workbook), addin. */
export function fakeOffice(host: FakeExcelHost, settingsStore: Record<string, unknown> = {}) {
  return {
    HostType: { Excel: "Excel" },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      document: {
        settings: {
          get: (k: string) => settingsStore[k] ?? null,
          set: (k: string, v: unknown) => void (settingsStore[k] = v),
          remove: (k: string) => void delete settingsStore[k],
          saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }),
        },
      },
    },
    addin: { showAsTaskpane: async () => undefined },
    actions: { associate: () => undefined },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    _host: host,
  };
}
