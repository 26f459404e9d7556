// Row model: every row of the recognised data range as a typed record — what kind of row it is
// (data, section, repeated header, footer, note …), its code, name, indicator, unit and the
// numbers of its numeric columns, read once with the column's decimal style.
import type { Grid, Level, Recognition, RoleId, RoleMap } from "../model";
import { cellAt, columnLetters } from "../model/grid";
import { levelOf } from "../codes/read";
import { readNumberingRow } from "./header/numbering";
import { unitOf } from "./header/scan";
import { quarterCell } from "./header/quarters";
import { decimalStyle, readNum, type Num, type DecimalHint } from "./numeric";
import { isKinerjaRole, isNumericRole, rolesOf } from "./roles";
import { headerKey, textOf } from "./text";

export type RowKind =
  | "data"
  | "section"
  | "header"
  | "footer-avg"
  | "footer-predikat"
  | "total"
  /** An unlabelled row inside a footer block (formulas under "Rata-rata …"). */
  | "footer"
  | "empty"
  /** Numbers or text with no code, name or indicator (stray cells): never checked or written. */
  | "other";

export type { Level };

export interface RowRecord {
  row: number;
  kind: RowKind;
  level: Level | null;
  /** Extra indicator row of the entity above (empty code and name). */
  continuation: boolean;
  /** The level came from the code (reliable), not from the name's casing (a guess). */
  levelByCode?: boolean;
  /** Code parts joined with "." (raw; the codes module normalises). */
  code: string | null;
  codeCells: { col: number; value: string }[];
  name: string | null;
  indicator: string | null;
  /** Unit from the satuan column or the target/realisation text. */
  unit: string | null;
  /** role → reading, for every numeric role column. */
  nums: RoleMap<Num>;
  /**
   * Every number of the row read plainly: no Excel error, unreadable or ambiguous text, % sign
   * or % format. The reading checks pass such a row by (absent: not known, check it).
   */
  plainNumbers?: boolean;
  /** Row of the program this row belongs to (-1 before the first program). */
  program: number;
}

export interface SheetModel {
  rows: RowRecord[];
  /** Roles holding numbers. */
  numericRoles: RoleId[];
}

const EMPTY_NUM: Num = Object.freeze({
  kind: "empty",
  value: null,
  isPercent: false,
  percentFormat: false,
  unit: null,
  ambiguous: false,
  message: null,
}) as Num;

function levelFromName(name: string): Level {
  // cheap first-letter filter (p, u, b) before the anchored regexes
  const c = name.charCodeAt(0) | 32;
  if (c === 112 && /^program\b/i.test(name)) return "program";
  if (c === 117 && /^urusan\b/i.test(name)) return "urusan";
  if (c === 98 && /^bidang\b/i.test(name)) return "bidang";
  // ASCII letters only: upper case when more than 3 and none lower case
  let count = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch >= 97 && ch <= 122) return "subkegiatan";
    if (ch >= 65 && ch <= 90) count++;
  }
  return count > 3 ? "kegiatan" : "subkegiatan";
}

function levelFromCode(code: string): Level | null {
  const parts = code.split(".").filter(Boolean);
  // the 050 form writes the kegiatan as one three-digit part ("1.01.02.202.06": kegiatan 2.02)
  const n = parts.length + (parts.length >= 4 && /^[12]\d\d$/.test(parts[3]) ? 1 : 0);
  return n >= 1
    ? (levelOf(Array.from({ length: Math.min(n, 6) }, () => "0").join(".")) ?? null)
    : null;
}

/** Joins split code cells: `2 | 07 | 01 | 2.01 | 01` → "2.07.01.2.01.01"; "2 07 05 2.01 03" → "2.07.05.2.01.03". */
export function joinCode(parts: string[]): string | null {
  const s = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(".")
    .replace(/[\s.]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return s || null;
}

const FOOTER_AVG = /^rata[- ]rata capaian/;
const FOOTER_PREDIKAT = /^predikat kinerja/;
const TOTAL =
  /^(total|jumlah( total| anggaran)?$|jumlah anggaran|jumlah total|predikat kinerja dari)|dari seluruh program/;

/** A footer or total label in the first text of a row. */
function labelKind(text: string): RowKind | null {
  const c = text.charCodeAt(0) | 32; // cheap first-letter filter: r p t j
  if (c !== 114 && c !== 112 && c !== 116 && c !== 106) return null;
  // the anchored labels start "ra", "pr", "to" or "ju"; any other text can only match through
  // "… dari seluruh program" (a name such as "Penyediaan …" stops here)
  const c2 = text.charCodeAt(1) | 32;
  const anchored =
    (c === 114 && c2 === 97) ||
    (c === 112 && c2 === 114) ||
    (c === 116 && c2 === 111) ||
    (c === 106 && c2 === 117);
  if (!anchored && !/seluruh/i.test(text)) return null;
  const lo = text.slice(0, 80).toLowerCase().replace(/\s+/g, " ");
  if (TOTAL.test(lo)) return "total";
  if (FOOTER_AVG.test(lo)) return "footer-avg";
  if (FOOTER_PREDIKAT.test(lo)) return "footer-predikat";
  return null;
}

interface Scan {
  nonEmpty: number;
  headerLike: number;
  first: string;
  /** Cells with a text: the cells the repeated-header tests look at. */
  filled: number;
  /** Filled cells that can be neither a numbering label nor a K/Rp word (see numberingOther). */
  sureOther: number;
  /** No filled cell rules out a row of unit or quarter cells (see mayBeUnitOrQuarter). */
  unitish: boolean;
}

const ALLOWED_OTHER = /^(k|rp\.?|%|satuan)$/i;

/**
 * A text readNumberingRow certainly counts as "other": longer than a numbering cell, or two
 * letters at its start (a label is one letter or digits), and not a K/Rp/%/Satuan word.
 * Numbers: anything but an integer of at most two digits.
 */
function numberingOther(v: string | number, t: string): boolean {
  if (typeof v === "number") return !(Number.isInteger(v) && v > -100 && v < 100);
  const a = t.charCodeAt(0) | 32;
  const b = t.charCodeAt(1) | 32;
  const twoLetters = a >= 97 && a <= 122 && b >= 97 && b <= 122;
  return (t.length > 60 || twoLetters) && !ALLOWED_OTHER.test(t);
}

// first characters of the texts unitOf or quarterCell accept (k, rp, %, satuan, triwulan/tw,
// roman i–iv, 1–4, month names)
const UNIT_OR_QUARTER_START = new Uint8Array(128);
for (const ch of "kr(%stijfmaond1234") UNIT_OR_QUARTER_START[ch.charCodeAt(0)] = 1;

/** False when the cell is surely neither a unit nor a quarter cell (an ASCII first character they never start with). */
function mayBeUnitOrQuarter(v: string | number, t: string): boolean {
  if (typeof v === "number") return v === 1 || v === 2 || v === 3 || v === 4;
  const c = t.charCodeAt(0);
  return c >= 128 || UNIT_OR_QUARTER_START[c >= 65 && c <= 90 ? c | 32 : c] === 1;
}

/** The texts of a row's first `end` cells ("" for empty), as the header tests read them. */
function rowTexts(line: Grid["cells"][number], end: number): string[] {
  const texts: string[] = [];
  for (let c = 0; c < end; c++) {
    const v = line[c]?.value ?? null;
    texts.push(v === null || v === "" ? "" : textOf(v));
  }
  return texts;
}

// One pass over the row without building its texts: they are built only for a row that may be
// a repeated header (measured: the texts and the numbering test of every row were ~40 % of the
// row model on a 20,000-row E.81).
function scanRow(
  line: Grid["cells"][number],
  end: number,
  header: Set<string>,
  skip: number
): Scan {
  const s: Scan = { nonEmpty: 0, headerLike: 0, first: "", filled: 0, sureOther: 0, unitish: true };
  for (let c = 0; c < end; c++) {
    const v = line[c]?.value ?? null;
    if (v === null || v === "") continue;
    const t = typeof v === "number" ? "" : textOf(v);
    if (t === "" && typeof v !== "number") continue;
    s.filled++;
    // a boolean (rare) leaves both prefilters undecided
    if (typeof v !== "boolean") {
      if (numberingOther(v, t)) s.sureOther++;
      if (s.unitish && !mayBeUnitOrQuarter(v, t)) s.unitish = false;
    }
    if (!s.first && typeof v === "string") s.first = t;
    // a row with only its number filled is an empty template row
    if (c === skip && (typeof v === "number" || /^\d{1,4}\.?$/.test(t))) continue;
    s.nonEmpty++;
    // header words, not numbers: a data row of 1s is not the numbering row
    if (typeof v === "string" && header.has(headerKey(t))) s.headerLike++;
  }
  return s;
}

/** A header row repeated among the data: header texts, the numbering row, a K/Rp or quarter row. */
function isRepeatedHeader(s: Scan, line: Grid["cells"][number], end: number): boolean {
  if (s.headerLike >= 2 && s.headerLike >= s.nonEmpty * 0.6) return true;
  if (s.filled >= 2 && s.unitish) {
    const filled = rowTexts(line, end).filter((t) => t);
    if (filled.every((t) => unitOf(t) !== null || quarterCell(t) !== null)) return true;
  }
  // readNumberingRow wants ≥ 3 labels and few others: the sure others already decide most rows
  const possible = s.filled - s.sureOther;
  if (s.filled < 3 || possible < 3 || s.sureOther > Math.max(1, possible * 0.15)) return false;
  return readNumberingRow(rowTexts(line, end)) !== null;
}

/** Per numeric role: the decimal style of the column's texts (a sample is enough). */
function decimalHints(grid: Grid, rec: Recognition, roles: RoleId[]): DecimalHint[] {
  const [first, last] = rec.dataRows!;
  return roles.map((role) => {
    const col = rec.columns[role]!;
    const texts: string[] = [];
    for (let r = first; r <= last && r < first + 3000 && texts.length < 500; r++) {
      const v = cellAt(grid, r, col).value;
      if (typeof v === "string" && /\d/.test(v)) texts.push(v);
    }
    return decimalStyle(texts);
  });
}

/**
 * Reads the numbers of a row; values repeat a lot within a column ("-", "0", "100%"): each once.
 * A column whose values hardly repeat (Rupiah amounts) stops remembering them after a probe:
 * its map only grew (measured: a tenth of the row model on 20,000 rows of distinct values).
 */
class NumberReader {
  private readonly plain: Map<string | number | boolean, Num>[];
  private readonly byFormat: Map<string, Map<string | number | boolean, Num>>[];
  private readonly template: RoleMap<Num>;
  /** Per column: lookups and hits so far, and whether it still remembers values. */
  private readonly lookups: number[];
  private readonly hits: number[];
  private readonly remember: boolean[];
  constructor(
    readonly roles: RoleId[],
    private readonly cols: number[],
    private readonly hints: DecimalHint[]
  ) {
    this.plain = roles.map(() => new Map());
    this.byFormat = roles.map(() => new Map());
    this.lookups = roles.map(() => 0);
    this.hits = roles.map(() => 0);
    this.remember = roles.map(() => true);
    // built in one go, the template keeps its properties inside the object, which a spread
    // copies cheaply (spreading an object built key by key cost ~5 µs per row, measured)
    this.template = Object.fromEntries(roles.map((role) => [role, EMPTY_NUM]));
  }
  read(line: Grid["cells"][number]): { nums: RoleMap<Num>; any: boolean; plain: boolean } {
    // same keys in the same order on every row: one object shape
    const nums: RoleMap<Num> = { ...this.template };
    let any = false;
    let plain = true;
    for (let i = 0; i < this.roles.length; i++) {
      const cell = line[this.cols[i]];
      const v = cell?.value ?? null;
      if (v === null || v === "") continue;
      const n = this.remember[i]
        ? this.remembered(i, v, cell!.numberFormat)
        : readNum(v, cell!.numberFormat, this.hints[i]);
      nums[this.roles[i]] = n;
      if (n.kind !== "empty") {
        any = true;
        if (n.kind !== "number" || n.ambiguous || n.percentFormat || n.isPercent) plain = false;
      }
    }
    return { nums, any, plain };
  }
  private remembered(i: number, v: string | number | boolean, format: string | undefined): Num {
    let memo: Map<string | number | boolean, Num> | undefined;
    if (format === undefined) memo = this.plain[i];
    else {
      memo = this.byFormat[i].get(format);
      if (!memo) this.byFormat[i].set(format, (memo = new Map()));
    }
    let n = memo.get(v);
    if (n) this.hits[i]++;
    else {
      n = readNum(v, format, this.hints[i]);
      if (memo.size < 5000) memo.set(v, n);
    }
    if (++this.lookups[i] === 512 && this.hits[i] < 51) this.remember[i] = false;
    return n;
  }
}

function unitOfRow(satuan: string | null, nums: RoleMap<Num>, kinerja: RoleId[]): string | null {
  if (satuan) return satuan;
  let percent = false;
  for (const role of kinerja) {
    // data rows carry every numeric role (NumberReader's template)
    const n = nums[role]!;
    if (n.unit) return n.unit;
    if (n.isPercent) percent = true;
  }
  return percent ? "%" : null;
}

interface RowContext {
  cols: Record<string, number>;
  reader: NumberReader;
  codeCols: number[];
  kinerja: RoleId[];
  /** Cells of a row the kind tests read. */
  end: number;
  header: Set<string>;
  noCol: number;
}

/** A row without an entity (empty, repeated header, footer, stray cells). */
function plainRow(row: number, kind: RowKind, program: number): RowRecord {
  return {
    row,
    kind,
    level: null,
    continuation: false,
    code: null,
    codeCells: [],
    name: null,
    indicator: null,
    unit: null,
    nums: {},
    program,
  };
}

const cellText = (line: Grid["cells"][number], c: number | undefined) =>
  c === undefined ? null : textOf(line[c]?.value ?? null) || null;

/** What the state of the walk down the rows carries from one entity row to the next. */
interface Walk {
  program: number;
  prevLevel: Level | null;
}

/** A row with a code, name or indicator (data or section); null when it has none of them. */
function entityRow(ctx: RowContext, line: Grid["cells"][number], r: number, walk: Walk) {
  const codeCells: { col: number; value: string }[] = [];
  for (const c of ctx.codeCols) {
    const value = textOf(line[c]?.value ?? null);
    if (value !== "") codeCells.push({ col: c, value });
  }
  const code = codeCells.length ? joinCode(codeCells.map((x) => x.value)) : null;
  const name = cellText(line, ctx.cols.uraian);
  const indicator = cellText(line, ctx.cols.indikator);
  if (!code && !name && !indicator) return null;
  const { nums, any, plain } = ctx.reader.read(line);
  const levelByCode = !!code && /^\d/.test(code);
  const continuation = !code && !name && !!indicator;
  const level: Level | null = continuation
    ? walk.prevLevel
    : levelByCode
      ? levelFromCode(code!)
      : name
        ? levelFromName(name)
        : null;
  const unit = unitOfRow(cellText(line, ctx.cols.satuan), nums, ctx.kinerja);
  const isSection = !indicator && !any && (level === "urusan" || level === "bidang" || !!name);
  if (level === "program" && !continuation) walk.program = r;
  if (!continuation) walk.prevLevel = level;
  const record: RowRecord = {
    row: r,
    kind: isSection ? "section" : "data",
    level,
    continuation,
    levelByCode,
    code,
    codeCells,
    name,
    indicator,
    unit,
    nums,
    plainNumbers: plain,
    program: walk.program,
  };
  return record;
}

function rowContext(grid: Grid, rec: Recognition): RowContext {
  const cols = rec.columns;
  const numericRoles = rolesOf(cols).filter(isNumericRole);
  return {
    cols,
    reader: new NumberReader(
      numericRoles,
      numericRoles.map((r) => cols[r]!),
      decimalHints(grid, rec, numericRoles)
    ),
    codeCols: rolesOf(cols)
      .filter((r) => r === "kode" || /^kode\.\d$/.test(r))
      .map((r) => cols[r]!)
      .sort((a, b) => a - b),
    kinerja: numericRoles.filter(isKinerjaRole),
    end: Math.max(...Object.values(cols), 0) + 5,
    header: new Set(rec.header?.texts ?? []),
    noCol: cols.no ?? -1,
  };
}

export function buildRows(grid: Grid, rec: Recognition): SheetModel {
  const rows: RowRecord[] = [];
  if (!rec.dataRows) return { rows, numericRoles: [] };
  const ctx = rowContext(grid, rec);
  const walk: Walk = { program: -1, prevLevel: null };
  let inFooter = false;
  for (let r = rec.dataRows[0]; r <= rec.dataRows[1]; r++) {
    const line = grid.cells[r] ?? [];
    const s = scanRow(line, ctx.end, ctx.header, ctx.noCol);
    if (s.nonEmpty === 0 || isRepeatedHeader(s, line, ctx.end)) {
      rows.push(plainRow(r, s.nonEmpty === 0 ? "empty" : "header", walk.program));
      continue;
    }
    const label = s.first ? labelKind(s.first) : null;
    if (label) {
      inFooter = true;
      rows.push(plainRow(r, label, walk.program));
      continue;
    }
    const record = entityRow(ctx, line, r, walk);
    // formulas under a footer label belong to the footer; anything else is a stray cell
    if (!record) rows.push(plainRow(r, inFooter ? "footer" : "other", walk.program));
    else {
      inFooter = false;
      rows.push(record);
    }
  }
  return { rows, numericRoles: ctx.reader.roles };
}

/** "P12"-style address of a role's cell on a row. */
export function roleCell(rec: Recognition, role: RoleId, row: number): string {
  return `${columnLetters(rec.columns[role]!)}${row + 1}`;
}
