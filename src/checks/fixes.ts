// The fixes of the sheet checks (issue 15): what each finding would change, named cell by cell.
//  - kategori.beda: the label the scale gives (safe: a label is not a number), unless the cell
//    holds a formula (then the computed formula, not safe) or the capaian it judges is itself
//    wrong (then not safe either: the label would follow the recomputed capaian, not the shown one);
//  - hitung.beda, excel.galat and rumus.tidak-konsisten in a computed cell: the plan's native
//    formula (the computed value where the inputs are text), never safe — it changes a number
//    (not for a roll-up SUM whose range differs from its row's: that wants another range);
//  - persen.campur: the row made consistent in the direction its columns mostly use (fractions
//    ×100 to percent points, or points ÷100 to %-formatted fractions), never safe.
// Fixes are attached after the checks ran, so that the checks themselves stay as they are; a
// formula Kinerja planned itself is not reported as breaking its column's pattern.
import Decimal from "decimal.js";
import type { Cell, Grid } from "../model/grid";
import { a1, cellAt } from "../model/grid";
import type { CellEdit, Fix, Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { RoleId, RoleMap } from "../model/roles";
import type { ComputedCell, DetailedPlan } from "../fill/plan-types";
import { coveredByMerges } from "../fill/write-plan";
import { isPercentFormat } from "../sheet/numeric";
import { isKinerjaRole, isPercentRole } from "../sheet/roles";
import type { RowRecord } from "../sheet/rows";
import { fmt } from "./make";

const FORMULA_RULES = new Set(["hitung.beda", "excel.galat", "rumus.tidak-konsisten"]);

const ROLL_UP = /^=\s*SUM\(\s*\$?[A-Z]{1,3}\$?\d+\s*:\s*\$?[A-Z]{1,3}\$?\d+\s*\)$/i;

const key = (row: number, col: number) => row * 16384 + col;

/**
 * The computed cells of the plan (data rows and E.81 footers) by position, indexed by row only:
 * a row has a handful of computed cells, and most sheets need a few lookups, not 160,000 entries.
 */
class ComputedCells {
  private readonly rows = new Map<number, RoleMap<ComputedCell>>();
  private readonly footers = new Map<number, ComputedCell>();
  constructor(plan: DetailedPlan) {
    for (const rp of plan.rows) this.rows.set(rp.record.row, rp.cells);
    for (const c of plan.footers) this.footers.set(key(c.row, c.col), c);
  }
  get(row: number, col: number): ComputedCell | undefined {
    const cells = this.rows.get(row);
    if (cells)
      for (const role in cells) {
        const c = cells[role as RoleId];
        if (c && c.col === col) return c;
      }
    return this.footers.get(key(row, col));
  }
}

/** The computed cell's content as an edit: its formula (value = what it evaluates to), or its value. */
function computedEdit(c: ComputedCell, previous: Cell): CellEdit {
  const e: CellEdit = { row: c.row, col: c.col, value: c.value };
  if (c.formula) e.formula = c.formula;
  // a %-formatted cell would show the percent points ×100 (as the fill does)
  if (isPercentFormat(previous.numberFormat) && typeof c.value === "number")
    e.numberFormat = isPercentRole(c.role) ? "0.00" : "General";
  return e;
}

function formulaFix(c: ComputedCell, previous: Cell): Fix {
  const at = a1(c.row, c.col);
  const result =
    c.value === null
      ? `hasil kosong${c.error ? `: ${c.error.message}` : ""}`
      : `hasil ${fmt(c.value)}`;
  const label = c.formula
    ? `Tulis rumus hitung di ${at} (${result})`
    : c.value === null
      ? `Kosongkan ${at} (${result})`
      : `Tulis ${fmt(c.value)} di ${at} (hasil hitung ulang)`;
  return { label, safe: false, edits: [computedEdit(c, previous)] };
}

/** The cell a category judges: the capaian of its row, or the footer average above it. */
function judgedCell(
  c: ComputedCell,
  rec: Recognition,
  plan: DetailedPlan,
  cells: ComputedCells
): number | null {
  const cols = rec.columns;
  const comp = rec.computations.find((x) => x.kind === "kategori" && cols[x.out] === c.col);
  if (comp && comp.kind === "kategori" && cols[comp.from] !== undefined)
    return key(c.row, cols[comp.from]!);
  if (!c.role.startsWith("predikat.")) return null;
  let best: ComputedCell | null = null;
  for (const f of plan.footers)
    if (
      f.col === c.col &&
      f.row < c.row &&
      typeof f.value !== "string" &&
      (!best || f.row > best.row)
    )
      best = f;
  return best && cells.get(best.row, best.col) ? key(best.row, best.col) : null;
}

function kategoriFix(c: ComputedCell, previous: Cell, judgedWrong: boolean): Fix | undefined {
  if (typeof c.value !== "string") return undefined;
  const at = a1(c.row, c.col);
  if (previous.formula && c.formula)
    return {
      label: `Tulis rumus kategori di ${at} (hasil "${c.value}")`,
      safe: false,
      edits: [{ row: c.row, col: c.col, value: c.value, formula: c.formula }],
    };
  if (previous.formula)
    return {
      label: `Tulis "${c.value}" di ${at} (menggantikan rumus sel ini)`,
      safe: false,
      edits: [{ row: c.row, col: c.col, value: c.value }],
    };
  return {
    label:
      `Tulis "${c.value}" di ${at}` +
      (judgedWrong ? " (menurut capaian hasil hitung ulang, bukan capaian yang tertulis)" : ""),
    safe: !judgedWrong,
    edits: [{ row: c.row, col: c.col, value: c.value }],
  };
}

/** The format without its percent sign ("0.00%" → "0.00"); quoted literals stay. */
function withoutPercent(format: string | undefined): string {
  const parts = (format ?? "").split(/("[^"]*")/);
  const out = parts
    .map((p, i) => (i % 2 ? p : p.replace(/%/g, "")))
    .join("")
    .trim();
  return /[0#?]/.test(out) ? out : "General";
}

/** ×100 or ÷100, exactly (0,9 → 90, not 90.00000000000001). */
function scaled(v: number, up: boolean): number {
  const d = new Decimal(String(v));
  return (up ? d.times(100) : d.div(100)).toNumber();
}

interface RowCell {
  col: number;
  cell: Cell;
  fraction: boolean;
}

/** The kinerja cells of a row holding numbers, fraction (%-formatted) or plain. */
function numberCells(grid: Grid, rec: Recognition, roles: RoleId[], r: RowRecord): RowCell[] {
  const cols = rec.columns;
  const out: RowCell[] = [];
  for (const role of roles) {
    const n = r.nums[role];
    if (!n || n.kind !== "number") continue;
    const col = cols[role]!;
    const cell = cellAt(grid, r.row, col);
    if (typeof cell.value !== "number") continue;
    out.push({ col, cell, fraction: n.percentFormat });
  }
  return out;
}

/** How a column's number cells are written: %-formatted fractions (by format) and plain numbers. */
interface PercentTally {
  fractions: number;
  plain: number;
  /** format → count and the scan position of its first cell (ties go to the first seen). */
  formats: Map<string, { n: number; first: number }>;
}

/** The sheet's facts persen.campur fixes share, counted once (a sheet can have hundreds of them). */
interface PercentMixContext {
  roles: RoleId[];
  rows: Map<number, RowRecord>;
  tallies: Map<number, PercentTally>;
}

function percentMixContext(grid: Grid, rec: Recognition, plan: DetailedPlan): PercentMixContext {
  const roles = plan.model.numericRoles.filter(isKinerjaRole);
  const rows = new Map(plan.model.rows.map((r) => [r.row, r]));
  const tallies = new Map<number, PercentTally>();
  let seen = 0;
  for (const r of plan.model.rows) {
    if (r.kind !== "data") continue;
    for (const c of numberCells(grid, rec, roles, r)) {
      let t = tallies.get(c.col);
      if (!t) tallies.set(c.col, (t = { fractions: 0, plain: 0, formats: new Map() }));
      if (c.fraction) {
        t.fractions++;
        const f = c.cell.numberFormat ?? "0%";
        const known = t.formats.get(f);
        if (known) known.n++;
        else t.formats.set(f, { n: 1, first: seen });
        seen++;
      } else t.plain++;
    }
  }
  return { roles, rows, tallies };
}

/** persen.campur: the row's minority representation converted to the one its columns mostly use. */
function percentMixFix(
  grid: Grid,
  rec: Recognition,
  mix: PercentMixContext,
  row: number
): Fix | undefined {
  const record = mix.rows.get(row);
  if (!record) return undefined;
  const mine = numberCells(grid, rec, mix.roles, record);
  let fractions = 0;
  let plain = 0;
  const formats = new Map<string, { n: number; first: number }>();
  for (const col of new Set(mine.map((m) => m.col))) {
    const t = mix.tallies.get(col);
    if (!t) continue;
    fractions += t.fractions;
    plain += t.plain;
    for (const [f, { n, first }] of t.formats) {
      const sum = formats.get(f);
      formats.set(f, sum ? { n: sum.n + n, first: Math.min(sum.first, first) } : { n, first });
    }
  }
  const toPoints = plain >= fractions;
  const common =
    [...formats].sort((x, y) => y[1].n - x[1].n || x[1].first - y[1].first)[0]?.[0] ?? "0%";
  const change = mine.filter((m) => m.fraction === toPoints);
  if (!change.length) return undefined;
  const edits: CellEdit[] = change.map((m) => {
    const value = scaled(m.cell.value as number, toPoints);
    const e: CellEdit = {
      row,
      col: m.col,
      value,
      numberFormat: toPoints ? withoutPercent(m.cell.numberFormat) : common,
    };
    if (m.cell.formula) e.formula = `=(${m.cell.formula.slice(1)})${toPoints ? "*100" : "/100"}`;
    return e;
  });
  edits.sort((a, b) => a.col - b.col);
  const list = edits
    .map((e) => {
      const was = change.find((m) => m.col === e.col)!.cell.value as number;
      return `${a1(e.row, e.col)} ${fmt(was)} → ${fmt(e.value as number)}`;
    })
    .join(", ");
  return {
    label: toPoints
      ? `Ubah pecahan berformat persen menjadi angka persen biasa, seperti sebagian besar kolomnya: ${list}`
      : `Ubah angka persen biasa menjadi pecahan berformat persen (${common}), seperti sebagian besar kolomnya: ${list}`,
    safe: false,
    edits,
  };
}

/**
 * A formula Kinerja itself plans for a computed cell (written by a fill or a fix) follows the
 * recognised computation: it is not reported as breaking its column's pattern.
 */
function isOwnFormula(grid: Grid, i: Issue, cells: ComputedCells): boolean {
  const f = cellAt(grid, i.row, i.col).formula;
  return i.rule === "rumus.tidak-konsisten" && !!f && cells.get(i.row, i.col)?.formula === f;
}

/** The issues with the fixes of the sheet checks attached (new objects; code findings untouched). */
export function attachFixes(
  grid: Grid,
  rec: Recognition,
  plan: DetailedPlan,
  issues: Issue[]
): Issue[] {
  const cells = new ComputedCells(plan);
  let mix: PercentMixContext | undefined;
  // a write into a merged area other than its top-left cell would land elsewhere
  const covered = coveredByMerges(grid);
  const wrong = new Set(
    issues
      .filter(
        (i) => (i.rule === "hitung.beda" && i.severity === "error") || i.rule === "excel.galat"
      )
      .map((i) => key(i.row, i.col))
  );
  return issues
    .filter((i) => !isOwnFormula(grid, i, cells))
    .map((i) => {
      if (i.fix || i.choices || covered.has(key(i.row, i.col))) return i;
      let fix: Fix | undefined;
      const c = cells.get(i.row, i.col);
      const previous = cellAt(grid, i.row, i.col);
      // a roll-up whose range differs from its row's (=SUM(AB18:AB20) where the others sum 18–37)
      // wants another range, not the row's own computation
      const rollUp = i.rule === "rumus.tidak-konsisten" && ROLL_UP.test(previous.formula ?? "");
      if (FORMULA_RULES.has(i.rule) && c && !rollUp) fix = formulaFix(c, previous);
      else if (i.rule === "kategori.beda" && c) {
        const judged = judgedCell(c, rec, plan, cells);
        fix = kategoriFix(c, previous, judged !== null && wrong.has(judged));
      } else if (i.rule === "persen.campur") {
        mix ??= percentMixContext(grid, rec, plan);
        fix = percentMixFix(grid, rec, mix, i.row);
      }
      if (fix?.edits.some((e) => covered.has(key(e.row, e.col)))) fix = undefined;
      return fix ? { ...i, fix } : i;
    });
}
