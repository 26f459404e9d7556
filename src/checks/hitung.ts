// hitung.beda and kategori.beda: stated computed values against the recomputed ones, with the
// likely cause so the planner knows what went wrong.
import Decimal from "decimal.js";
import type { Issue } from "../model/issue";
import type { Grid } from "../model/grid";
import { cellAt } from "../model/grid";
import type { DetailedPlan, ComputedCell, RowPlan } from "../fill/plan";
import { readNum } from "../sheet/numeric";
import { textOf } from "../sheet/text";
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

export function checkStated(grid: Grid, plan: DetailedPlan): Issue[] {
  const out: Issue[] = [];
  // readings of repeated values share one Decimal, and stated/computed pairs repeat row after
  // row: convert and compare each distinct pair once (pure, so the outcome is the same)
  const numberOf = new Map<Decimal, number>();
  const fixed = new Map<number, Map<number, number>>();
  const withinHalf = new Map<number, Map<number, Map<number, boolean>>>();
  const consider = (c: ComputedCell, rp: RowPlan | null) => {
    if (c.value === null) return;
    const cell = cellAt(grid, c.row, c.col);
    if (cell.value === null || cell.value === "") return;
    const raw = typeof cell.value === "string" ? cell.value.trim() : "";
    if (typeof c.value === "string") {
      const a = raw
        .toLowerCase()
        .replace(/[\s-]+/g, " ")
        .trim();
      if (a === "" || a === "-") return;
      if (a !== c.value.toLowerCase())
        out.push(
          issue(
            c.row,
            c.col,
            "kategori.beda",
            "warning",
            `Kategori tertulis "${textOf(cell.value)}", menurut skala seharusnya "${c.value}".`
          )
        );
      return;
    }
    // the row model already read this cell (computed columns are numeric roles)
    const n = rp?.record.nums[c.role] ?? readNum(cell.value, cell.numberFormat, undefined);
    if (n.kind !== "number" || !n.value) return;
    let statedNum = numberOf.get(n.value);
    if (statedNum === undefined) numberOf.set(n.value, (statedNum = n.value.toNumber()));
    // a stated value with more decimals than the engine's (a live Excel result) is compared at the engine's precision
    const shown = typeof cell.value === "number" ? formatDecimals(cell.numberFormat) : null;
    const d = Math.min(
      typeof cell.value === "string"
        ? statedDecimals(raw, n.value)
        : (shown ?? decimalsOfNumber(statedNum)),
      Math.max(plan.decimals, 0)
    );
    let stated = statedNum;
    if (typeof cell.value === "number") {
      let byD = fixed.get(statedNum);
      if (!byD) fixed.set(statedNum, (byD = new Map()));
      let f = byD.get(d);
      if (f === undefined) byD.set(d, (f = Number(statedNum.toFixed(d))));
      stated = f;
    }
    // cheap float pre-check; exact decimal comparison only near the boundary
    const diff = Math.abs(c.value - stated);
    const half = 0.5 * Math.pow(10, -d);
    if (diff < half * 0.999) return;
    let byStated = withinHalf.get(c.value);
    if (!byStated) withinHalf.set(c.value, (byStated = new Map()));
    let byHalf = byStated.get(stated);
    if (!byHalf) byStated.set(stated, (byHalf = new Map()));
    let near = byHalf.get(half);
    if (near === undefined) {
      near = new Decimal(String(c.value))
        .minus(new Decimal(String(stated)))
        .abs()
        .lte(new Decimal(half).plus(1e-9));
      byHalf.set(half, near);
    }
    if (near) return;
    const exact = new Decimal(String(c.value));
    const st = new Decimal(String(stated));
    // what a literal sum would have given, to recognise "summed what must not be summed"
    let sum: Decimal | null = null;
    if (rp && /^realisasi\.tahun/.test(c.role)) {
      sum = new Decimal(0);
      for (const [role, x] of Object.entries(rp.record.nums))
        if (x.kind === "number" && x.value && isInputOf(role, c.role)) sum = sum.plus(x.value);
    } else if (rp && /^realisasi\.renstra\.k$/.test(c.role)) {
      const lalu = rp.record.nums["realisasi.lalu.k"];
      const tahun = rp.cells["realisasi.tahun.k"]?.value;
      if (lalu?.kind === "number" && typeof tahun === "number")
        sum = lalu.value!.plus(new Decimal(String(tahun)));
    }
    // a whole or one-decimal number that is the recomputed value rounded: written rounded
    const places = roundedTo(st, exact);
    if (places !== null) {
      out.push(
        issue(
          c.row,
          c.col,
          "hitung.beda",
          "info",
          `Nilai tertulis ${fmt(stated)} adalah hasil hitung ulang ${fmt(c.value)} yang dibulatkan ke ${places === 0 ? "bilangan bulat" : `${places} desimal`}.`
        )
      );
      return;
    }
    out.push(
      issue(
        c.row,
        c.col,
        "hitung.beda",
        "error",
        `Nilai tertulis ${fmt(stated)}, hasil hitung ulang ${fmt(c.value)}. ${likelyCause(st, exact, c.role, rp?.decision.accumulation, sum)}`
      )
    );
  };
  for (const rp of plan.rows) for (const role in rp.cells) consider(rp.cells[role], rp);
  for (const c of plan.footers) consider(c, null);
  return out;
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
