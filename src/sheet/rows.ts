// Row model: every row of the recognised data range as a typed record — what kind of row it is
// (data, section, repeated header, footer, note …), its code, name, indicator, unit and the
// numbers of its numeric columns, read once with the column's decimal style.
import type { Grid, Level, Recognition } from "../model";
import { cellAt, columnLetters } from "../model/grid";
import { levelOf } from "../codes/read";
import { readNumberingRow } from "./header/numbering";
import { unitOf } from "./header/scan";
import { quarterCell } from "./header/quarters";
import { decimalStyle, readNum, type Num, type DecimalHint } from "./numeric";
import { isKinerjaRole, isNumericRole } from "./roles";
import { textOf } from "./text";

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
  nums: Record<string, Num>;
  /** Row of the program this row belongs to (-1 before the first program). */
  program: number;
}

export interface SheetModel {
  rows: RowRecord[];
  /** Roles holding numbers. */
  numericRoles: string[];
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
  // ASCII letters only: upper case when more than 3 and none lower case
  let count = 0;
  let lower = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch >= 97 && ch <= 122) {
      count++;
      lower = true;
    } else if (ch >= 65 && ch <= 90) count++;
  }
  const upper = count > 3 && !lower;
  if (/^program\b/i.test(name) && upper) return "program";
  if (/^urusan\b/i.test(name)) return "urusan";
  if (/^bidang\b/i.test(name)) return "bidang";
  if (/^program\b/i.test(name)) return "program";
  return upper ? "kegiatan" : "subkegiatan";
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
  const lo = text.slice(0, 80).toLowerCase().replace(/\s+/g, " ");
  if (TOTAL.test(lo)) return "total";
  if (FOOTER_AVG.test(lo)) return "footer-avg";
  if (FOOTER_PREDIKAT.test(lo)) return "footer-predikat";
  return null;
}

interface Scan {
  texts: string[];
  nonEmpty: number;
  headerLike: number;
  first: string;
}

function scanRow(
  line: Grid["cells"][number],
  end: number,
  header: Set<string>,
  skip: number
): Scan {
  const texts: string[] = [];
  let nonEmpty = 0;
  let headerLike = 0;
  let first = "";
  for (let c = 0; c < end; c++) {
    const v = line[c]?.value ?? null;
    const t = v === null || v === "" ? "" : textOf(v);
    texts.push(t);
    if (!t) continue;
    if (!first && typeof v === "string") first = t;
    // a row with only its number filled is an empty template row
    if (c === skip && (typeof v === "number" || /^\d{1,4}\.?$/.test(t))) continue;
    nonEmpty++;
    // header words, not numbers: a data row of 1s is not the numbering row
    if (typeof v === "string" && header.has(t)) headerLike++;
  }
  return { texts, nonEmpty, headerLike, first };
}

/** A header row repeated among the data: header texts, the numbering row, a K/Rp or quarter row. */
function isRepeatedHeader(s: Scan): boolean {
  if (s.headerLike >= 2 && s.headerLike >= s.nonEmpty * 0.6) return true;
  const filled = s.texts.filter((t) => t);
  if (filled.length >= 2 && filled.every((t) => unitOf(t) !== null || quarterCell(t) !== null))
    return true;
  return filled.length >= 3 && readNumberingRow(s.texts) !== null;
}

/** Per numeric role: the decimal style of the column's texts (a sample is enough). */
function decimalHints(grid: Grid, rec: Recognition, roles: string[]): DecimalHint[] {
  const [first, last] = rec.dataRows!;
  return roles.map((role) => {
    const col = (rec.columns as Record<string, number>)[role];
    const texts: string[] = [];
    for (let r = first; r <= last && r < first + 3000 && texts.length < 500; r++) {
      const v = cellAt(grid, r, col).value;
      if (typeof v === "string" && /\d/.test(v)) texts.push(v);
    }
    return decimalStyle(texts);
  });
}

/** Reads the numbers of a row; values repeat a lot within a column ("-", "0", "100%"): each once. */
class NumberReader {
  private readonly plain: Map<string | number | boolean, Num>[];
  private readonly byFormat: Map<string, Map<string | number | boolean, Num>>[];
  private readonly template: Record<string, Num> = {};
  constructor(
    private readonly roles: string[],
    private readonly cols: number[],
    private readonly hints: DecimalHint[]
  ) {
    this.plain = roles.map(() => new Map());
    this.byFormat = roles.map(() => new Map());
    for (const role of roles) this.template[role] = EMPTY_NUM;
  }
  read(line: Grid["cells"][number]): { nums: Record<string, Num>; any: boolean } {
    // same keys in the same order on every row: one object shape
    const nums: Record<string, Num> = { ...this.template };
    let any = false;
    for (let i = 0; i < this.roles.length; i++) {
      const cell = line[this.cols[i]];
      const v = cell?.value ?? null;
      if (v === null || v === "") continue;
      let memo: Map<string | number | boolean, Num> | undefined;
      if (cell!.numberFormat === undefined) memo = this.plain[i];
      else {
        memo = this.byFormat[i].get(cell!.numberFormat);
        if (!memo) this.byFormat[i].set(cell!.numberFormat, (memo = new Map()));
      }
      let n = memo.get(v);
      if (!n) {
        n = readNum(v, cell!.numberFormat, this.hints[i]);
        if (memo.size < 5000) memo.set(v, n);
      }
      nums[this.roles[i]] = n;
      if (n.kind !== "empty") any = true;
    }
    return { nums, any };
  }
}

function unitOfRow(
  satuan: string | null,
  nums: Record<string, Num>,
  kinerja: string[]
): string | null {
  if (satuan) return satuan;
  let percent = false;
  for (const role of kinerja) {
    const n = nums[role];
    if (n.unit) return n.unit;
    if (n.isPercent) percent = true;
  }
  return percent ? "%" : null;
}

export function buildRows(grid: Grid, rec: Recognition): SheetModel {
  const rows: RowRecord[] = [];
  if (!rec.dataRows) return { rows, numericRoles: [] };
  const cols = rec.columns as Record<string, number>;
  const numericRoles = Object.keys(cols).filter(isNumericRole);
  const reader = new NumberReader(
    numericRoles,
    numericRoles.map((r) => cols[r]),
    decimalHints(grid, rec, numericRoles)
  );
  const codeCols = Object.keys(cols)
    .filter((r) => r === "kode" || /^kode\.\d$/.test(r))
    .map((r) => cols[r])
    .sort((a, b) => a - b);
  const kinerja = numericRoles.filter(isKinerjaRole);
  const end = Math.max(...Object.values(cols), 0) + 5;
  const header = new Set(rec.header?.texts ?? []);
  const noCol = cols.no ?? -1;
  const text = (line: Grid["cells"][number], c: number | undefined) =>
    c === undefined ? null : textOf(line[c]?.value ?? null) || null;
  let program = -1;
  let prevLevel: Level | null = null;
  let inFooter = false;
  for (let r = rec.dataRows[0]; r <= rec.dataRows[1]; r++) {
    const line = grid.cells[r] ?? [];
    const s = scanRow(line, end, header, noCol);
    const base: RowRecord = {
      row: r,
      kind: "empty",
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
    if (s.nonEmpty === 0) {
      rows.push(base);
      continue;
    }
    if (isRepeatedHeader(s)) {
      rows.push({ ...base, kind: "header" });
      continue;
    }
    const label = s.first ? labelKind(s.first) : null;
    if (label) {
      inFooter = true;
      rows.push({ ...base, kind: label });
      continue;
    }
    const codeCells = codeCols
      .map((c) => ({ col: c, value: textOf(line[c]?.value ?? null) }))
      .filter((x) => x.value !== "");
    const code = codeCells.length ? joinCode(codeCells.map((x) => x.value)) : null;
    const name = text(line, cols.uraian);
    const indicator = text(line, cols.indikator);
    if (!code && !name && !indicator) {
      // formulas under a footer label belong to the footer; anything else is a stray cell
      rows.push({ ...base, kind: inFooter ? "footer" : "other" });
      continue;
    }
    inFooter = false;
    const { nums, any } = reader.read(line);
    const levelByCode = !!code && /^\d/.test(code);
    const continuation = !code && !name && !!indicator;
    const level: Level | null = continuation
      ? prevLevel
      : levelByCode
        ? levelFromCode(code!)
        : name
          ? levelFromName(name)
          : null;
    const unit = unitOfRow(text(line, cols.satuan), nums, kinerja);
    const isSection = !indicator && !any && (level === "urusan" || level === "bidang" || !!name);
    if (level === "program" && !continuation) program = r;
    rows.push({
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
      program,
    });
    if (!continuation) prevLevel = level;
  }
  return { rows, numericRoles };
}

/** "P12"-style address of a role's cell on a row. */
export function roleCell(rec: Recognition, role: string, row: number): string {
  return `${columnLetters((rec.columns as Record<string, number>)[role])}${row + 1}`;
}
