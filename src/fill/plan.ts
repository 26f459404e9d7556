// Fill planning (DOMAIN §5): every computed column of the recognised layout, row by row, as
// native Excel formulas where the inputs are numeric cells (values otherwise), each write with
// the cell as it was (exact undo). The engine value is the formula's expected result.
import Decimal from "decimal.js";
import type { Grid, Cell } from "../sheet/grid";
import { cellAt, columnLetters } from "../sheet/grid";
import type { Recognition, Settings, RowOverride } from "../engine";
import type { FillPlan, PlannedWrite, RowDecision, Accumulation, Direction } from "./plan-types";
import { layoutById, type Computation } from "../sheet/layouts";
import { buildRows, type RowRecord, type SheetModel } from "../sheet/rows";
import { scanHeader } from "../sheet/recognise";
import {
  capaian,
  efisiensi,
  isPercentFormat,
  kategori,
  realisasi,
  serapan,
} from "../sheet/numeric";
import { proposeAccumulation, proposeDirection } from "./direction";
import { kategoriFormula } from "./excel-formulas";
import type { CalcError } from "../core/result";
import { SCALES, type ScaleName } from "../core/scales";

/** One computed cell before it becomes a write. */
export interface ComputedCell {
  role: string;
  row: number;
  col: number;
  value: number | string | null;
  formula: string | null;
  /** Why no value could be computed. */
  error: CalcError | null;
}

export interface RowPlan {
  record: RowRecord;
  decision: RowDecision;
  cells: Record<string, ComputedCell>;
}

export interface DetailedPlan {
  model: SheetModel;
  rows: RowPlan[];
  footers: ComputedCell[];
  efficiencyMethod: "sisa" | "selisih" | "rasio";
  /** Category scale used (the sheet's own labels decide when the setting is the default). */
  scale: ScaleName;
  /** Decimals of computed percentages. */
  decimals: number;
}

/**
 * Lumajang labels its categories "Sangat Baik … Kurang Baik" (003:L375): when the setting is the
 * default scale but the sheet's kategori labels clearly belong to another scale, use the sheet's.
 */
function scaleOf(grid: Grid, rec: Recognition, settings: Settings, model: SheetModel): ScaleName {
  const col = rec.columns.kategori;
  if (settings.scale !== "permendagri86" || col === undefined) return settings.scale;
  const votes: Record<string, number> = {};
  let labelled = 0;
  for (const r of model.rows) {
    if (r.kind !== "data") continue;
    const v = cellAt(grid, r.row, col).value;
    if (typeof v !== "string" || !v.trim()) continue;
    labelled++;
    const t = v.trim().toLowerCase();
    for (const name of Object.keys(SCALES) as ScaleName[])
      if (SCALES[name].some((b) => b.label.toLowerCase() === t))
        votes[name] = (votes[name] ?? 0) + 1;
  }
  let best: ScaleName = settings.scale;
  for (const name of Object.keys(votes) as ScaleName[])
    if (votes[name] > (votes[best] ?? 0)) best = name;
  return labelled > 0 && (votes[best] ?? 0) >= labelled * 0.6 ? best : settings.scale;
}

function efficiencyMethodOf(
  grid: Grid,
  rec: Recognition,
  settings: Settings
): "sisa" | "selisih" | "rasio" {
  if (settings.efficiencyMethod) return settings.efficiencyMethod;
  const h = scanHeader(grid);
  const c = rec.columns.efisiensi;
  const path = h && c !== undefined ? (h.paths[c] ?? "") : "";
  return /6\s*-\s*9|tingkat efisiensi/.test(path) ? "selisih" : "sisa";
}

const LETTERS: string[] = [];
/** a1() with cached column letters (called for every formula reference). */
function addr(row: number, col: number): string {
  return (LETTERS[col] ??= columnLetters(col)) + (row + 1);
}

function letters(col: number): string {
  return (LETTERS[col] ??= columnLetters(col));
}

/** Stands for the row number in formula templates (never part of a formula's own text). */
const ROW_TAG = "\u0000";
const MODE_CODE: Record<string, number> = {
  "": 0,
  jumlah: 1,
  rata: 2,
  terakhir: 3,
  naik: 4,
  turun: 5,
  "turun-rasio": 6,
};

/** Reference to an input cell (row given as text), scaled to display units when it holds a %-formatted fraction. */
function ref(cell: Cell, row: string, col: number): string {
  const r = letters(col) + row;
  return typeof cell.value === "number" && isPercentFormat(cell.numberFormat) ? `(${r}*100)` : r;
}

/**
 * Memo of a pure calculation keyed by the identity of its arguments. Readings of repeated cell
 * values share one Decimal (see buildRows and decOf), so rows with the same inputs reuse the
 * result; Decimals are immutable and the calculations pure, so results are identical.
 */
class Memo<R> {
  private root = new Map<unknown, unknown>();
  private size = 0;
  get(keys: readonly unknown[], compute: () => R): R {
    let node = this.root;
    for (let i = 0; i < keys.length; i++) {
      let next = node.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        if (this.size > 200000) return compute();
        next = new Map();
        node.set(keys[i], next);
        this.size++;
      }
      node = next;
    }
    if (node.has(MEMO_VALUE)) return node.get(MEMO_VALUE) as R;
    const r = compute();
    node.set(MEMO_VALUE, r);
    return r;
  }
}
const MEMO_VALUE = Symbol("value");

/** Computes every computed cell of the sheet (the plan before diffing against the grid). */
export function computeSheet(
  grid: Grid,
  rec: Recognition,
  settings: Settings,
  overrides: Record<number, RowOverride> = {}
): DetailedPlan {
  const def = layoutById(rec.layout);
  const model = buildRows(grid, rec);
  const method = efficiencyMethodOf(grid, rec, settings);
  const scale = scaleOf(grid, rec, settings, model);
  const out: DetailedPlan = {
    model,
    rows: [],
    footers: [],
    efficiencyMethod: method,
    scale,
    decimals: settings.decimals,
  };
  if (!def) return out;
  const comps: Computation[] =
    def.computed[rec.variant ?? ""] ?? Object.values(def.computed)[0] ?? [];
  const cols = rec.columns;
  const outputs = new Set(comps.map((c) => c.out));
  let lastCode: string | null = null;
  // computed values feed later computations on the same row; Decimals are immutable, so one
  // instance per distinct number is shared (same value as new Decimal(String(v)))
  const decs = new Map<number, Decimal>();
  const decOf = (v: number | string | null): Decimal | null => {
    if (typeof v !== "number") return null;
    let d = decs.get(v);
    if (d === undefined) {
      d = new Decimal(String(v));
      if (decs.size < 100000) decs.set(v, d);
    }
    return d;
  };
  const templates: Map<number, string[] | null>[] = [];
  const memo = new Memo<{ ok: true; value: number | string } | CalcError>();
  const proposals = new Map<
    string,
    Map<
      string,
      { acc: ReturnType<typeof proposeAccumulation>; dir: ReturnType<typeof proposeDirection> }
    >
  >();
  for (const record of model.rows) {
    if (record.kind !== "data") continue;
    if (record.code) lastCode = record.code;
    const text = record.indicator ?? record.name;
    // keyed by unit then text (null and "" alike, as the proposals treat them): no key string per row
    let byText = proposals.get(record.unit ?? "");
    if (!byText) proposals.set(record.unit ?? "", (byText = new Map()));
    let proposal = byText.get(text ?? "");
    if (!proposal) {
      proposal = { acc: proposeAccumulation(record.unit, text), dir: proposeDirection(text) };
      byText.set(text ?? "", proposal);
    }
    const { acc, dir } = proposal;
    const ov = overrides[record.row] ?? {};
    const accumulation: Accumulation = ov.accumulation ?? acc.accumulation;
    const direction: Direction = ov.direction ?? dir.direction;
    const decision: RowDecision = {
      row: record.row,
      code: record.code ?? (record.continuation ? lastCode : null),
      indicator: record.indicator,
      accumulation,
      accumulationReason: ov.accumulation ? "Dipilih pengguna." : acc.reason,
      direction,
      directionReason: ov.direction ? "Dipilih pengguna." : dir.reason,
    };
    const cells: Record<string, ComputedCell> = {};
    const rowStr = String(record.row + 1);
    // Formula text differs between rows only in the row number: it is built once per shape
    // (which inputs exist, are numeric, are %-formatted; the row's mode) with ROW_TAG in place
    // of the row number, and each row joins the pieces with its own number.
    let fkey = 0;
    // value and formula ref of a role on this row: computed first, else the cell as read
    // formulaOk: the cell works in any formula; sumOk: also an empty marker such as "-", which
    // SUM/COUNT/AVERAGE ignore but a division would not
    const input = (
      role: string
    ): {
      value: Decimal | null;
      ref: string | null;
      formulaOk: boolean;
      sumOk: boolean;
      present: boolean;
    } => {
      let x: {
        value: Decimal | null;
        ref: string | null;
        formulaOk: boolean;
        sumOk: boolean;
        present: boolean;
      };
      if (!(role in cols))
        x = { value: null, ref: null, formulaOk: true, sumOk: true, present: false };
      else {
        const done = cells[role];
        if (done) {
          const ok = done.formula !== null;
          x = {
            value: decOf(done.value),
            ref: letters(cols[role]) + ROW_TAG,
            formulaOk: ok,
            sumOk: ok,
            present: true,
          };
        } else {
          const cell = cellAt(grid, record.row, cols[role]);
          const n = record.nums[role];
          const numeric =
            cell.value === null || cell.value === "" || typeof cell.value === "number";
          const value = n?.kind === "number" ? n.value : null;
          x = {
            value,
            ref: ref(cell, ROW_TAG, cols[role]),
            formulaOk: numeric,
            sumOk: numeric || n?.kind === "empty",
            present: true,
          };
        }
      }
      fkey =
        fkey * 16 +
        (x.present ? 1 : 0) +
        (x.formulaOk ? 2 : 0) +
        (x.sumOk ? 4 : 0) +
        (x.ref !== null && x.ref.charCodeAt(0) === 40 ? 8 : 0);
      return x;
    };
    for (let ci = 0; ci < comps.length; ci++) {
      const comp = comps[ci];
      if (!(comp.out in cols)) continue;
      const col = cols[comp.out];
      let res: { ok: true; value: number | string } | CalcError;
      let formula: string | null = null;
      const d = settings.decimals;
      fkey = 0;
      const shaped = (mode: string, build: () => string | null): string | null => {
        const key = fkey * 8 + (MODE_CODE[mode] ?? 7);
        const byKey = (templates[ci] ??= new Map());
        let t = byKey.get(key);
        if (t === undefined) {
          const f = build();
          byKey.set(key, (t = f === null ? null : f.split(ROW_TAG)));
        }
        return t === null ? null : t.length === 1 ? t[0] : t.join(rowStr);
      };
      switch (comp.kind) {
        case "realisasi": {
          const ins = comp.inputs.map(input).filter((x) => x.present);
          const mode: Accumulation = comp.perRow ? accumulation : "jumlah";
          const values = ins.map((x) => x.value);
          // "latest value": zeros after the last non-zero quarter are quarters not reported yet
          // (002 E.81 TW II report with 0 in TW III/IV)
          if (mode === "terakhir" && values.some((v) => v !== null && !v.isZero()))
            for (
              let i = values.length - 1;
              i >= 0 && (values[i] === null || values[i]!.isZero());
              i--
            )
              values[i] = null;
          res = memo.get(["r", mode, ...values], () => realisasi(values, mode));
          formula = shaped(mode, () => {
            if (!(ins.length && ins.every((x) => (mode === "terakhir" ? x.formulaOk : x.sumOk))))
              return null;
            const refs = ins.map((x) => x.ref!);
            const list = refs.join(",");
            const bare = ins.map((x) => bareOf(x.ref!)).join(",");
            if (mode === "terakhir")
              return (
                "=" +
                refs.reduce(
                  (acc2, r) => `IF(AND(${bareOf(r)}<>"",${bareOf(r)}<>0),${r},${acc2})`,
                  `IF(COUNT(${bare})=0,"",0)`
                )
              );
            return `=IF(COUNT(${bare})=0,"",${mode === "rata" ? "AVERAGE" : "SUM"}(${list}))`;
          });
          break;
        }
        case "capaian": {
          const r = input(comp.r);
          const t = input(comp.t);
          const arah: Direction = comp.perRow ? direction : "naik";
          res = memo.get(["c", arah, d, r.value, t.value], () =>
            capaian(r.value, t.value, arah, d)
          );
          formula = shaped(arah, () => {
            if (!(r.formulaOk && t.formulaOk && r.ref && t.ref)) return null;
            const R = r.ref;
            const T = t.ref;
            const Rb = bareOf(R);
            const Tb = bareOf(T);
            if (arah === "turun-rasio")
              return `=IF(OR(${Tb}="",${Rb}="",${Rb}=0),"",ROUND(${T}/${R}*100,${d}))`;
            if (arah === "turun")
              return `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND((2*${T}-${R})/${T}*100,${d}))`;
            return `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND(${R}/${T}*100,${d}))`;
          });
          break;
        }
        case "serapan": {
          const r = input(comp.r);
          const p = input(comp.pagu);
          res = memo.get(["s", d, r.value, p.value], () => serapan(r.value, p.value, d));
          formula = shaped("", () =>
            r.formulaOk && p.formulaOk && r.ref && p.ref
              ? `=IF(OR(${bareOf(p.ref)}="",${bareOf(p.ref)}=0,${bareOf(r.ref)}=""),"",ROUND(${r.ref}/${p.ref}*100,${d}))`
              : null
          );
          break;
        }
        case "efisiensi": {
          const p = input(comp.pagu);
          const r = input(comp.r);
          const c = input(comp.capaian);
          const useC = method !== "sisa";
          res = memo.get(["e", method, d, p.value, r.value, useC ? c.value : null], () =>
            efisiensi(p.value, r.value, useC ? c.value : null, method, d)
          );
          formula = shaped("", () => {
            if (!(p.formulaOk && r.formulaOk && (!useC || c.formulaOk) && p.ref && r.ref))
              return null;
            const P = p.ref;
            const R = r.ref;
            const guard = `${bareOf(P)}="",${bareOf(P)}=0,${bareOf(R)}=""`;
            if (method === "sisa") return `=IF(OR(${guard}),"",ROUND((${P}-${R})/${P}*100,${d}))`;
            if (c.ref && method === "selisih")
              return `=IF(OR(${guard},${bareOf(c.ref)}=""),"",ROUND(${c.ref}-${R}/${P}*100,${d}))`;
            if (c.ref)
              return `=IF(OR(${guard},${bareOf(R)}=0,${bareOf(c.ref)}=""),"",ROUND(${c.ref}/(${R}/${P}*100),${d}))`;
            return null;
          });
          break;
        }
        case "kategori": {
          const c = input(comp.from);
          res = memo.get(["k", scale, c.value], () => kategori(c.value, scale));
          formula = shaped("", () => (c.formulaOk && c.ref ? kategoriFormula(c.ref, scale) : null));
          break;
        }
        case "salin": {
          const s = input(comp.from);
          res = s.value
            ? { ok: true, value: s.value.toNumber() }
            : { ok: false, error: "#N/A", message: "nilai sumber kosong" };
          formula = shaped("", () =>
            s.formulaOk && s.ref ? `=IF(${bareOf(s.ref)}="","",${s.ref})` : null
          );
          break;
        }
      }
      if (settings.valuesOnly) formula = null;
      cells[comp.out] = {
        role: comp.out,
        row: record.row,
        col,
        value: res.ok ? res.value : null,
        formula,
        error: res.ok ? null : res,
      };
    }
    out.rows.push({ record, decision, cells });
  }
  if (def.footers) out.footers = planFooters(out, rec, settings, outputs);
  return out;
}

/**
 * Formula text as one flat string. A template literal is kept by V8 as a tree of string pieces;
 * the plan holds one formula per computed cell, and joining keeps each a single object, which
 * makes the garbage collector's work much smaller. Same text as the template literal.
 */
function F(strs: TemplateStringsArray, ...vals: (string | number)[]): string {
  const parts: (string | number)[] = [strs[0]];
  for (let i = 0; i < vals.length; i++) parts.push(vals[i], strs[i + 1]);
  return parts.join("");
}

/** The plain cell address inside a "(A1*100)" reference. */
function bareOf(r: string): string {
  return r.charCodeAt(0) === 40 ? r.slice(1, -5) : r;
}

const FOOTER_ROLES = [
  "capaian.tahun.k",
  "capaian.tahun.rp",
  "capaian.renstra.k",
  "capaian.renstra.rp",
];
const TARGET_OF: Record<string, string> = {
  "capaian.tahun.k": "target.tahun.k",
  "capaian.tahun.rp": "target.tahun.rp",
  "capaian.renstra.k": "target.renstra.k",
  "capaian.renstra.rp": "target.renstra.rp",
};

/** E.81 "Rata-rata capaian kinerja (%)" and "Predikat kinerja" per program block. */
function planFooters(
  plan: DetailedPlan,
  rec: Recognition,
  settings: Settings,
  outputs: Set<string>
): ComputedCell[] {
  const res: ComputedCell[] = [];
  const byRow = new Map(plan.rows.map((r) => [r.record.row, r]));
  let block: RowPlan[] = [];
  let lastAvg: Record<string, ComputedCell> = {};
  for (const record of plan.model.rows) {
    if (record.kind === "data") {
      const rp = byRow.get(record.row);
      if (rp) block.push(rp);
      continue;
    }
    if (record.kind === "footer-avg") {
      lastAvg = {};
      const subs = block.filter((r) => r.record.level === "subkegiatan");
      const members = subs.length ? subs : block.filter((r) => r.record.level === "kegiatan");
      for (const role of FOOTER_ROLES) {
        if (!(role in rec.columns) || !outputs.has(role)) continue;
        const col = rec.columns[role];
        // rows without a target are left out, not counted as 0
        const used = members.filter((m) => {
          const t = m.record.nums[TARGET_OF[role]];
          return t?.kind === "number" && !t.value!.isZero();
        });
        const vals = used
          .map((m) => m.cells[role]?.value)
          .filter((v): v is number => typeof v === "number");
        let value: number | null = null;
        if (vals.length) {
          const sum = vals.reduce((a, v) => a.plus(new Decimal(String(v))), new Decimal(0));
          value = sum
            .div(vals.length)
            .toDecimalPlaces(settings.decimals, Decimal.ROUND_HALF_UP)
            .toNumber();
        }
        const refs = used.map((m) => addr(m.record.row, col));
        const formula =
          settings.valuesOnly || !refs.length || used.some((m) => m.cells[role]?.formula === null)
            ? null
            : F`=IF(COUNT(${refs.join(",")})=0,"",ROUND(AVERAGE(${refs.join(",")}),${settings.decimals}))`;
        const cell: ComputedCell = {
          role,
          row: record.row,
          col,
          value,
          formula,
          error:
            value === null
              ? {
                  ok: false,
                  error: "#N/A",
                  message: "tidak ada baris sub kegiatan bertarget yang bernilai",
                }
              : null,
        };
        res.push(cell);
        lastAvg[role] = cell;
      }
      block = [];
      continue;
    }
    if (record.kind === "footer-predikat") {
      for (const [role, avg] of Object.entries(lastAvg)) {
        const k = kategori(avg.value === null ? null : new Decimal(String(avg.value)), plan.scale);
        const avgRef = addr(avg.row, avg.col);
        res.push({
          role: `predikat.${role}`,
          row: record.row,
          col: avg.col,
          value: k.ok ? k.value : null,
          formula:
            settings.valuesOnly || avg.formula === null
              ? null
              : kategoriFormula(avgRef, plan.scale),
          error: k.ok ? null : k,
        });
      }
      lastAvg = {};
      continue;
    }
    if (record.kind === "total") block = [];
  }
  return res;
}

function sameValue(prev: Cell, value: number | string | null): boolean {
  const p = prev.value;
  if ((p === null || p === "") && value === null) return true;
  if (typeof p === "number" && typeof value === "number") return Math.abs(p - value) < 1e-9;
  return p === value;
}

const PERCENT_ROLE = /^(capaian|anggaran\.capaian|efisiensi|predikat)/;

/** The fill plan: writes only where something changes; `previous` restores the cell exactly. */
export function planFill(
  grid: Grid,
  rec: Recognition,
  settings: Settings,
  overrides: Record<number, RowOverride> = {}
): FillPlan {
  const detailed = computeSheet(grid, rec, settings, overrides);
  return planFromDetailed(grid, detailed);
}

/** Cells covered by a merged area other than its top-left (key row * 16384 + col). */
function coveredByMerges(grid: Grid): Set<number> {
  const covered = new Set<number>();
  for (const m of grid.merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
  return covered;
}

export function planFromDetailed(grid: Grid, detailed: DetailedPlan): FillPlan {
  const writes: PlannedWrite[] = [];
  // Excel keeps only the top-left cell of a merged area; a write to another of its cells would
  // land in the top-left, so those cells are never written.
  const covered = coveredByMerges(grid);
  let changedExisting = 0;
  // rows are in sheet order, but cells within a row follow the computation order: sort only if needed
  let sorted = true;
  let lastRow = -1;
  let lastCol = -1;
  let strRow = -1;
  let rowStr = "";
  const visit = (c: ComputedCell): void => {
    if (covered.size && covered.has(c.row * 16384 + c.col)) return;
    const previous = cellAt(grid, c.row, c.col);
    const same =
      sameValue(previous, c.value) && (c.formula ?? undefined) === (previous.formula ?? undefined);
    if (same) return;
    const prevCopy: Cell = { value: previous.value };
    if (previous.formula) prevCopy.formula = previous.formula;
    if (previous.numberFormat) prevCopy.numberFormat = previous.numberFormat;
    if (c.row !== strRow) {
      strRow = c.row;
      rowStr = String(c.row + 1);
    }
    const cell = letters(c.col) + rowStr;
    // formula in the literal (same key order as adding it after): no extra property storage
    const w: PlannedWrite = c.formula
      ? { row: c.row, col: c.col, cell, value: c.value, previous: prevCopy, formula: c.formula }
      : { row: c.row, col: c.col, cell, value: c.value, previous: prevCopy };
    // a %-formatted output cell would show our percent points ×100
    if (isPercentFormat(previous.numberFormat) && typeof c.value === "number")
      w.numberFormat = PERCENT_ROLE.test(c.role) ? `0.${"0".repeat(2)}` : "General";
    if (c.row < lastRow || (c.row === lastRow && c.col <= lastCol)) sorted = false;
    lastRow = c.row;
    lastCol = c.col;
    writes.push(w);
    if (previous.value !== null && previous.value !== "" && !sameValue(previous, c.value))
      changedExisting++;
  };
  const rows = detailed.rows;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    for (const role in cells) visit(cells[role]);
  }
  for (const c of detailed.footers) visit(c);
  if (!sorted) writes.sort((a, b) => a.row - b.row || a.col - b.col);
  return { writes, decisions: rows.map((r) => r.decision), changedExisting };
}
