// Every native Excel formula Kinerja writes, in one place: fill columns, E.81 footers, predikat
// labels (also used by the Ringkasan sheet and the colour rules). They are the contract the
// LibreOffice oracle checks: each returns "" where the engine computes nothing (no #DIV/0!),
// rounds half away from zero like the engine, and scales %-formatted inputs to percent points.
import type { Accumulation, Direction, EfficiencyMethod, ScaleName } from "../model";
import { SCALES } from "../core/scales";

/** Stands for the row number in formula templates (never part of a formula's own text). */
export const ROW_TAG = "\u0000";

/** A cell reference in a formula: the cell, and whether it holds a %-formatted fraction. */
export interface Ref {
  cell: string;
  scaled: boolean;
}

/** The value of a reference in percent points: "(K8*100)" for a %-formatted fraction. */
const val = (r: Ref) => (r.scaled ? `(${r.cell}*100)` : r.cell);

/** Year-to-date realisation of period cells. "terakhir": the last non-empty, non-zero period. */
export function realisasiFormula(refs: Ref[], mode: Accumulation): string {
  const bare = refs.map((r) => r.cell).join(",");
  if (mode === "terakhir")
    return (
      "=" +
      refs.reduce(
        (acc, r) => `IF(AND(${r.cell}<>"",${r.cell}<>0),${val(r)},${acc})`,
        `IF(COUNT(${bare})=0,"",0)`
      )
    );
  return `=IF(COUNT(${bare})=0,"",${mode === "rata" ? "AVERAGE" : "SUM"}(${refs.map(val).join(",")}))`;
}

export function capaianFormula(r: Ref, t: Ref, arah: Direction, d: number): string {
  const [R, T, Rb, Tb] = [val(r), val(t), r.cell, t.cell];
  if (arah === "turun-rasio")
    return `=IF(OR(${Tb}="",${Rb}="",${Rb}=0),"",ROUND(${T}/${R}*100,${d}))`;
  if (arah === "turun")
    return `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND((2*${T}-${R})/${T}*100,${d}))`;
  return `=IF(OR(${Tb}="",${Tb}=0,${Rb}=""),"",ROUND(${R}/${T}*100,${d}))`;
}

export function serapanFormula(r: Ref, pagu: Ref, d: number): string {
  return `=IF(OR(${pagu.cell}="",${pagu.cell}=0,${r.cell}=""),"",ROUND(${val(r)}/${val(pagu)}*100,${d}))`;
}

/** Efficiency; null when the method needs a capaian column the table lacks. */
export function efisiensiFormula(
  pagu: Ref,
  r: Ref,
  c: Ref | null,
  method: EfficiencyMethod,
  d: number
): string | null {
  const [P, R] = [val(pagu), val(r)];
  const guard = `${pagu.cell}="",${pagu.cell}=0,${r.cell}=""`;
  if (method === "sisa") return `=IF(OR(${guard}),"",ROUND((${P}-${R})/${P}*100,${d}))`;
  if (!c) return null;
  if (method === "selisih")
    return `=IF(OR(${guard},${c.cell}=""),"",ROUND(${val(c)}-${R}/${P}*100,${d}))`;
  return `=IF(OR(${guard},${r.cell}=0,${c.cell}=""),"",ROUND(${val(c)}/(${R}/${P}*100),${d}))`;
}

export function salinFormula(from: Ref): string {
  return `=IF(${from.cell}="","",${val(from)})`;
}

/**
 * The category label of a value, from the core scale bands (lower-inclusive bounds on the value
 * rounded to 2 decimals), so the written formula and KATEGORI always agree.
 */
export function kategoriFormula(ref: Ref, scale: ScaleName): string {
  return `=IF(${ref.cell}="","",${bandExpression(val(ref), scale)})`;
}

/** The nested IF of a scale's bands over a value expression (Ringkasan and footers use it too). */
export function bandExpression(value: string, scale: ScaleName): string {
  const v = `ROUND(${value},2)`;
  const bands = SCALES[scale] ?? SCALES.permendagri86;
  let inner = `"${bands[bands.length - 1].label}"`;
  for (let i = bands.length - 2; i >= 0; i--) {
    const b = bands[i];
    if (b.min !== null) inner = `IF(${v}>=${b.min},"${b.label}",${inner})`;
  }
  return inner;
}

/** E.81 "Rata-rata capaian kinerja (%)": the mean of the members that have a value. */
export function averageFormula(cells: string[], d: number): string {
  const list = cells.join(",");
  return `=IF(COUNT(${list})=0,"",ROUND(AVERAGE(${list}),${d}))`;
}
