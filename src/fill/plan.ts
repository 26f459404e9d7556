// Fill planning (DOMAIN §5): every computed column of the recognised layout, row by row, as
// native Excel formulas where the inputs are numeric cells (values otherwise), each write with
// the cell as it was (exact undo). The engine value is the formula's expected result.
import Decimal from "decimal.js";
import type { Grid, Cell } from "../model/grid";
import { a1, cellAt, columnLetters } from "../model/grid";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import type { RowOverride } from "../model/plan";
import type { FillPlan, PlannedWrite, RowDecision } from "../model/plan";
import type { Accumulation, Direction } from "../model/domain";
import type { CalcError } from "../core/result";
import { layoutById, type Computation } from "../sheet/layouts";
import { buildRows, type SheetModel } from "../sheet/rows";
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
import { SCALES } from "../core/scales";
import type { ScaleName } from "../model/domain";
import type { ComputedCell, DetailedPlan, RowPlan } from "./plan-types";
export type { ComputedCell, DetailedPlan, RowPlan } from "./plan-types";

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

const addr = a1;
const letters = columnLetters;

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

type Result = { ok: true; value: number | string } | CalcError;

/** One input of a computation on the current row (a reused slot, see computeSheet). */
interface Input {
  value: Decimal | null;
  /** Column of the input; -1 when the layout has no such column. */
  col: number;
  present: boolean;
  /** Numeric %-formatted cell: the formula scales it to percent points, (A1*100). */
  scaled: boolean;
  /** The cell works in any formula. */
  formulaOk: boolean;
  /** Also an empty marker such as "-", which SUM/COUNT/AVERAGE ignore but a division would not. */
  sumOk: boolean;
}

function emptyInput(): Input {
  return { value: null, col: -1, present: false, scaled: false, formulaOk: true, sumOk: true };
}

/** Formula reference of an input in a template (ROW_TAG for the row). */
function refOf(x: Input): string {
  const r = letters(x.col) + ROW_TAG;
  return x.scaled ? `(${r}*100)` : r;
}

/** The plain cell reference of an input, without the ×100 scaling. */
function bareRefOf(x: Input): string {
  return letters(x.col) + ROW_TAG;
}

/** A formula with ROW_TAG split into the pieces joined by each row's number. */
function templateOf(formula: string | null): string[] | null {
  return formula === null ? null : formula.split(ROW_TAG);
}

/**
 * Memo of a pure calculation keyed by the identity of its arguments. Readings of repeated cell
 * values share one Decimal (see buildRows and decOf), so rows with the same inputs reuse the
 * result; Decimals are immutable and the calculations pure, so results are identical.
 * A cursor walks the keys (`start().key(a).key(b).get() ?? set(compute())`): no array or
 * closure per lookup, which matters at 160,000 computed cells.
 */
class Memo<R> {
  private root = new Map<unknown, unknown>();
  private node: Map<unknown, unknown> | null = null;
  private size = 0;
  start(): this {
    this.node = this.root;
    return this;
  }
  key(k: unknown): this {
    const node = this.node;
    if (node === null) return this;
    let next = node.get(k) as Map<unknown, unknown> | undefined;
    if (next === undefined) {
      // full: compute without remembering
      if (this.size > 200000) {
        this.node = null;
        return this;
      }
      next = new Map();
      node.set(k, next);
      this.size++;
    }
    this.node = next;
    return this;
  }
  get(): R | undefined {
    return this.node?.get(MEMO_VALUE) as R | undefined;
  }
  set(r: R): R {
    this.node?.set(MEMO_VALUE, r);
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
  // every row gets the same keys in the same order: cloning one template keeps a single object
  // shape, and the keyed stores below overwrite existing properties instead of adding them
  const cellsTemplate: Record<string, ComputedCell> = {};
  for (const comp of comps)
    if (comp.out in cols) cellsTemplate[comp.out] = null as unknown as ComputedCell;
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
  const memo = new Memo<Result>();
  const slots: Input[] = [];
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
    const cells: Record<string, ComputedCell> = { ...cellsTemplate };
    const rowStr = String(record.row + 1);
    // Formula text differs between rows only in the row number: it is built once per shape
    // (which inputs exist, are numeric, are %-formatted; the row's mode) with ROW_TAG in place
    // of the row number, and each row joins the pieces with its own number. `fkey` encodes the
    // shape of the inputs read so far for the current computation.
    let fkey = 0;
    // value and formula reference of a role on this row (computed first, else the cell as
    // read), in a reused slot: no allocation per input and no reference text unless a formula
    // template has to be built.
    const input = (role: string, slot: number): Input => {
      const x = (slots[slot] ??= emptyInput());
      const col = cols[role];
      if (col === undefined) {
        x.value = null;
        x.col = -1;
        x.scaled = false;
        x.formulaOk = true;
        x.sumOk = true;
        x.present = false;
      } else {
        const done = cells[role];
        x.col = col;
        x.present = true;
        if (done) {
          const ok = done.formula !== null;
          x.value = decOf(done.value);
          x.scaled = false;
          x.formulaOk = ok;
          x.sumOk = ok;
        } else {
          const cell = cellAt(grid, record.row, col);
          const n = record.nums[role];
          const numeric =
            cell.value === null || cell.value === "" || typeof cell.value === "number";
          x.value = n?.kind === "number" ? n.value : null;
          x.scaled = typeof cell.value === "number" && isPercentFormat(cell.numberFormat);
          x.formulaOk = numeric;
          x.sumOk = numeric || n?.kind === "empty";
        }
      }
      fkey =
        fkey * 16 +
        (x.present ? 1 : 0) +
        (x.formulaOk ? 2 : 0) +
        (x.sumOk ? 4 : 0) +
        (x.scaled ? 8 : 0);
      return x;
    };
    for (let ci = 0; ci < comps.length; ci++) {
      const comp = comps[ci];
      const col = cols[comp.out];
      if (col === undefined) continue;
      let res: Result | undefined;
      const d = settings.decimals;
      fkey = 0;
      // the formula template of this computation for the row's input shape and mode
      let key = 0;
      let tpl: string[] | null | undefined;
      const byKey = (templates[ci] ??= new Map());
      switch (comp.kind) {
        case "realisasi": {
          const mode: Accumulation = comp.perRow ? accumulation : "jumlah";
          const ins: Input[] = [];
          const values: (Decimal | null)[] = [];
          for (let i = 0; i < comp.inputs.length; i++) {
            const x = input(comp.inputs[i], i);
            if (x.present) {
              ins.push(x);
              values.push(x.value);
            }
          }
          // "latest value": zeros after the last non-zero quarter are quarters not reported yet
          // (002 E.81 TW II report with 0 in TW III/IV)
          if (mode === "terakhir" && values.some((v) => v !== null && !v.isZero()))
            for (
              let i = values.length - 1;
              i >= 0 && (values[i] === null || values[i]!.isZero());
              i--
            )
              values[i] = null;
          memo.start().key("r").key(mode);
          for (const v of values) memo.key(v);
          res = memo.get() ?? memo.set(realisasi(values, mode));
          key = fkey * 8 + MODE_CODE[mode];
          tpl = byKey.get(key);
          if (tpl === undefined) {
            let f: string | null = null;
            if (ins.length && ins.every((x) => (mode === "terakhir" ? x.formulaOk : x.sumOk))) {
              const refs = ins.map(refOf);
              const bare = ins.map(bareRefOf).join(",");
              if (mode === "terakhir")
                f =
                  "=" +
                  refs.reduce(
                    (acc2, r) => `IF(AND(${bareOf(r)}<>"",${bareOf(r)}<>0),${r},${acc2})`,
                    `IF(COUNT(${bare})=0,"",0)`
                  );
              else
                f = `=IF(COUNT(${bare})=0,"",${mode === "rata" ? "AVERAGE" : "SUM"}(${refs.join(",")}))`;
            }
            byKey.set(key, (tpl = templateOf(f)));
          }
          break;
        }
        case "capaian": {
          const r = input(comp.r, 0);
          const t = input(comp.t, 1);
          const arah: Direction = comp.perRow ? direction : "naik";
          res =
            memo.start().key("c").key(arah).key(d).key(r.value).key(t.value).get() ??
            memo.set(capaian(r.value, t.value, arah, d));
          key = fkey * 8 + MODE_CODE[arah];
          tpl = byKey.get(key);
          if (tpl === undefined) {
            let f: string | null = null;
            if (r.formulaOk && t.formulaOk && r.present && t.present) {
              const R = refOf(r);
              const T = refOf(t);
              const Rb = bareRefOf(r);
              const Tb = bareRefOf(t);
              if (arah === "turun-rasio")
                f = `=IF(OR(${Tb}="",${Rb}="",${Rb}=0),"",ROUND(${T}/${R}*100,${d}))`;
              else if (arah === "turun")
                f = `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND((2*${T}-${R})/${T}*100,${d}))`;
              else f = `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND(${R}/${T}*100,${d}))`;
            }
            byKey.set(key, (tpl = templateOf(f)));
          }
          break;
        }
        case "serapan": {
          const r = input(comp.r, 0);
          const p = input(comp.pagu, 1);
          res =
            memo.start().key("s").key(d).key(r.value).key(p.value).get() ??
            memo.set(serapan(r.value, p.value, d));
          key = fkey * 8;
          tpl = byKey.get(key);
          if (tpl === undefined) {
            const f =
              r.formulaOk && p.formulaOk && r.present && p.present
                ? `=IF(OR(${bareRefOf(p)}="",${bareRefOf(p)}=0,${bareRefOf(r)}=""),"",ROUND(${refOf(r)}/${refOf(p)}*100,${d}))`
                : null;
            byKey.set(key, (tpl = templateOf(f)));
          }
          break;
        }
        case "efisiensi": {
          const p = input(comp.pagu, 0);
          const r = input(comp.r, 1);
          const c = input(comp.capaian, 2);
          const useC = method !== "sisa";
          const cv = useC ? c.value : null;
          res =
            memo.start().key("e").key(method).key(d).key(p.value).key(r.value).key(cv).get() ??
            memo.set(efisiensi(p.value, r.value, cv, method, d));
          key = fkey * 8;
          tpl = byKey.get(key);
          if (tpl === undefined) {
            let f: string | null = null;
            if (p.formulaOk && r.formulaOk && (!useC || c.formulaOk) && p.present && r.present) {
              const P = refOf(p);
              const R = refOf(r);
              const guard = `${bareRefOf(p)}="",${bareRefOf(p)}=0,${bareRefOf(r)}=""`;
              if (method === "sisa") f = `=IF(OR(${guard}),"",ROUND((${P}-${R})/${P}*100,${d}))`;
              else if (c.present && method === "selisih")
                f = `=IF(OR(${guard},${bareRefOf(c)}=""),"",ROUND(${refOf(c)}-${R}/${P}*100,${d}))`;
              else if (c.present)
                f = `=IF(OR(${guard},${bareRefOf(r)}=0,${bareRefOf(c)}=""),"",ROUND(${refOf(c)}/(${R}/${P}*100),${d}))`;
            }
            byKey.set(key, (tpl = templateOf(f)));
          }
          break;
        }
        case "kategori": {
          const c = input(comp.from, 0);
          res =
            memo.start().key("k").key(scale).key(c.value).get() ??
            memo.set(kategori(c.value, scale));
          key = fkey * 8;
          tpl = byKey.get(key);
          if (tpl === undefined)
            byKey.set(
              key,
              (tpl = templateOf(c.formulaOk && c.present ? kategoriFormula(refOf(c), scale) : null))
            );
          break;
        }
        case "salin": {
          const s = input(comp.from, 0);
          res = s.value
            ? { ok: true, value: s.value.toNumber() }
            : { ok: false, error: "#N/A", message: "nilai sumber kosong" };
          key = fkey * 8;
          tpl = byKey.get(key);
          if (tpl === undefined)
            byKey.set(
              key,
              (tpl = templateOf(
                s.formulaOk && s.present ? `=IF(${bareRefOf(s)}="","",${refOf(s)})` : null
              ))
            );
          break;
        }
      }
      if (res === undefined) continue;
      const formula =
        settings.valuesOnly || !tpl ? null : tpl.length === 1 ? tpl[0] : tpl.join(rowStr);
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
    // grids are immutable snapshots of plain {value, formula?, numberFormat?} cells: a write
    // keeps the read cell itself as its undo record (no copy per write)
    const same =
      sameValue(previous, c.value) && (c.formula ?? undefined) === (previous.formula ?? undefined);
    if (same) return;
    if (c.row !== strRow) {
      strRow = c.row;
      rowStr = String(c.row + 1);
    }
    const cell = letters(c.col) + rowStr;
    // formula in the literal (same key order as adding it after): no extra property storage
    const w: PlannedWrite = c.formula
      ? { row: c.row, col: c.col, cell, value: c.value, previous, formula: c.formula }
      : { row: c.row, col: c.col, cell, value: c.value, previous };
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
