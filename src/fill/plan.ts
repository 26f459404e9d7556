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
import { capaian, efisiensi, isPercentFormat, kategori, realisasi, serapan } from "../sheet/numeric";
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
      if (SCALES[name].some((b) => b.label.toLowerCase() === t)) votes[name] = (votes[name] ?? 0) + 1;
  }
  let best: ScaleName = settings.scale;
  for (const name of Object.keys(votes) as ScaleName[]) if (votes[name] > (votes[best] ?? 0)) best = name;
  return labelled > 0 && (votes[best] ?? 0) >= labelled * 0.6 ? best : settings.scale;
}

function efficiencyMethodOf(grid: Grid, rec: Recognition, settings: Settings): "sisa" | "selisih" | "rasio" {
  if (settings.efficiencyMethod) return settings.efficiencyMethod;
  const h = scanHeader(grid);
  const c = rec.columns.efisiensi;
  const path = h && c !== undefined ? h.paths[c] ?? "" : "";
  return /6\s*-\s*9|tingkat efisiensi/.test(path) ? "selisih" : "sisa";
}

const LETTERS: string[] = [];
/** a1() with cached column letters (called for every formula reference). */
function addr(row: number, col: number): string {
  return (LETTERS[col] ??= columnLetters(col)) + (row + 1);
}

/** Reference to an input cell, scaled to display units when it holds a %-formatted fraction. */
function ref(cell: Cell, row: number, col: number): string {
  const r = addr(row, col);
  return typeof cell.value === "number" && isPercentFormat(cell.numberFormat) ? `(${r}*100)` : r;
}

function dec(v: number | string | null | undefined): Decimal | null {
  return typeof v === "number" ? new Decimal(String(v)) : null;
}

/** Computes every computed cell of the sheet (the plan before diffing against the grid). */
export function computeSheet(
  grid: Grid,
  rec: Recognition,
  settings: Settings,
  overrides: Record<number, RowOverride> = {},
): DetailedPlan {
  const def = layoutById(rec.layout);
  const model = buildRows(grid, rec);
  const method = efficiencyMethodOf(grid, rec, settings);
  const scale = scaleOf(grid, rec, settings, model);
  const out: DetailedPlan = { model, rows: [], footers: [], efficiencyMethod: method, scale, decimals: settings.decimals };
  if (!def) return out;
  const comps: Computation[] = def.computed[rec.variant ?? ""] ?? Object.values(def.computed)[0] ?? [];
  const cols = rec.columns;
  const outputs = new Set(comps.map((c) => c.out));
  let lastCode: string | null = null;
  const proposals = new Map<string, { acc: ReturnType<typeof proposeAccumulation>; dir: ReturnType<typeof proposeDirection> }>();
  for (const record of model.rows) {
    if (record.kind !== "data") continue;
    if (record.code) lastCode = record.code;
    const text = record.indicator ?? record.name;
    const memoKey = `${record.unit ?? ""}|${text ?? ""}`;
    let proposal = proposals.get(memoKey);
    if (!proposal) {
      proposal = { acc: proposeAccumulation(record.unit, text), dir: proposeDirection(text) };
      proposals.set(memoKey, proposal);
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
    // value and formula ref of a role on this row: computed first, else the cell as read
    // formulaOk: the cell works in any formula; sumOk: also an empty marker such as "-", which
    // SUM/COUNT/AVERAGE ignore but a division would not
    const input = (role: string): { value: Decimal | null; ref: string | null; formulaOk: boolean; sumOk: boolean; present: boolean } => {
      if (!(role in cols)) return { value: null, ref: null, formulaOk: true, sumOk: true, present: false };
      const done = cells[role];
      if (done) {
        const ok = done.formula !== null;
        return { value: dec(done.value), ref: addr(record.row, cols[role]), formulaOk: ok, sumOk: ok, present: true };
      }
      const cell = cellAt(grid, record.row, cols[role]);
      const n = record.nums[role];
      const numeric = cell.value === null || cell.value === "" || typeof cell.value === "number";
      const value = n?.kind === "number" ? n.value : null;
      return { value, ref: ref(cell, record.row, cols[role]), formulaOk: numeric, sumOk: numeric || n?.kind === "empty", present: true };
    };
    for (const comp of comps) {
      if (!(comp.out in cols)) continue;
      const col = cols[comp.out];
      let res: { ok: true; value: number | string } | CalcError;
      let formula: string | null = null;
      const d = settings.decimals;
      switch (comp.kind) {
        case "realisasi": {
          const ins = comp.inputs.map(input).filter((x) => x.present);
          const mode: Accumulation = comp.perRow ? accumulation : "jumlah";
          const values = ins.map((x) => x.value);
          // "latest value": zeros after the last non-zero quarter are quarters not reported yet
          // (002 E.81 TW II report with 0 in TW III/IV)
          if (mode === "terakhir" && values.some((v) => v !== null && !v.isZero()))
            for (let i = values.length - 1; i >= 0 && (values[i] === null || values[i]!.isZero()); i--) values[i] = null;
          res = realisasi(values, mode);
          if (ins.length && ins.every((x) => (mode === "terakhir" ? x.formulaOk : x.sumOk))) {
            const refs = ins.map((x) => x.ref!);
            const list = refs.join(",");
            const bare = ins.map((x) => bareOf(x.ref!)).join(",");
            if (mode === "terakhir")
              formula = "=" + refs.reduce((acc2, r) => `IF(AND(${bareOf(r)}<>"",${bareOf(r)}<>0),${r},${acc2})`, `IF(COUNT(${bare})=0,"",0)`);
            else formula = `=IF(COUNT(${bare})=0,"",${mode === "rata" ? "AVERAGE" : "SUM"}(${list}))`;
          }
          break;
        }
        case "capaian": {
          const r = input(comp.r);
          const t = input(comp.t);
          const arah: Direction = comp.perRow ? direction : "naik";
          res = capaian(r.value, t.value, arah, d);
          if (r.formulaOk && t.formulaOk && r.ref && t.ref) {
            const R = r.ref;
            const T = t.ref;
            const Rb = bareOf(R);
            const Tb = bareOf(T);
            if (arah === "turun-rasio") formula = `=IF(OR(${Tb}="",${Rb}="",${Rb}=0),"",ROUND(${T}/${R}*100,${d}))`;
            else if (arah === "turun") formula = `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND((2*${T}-${R})/${T}*100,${d}))`;
            else formula = `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND(${R}/${T}*100,${d}))`;
          }
          break;
        }
        case "serapan": {
          const r = input(comp.r);
          const p = input(comp.pagu);
          res = serapan(r.value, p.value, d);
          if (r.formulaOk && p.formulaOk && r.ref && p.ref)
            formula = `=IF(OR(${bareOf(p.ref)}="",${bareOf(p.ref)}=0,${bareOf(r.ref)}=""),"",ROUND(${r.ref}/${p.ref}*100,${d}))`;
          break;
        }
        case "efisiensi": {
          const p = input(comp.pagu);
          const r = input(comp.r);
          const c = input(comp.capaian);
          const useC = method !== "sisa";
          res = efisiensi(p.value, r.value, useC ? c.value : null, method, d);
          if (p.formulaOk && r.formulaOk && (!useC || c.formulaOk) && p.ref && r.ref) {
            const P = p.ref;
            const R = r.ref;
            const guard = `${bareOf(P)}="",${bareOf(P)}=0,${bareOf(R)}=""`;
            if (method === "sisa") formula = `=IF(OR(${guard}),"",ROUND((${P}-${R})/${P}*100,${d}))`;
            else if (c.ref && method === "selisih") formula = `=IF(OR(${guard},${bareOf(c.ref)}=""),"",ROUND(${c.ref}-${R}/${P}*100,${d}))`;
            else if (c.ref) formula = `=IF(OR(${guard},${bareOf(R)}=0,${bareOf(c.ref)}=""),"",ROUND(${c.ref}/(${R}/${P}*100),${d}))`;
          }
          break;
        }
        case "kategori": {
          const c = input(comp.from);
          res = kategori(c.value, scale);
          if (c.formulaOk && c.ref) formula = kategoriFormula(c.ref, scale);
          break;
        }
        case "salin": {
          const s = input(comp.from);
          res = s.value ? { ok: true, value: s.value.toNumber() } : { ok: false, error: "#N/A", message: "nilai sumber kosong" };
          if (s.formulaOk && s.ref) formula = `=IF(${bareOf(s.ref)}="","",${s.ref})`;
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

/** The plain cell address inside a "(A1*100)" reference. */
function bareOf(r: string): string {
  return r.charCodeAt(0) === 40 ? r.slice(1, -5) : r;
}

const FOOTER_ROLES = ["capaian.tahun.k", "capaian.tahun.rp", "capaian.renstra.k", "capaian.renstra.rp"];
const TARGET_OF: Record<string, string> = {
  "capaian.tahun.k": "target.tahun.k",
  "capaian.tahun.rp": "target.tahun.rp",
  "capaian.renstra.k": "target.renstra.k",
  "capaian.renstra.rp": "target.renstra.rp",
};

/** E.81 "Rata-rata capaian kinerja (%)" and "Predikat kinerja" per program block. */
function planFooters(plan: DetailedPlan, rec: Recognition, settings: Settings, outputs: Set<string>): ComputedCell[] {
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
        const vals = used.map((m) => m.cells[role]?.value).filter((v): v is number => typeof v === "number");
        let value: number | null = null;
        if (vals.length) {
          const sum = vals.reduce((a, v) => a.plus(new Decimal(String(v))), new Decimal(0));
          value = sum.div(vals.length).toDecimalPlaces(settings.decimals, Decimal.ROUND_HALF_UP).toNumber();
        }
        const refs = used.map((m) => addr(m.record.row, col));
        const formula =
          settings.valuesOnly || !refs.length || used.some((m) => m.cells[role]?.formula === null)
            ? null
            : `=IF(COUNT(${refs.join(",")})=0,"",ROUND(AVERAGE(${refs.join(",")}),${settings.decimals}))`;
        const cell: ComputedCell = {
          role,
          row: record.row,
          col,
          value,
          formula,
          error: value === null ? { ok: false, error: "#N/A", message: "tidak ada baris sub kegiatan bertarget yang bernilai" } : null,
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
          formula: settings.valuesOnly || avg.formula === null ? null : kategoriFormula(avgRef, plan.scale),
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
  overrides: Record<number, RowOverride> = {},
): FillPlan {
  const detailed = computeSheet(grid, rec, settings, overrides);
  return planFromDetailed(grid, detailed);
}

export function planFromDetailed(grid: Grid, detailed: DetailedPlan): FillPlan {
  const writes: PlannedWrite[] = [];
  let changedExisting = 0;
  const all: ComputedCell[] = [...detailed.rows.flatMap((r) => Object.values(r.cells)), ...detailed.footers];
  for (const c of all) {
    const previous = cellAt(grid, c.row, c.col);
    const prevCopy: Cell = { value: previous.value };
    if (previous.formula) prevCopy.formula = previous.formula;
    if (previous.numberFormat) prevCopy.numberFormat = previous.numberFormat;
    const same = sameValue(previous, c.value) && (c.formula ?? undefined) === (previous.formula ?? undefined);
    if (same) continue;
    const w: PlannedWrite = { row: c.row, col: c.col, cell: addr(c.row, c.col), value: c.value, previous: prevCopy };
    if (c.formula) w.formula = c.formula;
    // a %-formatted output cell would show our percent points ×100
    if (isPercentFormat(previous.numberFormat) && typeof c.value === "number")
      w.numberFormat = PERCENT_ROLE.test(c.role) ? `0.${"0".repeat(2)}` : "General";
    writes.push(w);
    if (previous.value !== null && previous.value !== "" && !sameValue(previous, c.value)) changedExisting++;
  }
  writes.sort((a, b) => a.row - b.row || a.col - b.col);
  return { writes, decisions: detailed.rows.map((r) => r.decision), changedExisting };
}
