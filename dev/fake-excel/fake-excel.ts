// An in-memory stand-in for the part of the Excel JavaScript API that the gateway uses. It is at
// least as strict as Excel on every point ../shared/research/office-review.md lists:
// - a property can be read only after load() and sync(); writes are queued until sync();
// - requests AND responses over 5,000,000 bytes fail, as on Excel on the web, counted the way
//   office.js serializes them (object paths, actions, JSON of arguments and of returned values);
// - loading `custom/*` on a conditional-format collection that holds a non-Custom format fails
//   (office-js#2180), and a rule formula is read relative to the fetching range (office-js#5194);
// - getMergedAreasOrNullObject fails over 512 areas and returns only areas whose top-left cell
//   is in the range (office-js#3611);
// - strings written through `values` or `formulas` are parsed as if typed (numbers, dates,
//   =/+/- formulas, error literals, TRUE/FALSE; a leading ' is a prefix, not content), `formulas`
//   of apostrophe text comes back without the apostrophe (office-js#6687), null leaves a cell;
// - Excel Tables: a formula written into a table column fills the whole column (calculated
//   column, office-js#5909, #2093); dynamic arrays spill and a cell in the way gives #SPILL!;
// - formulas over 8,192 characters or with more than 255 arguments are refused; a formula
//   typed into a General cell takes the number format of the first cell it refers to;
// - select() does not move to a sheet that is not active (office-js#5118); a protected sheet
//   refuses writes; calculation suspension counts only for writes queued after it.
// It counts round trips and sizes so tests can hold the gateway to its promises. Used by jest,
// the browser test and the playground; no Office or Node dependency.
import type { Cell, CellValue, MergedArea } from "../../src/model/grid";
import { columnIndex, columnLetters as letters } from "../../src/model/grid";
import { evaluateFormula } from "./formula";
import { shiftFormula } from "../../src/sheet/formula-refs";
import { formulaLimitError, parseInput } from "./input";

/** Excel on the web refuses requests and responses over 5 MB (5,000,000 bytes, to be safe). */
export const REQUEST_LIMIT_BYTES = 5_000_000;
export const RESPONSE_LIMIT_BYTES = 5_000_000;
/** getMergedAreasOrNullObject "will fail to return the result" over 512 areas. */
export const MERGED_AREAS_LIMIT = 512;
/** Addresses passed to worksheet.getRanges are kept under 255 characters. */
export const RANGES_ADDRESS_LIMIT = 255;

// What office.js puts on the wire, per item (measured on office.js 1.1.110, rounded up): an object
// path with its Instantiate action, an action, a Query; each answered by a result entry. The
// test/excel/wire.test.ts calibration holds these at or above the real serialization.
const REQ_BASE = 200;
const REQ_PER_OBJECT = 320;
const REQ_PER_ACTION = 160;
const REQ_PER_LOAD = 120;
const RES_BASE = 64;
const RES_PER_OBJECT = 120;
const RES_PER_LOAD = 48;
/** office.js sends 2-D arrays of more than 1,500 cells as row chunks, 3 object paths each. */
const BULK_CELLS = 1500;

function setCost(v: unknown): number {
  let n = REQ_PER_ACTION + jsonBytes(v);
  const cells = Array.isArray(v) && Array.isArray(v[0]) ? v.length * v[0].length : 0;
  if (cells > BULK_CELLS)
    n += REQ_PER_ACTION + Math.ceil(cells / BULK_CELLS) * (3 * REQ_PER_OBJECT + REQ_PER_ACTION);
  return n;
}

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
  /** Excel Tables (ListObjects). */
  tables?: FakeTable[];
  /** Dynamic-array formulas: the anchor's formula spills `values` unless a cell is in the way. */
  spills?: FakeSpill[];
  /** A1 → true: constants holding an error value (not the text "#N/A"). */
  errorValues?: Record<string, true>;
}

export interface FakeConditionalFormat {
  /** A1 range without the sheet, e.g. "U9:U56". */
  range: string;
  type: string;
  /** Custom formula, relative to the top-left cell of `range`. */
  formula?: string;
  fill?: string;
  font?: string;
}

export interface FakeTable {
  name: string;
  /** The whole table with its header row (and totals row, if any), e.g. "A7:Z60". */
  range: string;
  showHeaders?: boolean;
  showTotals?: boolean;
}

export interface FakeSpill {
  /** Anchor cell, e.g. "U8"; its formula must equal `formula` for the array to spill. */
  anchor: string;
  formula: string;
  values: CellValue[][];
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

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

type Op =
  | { kind: "cfAdd"; sheet: FakeSheet; cf: FakeConditionalFormat }
  | { kind: "cfDelete"; sheet: FakeSheet; cf: FakeConditionalFormat }
  | { kind: "addSheet"; sheet: FakeSheet }
  | { kind: "chart"; sheet: FakeSheet; chart: FakeChartData }
  | { kind: "bold"; sheet: FakeSheet; rects: Rect[] }
  | { kind: "clear"; sheet: FakeSheet; rect: Rect }
  | { kind: "copy"; sheet: FakeSheet; rect: Rect; from: { sheet: FakeSheet; rect: Rect } }
  | {
      kind: "set";
      sheet: FakeSheet;
      rect: Rect;
      prop: "values" | "formulas" | "numberFormat";
      data: unknown;
    }
  | { kind: "select"; sheet: FakeSheet; rect: Rect }
  | { kind: "activate"; sheet: FakeSheet }
  | { kind: "fill"; sheet: FakeSheet; rects: Rect[]; color: string | null }
  | { kind: "suspendCalc" }
  | { kind: "noop" };

const WRITE_KINDS = new Set(["set", "copy", "clear"]);
const PROTECTED_KINDS = new Set([
  "set",
  "fill",
  "cfAdd",
  "cfDelete",
  "chart",
  "bold",
  "clear",
  "copy",
]);

// ── A1 helpers ───────────────────────────────────────────────────────────────────────────────

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function bareAddress(r: Rect): string {
  const a = `${letters(r.c0)}${r.r0 + 1}`;
  const b = `${letters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function rectAddress(sheet: FakeSheet, r: Rect): string {
  return `${quoteSheet(sheet.name)}!${bareAddress(r)}`;
}

function parseRect(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(bare.trim());
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = columnIndex(m[1]);
    const r1 = m[3] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? columnIndex(m[3]) : c0;
    return {
      r0: Math.min(r0, r1),
      c0: Math.min(c0, c1),
      r1: Math.max(r0, r1),
      c1: Math.max(c0, c1),
    };
  }
  const col = /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(bare.trim());
  if (col) {
    const a = columnIndex(col[1]);
    const b = columnIndex(col[2]);
    return { r0: 0, c0: Math.min(a, b), r1: 1048575, c1: Math.max(a, b) };
  }
  throw new FakeError("InvalidArgument", `Alamat tidak sah: ${address}`);
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function inside(r: number, c: number, x: Rect): boolean {
  return r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1;
}

function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

const EMPTY: Cell = Object.freeze({ value: null }) as Cell;

function stored(sheet: FakeSheet, r: number, c: number): Cell {
  return sheet.cells[r]?.[c] ?? EMPTY;
}

function isBlank(c: Cell): boolean {
  return (c.value === null || c.value === undefined || c.value === "") && !c.formula;
}

function ensureCell(sheet: FakeSheet, r: number, c: number): Cell {
  while (sheet.cells.length <= r) sheet.cells.push([]);
  const row = sheet.cells[r];
  while (row.length <= c) row.push({ value: null });
  return row[c];
}

const key = (r: number, c: number) => r * 16384 + c;

/** UTF-8 byte length (what goes over the wire). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) n += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

const pascal = (p: string) => p.charAt(0).toUpperCase() + p.slice(1);

// ── Spills: what a cell shows, given the dynamic arrays on the sheet ─────────────────────────

interface SpillView {
  /** Children of active spills: cell key → spilled value. */
  children: Map<number, CellValue>;
  /** Anchor key → its spill and whether it spills now. */
  anchors: Map<number, { spill: FakeSpill; rect: Rect; active: boolean }>;
}

const NO_SPILLS: SpillView = { children: new Map(), anchors: new Map() };

function spillView(sheet: FakeSheet): SpillView {
  if (!sheet.spills?.length) return NO_SPILLS;
  const view: SpillView = { children: new Map(), anchors: new Map() };
  for (const spill of sheet.spills) {
    const a = parseRect(spill.anchor);
    const rect = {
      r0: a.r0,
      c0: a.c0,
      r1: a.r0 + spill.values.length - 1,
      c1: a.c0 + (spill.values[0]?.length ?? 1) - 1,
    };
    let active = stored(sheet, a.r0, a.c0).formula === spill.formula;
    for (let r = rect.r0; active && r <= rect.r1; r++)
      for (let c = rect.c0; active && c <= rect.c1; c++)
        if ((r !== a.r0 || c !== a.c0) && !isBlank(stored(sheet, r, c))) active = false;
    view.anchors.set(key(a.r0, a.c0), { spill, rect, active });
    if (active)
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++)
          if (r !== a.r0 || c !== a.c0)
            view.children.set(key(r, c), spill.values[r - a.r0][c - a.c0]);
  }
  return view;
}

/** The cell as Excel shows it (spilled values included). */
function shown(sheet: FakeSheet, view: SpillView, r: number, c: number): Cell {
  if (view !== NO_SPILLS) {
    const k = key(r, c);
    if (view.children.has(k)) return { value: view.children.get(k) ?? null };
    const anchor = view.anchors.get(k);
    if (anchor) {
      const cell = stored(sheet, r, c);
      if (cell.formula === anchor.spill.formula)
        return { ...cell, value: anchor.active ? anchor.spill.values[0][0] : "#SPILL!" };
    }
  }
  return stored(sheet, r, c);
}

function tableRects(t: FakeTable): { whole: Rect; body: Rect | null } {
  const whole = parseRect(t.range);
  const r0 = whole.r0 + (t.showHeaders === false ? 0 : 1);
  const r1 = whole.r1 - (t.showTotals ? 1 : 0);
  return { whole, body: r0 <= r1 ? { r0, c0: whole.c0, r1, c1: whole.c1 } : null };
}

// ── The host ─────────────────────────────────────────────────────────────────────────────────

/** The fake host: owns the workbook, counts round trips, and hands out Excel-like namespaces. */
export class FakeExcelHost {
  syncCount = 0;
  /** Excel.run calls. */
  runCount = 0;
  requestSizes: number[] = [];
  responseSizes: number[] = [];
  selection: string | null = null;
  calcSuspensions = 0;
  /** Writes (values, formulas, copies) that reached Excel without calculation suspended first. */
  unsuspendedWrites = 0;
  private data: Required<FakeBookData>;
  /** Sheets whose formula values are stale (recalculated when read: Excel does it at once). */
  private dirty = new Set<FakeSheet>();

  constructor(data: FakeBookData) {
    this.data = { sheets: data.sheets, active: data.active ?? 0 };
  }

  /** The workbook, with every formula value up to date. */
  get book(): Required<FakeBookData> {
    this.calculate();
    return this.data;
  }

  /** The workbook as stored (no recalculation): for the fake's own use. */
  get raw(): Required<FakeBookData> {
    return this.data;
  }

  /** Marks sheets changed by a batch: they and the sheets that refer to other sheets. */
  changed(sheets: Set<FakeSheet>): void {
    if (!sheets.size) return;
    for (const s of sheets) this.dirty.add(s);
    for (const s of this.data.sheets)
      if (!this.dirty.has(s) && s.cells.some((row) => row.some((c) => c?.formula?.includes("!"))))
        this.dirty.add(s);
  }

  /** Recalculates what is stale (changed sheets first, then the sheets that refer to them). */
  calculate(sheet?: FakeSheet): void {
    if (!this.dirty.size || (sheet && !this.dirty.has(sheet))) return;
    const order = [...this.dirty].sort(
      (a, b) => Number(this.refersOut(a)) - Number(this.refersOut(b))
    );
    this.dirty.clear();
    for (const s of order) this.recalculate(s);
  }

  private refersOut(s: FakeSheet): boolean {
    return s.cells.some((row) => row.some((c) => c?.formula?.includes("!")));
  }

  get largestRequest(): number {
    return this.requestSizes.reduce((a, b) => Math.max(a, b), 0);
  }

  get largestResponse(): number {
    return this.responseSizes.reduce((a, b) => Math.max(a, b), 0);
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.runCount = 0;
    this.requestSizes = [];
    this.responseSizes = [];
    this.unsuspendedWrites = 0;
  }

  activeSheet(): FakeSheet {
    this.calculate();
    return this.data.sheets[this.data.active];
  }

  sheet(name: string): FakeSheet {
    const s = this.data.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** What a cell shows (a spilled value included), for tests. */
  shown(sheetName: string, a1: string): Cell {
    const sheet = this.sheet(sheetName);
    this.calculate();
    const r = parseRect(a1);
    return shown(sheet, spillView(sheet), r.r0, r.c0);
  }

  /** Excel's Range.valueTypes for one cell: "Error" for an error value, not for the text. */
  valueType(sheetName: string, a1: string): "Empty" | "String" | "Double" | "Boolean" | "Error" {
    const sheet = this.sheet(sheetName);
    const r = parseRect(a1);
    const c = shown(sheet, spillView(sheet), r.r0, r.c0);
    if (!c.formula && sheet.errorValues?.[bareAddress(r)]) return "Error";
    const v = c.value;
    if (v === null || v === undefined || v === "") return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    if (c.formula && /^#[A-Z/0!?_]+[!?A]?$/.test(v)) return "Error";
    return "String";
  }

  /** Handlers registered with worksheets.onActivated (after their request was synced). */
  activationHandlers: ActivationHandler[] = [];

  /** The user clicks a sheet tab: the sheet becomes active and onActivated handlers run. */
  activate(name: string): void {
    const i = this.data.sheets.findIndex((s) => s.name === name);
    if (i < 0 || i === this.data.active) return;
    this.data.active = i;
    this.selection = null;
    for (const h of this.activationHandlers)
      void Promise.resolve().then(() => h({ type: "WorksheetActivated", worksheetId: name }));
  }

  /** Recomputes formula cells (in row order; enough for the formulas Kinerja writes). */
  recalculate(sheet: FakeSheet): void {
    const views = new Map<FakeSheet, SpillView>();
    const viewOf = (s: FakeSheet) => {
      let v = views.get(s);
      if (!v) views.set(s, (v = spillView(s)));
      return v;
    };
    const own = viewOf(sheet);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        const anchor = own.anchors.get(key(r, c));
        if (anchor && anchor.spill.formula === cell.formula) {
          sheet.cells[r][c] = {
            ...cell,
            value: anchor.active ? anchor.spill.values[0][0] : "#SPILL!",
          };
          return;
        }
        const v = evaluateFormula(cell.formula, (rr, cc, name) => {
          const from =
            name === undefined
              ? sheet
              : this.data.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
          if (!from) return "#REF!";
          const x = shown(from, viewOf(from), rr, cc);
          return x.value === undefined ? null : x.value;
        });
        sheet.cells[r][c] = { ...cell, value: v as CellValue };
      })
    );
  }

  /** The `Excel` namespace the gateway sees (only run() is used). */
  excel(): { run: <T>(a: unknown, b?: unknown) => Promise<T> } {
    return {
      run: async <T>(a: unknown, b?: unknown): Promise<T> => {
        const fn = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
        this.runCount++;
        const ctx = new FakeContext(this);
        try {
          const result = await fn(ctx);
          if (ctx.hasPending()) await ctx.sync(); // Excel.run flushes what is still queued
          return result;
        } finally {
          this.calculate(); // formula values are current when the operation is over
        }
      },
    };
  }
}

// ── Proxies ──────────────────────────────────────────────────────────────────────────────────

function propList(props?: string | string[] | { select?: string | string[] }): string[] {
  const raw =
    typeof props === "string"
      ? props.split(",")
      : Array.isArray(props)
        ? props
        : props && typeof props === "object" && props.select
          ? typeof props.select === "string"
            ? props.select.split(",")
            : props.select
          : [];
  return raw.map((s) => s.trim()).filter(Boolean);
}

abstract class Proxy {
  /** The object this one was reached from (its object path's parent on the wire). */
  parent: Proxy | null = null;
  /** Extra bytes of this object's path arguments (an address, say). */
  pathBytes = 0;
  /** Objects passed as arguments of this object's path (they go on the wire with it). */
  argObjects = 0;
  protected loaded = new Set<string>();
  protected pendingLoad = new Set<string>();
  protected snap: Record<string, unknown> = {};
  constructor(readonly ctx: FakeContext) {}

  get isNullObject(): boolean {
    return false;
  }

  /** `child`'s path takes `n` objects as arguments. */
  withArgs<T extends Proxy>(n: number, child: T): T {
    child.argObjects = n;
    return child;
  }

  /** Marks `child` as reached from this object. */
  own<T extends Proxy>(child: T): T {
    child.parent = this;
    return child;
  }

  /** Scalar properties this object can load. */
  protected abstract readonly scalars: ReadonlySet<string>;

  /** Navigation properties (sub-objects) by name. */
  protected child(name: string): Proxy | null {
    void name;
    return null;
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    // One Query on this object, whatever navigation paths it names.
    this.ctx.touch(this);
    for (const p of propList(props)) this.loadPath(p);
    return this;
  }

  /** Loads as part of another object's Query (a collection's items). */
  loadWith(props: string[]): void {
    for (const p of props) this.loadPath(p);
  }

  protected loadPath(p: string): void {
    const slash = p.indexOf("/");
    if (slash > 0) {
      const c = this.child(p.slice(0, slash));
      if (!c) throw new FakeError("InvalidArgument", `Cannot load ${p}`);
      c.loadPath(p.slice(slash + 1));
      return;
    }
    if (!this.scalars.has(p)) {
      const c = this.child(p);
      if (c) {
        c.loadAll();
        return;
      }
      throw new FakeError("InvalidArgument", `Unknown property ${p}`);
    }
    this.pendingLoad.add(p);
    this.ctx.track(this);
  }

  /** load() with no properties on a navigation property: its scalar properties. */
  protected loadAll(): void {
    for (const p of this.scalars) this.loadPath(p);
  }

  pendingCount(): number {
    return this.pendingLoad.size;
  }

  loadCost(): number {
    let n = REQ_PER_LOAD;
    for (const p of this.pendingLoad) n += p.length + 3;
    return n;
  }

  /** Called by sync(): what was asked for becomes readable, with the values of this moment. */
  resolve(): number {
    const props = [...this.pendingLoad];
    this.pendingLoad.clear();
    if (this.isNullObject) {
      for (const p of props) this.loaded.add(p);
      return RES_PER_LOAD;
    }
    for (const p of props) this.snapshot(p);
    for (const p of props) this.loaded.add(p);
    return RES_PER_LOAD + jsonBytes(this.bag(props));
  }

  /** A response that never arrived: what was loaded in this batch is not readable. */
  unresolve(props: string[]): void {
    for (const p of props) this.loaded.delete(p);
  }

  pendingProps(): string[] {
    return [...this.pendingLoad];
  }

  /** Resolves now, outside the context's list (items resolve with their collection). */
  resolveNow(): number {
    this.ctx.untrack(this);
    return this.resolve();
  }

  discard(): void {
    this.pendingLoad.clear();
  }

  protected abstract snapshot(prop: string): void;

  /** The PascalCase value bag of these loaded scalar properties (the response's shape). */
  protected bag(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) out[pascal(p)] = this.snap[p] ?? null;
    return out;
  }

  /** The response value for a Query with this Select (office.js's shape), for the wire bridge. */
  wire(select: string[]): unknown {
    if (this.isNullObject) return null;
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const p of select) {
      const slash = p.indexOf("/");
      if (slash > 0) {
        const head = p.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), p.slice(slash + 1)]);
      } else if (this.scalars.has(p)) out[pascal(p)] = this.snap[p] ?? null;
      else nested.set(p, [...(nested.get(p) ?? [])]);
    }
    for (const [head, rest] of nested) out[pascal(head)] = this.child(head)?.wire(rest) ?? null;
    return out;
  }

  protected need(prop: string): void {
    if (!this.loaded.has(prop))
      throw new FakeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
  }

  protected read<T>(prop: string): T {
    this.need(prop);
    return this.snap[prop] as T;
  }
}

/** A collection: `items/x` and `x` both load x on every item (office.js sends them as `x`). */
abstract class Collection<T extends Proxy> extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set(["items"]);
  private itemProps = new Set<string>();
  private snapItems: T[] | null = null;

  protected abstract build(): T[];

  protected loadPath(p: string): void {
    const rest = p === "items" ? "" : p.startsWith("items/") ? p.slice(6) : p;
    if (rest) this.itemProps.add(rest);
    this.pendingLoad.add("items");
    this.ctx.track(this);
  }

  protected loadAll(): void {
    this.loadPath("items");
  }

  protected checkItemProps(items: T[], props: string[]): void {
    void items;
    void props;
  }

  resolve(): number {
    this.pendingLoad.clear();
    const props = [...this.itemProps];
    this.itemProps.clear();
    const items = this.build();
    this.checkItemProps(items, props);
    let bytes = RES_PER_LOAD + 12;
    for (const item of items) {
      if (props.length) item.loadWith(props);
      bytes += item.resolveNow();
    }
    this.snapItems = items;
    this.loaded.add("items");
    return bytes;
  }

  protected snapshot(): void {}

  get items(): T[] {
    this.need("items");
    return this.snapItems!;
  }

  getItemAt(i: number): T {
    const item = this.items[i];
    if (!item) throw new FakeError("ItemNotFound", `No item ${i}`);
    return item;
  }

  wire(select: string[]): unknown {
    const props = select
      .map((p) => (p.startsWith("items/") ? p.slice(6) : p))
      .filter((p) => p !== "items");
    return { _Items: (this.snapItems ?? []).map((i) => i.wire(props)) };
  }
}

// ── Range ────────────────────────────────────────────────────────────────────────────────────

const RANGE_SCALARS = new Set([
  "values",
  "formulas",
  "numberFormat",
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "hasSpill",
  "valueTypes",
  "cellCount",
]);

export class FakeRange extends Proxy {
  protected readonly scalars = RANGE_SCALARS;
  readonly format: FakeRangeFormat;
  private cfProxy?: FakeConditionalFormats;

  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly rect: Rect | null
  ) {
    super(ctx);
    this.format = this.own(
      new FakeRangeFormat(ctx, sheet, rect ? [rect] : [], () => this.mustRect())
    );
  }

  get isNullObject(): boolean {
    return this.rect === null;
  }

  protected child(name: string): Proxy | null {
    if (name === "format") return this.format;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return null;
  }

  /** Conditional formats that intersect this range (Excel's Range.conditionalFormats). */
  get conditionalFormats(): FakeConditionalFormats {
    this.cfProxy ??= this.own(new FakeConditionalFormats(this.ctx, this.sheet, this.mustRect()));
    return this.cfProxy;
  }

  mustRect(): Rect {
    if (!this.rect) throw new FakeError("InvalidObjectPath", "The object is a null object");
    return this.rect;
  }

  /** kept for callers of the previous fake */
  mustRectPublic(): Rect {
    return this.mustRect();
  }

  private queue(op: Op, cost: number): void {
    this.ctx.queue(op, cost, this);
  }

  protected snapshot(prop: string): void {
    const r = this.rect;
    const sheet = this.sheet;
    const view = spillView(sheet);
    const grid = <T>(f: (c: Cell, row: number, col: number) => T): T[][] => {
      if (!r) return [];
      if (cellCount(r) > 5_000_000)
        throw new FakeError(
          "InvalidArgument",
          "A range is limited to five million cells for get operations."
        );
      const out: T[][] = [];
      for (let i = r.r0; i <= r.r1; i++) {
        const line: T[] = [];
        for (let j = r.c0; j <= r.c1; j++) line.push(f(shown(sheet, view, i, j), i, j));
        out.push(line);
      }
      return out;
    };
    const plain = (c: Cell) => (c.value === null || c.value === undefined ? "" : c.value);
    if (prop === "values" || prop === "valueTypes") this.ctx.host.calculate();
    switch (prop) {
      case "values":
        this.snap.values = grid(plain);
        break;
      case "formulas":
        // Text entered as '=X reads back as =X (office-js#6687): the apostrophe is not content.
        this.snap.formulas = grid((c) => c.formula ?? plain(c));
        break;
      case "numberFormat":
        this.snap.numberFormat = grid((c) => c.numberFormat ?? "General");
        break;
      case "valueTypes":
        this.snap.valueTypes = grid((c, i, j) => {
          if (!c.formula && sheet.errorValues?.[`${letters(j)}${i + 1}`]) return "Error";
          const v = c.value;
          if (v === null || v === undefined || v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return c.formula && /^#/.test(v) ? "Error" : "String";
        });
        break;
      case "address":
        this.snap.address = r ? rectAddress(sheet, r) : "";
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
      case "cellCount":
        this.snap.cellCount = r ? cellCount(r) : 0;
        break;
      case "hasSpill": {
        // true: every cell belongs to a spilled range; false: none does; null: some do.
        let any = false;
        let all = true;
        if (r)
          for (let i = r.r0; i <= r.r1; i++)
            for (let j = r.c0; j <= r.c1; j++) {
              const k = key(i, j);
              const part = view.children.has(k) || view.anchors.get(k)?.active === true;
              any ||= part;
              all &&= part;
            }
        this.snap.hasSpill = all ? true : any ? null : false;
        break;
      }
      default:
        throw new FakeError("InvalidArgument", `Unknown property ${prop}`);
    }
  }

  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(v: CellValue[][]) {
    this.queue(
      { kind: "set", sheet: this.sheet, rect: this.mustRect(), prop: "values", data: v },
      setCost(v)
    );
  }
  get formulas(): CellValue[][] {
    return this.read("formulas");
  }
  set formulas(v: CellValue[][]) {
    this.queue(
      { kind: "set", sheet: this.sheet, rect: this.mustRect(), prop: "formulas", data: v },
      setCost(v)
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.queue(
      { kind: "set", sheet: this.sheet, rect: this.mustRect(), prop: "numberFormat", data: v },
      setCost(v)
    );
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
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
  get cellCount(): number {
    return this.read("cellCount");
  }
  get hasSpill(): boolean | null {
    return this.read("hasSpill");
  }

  clear(applyTo: string = "All"): void {
    if (applyTo !== "Contents")
      throw new FakeError(
        "InvalidArgument",
        `The fake supports clear("Contents") only, not ${applyTo}`
      );
    this.queue({ kind: "clear", sheet: this.sheet, rect: this.mustRect() }, REQ_PER_ACTION);
  }

  select(): void {
    this.queue({ kind: "select", sheet: this.sheet, rect: this.mustRect() }, REQ_PER_ACTION);
  }

  untrack(): this {
    return this;
  }

  track(): this {
    return this;
  }

  /** office.js checks a big array's shape first, then sets it in row chunks. */
  _ValidateArraySize(rows: number, cols: number): void {
    const r = this.mustRect();
    if (rows !== r.r1 - r.r0 + 1 || cols !== r.c1 - r.c0 + 1)
      throw new FakeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`
      );
  }

  getRow(i: number): FakeRange {
    const r = this.mustRect();
    if (i < 0 || r.r0 + i > r.r1) throw new FakeError("InvalidArgument", `getRow(${i})`);
    return this.own(
      new FakeRange(this.ctx, this.sheet, { r0: r.r0 + i, c0: r.c0, r1: r.r0 + i, c1: r.c1 })
    );
  }

  getBoundingRect(other: FakeRange | string): FakeRange {
    const a = this.mustRect();
    const b = typeof other === "string" ? parseRect(other) : other.mustRect();
    const argObjects = typeof other === "string" ? 0 : 1;
    return this.withArgs(
      argObjects,
      this.own(
        new FakeRange(this.ctx, this.sheet, {
          r0: Math.min(a.r0, b.r0),
          c0: Math.min(a.c0, b.c0),
          r1: Math.max(a.r1, b.r1),
          c1: Math.max(a.c1, b.c1),
        })
      )
    );
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
    this.ctx.touch(src);
    this.queue(
      {
        kind: "copy",
        sheet: this.sheet,
        rect: this.mustRect(),
        from: { sheet: src.sheet, rect: src.mustRect() },
      },
      REQ_PER_ACTION + 40
    );
  }

  /** Merged areas whose top-left cell is in this range; over 512 the request fails. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const r = this.rect;
    const found = r
      ? this.sheet.merges
          .filter((m) => inside(m.top, m.left, r))
          .map((m) => ({ r0: m.top, c0: m.left, r1: m.bottom, c1: m.right }))
      : [];
    return this.own(
      new FakeRangeAreas(this.ctx, this.sheet, found, {
        nullable: true,
        limit: MERGED_AREAS_LIMIT,
      })
    );
  }

  /** Cells with formulas, as rectangles (vertical runs, joined across equal columns). */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string | null): FakeRangeAreas {
    if (cellType !== "Formulas" || (cellValueType !== undefined && cellValueType !== null))
      throw new FakeError("InvalidArgument", `The fake supports getSpecialCells("Formulas") only`);
    const r = this.mustRect();
    const view = spillView(this.sheet);
    const runs: Rect[] = [];
    const lastRow = Math.min(r.r1, this.sheet.cells.length - 1);
    for (let c = r.c0; c <= r.c1; c++) {
      let start = -1;
      for (let i = r.r0; i <= lastRow + 1; i++) {
        const f = i <= lastRow && !!shown(this.sheet, view, i, c).formula;
        if (f && start < 0) start = i;
        if (!f && start >= 0) {
          const prev = runs[runs.length - 1];
          if (prev && prev.r0 === start && prev.r1 === i - 1 && prev.c1 === c - 1) prev.c1 = c;
          else runs.push({ r0: start, c0: c, r1: i - 1, c1: c });
          start = -1;
        }
      }
    }
    return this.own(new FakeRangeAreas(this.ctx, this.sheet, runs, { nullable: true }));
  }

  private single(what: string): Rect {
    const r = this.mustRect();
    if (cellCount(r) !== 1)
      throw new FakeError("InvalidArgument", `${what} works on a single cell only`);
    return r;
  }

  /** The spill range when called on an active anchor cell. */
  getSpillingToRangeOrNullObject(): FakeRange {
    const r = this.single("getSpillingToRange");
    const a = spillView(this.sheet).anchors.get(key(r.r0, r.c0));
    return this.own(new FakeRange(this.ctx, this.sheet, a?.active ? a.rect : null));
  }

  /** The anchor of the spill this cell belongs to. */
  getSpillParentOrNullObject(): FakeRange {
    const r = this.single("getSpillParent");
    const view = spillView(this.sheet);
    for (const [k, a] of view.anchors)
      if (a.active && inside(r.r0, r.c0, a.rect)) {
        const row = Math.floor(k / 16384);
        return this.own(
          new FakeRange(this.ctx, this.sheet, {
            r0: row,
            c0: k % 16384,
            r1: row,
            c1: k % 16384,
          })
        );
      }
    return this.own(new FakeRange(this.ctx, this.sheet, null));
  }
}

/** Range.format (and RangeAreas.format): fill and font. */
class FakeRangeFormat extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set();
  readonly fill: FakeFill;
  readonly font: { bold: boolean };
  constructor(ctx: FakeContext, sheet: FakeSheet, rects: Rect[], must: () => Rect) {
    super(ctx);
    this.fill = this.own(new FakeFill(ctx, sheet, rects, must));
    const font = {} as { bold: boolean };
    Object.defineProperty(font, "bold", {
      get: () => {
        throw new FakeError("PropertyNotLoaded", "The fake does not read font.bold");
      },
      set: (v: boolean) => {
        must();
        if (v) ctx.queue({ kind: "bold", sheet, rects }, REQ_PER_ACTION + REQ_PER_OBJECT, this);
      },
    });
    this.font = font;
  }
  protected child(name: string): Proxy | null {
    return name === "fill" ? this.fill : null;
  }
  protected snapshot(): void {}
}

/** Fill of a range (colour readable after load: the first cell's) or of all areas of a RangeAreas. */
export class FakeFill extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set(["color"]);
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private rects: Rect[],
    private must: () => Rect
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): void {
    const r = this.rects[0];
    this.snap[prop] = r ? (this.sheet.fills?.[`${letters(r.c0)}${r.r0 + 1}`] ?? "#FFFFFF") : null;
  }
  get color(): string | null {
    return this.read("color");
  }
  set color(c: string | null) {
    this.must();
    if (c === null)
      throw new FakeError("InvalidArgument", "color = null is not valid; use clear()");
    this.ctx.queue(
      { kind: "fill", sheet: this.sheet, rects: this.rects, color: c },
      REQ_PER_ACTION + c.length,
      this
    );
  }
  clear(): void {
    this.must();
    this.ctx.queue(
      { kind: "fill", sheet: this.sheet, rects: this.rects, color: null },
      REQ_PER_ACTION,
      this
    );
  }
}

// ── RangeAreas (merged areas, special cells, getRanges) ──────────────────────────────────────

export class FakeRangeAreas extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set(["address", "areaCount", "cellCount"]);
  readonly format: FakeRangeFormat;
  private areasProxy?: FakeRangeCollection;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
    private options: { nullable?: boolean; limit?: number } = {}
  ) {
    super(ctx);
    this.format = this.own(
      new FakeRangeFormat(ctx, sheet, rects, () => {
        if (this.isNullObject)
          throw new FakeError("InvalidObjectPath", "The object is a null object");
        return rects[0];
      })
    );
  }
  get isNullObject(): boolean {
    return !!this.options.nullable && this.rects.length === 0;
  }
  private checkLimit(): void {
    if (this.options.limit !== undefined && this.rects.length > this.options.limit)
      throw new FakeError(
        "GeneralException",
        `getMergedAreas: ${this.rects.length} merged areas, more than ${this.options.limit}; the result cannot be returned.`
      );
  }
  protected child(name: string): Proxy | null {
    if (name === "areas") {
      this.checkLimit();
      this.areasProxy ??= this.own(new FakeRangeCollection(this.ctx, this.sheet, this.rects));
      return this.areasProxy;
    }
    if (name === "format") return this.format;
    return null;
  }
  get areas(): FakeRangeCollection {
    return this.child("areas") as FakeRangeCollection;
  }
  protected snapshot(prop: string): void {
    this.checkLimit();
    if (prop === "address")
      this.snap.address = this.rects.map((m) => rectAddress(this.sheet, m)).join(", ");
    else if (prop === "areaCount") this.snap.areaCount = this.rects.length;
    else this.snap.cellCount = this.rects.reduce((n, r) => n + cellCount(r), 0);
  }
  resolve(): number {
    if (this.pendingCount()) this.checkLimit();
    return super.resolve();
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

export class FakeRangeCollection extends Collection<FakeRange> {
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private rects: Rect[]
  ) {
    super(ctx);
  }
  protected build(): FakeRange[] {
    return this.rects.map((r) => this.own(new FakeRange(this.ctx, this.sheet, r)));
  }
}

// ── Conditional formats ──────────────────────────────────────────────────────────────────────

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

class CfScalar extends Proxy {
  constructor(
    ctx: FakeContext,
    private item: FakeConditionalFormatItem,
    protected readonly scalars: ReadonlySet<string>,
    private get: (p: string) => unknown,
    private set: (p: string, v: unknown) => void,
    private children: Record<string, Proxy> = {}
  ) {
    super(ctx);
    for (const p of scalars)
      Object.defineProperty(this, p, {
        get: () => this.read(p),
        set: (v: unknown) => {
          this.set(p, v);
          this.ctx.queue({ kind: "noop" }, REQ_PER_ACTION + jsonBytes(v), this);
        },
      });
    for (const c of Object.values(children)) this.own(c);
    for (const [name, c] of Object.entries(children))
      Object.defineProperty(this, name, { value: c });
  }
  protected child(name: string): Proxy | null {
    return this.children[name] ?? null;
  }
  protected loadPath(p: string): void {
    this.item.needCustom();
    super.loadPath(p);
  }
  protected snapshot(prop: string): void {
    this.item.checkCustom();
    this.snap[prop] = this.get(prop);
  }
}

/** One conditional format; what is set before sync is sent with the add. */
export class FakeConditionalFormatItem extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set(["type", "id"]);
  readonly custom: CfScalar & {
    rule: CfScalar & { formula: string };
    format: CfScalar & { fill: CfScalar & { color: string }; font: CfScalar & { color: string } };
  };
  private wantsCustom = false;
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    readonly data: FakeConditionalFormat,
    /** Top-left of the range the collection was fetched from: formulas are read relative to it. */
    private origin: { r0: number; c0: number }
  ) {
    super(ctx);
    const cf = data;
    const range = () => parseRect(cf.range);
    const rule = new CfScalar(
      ctx,
      this,
      new Set(["formula"]),
      () =>
        cf.formula ? shiftFormula(cf.formula, origin.r0 - range().r0, origin.c0 - range().c0) : "",
      (_p, v) => {
        const f = String(v);
        const err = formulaLimitError(f);
        if (err) throw new FakeError("InvalidArgument", err);
        cf.formula = f;
      }
    );
    const fill = new CfScalar(
      ctx,
      this,
      new Set(["color"]),
      () => cf.fill ?? null,
      (_p, v) => (cf.fill = String(v))
    );
    const font = new CfScalar(
      ctx,
      this,
      new Set(["color"]),
      () => cf.font ?? null,
      (_p, v) => (cf.font = String(v))
    );
    const format = new CfScalar(
      ctx,
      this,
      new Set(),
      () => null,
      () => undefined,
      { fill, font }
    );
    this.custom = this.own(
      new CfScalar(
        ctx,
        this,
        new Set(),
        () => null,
        () => undefined,
        {
          rule,
          format,
        }
      )
    ) as FakeConditionalFormatItem["custom"];
  }
  /** custom/* was asked for on this item. */
  needCustom(): void {
    this.wantsCustom = true;
  }
  /** Host side: reading custom/* of a format of another type is refused (office-js#2180). */
  checkCustom(): void {
    if (this.data.type !== "Custom")
      throw new FakeError(
        "InvalidOperation",
        "This operation is not permitted for the current object."
      );
  }
  get wantsCustomProps(): boolean {
    return this.wantsCustom;
  }
  protected child(name: string): Proxy | null {
    return name === "custom" ? this.custom : null;
  }
  protected snapshot(prop: string): void {
    this.snap[prop] =
      prop === "type"
        ? this.data.type
        : `cf-${this.sheet.conditionalFormats?.indexOf(this.data) ?? -1}`;
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.ctx.queue({ kind: "cfDelete", sheet: this.sheet, cf: this.data }, REQ_PER_ACTION, this);
  }
  getRange(): FakeRange {
    return this.own(new FakeRange(this.ctx, this.sheet, parseRect(this.data.range)));
  }
  getRangeOrNullObject(): FakeRange {
    return this.getRange();
  }
}

export class FakeConditionalFormats extends Collection<FakeConditionalFormatItem> {
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    private rect: Rect
  ) {
    super(ctx);
  }
  protected loadPath(p: string): void {
    const rest = p.startsWith("items/") ? p.slice(6) : p;
    if (!/^(items|type|id|custom\/rule\/formula|custom\/format\/(fill|font)\/color)$/.test(rest))
      throw new FakeError("InvalidArgument", `The fake cannot load ${p}`);
    super.loadPath(p);
  }
  protected build(): FakeConditionalFormatItem[] {
    return (this.sheet.conditionalFormats ?? [])
      .filter((cf) => intersects(parseRect(cf.range), this.rect))
      .map((cf) => this.own(new FakeConditionalFormatItem(this.ctx, this.sheet, cf, this.rect)));
  }
  protected checkItemProps(items: FakeConditionalFormatItem[], props: string[]): void {
    // Loading custom/* over a collection that holds another type fails for the whole request.
    if (props.some((p) => p.startsWith("custom/"))) for (const i of items) i.checkCustom();
  }
  add(type: string): FakeConditionalFormatItem {
    if (!CF_TYPES.has(type))
      throw new FakeError("InvalidArgument", `Unknown conditional format type ${type}`);
    const r = this.rect;
    const cf: FakeConditionalFormat = { range: bareAddress(r), type };
    this.ctx.queue({ kind: "cfAdd", sheet: this.sheet, cf }, REQ_PER_ACTION + REQ_PER_OBJECT, this);
    return this.own(new FakeConditionalFormatItem(this.ctx, this.sheet, cf, r));
  }
}

// ── Tables ───────────────────────────────────────────────────────────────────────────────────

export class FakeTableProxy extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set([
    "name",
    "showHeaders",
    "showTotals",
    "id",
  ]);
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet,
    readonly data: FakeTable
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): void {
    const t = this.data;
    this.snap[prop] =
      prop === "name"
        ? t.name
        : prop === "showHeaders"
          ? t.showHeaders !== false
          : prop === "showTotals"
            ? !!t.showTotals
            : `{table-${t.name}}`;
  }
  get name(): string {
    return this.read("name");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  getRange(): FakeRange {
    return this.own(new FakeRange(this.ctx, this.sheet, tableRects(this.data).whole));
  }
  getDataBodyRange(): FakeRange {
    const body = tableRects(this.data).body;
    if (!body) throw new FakeError("ItemNotFound", "The table has no data rows");
    return this.own(new FakeRange(this.ctx, this.sheet, body));
  }
}

export class FakeTableCollection extends Collection<FakeTableProxy> {
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet
  ) {
    super(ctx);
  }
  protected build(): FakeTableProxy[] {
    return (this.sheet.tables ?? []).map((t) =>
      this.own(new FakeTableProxy(this.ctx, this.sheet, t))
    );
  }
  getItem(name: string): FakeTableProxy {
    const t = (this.sheet.tables ?? []).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new FakeError("ItemNotFound", `Table ${name} tidak ada`);
    return this.own(new FakeTableProxy(this.ctx, this.sheet, t));
  }
}

// ── Charts ───────────────────────────────────────────────────────────────────────────────────

const CHART_TYPES = new Set(["ColumnClustered", "Line", "BarClustered", "Pie"]);

export class FakeChart {
  readonly title = { text: "" };
  readonly axes = { categoryAxis: { title: { text: "" } }, valueAxis: { title: { text: "" } } };
  readonly legend = { position: "" };
  readonly series: { getItemAt: (i: number) => { chartType: string } };
  constructor(
    readonly data: FakeChartData,
    seriesCount: number,
    ctx: FakeContext
  ) {
    const d = data;
    const cost = (v: string) =>
      ctx.queue({ kind: "noop" }, REQ_PER_ACTION + REQ_PER_OBJECT + v.length, this);
    const prop = (o: object, name: string, set: (t: string) => void, get: () => string) =>
      Object.defineProperty(o, name, {
        set: (t: string) => {
          set(t);
          cost(t);
        },
        get,
      });
    prop(
      this.title,
      "text",
      (t) => (d.title = t),
      () => d.title ?? ""
    );
    prop(
      this.axes.categoryAxis.title,
      "text",
      (t) => (d.categoryTitle = t),
      () => d.categoryTitle ?? ""
    );
    prop(
      this.axes.valueAxis.title,
      "text",
      (t) => (d.valueTitle = t),
      () => d.valueTitle ?? ""
    );
    prop(
      this.legend,
      "position",
      (t) => (d.legend = t),
      () => d.legend ?? ""
    );
    this.series = {
      getItemAt: (i: number) => {
        if (i < 0 || i >= seriesCount)
          throw new FakeError("InvalidArgument", `No series ${i} (the chart has ${seriesCount})`);
        const o = {} as { chartType: string };
        prop(
          o,
          "chartType",
          (t) => (d.seriesTypes[i] = t),
          () => d.seriesTypes[i] ?? d.type
        );
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

// ── Worksheet ────────────────────────────────────────────────────────────────────────────────

class FakeProtection extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set(["protected"]);
  constructor(
    ctx: FakeContext,
    private sheet: FakeSheet
  ) {
    super(ctx);
  }
  protected snapshot(): void {
    this.snap.protected = Boolean(this.sheet.protected);
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorksheet extends Proxy {
  protected readonly scalars: ReadonlySet<string> = new Set(["name", "id", "position"]);
  readonly protection: FakeProtection;
  private tablesProxy?: FakeTableCollection;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet
  ) {
    super(ctx);
    this.protection = this.own(new FakeProtection(ctx, sheet));
  }
  protected child(name: string): Proxy | null {
    if (name === "protection") return this.protection;
    if (name === "tables") return this.tables;
    return null;
  }
  protected snapshot(prop: string): void {
    this.snap[prop] =
      prop === "name"
        ? this.sheet.name
        : prop === "position"
          ? this.ctx.host.raw.sheets.indexOf(this.sheet)
          : `{sheet-${this.sheet.name}}`;
  }
  get name(): string {
    return this.read("name");
  }
  get tables(): FakeTableCollection {
    this.tablesProxy ??= this.own(new FakeTableCollection(this.ctx, this.sheet));
    return this.tablesProxy;
  }
  activate(): void {
    this.ctx.queue({ kind: "activate", sheet: this.sheet }, REQ_PER_ACTION, this);
  }
  getRange(address?: string): FakeRange {
    // No address: the whole sheet, as in Excel.
    if (address === undefined || address === null)
      return this.own(
        new FakeRange(this.ctx, this.sheet, { r0: 0, c0: 0, r1: 1048575, c1: 16383 })
      );
    const range = this.own(new FakeRange(this.ctx, this.sheet, parseRect(address)));
    range.pathBytes = address.length;
    return range;
  }
  /** Several areas in one object (ExcelApi 1.9); the address string is kept short. */
  getRanges(address: string): FakeRangeAreas {
    if (address.length > RANGES_ADDRESS_LIMIT)
      throw new FakeError(
        "InvalidArgument",
        `getRanges: address longer than ${RANGES_ADDRESS_LIMIT} characters`
      );
    const areas = this.own(
      new FakeRangeAreas(
        this.ctx,
        this.sheet,
        address.split(",").map((a) => parseRect(a))
      )
    );
    areas.pathBytes = address.length;
    return areas;
  }
  get charts(): { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChart } {
    return {
      add: (type, source, seriesBy = "Auto") => {
        if (!CHART_TYPES.has(type))
          throw new FakeError("InvalidArgument", `Unknown chart type ${type}`);
        const rect = source.mustRect();
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
        this.ctx.queue(
          { kind: "chart", sheet: this.sheet, chart: data },
          REQ_PER_ACTION + REQ_PER_OBJECT,
          this
        );
        // Series by columns: the first column holds the categories, the others one series each.
        return new FakeChart(
          data,
          seriesBy === "Columns" ? rect.c1 - rect.c0 : rect.r1 - rect.r0,
          this.ctx
        );
      },
    };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1 || row < 0 || col < 0)
      throw new FakeError("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
    return this.own(
      new FakeRange(this.ctx, this.sheet, {
        r0: row,
        c0: col,
        r1: row + rows - 1,
        c1: col + cols - 1,
      })
    );
  }
  /** "any cells that have a value or formatting" (valuesOnly: values and formulas only). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let rect: Rect | null = null;
    const add = (r: number, c: number) => {
      rect = rect
        ? {
            r0: Math.min(rect.r0, r),
            c0: Math.min(rect.c0, c),
            r1: Math.max(rect.r1, r),
            c1: Math.max(rect.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    };
    const view = spillView(this.sheet);
    this.sheet.cells.forEach((row, r) =>
      row.forEach((c, col) => {
        const used =
          (c.value !== null && c.value !== undefined && c.value !== "") ||
          !!c.formula ||
          (!valuesOnly && !!c.numberFormat && c.numberFormat !== "General");
        if (used) add(r, col);
      })
    );
    for (const k of view.children.keys()) add(Math.floor(k / 16384), k % 16384);
    if (!valuesOnly) {
      for (const a of [
        ...Object.keys(this.sheet.fills ?? {}),
        ...Object.keys(this.sheet.bold ?? {}),
      ]) {
        const p = parseRect(a);
        add(p.r0, p.c0);
      }
      for (const m of this.sheet.merges) {
        add(m.top, m.left);
        add(m.bottom, m.right);
      }
    }
    return this.own(new FakeRange(this.ctx, this.sheet, rect));
  }
}

// ── Context ──────────────────────────────────────────────────────────────────────────────────

export class FakeContext {
  private ops: { op: Op; cost: number }[] = [];
  afterSync: Array<() => void> = [];
  private tracked = new Set<Proxy>();
  /** Objects this batch refers to: each is an object path plus an Instantiate on the wire. */
  private touched = new Set<unknown>();
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
          const s = host.raw.sheets.find((x) => x.name === name);
          if (!s) throw new FakeError("ItemNotFound", `Sheet ${name} tidak ada`);
          return new FakeWorksheet(this, s);
        },
        getItemOrNullObject: (name: string) => {
          const s = host.raw.sheets.find((x) => x.name === name);
          const w = new FakeWorksheet(
            this,
            s ?? { name, cells: [], merges: [] }
          ) as FakeWorksheet & {
            isNullObject: boolean;
          };
          this.touch(w);
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
          const w = new FakeWorksheet(this, sheet);
          this.queue({ kind: "addSheet", sheet }, REQ_PER_ACTION + REQ_PER_OBJECT + name.length, w);
          return w;
        },
        // as in Excel, the handler is registered when the request reaches the host (sync)
        onActivated: {
          add: (handler: ActivationHandler) => {
            this.queue({ kind: "noop" }, REQ_PER_ACTION);
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
        suspendApiCalculationUntilNextSync: () =>
          this.queue({ kind: "suspendCalc" }, REQ_PER_ACTION + REQ_PER_OBJECT),
      },
    };
  }

  /** `p` has properties to resolve at the next sync (a navigation load is not sent for it). */
  track(p: Proxy): void {
    this.tracked.add(p);
  }

  untrack(p: Proxy): void {
    this.tracked.delete(p);
  }

  /** `o` and the objects it was reached from go on the wire (each once per batch). */
  touch(o: unknown): void {
    for (
      let p = o as { parent?: unknown } | null;
      p && !this.touched.has(p);
      p = (p.parent ?? null) as typeof p
    )
      this.touched.add(p);
  }

  queue(op: Op, cost: number, on?: unknown): void {
    this.ops.push({ op, cost });
    if (on) this.touch(on);
  }

  hasPending(): boolean {
    return this.ops.length > 0 || [...this.tracked].some((p) => p.pendingCount() > 0);
  }

  /** What this batch would put on the wire (bytes), as office.js would serialize it. */
  pendingRequestBytes(): number {
    let bytes = REQ_BASE;
    for (const o of this.touched)
      bytes += REQ_PER_OBJECT + ((o as { pathBytes?: number }).pathBytes ?? 0);
    for (const { cost } of this.ops) bytes += cost;
    for (const p of this.tracked) if (p.pendingCount()) bytes += p.loadCost();
    return bytes;
  }

  /** Drops the pending batch (the request never reached the host). */
  discard(): void {
    this.ops = [];
    for (const p of this.tracked) p.discard();
    this.tracked.clear();
    this.touched.clear();
  }

  async sync(): Promise<void> {
    const host = this.host;
    host.syncCount++;
    const request = this.pendingRequestBytes();
    host.requestSizes.push(request);
    const ops = this.ops.map((o) => o.op);
    let touched = 0;
    for (const o of this.touched) touched += 1 + ((o as { argObjects?: number }).argObjects ?? 0);
    this.ops = [];
    this.touched = new Set();
    if (request > REQUEST_LIMIT_BYTES) {
      for (const p of this.tracked) p.discard();
      this.tracked.clear();
      host.responseSizes.push(0);
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    }
    if (
      ops.some((op) => PROTECTED_KINDS.has(op.kind) && (op as { sheet: FakeSheet }).sheet.protected)
    ) {
      for (const p of this.tracked) p.discard();
      this.tracked.clear();
      host.responseSizes.push(0);
      throw new FakeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet."
      );
    }
    const changed = new Set<FakeSheet>();
    let suspended = false;
    try {
      for (const op of ops) {
        if (op.kind === "suspendCalc") {
          host.calcSuspensions++;
          suspended = true;
        } else if (WRITE_KINDS.has(op.kind) && !suspended) host.unsuspendedWrites++;
        applyOp(host, op, changed);
      }
    } catch (e) {
      for (const p of this.tracked) p.discard();
      this.tracked.clear();
      host.responseSizes.push(0);
      this.recalc(changed);
      throw e;
    }
    this.recalc(changed);
    // Loads are answered with the values after the batch's writes.
    let response = RES_BASE + touched * RES_PER_OBJECT;
    for (const op of ops)
      if (op.kind === "set" && Array.isArray(op.data) && Array.isArray(op.data[0])) {
        const cells = op.data.length * op.data[0].length;
        if (cells > BULK_CELLS) response += Math.ceil(cells / BULK_CELLS) * 3 * RES_PER_OBJECT;
      }
    const resolved: [Proxy, string[]][] = [];
    try {
      for (const p of this.tracked) {
        resolved.push([p, p.pendingProps()]);
        response += p.resolve();
      }
    } catch (e) {
      for (const [p, props] of resolved) p.unresolve(props);
      for (const p of this.tracked) p.discard();
      this.tracked.clear();
      host.responseSizes.push(0);
      throw e;
    }
    this.tracked.clear();
    host.responseSizes.push(response);
    if (response > RESPONSE_LIMIT_BYTES) {
      for (const [p, props] of resolved) p.unresolve(props);
      throw new FakeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      );
    }
    for (const f of this.afterSync) f();
    this.afterSync = [];
  }

  private recalc(changed: Set<FakeSheet>): void {
    // sheets whose formulas point at a changed sheet (a Ringkasan, a chart's data) follow it
    this.host.changed(changed);
  }
}

// ── Applying a batch ─────────────────────────────────────────────────────────────────────────

function applyOp(host: FakeExcelHost, op: Op, changed: Set<FakeSheet>): void {
  switch (op.kind) {
    case "suspendCalc":
    case "noop":
      return;
    case "addSheet":
      if (host.raw.sheets.some((x) => x.name.toLowerCase() === op.sheet.name.toLowerCase()))
        throw new FakeError("ItemAlreadyExists", `Sheet ${op.sheet.name} sudah ada`);
      host.raw.sheets.push(op.sheet);
      return;
    case "cfAdd":
      if (op.cf.type === "Custom" && !op.cf.formula?.startsWith("="))
        throw new FakeError("InvalidArgument", "A custom conditional format needs a formula");
      (op.sheet.conditionalFormats ??= []).push(op.cf);
      return;
    case "cfDelete":
      op.sheet.conditionalFormats = (op.sheet.conditionalFormats ?? []).filter(
        (cf) => cf !== op.cf
      );
      return;
    case "chart":
      (op.sheet.charts ??= []).push(op.chart);
      return;
    case "bold":
      op.sheet.bold = op.sheet.bold ?? {};
      for (const rect of op.rects)
        for (let r = rect.r0; r <= rect.r1; r++)
          for (let c = rect.c0; c <= rect.c1; c++) op.sheet.bold[`${letters(c)}${r + 1}`] = true;
      return;
    case "clear":
      op.sheet.cells.forEach((row, r) => {
        if (r < op.rect.r0 || r > op.rect.r1) return;
        row.forEach((cell, c) => {
          if (c >= op.rect.c0 && c <= op.rect.c1) {
            row[c] = cell.numberFormat
              ? { value: null, numberFormat: cell.numberFormat }
              : { value: null };
            if (op.sheet.errorValues) delete op.sheet.errorValues[`${letters(c)}${r + 1}`];
          }
        });
      });
      changed.add(op.sheet);
      return;
    case "select":
      // office-js#5118: select() moves the selection only on the active sheet.
      if (host.activeSheet() === op.sheet) host.selection = rectAddress(op.sheet, op.rect);
      return;
    case "activate": {
      const i = host.raw.sheets.indexOf(op.sheet);
      if (i >= 0 && i !== host.raw.active) {
        host.raw.active = i;
        host.selection = null;
      }
      return;
    }
    case "fill":
      op.sheet.fills = op.sheet.fills ?? {};
      for (const rect of op.rects)
        for (let r = rect.r0; r <= rect.r1; r++)
          for (let c = rect.c0; c <= rect.c1; c++) {
            const k = `${letters(c)}${r + 1}`;
            if (op.color === null) delete op.sheet.fills[k];
            else op.sheet.fills[k] = op.color;
          }
      return;
    case "copy":
      applyCopy(op.sheet, op.rect, op.from.sheet, op.from.rect);
      changed.add(op.sheet);
      return;
    case "set":
      applySet(op.sheet, op.rect, op.prop, op.data);
      changed.add(op.sheet);
      return;
  }
}

function setError(sheet: FakeSheet, r: number, c: number, on: boolean): void {
  const k = `${letters(c)}${r + 1}`;
  if (on) (sheet.errorValues ??= {})[k] = true;
  else if (sheet.errorValues?.[k]) delete sheet.errorValues[k];
}

/** The number format of the first cell a formula refers to on the same sheet, if any. */
function inheritedFormat(sheet: FakeSheet, formula: string): string | undefined {
  const m = /(?<![A-Za-z0-9_!$'.])\$?([A-Z]{1,3})\$?(\d+)(?![\d(A-Za-z_])/.exec(
    formula.replace(/"[^"]*"/g, '""')
  );
  if (!m) return undefined;
  const f = stored(sheet, Number(m[2]) - 1, columnIndex(m[1])).numberFormat;
  return f && f !== "General" ? f : undefined;
}

function writeFormula(
  sheet: FakeSheet,
  cell: Cell,
  r: number,
  c: number,
  formula: string,
  typed: boolean
): void {
  const err = formulaLimitError(formula);
  if (err) throw new FakeError("InvalidArgument", err);
  cell.formula = formula;
  setError(sheet, r, c, false);
  // Entered like typing: a General cell takes the format of the cell it refers to.
  if (typed && (!cell.numberFormat || cell.numberFormat === "General")) {
    const f = inheritedFormat(sheet, formula);
    if (f) cell.numberFormat = f;
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
  const formulaCells: [number, number][] = [];
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      const v = (data as unknown[][])[i][j] as CellValue;
      if (prop === "numberFormat") {
        if (v === null || v === undefined) continue;
        const cell = ensureCell(sheet, r, c);
        // "General" is Excel's default: the same as no format.
        if (v === "General") delete cell.numberFormat;
        else cell.numberFormat = String(v);
        continue;
      }
      const cell = ensureCell(sheet, r, c);
      const parsed = parseInput(v, cell.numberFormat);
      switch (parsed.kind) {
        case "unchanged":
          break;
        case "clear":
          delete cell.formula;
          cell.value = null;
          setError(sheet, r, c, false);
          break;
        case "text":
          delete cell.formula;
          cell.value = parsed.text;
          setError(sheet, r, c, false);
          break;
        case "number":
          delete cell.formula;
          cell.value = parsed.value;
          setError(sheet, r, c, false);
          if (parsed.numberFormat && (!cell.numberFormat || cell.numberFormat === "General"))
            cell.numberFormat = parsed.numberFormat;
          break;
        case "boolean":
          delete cell.formula;
          cell.value = parsed.value;
          setError(sheet, r, c, false);
          break;
        case "error":
          delete cell.formula;
          cell.value = parsed.code;
          setError(sheet, r, c, true);
          break;
        case "formula":
          writeFormula(sheet, cell, r, c, parsed.formula, true);
          formulaCells.push([r, c]);
          break;
      }
    }
  calculatedColumns(sheet, formulaCells, rect);
}

function applyCopy(sheet: FakeSheet, rect: Rect, fromSheet: FakeSheet, from: Rect): void {
  const h = from.r1 - from.r0 + 1;
  const w = from.c1 - from.c0 + 1;
  const formulaCells: [number, number][] = [];
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) {
      // The source pattern repeats over the target, as in Excel.
      const sr = from.r0 + ((r - rect.r0) % h);
      const sc = from.c0 + ((c - rect.c0) % w);
      const src = stored(fromSheet, sr, sc);
      const cell = ensureCell(sheet, r, c);
      if (src.formula) {
        writeFormula(sheet, cell, r, c, shiftFormula(src.formula, r - sr, c - sc), false);
        formulaCells.push([r, c]);
      } else {
        delete cell.formula;
        cell.value = src.value ?? null;
      }
    }
  calculatedColumns(sheet, formulaCells, rect);
}

/**
 * A formula written into a table column makes it a calculated column: the formula (moved
 * relative to each row) fills every other data cell of that column (office-js#5909, #2093).
 */
function calculatedColumns(
  sheet: FakeSheet,
  formulaCells: [number, number][],
  written: Rect
): void {
  if (!sheet.tables?.length || !formulaCells.length) return;
  for (const t of sheet.tables) {
    const body = tableRects(t).body;
    if (!body) continue;
    const last = new Map<number, number>();
    for (const [r, c] of formulaCells) if (inside(r, c, body)) last.set(c, r);
    for (const [c, r] of last) {
      const f = stored(sheet, r, c).formula!;
      for (let rr = body.r0; rr <= body.r1; rr++) {
        if (inside(rr, c, written)) continue;
        const cell = ensureCell(sheet, rr, c);
        cell.formula = shiftFormula(f, rr - r, 0);
        setError(sheet, rr, c, false);
      }
    }
  }
}

/** A fake `Office` global: onReady, document settings (saved with the workbook), addin. */
export function fakeOffice(
  host: FakeExcelHost,
  settingsStore: Record<string, unknown> = {},
  supported: Record<string, string> = { ExcelApi: "1.17", SharedRuntime: "1.1" }
) {
  const visibility: ((args: { visibilityMode: string }) => void)[] = [];
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
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          const have = supported[name];
          if (!have) return false;
          const [a, b] = have.split(".").map(Number);
          const [x, y] = String(version ?? "1.1")
            .split(".")
            .map(Number);
          return a > x || (a === x && b >= (y ?? 0));
        },
      },
    },
    addin: {
      showAsTaskpane: async () => {
        for (const h of visibility) h({ visibilityMode: "Taskpane" });
      },
      hide: async () => {
        for (const h of visibility) h({ visibilityMode: "Hidden" });
      },
      onVisibilityModeChanged: async (h: (args: { visibilityMode: string }) => void) => {
        visibility.push(h);
        return () => undefined;
      },
    },
    actions: { associate: () => undefined },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    _host: host,
  };
}
