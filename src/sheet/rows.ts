// Row model: every data row of a recognised table as a typed record, numbers read once (with
// the column's decimal style), hierarchy level, and the rows to skip (repeated headers,
// section titles, footers).
import type { Grid } from "../model/grid";
import { cellAt, columnLetters } from "../model/grid";
import type { Recognition } from "../model/recognition";
import { textOf } from "./text";
import { decimalStyle, readNum, type Num, type DecimalHint } from "./numeric";
import { isNumberingRow, scanHeader } from "./recognise";

export type RowKind =
  "data" | "section" | "header" | "footer-avg" | "footer-predikat" | "total" | "empty";
export type Level = "urusan" | "bidang" | "program" | "kegiatan" | "subkegiatan";

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

const TEXT_ROLES = new Set([
  "no",
  "uraian",
  "indikator",
  "satuan",
  "kategori",
  "sumber",
  "lokasi",
  "sumber.dana",
  "catatan",
  "keterangan",
  "unit.pd",
]);

export function isNumericRole(role: string): boolean {
  return !TEXT_ROLES.has(role) && !role.startsWith("kode");
}

function levelFromCode(code: string): Level | null {
  const n = code.split(".").filter(Boolean).length;
  if (n === 1) return "urusan";
  if (n === 2) return "bidang";
  if (n === 3) return "program";
  if (n === 4 || n === 5) return "kegiatan";
  if (n >= 6) return "subkegiatan";
  return null;
}

function levelFromName(name: string): Level {
  // ASCII letters only (as /[^A-Za-z]/ strips): upper case when more than 3 and none lower case
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

/** Joins split code cells: `2 | 07 | 01 | 2.01 | 01` → "2.07.01.2.01.01"; "2 07 05 2.01 03" → "2.07.05.2.01.03". */
export function joinCode(parts: string[]): string | null {
  const s = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(".")
    .replace(/[\s.]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return /^[0-9xX]+(\.[0-9xX]+)*$/.test(s) ? s : s ? s : null;
}

export function buildRows(grid: Grid, rec: Recognition): SheetModel {
  const rows: RowRecord[] = [];
  if (!rec.dataRows) return { rows, numericRoles: [] };
  const cols = rec.columns;
  const numericRoles = Object.keys(cols).filter(isNumericRole);
  const codeCols = Object.keys(cols)
    .filter((r) => r === "kode" || /^kode\.\d$/.test(r))
    .map((r) => cols[r])
    .sort((a, b) => a - b);
  const [first, last] = rec.dataRows;
  // Column-level decimal style from the texts of the column.
  const hints: Record<string, DecimalHint> = {};
  for (const role of numericRoles) {
    const texts: string[] = [];
    // a sample is enough to tell the decimal style of a column
    for (let r = first; r <= last && r < first + 3000 && texts.length < 500; r++) {
      const v = cellAt(grid, r, cols[role]).value;
      if (typeof v === "string" && /\d/.test(v)) texts.push(v);
    }
    hints[role] = decimalStyle(texts);
  }
  const numsTemplate: Record<string, Num> = {};
  for (const role of numericRoles) numsTemplate[role] = EMPTY_NUM;
  // per role index: readings of cells without a number format, then by number format
  const plainMemo: Map<string | number | boolean, Num>[] = numericRoles.map(() => new Map());
  const memo: Map<string, Map<string | number | boolean, Num>>[] = numericRoles.map(
    () => new Map()
  );
  const roleCols = numericRoles.map((role) => cols[role]);
  const roleHints = numericRoles.map((role) => hints[role]);
  const header = scanHeader(grid);
  // kinerja (not Rupiah) target/realisation columns: where the indicator's unit shows
  const kinerjaRoles = numericRoles.filter(
    (role) => /^(target|realisasi)/.test(role) && !role.endsWith(".rp")
  );
  const scanCols = Math.max(...Object.values(cols), 0) + 1;
  let program = -1;
  let prevLevel: Level | null = null;
  const rawHeader = header?.rawHeaderTexts ?? new Set<string>();
  for (let r = first; r <= last; r++) {
    const line = grid.cells[r] ?? [];
    let nonEmpty = 0;
    let headerLike = 0;
    let numberish = 0;
    let label: RowKind | null = null;
    const end = Math.min(line.length, scanCols + 4);
    for (let c = 0; c < end; c++) {
      const v = line[c]?.value ?? null;
      if (v === null || v === "") continue;
      if (typeof v !== "string") {
        nonEmpty++;
        if (typeof v === "number" && Number.isInteger(v) && v > 0 && v < 60) numberish++;
        continue;
      }
      const t = v.trim();
      if (!t) continue;
      nonEmpty++;
      if (rawHeader.has(t)) headerLike++;
      if (t.length <= 24 && /^[(-]?\d{1,2}\b|^(k|rp)$/i.test(t)) numberish++;
      const ch = t.charCodeAt(0) | 32; // cheap first-letter filter before lower-casing: r p t j
      // and the second letter: ra(ta), pr(edikat), to(tal), ju(mlah)
      const ch2 = t.charCodeAt(1) | 32;
      if (
        !label &&
        ((ch === 114 && ch2 === 97) ||
          (ch === 112 && ch2 === 114) ||
          (ch === 116 && ch2 === 111) ||
          (ch === 106 && ch2 === 117))
      ) {
        // only prefixes up to 21 characters are compared: lower-case a slice of long texts,
        // unless whitespace in it leaves too little to judge
        let lo = (t.length > 48 ? t.slice(0, 48) : t).toLowerCase().replace(/\s+/g, " ");
        if (t.length > 48 && lo.length < 24) lo = t.toLowerCase().replace(/\s+/g, " ");
        if (lo.startsWith("rata-rata capaian") || lo.startsWith("rata rata capaian"))
          label = "footer-avg";
        else if (
          lo.startsWith("predikat kinerja dari") ||
          lo.startsWith("total") ||
          lo.startsWith("jumlah anggaran")
        )
          label = "total";
        else if (lo.startsWith("predikat kinerja")) label = "footer-predikat";
        else if (lo === "jumlah" || lo.startsWith("jumlah total")) label = "total";
      }
    }
    const looksNumbering =
      numberish >= 3 &&
      numberish >= nonEmpty * 0.8 &&
      isNumberingRow(line.slice(0, end).map((x) => textOf(x?.value ?? null)));
    const base = {
      row: r,
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
    if (nonEmpty === 0) {
      rows.push({ ...base, kind: "empty" });
      continue;
    }
    if ((headerLike >= 2 && headerLike >= nonEmpty * 0.6) || looksNumbering) {
      rows.push({ ...base, kind: "header" });
      continue;
    }
    if (label) {
      rows.push({ ...base, kind: label });
      continue;
    }
    const codeCells = codeCols
      .map((c) => ({ col: c, value: textOf(cellAt(grid, r, c).value) }))
      .filter((x) => x.value !== "");
    const code = codeCells.length ? joinCode(codeCells.map((x) => x.value)) : null;
    const name = "uraian" in cols ? textOf(cellAt(grid, r, cols.uraian).value) || null : null;
    const indicator =
      "indikator" in cols ? textOf(cellAt(grid, r, cols.indikator).value) || null : null;
    // same keys in the same order on every row: one object shape, fast property access
    // same keys in the same order on every row: one object shape, fast property access
    const nums: Record<string, Num> = { ...numsTemplate };
    let anyNumber = false;
    for (let i = 0; i < numericRoles.length; i++) {
      const role = numericRoles[i];
      const cell = line[roleCols[i]] ?? cellAt(grid, r, roleCols[i]);
      const v = cell.value;
      if (v === null || v === "") {
        nums[role] = EMPTY_NUM;
        continue;
      }
      // values repeat a lot within a column ("-", "0", "100%"): read each distinct one once
      let byValue: Map<string | number | boolean, Num> | undefined;
      if (cell.numberFormat === undefined) byValue = plainMemo[i];
      else {
        const fmtKey = cell.numberFormat ?? "";
        byValue = memo[i].get(fmtKey);
        if (!byValue) memo[i].set(fmtKey, (byValue = new Map()));
      }
      let n = byValue.get(v);
      if (!n) {
        n = readNum(v, cell.numberFormat, roleHints[i]);
        if (byValue.size < 5000) byValue.set(v, n);
      }
      nums[role] = n;
      if (n.kind !== "empty") anyNumber = true;
    }
    const levelByCode = !!code && /^\d/.test(code);
    let level: Level | null = levelByCode
      ? levelFromCode(code!)
      : name
        ? levelFromName(name)
        : null;
    const continuation = !code && !name && !!indicator;
    if (continuation) level = prevLevel;
    const satuan = "satuan" in cols ? textOf(cellAt(grid, r, cols.satuan).value) || null : null;
    let unit: string | null = satuan;
    if (unit === null) {
      let percent = false;
      for (const role of kinerjaRoles) {
        const n = nums[role];
        if (n.unit) {
          unit = n.unit;
          break;
        }
        if (n.isPercent) percent = true;
      }
      if (unit === null && percent) unit = "%";
    }
    const isSection =
      !indicator && !anyNumber && (level === "urusan" || level === "bidang" || !!name);
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
      program: level === "program" && !continuation ? r : program,
    });
    if (!continuation) prevLevel = level;
  }
  return { rows, numericRoles };
}

/** "P12"-style address of a role's cell on a row. */
export function roleCell(rec: Recognition, role: string, row: number): string {
  return `${columnLetters(rec.columns[role])}${row + 1}`;
}
