// hitung.beda and kategori.beda: stated computed values against the recomputed ones, with the
// likely cause so the planner knows what went wrong.
import Decimal from "decimal.js";
import type { Issue } from "../model/issue";
import type { Cell, Grid } from "../model/grid";
import type { RoleId } from "../model/roles";
import { cellAt } from "../model/grid";
import type { DetailedPlan, ComputedCell, RowPlan } from "../fill/plan";
import { readNum, type Num } from "../sheet/numeric";
import { textOf } from "../sheet/text";
import { Memo } from "../fill/memo";
import { issue, fmt } from "./make";

function statedDecimals(raw: string, v: Decimal): number {
  const m = /[.,](\d+)\s*%?$/.exec(raw.replace(/\s/g, ""));
  if (typeof raw === "string" && m && !/^\d{1,3}([.,]\d{3})+$/.test(raw.trim()))
    return Math.min(m[1].length, 4);
  return Math.min(v.decimalPlaces(), 4);
}

/** Likely cause of a difference, in Indonesian. */
export function likelyCause(
  stated: Decimal,
  exact: Decimal,
  role: string,
  accumulation?: string,
  sumOfInputs?: Decimal | null
): string {
  if (!exact.isZero()) {
    const ratio = stated.div(exact);
    if (ratio.minus(100).abs().lt(0.02))
      return "Kemungkinan sel persen (0,9 = 90%) dicampur dengan angka biasa sehingga hasil ×100.";
    if (ratio.minus(0.01).abs().lt(0.0002))
      return "Kemungkinan hasil tidak dikali 100 (rasio, bukan persen).";
  }
  const d = stated.decimalPlaces();
  if (
    exact.toDecimalPlaces(d, Decimal.ROUND_DOWN).eq(stated) &&
    !exact.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).eq(stated)
  )
    return "Angka dipotong, bukan dibulatkan.";
  if (sumOfInputs && accumulation && accumulation !== "jumlah" && sumOfInputs.eq(stated))
    return "Nilai dijumlahkan, padahal indikator ini tidak boleh dijumlah antar periode (pakai nilai terakhir).";
  if (/^capaian/.test(role))
    return "Periksa target dan realisasi yang dipakai (mungkin target lama atau sel yang salah).";
  return "Periksa rumus dan sel masukan.";
}

/** Decimals a number format shows ("0.00" → 2, "#,##0" → 0); null for General. */
function formatDecimals(numberFormat: string | undefined): number | null {
  if (!numberFormat || /general/i.test(numberFormat)) return null;
  const m = /0\.(0+)/.exec(numberFormat.replace(/"[^"]*"/g, ""));
  return m ? m[1].length : /0/.test(numberFormat) ? 0 : null;
}

function decimalsOfNumber(v: number): number {
  if (Number.isInteger(v)) return 0;
  const s = String(v);
  const i = s.indexOf(".");
  return i < 0 || s.includes("e") ? 0 : Math.min(s.length - i - 1, 4);
}

const HALF = Array.from({ length: 11 }, (_, d) => 0.5 * Math.pow(10, -d));

/**
 * Stated computed values against the recomputed ones. Readings of repeated values share one
 * Decimal, and stated/computed pairs repeat row after row: each distinct pair is converted and
 * compared once (pure, so the outcome is the same).
 */
class StatedCheck {
  readonly out: Issue[] = [];
  private readonly numberOf = new Map<Decimal, number>();
  private readonly fixed = new Map<number, Map<number, number>>();
  private readonly withinHalf = new Map<number, Map<number, Map<number, boolean>>>();
  private readonly verdicts = new Memo<Verdict>();
  constructor(
    private readonly grid: Grid,
    private readonly decimals: number
  ) {}

  consider(c: ComputedCell, rp: RowPlan | null): void {
    if (c.value === null) return;
    const cell = cellAt(this.grid, c.row, c.col);
    if (cell.value === null || cell.value === "") return;
    if (typeof c.value === "string") return this.category(c, cell);
    // the row model already read this cell (computed columns are numeric roles)
    // a row's cells have column roles (only footer cells, rp null, have predikat ones)
    const n =
      rp?.record.nums[c.role as RoleId] ?? readNum(cell.value, cell.numberFormat, undefined);
    if (n.kind !== "number" || !n.value) return;
    const stated = this.stated(cell, n);
    const d = this.places;
    // cheap float pre-check; exact decimal comparison only near the boundary
    const diff = Math.abs(c.value - stated);
    const half = d >= 0 && d <= 10 ? HALF[d] : 0.5 * Math.pow(10, -d);
    if (diff < half * 0.999 || this.near(c.value, stated, half)) return;
    // the same difference repeats down a sheet: each distinct one is worded once (pure)
    const memo = this.verdicts.start().key(c.role).key(stated).key(c.value);
    memo.key(rp?.decision.accumulation);
    for (const part of sumParts(c, rp)) memo.key(part);
    let v = memo.get();
    if (v === undefined) v = memo.set(verdict(c, rp, stated));
    this.out.push(issue(c.row, c.col, "hitung.beda", v.severity, v.message));
  }

  /** Decimals the last stated number is compared at (set by stated(): no object per cell). */
  private places = 0;

  /** The stated number, at the precision it is compared at (this.places decimals). */
  private stated(cell: Cell, n: Num): number {
    // a number cell read without a % format holds exactly the reading (Decimal of its shortest
    // decimal form, which converts back to the same double)
    let statedNum: number;
    if (typeof cell.value === "number" && !n.percentFormat) statedNum = cell.value;
    else {
      let known = this.numberOf.get(n.value!);
      if (known === undefined) this.numberOf.set(n.value!, (known = n.value!.toNumber()));
      statedNum = known;
    }
    // a stated value with more decimals than the engine's (a live Excel result) is compared at the engine's precision
    const shown = typeof cell.value === "number" ? formatDecimals(cell.numberFormat) : null;
    const d = Math.min(
      typeof cell.value === "string"
        ? statedDecimals(cell.value.trim(), n.value!)
        : (shown ?? decimalsOfNumber(statedNum)),
      Math.max(this.decimals, 0)
    );
    this.places = d;
    if (typeof cell.value !== "number") return statedNum;
    // toFixed leaves a whole number below 1e21 as it is (0 goes the long way: -0 becomes 0)
    if (Number.isInteger(statedNum) && statedNum !== 0 && Math.abs(statedNum) < 1e21)
      return statedNum;
    let byD = this.fixed.get(statedNum);
    if (!byD) this.fixed.set(statedNum, (byD = new Map()));
    let f = byD.get(d);
    if (f === undefined) byD.set(d, (f = Number(statedNum.toFixed(d))));
    return f;
  }

  /** Exactly within half a unit of the last decimal (plus 1e-9). */
  private near(value: number, stated: number, half: number): boolean {
    let byStated = this.withinHalf.get(value);
    if (!byStated) this.withinHalf.set(value, (byStated = new Map()));
    let byHalf = byStated.get(stated);
    if (!byHalf) byStated.set(stated, (byHalf = new Map()));
    let near = byHalf.get(half);
    if (near === undefined) {
      near = new Decimal(String(value))
        .minus(new Decimal(String(stated)))
        .abs()
        .lte(new Decimal(half).plus(1e-9));
      byHalf.set(half, near);
    }
    return near;
  }

  private category(c: ComputedCell, cell: Cell): void {
    const raw = typeof cell.value === "string" ? cell.value.trim() : "";
    const a = raw
      .toLowerCase()
      .replace(/[\s-]+/g, " ")
      .trim();
    if (a === "" || a === "-") return;
    if (a !== (c.value as string).toLowerCase())
      this.out.push(
        issue(
          c.row,
          c.col,
          "kategori.beda",
          "warning",
          `Kategori tertulis "${textOf(cell.value)}", menurut skala seharusnya "${c.value}".`
        )
      );
  }
}

/** What a literal sum would have given, to recognise "summed what must not be summed". */
function literalSum(c: ComputedCell, rp: RowPlan | null): Decimal | null {
  if (rp && /^realisasi\.tahun/.test(c.role)) {
    let sum = new Decimal(0);
    for (const [role, x] of Object.entries(rp.record.nums))
      if (x.kind === "number" && x.value && isInputOf(role, c.role)) sum = sum.plus(x.value);
    return sum;
  }
  if (rp && /^realisasi\.renstra\.k$/.test(c.role)) {
    const lalu = rp.record.nums["realisasi.lalu.k"];
    const tahun = rp.cells["realisasi.tahun.k"]?.value;
    if (lalu?.kind === "number" && typeof tahun === "number")
      return lalu.value!.plus(new Decimal(String(tahun)));
  }
  return null;
}

/** What the sum in literalSum is made of (by identity: readings of equal values share one Decimal). */
function sumParts(c: ComputedCell, rp: RowPlan | null): unknown[] {
  if (rp && /^realisasi\.tahun/.test(c.role)) {
    const parts: unknown[] = [];
    for (const role in rp.record.nums)
      if (isInputOf(role, c.role)) parts.push(rp.record.nums[role as RoleId]!.value);
    return parts;
  }
  if (rp && /^realisasi\.renstra\.k$/.test(c.role))
    return [rp.record.nums["realisasi.lalu.k"]?.value, rp.cells["realisasi.tahun.k"]?.value];
  return [];
}

type Verdict = { severity: "info" | "error"; message: string };

/** The hitung.beda finding for a stated value that differs from the recomputed one. */
function verdict(c: ComputedCell, rp: RowPlan | null, stated: number): Verdict {
  const value = c.value as number;
  const exact = new Decimal(String(value));
  const st = new Decimal(String(stated));
  const sum = literalSum(c, rp);
  // a whole or one-decimal number that is the recomputed value rounded: written rounded
  const places = roundedTo(st, exact);
  if (places !== null)
    return {
      severity: "info",
      message: `Nilai tertulis ${fmt(stated)} adalah hasil hitung ulang ${fmt(value)} yang dibulatkan ke ${places === 0 ? "bilangan bulat" : `${places} desimal`}.`,
    };
  return {
    severity: "error",
    message: `Nilai tertulis ${fmt(stated)}, hasil hitung ulang ${fmt(value)}. ${likelyCause(st, exact, c.role, rp?.decision.accumulation, sum)}`,
  };
}

export function checkStated(grid: Grid, plan: DetailedPlan): Issue[] {
  const check = new StatedCheck(grid, plan.decimals);
  for (const rp of plan.rows)
    for (const role in rp.cells) check.consider(rp.cells[role as RoleId]!, rp);
  for (const c of plan.footers) check.consider(c, null);
  return check.out;
}

/** The decimals (0 or 1) to which `exact` rounds to exactly `stated`, or null. */
function roundedTo(stated: Decimal, exact: Decimal): number | null {
  for (const k of [0, 1])
    if (stated.decimalPlaces() <= k && exact.toDecimalPlaces(k, Decimal.ROUND_HALF_UP).eq(stated))
      return k;
  return null;
}

function isInputOf(role: string, out: string): boolean {
  const suffix = out.endsWith(".rp") ? ".rp" : out.endsWith(".k") ? ".k" : "";
  if (out.startsWith("realisasi.tahun"))
    return /^realisasi\.tw\d/.test(role) && role.endsWith(suffix);
  return false;
}
