// E.81 footer rows per program: "Rata-rata capaian kinerja (%)" = for each computed capaian
// column, the mean over the program's sub-kegiatan rows that have a value (kegiatan rows when
// there are no sub-kegiatan; rows without a target left out, not counted as 0), and
// "Predikat kinerja" = the category of each average, written under it.
import Decimal from "decimal.js";
import type { Computation, Recognition, RoleId, ScaleName } from "../model";
import { a1 } from "../model/grid";
import { kategori } from "../sheet/numeric";
import { averageFormula, kategoriFormula } from "./excel-formulas";
import type { ComputedCell, RowPlan } from "./plan-types";
import type { SheetModel } from "../sheet/rows";

interface FooterContext {
  rec: Recognition;
  model: SheetModel;
  rows: RowPlan[];
  scale: ScaleName;
  decimals: number;
  valuesOnly: boolean;
}

/** A footer average of a capaian column (its role is the column's). */
type AverageCell = ComputedCell & { role: RoleId };

/** Capaian outputs and the target each is measured against. */
function capaianColumns(rec: Recognition): { role: RoleId; target: RoleId; col: number }[] {
  return rec.computations
    .filter((c): c is Extract<Computation, { kind: "capaian" }> => c.kind === "capaian")
    .map((c) => ({
      role: c.out,
      target: c.t,
      col: rec.columns[c.out]!,
    }));
}

function average(
  ctx: FooterContext,
  members: RowPlan[],
  role: RoleId,
  target: RoleId,
  col: number,
  row: number
): AverageCell {
  const used = members.filter((m) => {
    const t = m.record.nums[target];
    return t?.kind === "number" && !t.value!.isZero();
  });
  const vals = used
    .map((m) => m.cells[role]?.value)
    .filter((v): v is number => typeof v === "number");
  const value = vals.length
    ? vals
        .reduce((a, v) => a.plus(new Decimal(String(v))), new Decimal(0))
        .div(vals.length)
        .toDecimalPlaces(ctx.decimals, Decimal.ROUND_HALF_UP)
        .toNumber()
    : null;
  const refs = used.map((m) => a1(m.record.row, col));
  const formula =
    ctx.valuesOnly || !refs.length || used.some((m) => m.cells[role]?.formula === null)
      ? null
      : averageFormula(refs, ctx.decimals);
  return {
    role,
    row,
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
}

function predikat(ctx: FooterContext, avg: AverageCell, row: number): ComputedCell {
  const k = kategori(avg.value === null ? null : new Decimal(String(avg.value)), ctx.scale);
  return {
    role: `predikat.${avg.role}`,
    row,
    col: avg.col,
    value: k.ok ? k.value : null,
    formula:
      ctx.valuesOnly || avg.formula === null
        ? null
        : kategoriFormula({ cell: a1(avg.row, avg.col), scaled: false }, ctx.scale),
    error: k.ok ? null : k,
  };
}

export function planFooters(ctx: FooterContext): ComputedCell[] {
  const res: ComputedCell[] = [];
  const targets = capaianColumns(ctx.rec);
  const byRow = new Map(ctx.rows.map((r) => [r.record.row, r]));
  let block: RowPlan[] = [];
  let lastAvg: AverageCell[] = [];
  for (let ri = 0; ri < ctx.model.rows.length; ri++) {
    const record = ctx.model.rows[ri];
    if (record.kind === "data") {
      const rp = byRow.get(record.row);
      if (rp) block.push(rp);
    } else if (record.kind === "footer-avg") {
      const subs = block.filter((r) => r.record.level === "subkegiatan");
      const members = subs.length ? subs : block.filter((r) => r.record.level === "kegiatan");
      // without sub-kegiatan or kegiatan rows the block has nothing to average: the sheet's
      // own footer stays as it is
      lastAvg = members.length
        ? targets.map((t) => average(ctx, members, t.role, t.target, t.col, record.row))
        : [];
      res.push(...lastAvg);
      block = [];
    } else if (record.kind === "footer-predikat") {
      res.push(...lastAvg.map((avg) => predikat(ctx, avg, record.row)));
      lastAvg = [];
    } else if (record.kind === "total") block = [];
  }
  return res;
}
