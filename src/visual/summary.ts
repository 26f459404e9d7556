// The "Ringkasan" sheet for one recognised table, as cells: counts per predikat, average capaian
// per programme and for the PD with its predikat, budget absorption per programme and in total,
// and the rows that could not be computed with the reason. Every number is a formula on the
// table; each cell also carries the engine's value (what the formula must give after recalc).
import Decimal from "decimal.js";
import type { FillPlan, Grid, Recognition, RoleId, Settings } from "../model";
import { columnLetters } from "../model/grid";
import { bandOf, SCALES, SCALE_LABELS, type Scale } from "../core/scales";
import { bandExpression } from "../fill/excel-formulas";
import type { DetailedPlan } from "../fill/plan-types";
import { rawBound } from "./predikat";
import { SUMMARY_SHEET } from "./names";
import { chunkArgs, chunkRanges, round, TableView } from "./table-view";

export interface SummaryCell {
  /** 0-based position on the Ringkasan sheet. */
  row: number;
  col: number;
  /** A1 address on the Ringkasan sheet. */
  cell: string;
  /** Native formula (en-US, leading "="), pointing at the table sheet. */
  formula?: string;
  /** Text of a label, or the engine's value of the formula (null = empty / not computable). */
  value: number | string | null;
  numberFormat?: string;
  bold?: boolean;
}

export interface SummaryPlan {
  sheetName: string;
  cells: SummaryCell[];
}

/** Writes cells row by row on the summary sheet. */
export class SheetWriter {
  readonly cells: SummaryCell[] = [];
  r = 0;
  put(col: number, c: Omit<SummaryCell, "row" | "col" | "cell">, row = this.r): void {
    this.cells.push({ row, col, cell: `${columnLetters(col)}${row + 1}`, ...c });
  }
  label(col: number, text: string, bold = false): void {
    this.put(col, { value: text, ...(bold ? { bold } : {}) });
  }
  /** The A1 address of a column on the current row. */
  here(col: number): string {
    return `${columnLetters(col)}${this.r + 1}`;
  }
}

/** The nested IF that turns a number (cell ref) into its band label, like bandOf on 2 decimals. */
export function predikatFormula(ref: string, bands: Scale): string {
  const scale = (Object.keys(SCALES) as (keyof typeof SCALES)[]).find((k) => SCALES[k] === bands);
  let f = `"${bands[bands.length - 1].label}"`;
  if (scale) f = bandExpression(ref, scale);
  else
    for (let i = bands.length - 2; i >= 0; i--)
      f = `IF(ROUND(${ref},2)>=${bands[i].min},"${bands[i].label}",${f})`;
  return `IF(ISNUMBER(${ref}),${f},"")`;
}

function predikatCounts(w: SheetWriter, t: TableView, bands: Scale, scaleLabel: string): void {
  const runs = t.runsOf(t.capCol!);
  const caps = t.dataRows.map((x) => t.num(x.row, t.capCol!));
  w.r++;
  w.label(0, "Jumlah indikator per predikat", true);
  w.label(1, `Skala: ${scaleLabel}`);
  w.r++;
  bands.forEach((b, i) => {
    const upper = i === 0 ? null : bands[i - 1].min;
    // one COUNTIFS per run of consecutive data rows: footer rows inside the table are left out
    const terms = runs.map((rg) => {
      const conds = [rg, b.min === null ? `">=-1E+307"` : `">=${rawBound(b.min)}"`];
      if (upper !== null) conds.push(rg, `"<${rawBound(upper)}"`);
      return `COUNTIFS(${conds.join(",")})`;
    });
    const count = caps.filter(
      (v) => v !== null && bandOf(round(new Decimal(v), 2), bands).label === b.label
    ).length;
    w.label(0, b.label);
    w.put(1, { formula: `=${terms.join("+")}`, value: count });
    w.r++;
  });
  w.label(0, "Jumlah", true);
  w.put(1, {
    formula: `=SUM(B${w.r - bands.length + 1}:B${w.r})`,
    value: caps.filter((v) => v !== null).length,
    bold: true,
  });
  w.r++;
}

function averages(w: SheetWriter, t: TableView, bands: Scale, decimals: number): void {
  w.r++;
  w.label(0, "Rata-rata capaian kinerja (%)", true);
  w.label(1, "Rata-rata", true);
  w.label(2, "Predikat", true);
  w.r++;
  const row = (name: string, rows: number[]) => {
    const value = t.average(rows, t.capCol!, decimals);
    w.label(0, name);
    // IFERROR: a programme without any computed capaian shows empty, not #DIV/0!
    w.put(1, {
      formula: `=IFERROR(ROUND(AVERAGE(${chunkArgs(rows.map((x) => t.ref(x, t.capCol!)))}),${decimals}),"")`,
      value: value ?? "",
      numberFormat: "0.00",
    });
    w.put(2, {
      formula: `=${predikatFormula(w.here(1), bands)}`,
      value: value === null ? "" : bandOf(value, bands).label,
    });
    w.r++;
  };
  const { programs } = t;
  if (programs.length > 1 || (programs.length === 1 && t.blockOf(programs[0]).length > 1))
    for (const p of programs) row(p.name ?? `Program baris ${p.row + 1}`, t.blockOf(p));
  row(
    t.rec.pdName ? `Perangkat Daerah: ${t.rec.pdName}` : "Seluruh indikator",
    t.dataRows.map((x) => x.row)
  );
}

/** Pagu and realisation columns of the table, when it has both. */
function budgetColumns(t: TableView): [number, number] | null {
  const pairs: [RoleId, RoleId][] = [
    ["target.tahun.rp", "realisasi.tahun.rp"],
    ["anggaran.pagu", "anggaran.realisasi"],
  ];
  for (const [p, q] of pairs) {
    const a = t.column(p);
    const b = t.column(q);
    if (a !== undefined && b !== undefined) return [a, b];
  }
  return null;
}

function budget(w: SheetWriter, t: TableView, decimals: number): void {
  const cols = budgetColumns(t);
  if (!cols) return;
  const [pagu, real] = cols;
  w.r++;
  ["Serapan anggaran", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"].forEach((h, c) =>
    w.label(c, h, true)
  );
  w.r++;
  const serapan = (p: Decimal, q: Decimal) =>
    p.isZero() ? "" : round(q.div(p).times(100), decimals);
  const ratio = () => `=IF(B${w.r + 1}=0,"",ROUND(C${w.r + 1}/B${w.r + 1}*100,${decimals}))`;
  let sumP = new Decimal(0);
  let sumR = new Decimal(0);
  for (const p of t.programs) {
    const [x, y] = [t.num(p.row, pagu) ?? 0, t.num(p.row, real) ?? 0];
    w.label(0, p.name ?? `Baris ${p.row + 1}`);
    w.put(1, { formula: `=N(${t.ref(p.row, pagu)})`, value: x, numberFormat: "#,##0" });
    w.put(2, { formula: `=N(${t.ref(p.row, real)})`, value: y, numberFormat: "#,##0" });
    w.put(3, {
      formula: ratio(),
      value: serapan(new Decimal(x), new Decimal(y)),
      numberFormat: "0.00",
    });
    [sumP, sumR] = [sumP.plus(x), sumR.plus(y)];
    w.r++;
  }
  w.label(0, "Total", true);
  const n = t.programs.length;
  if (!n)
    // no programme rows: the total over every data row of the table
    for (const x of t.dataRows)
      [sumP, sumR] = [sumP.plus(t.num(x.row, pagu) ?? 0), sumR.plus(t.num(x.row, real) ?? 0)];
  const total = (c: number, col: number) =>
    n
      ? `=SUM(${columnLetters(c)}${w.r - n + 1}:${columnLetters(c)}${w.r})`
      : `=SUM(${chunkRanges(t.runsOf(col))})`;
  w.put(1, { formula: total(1, pagu), value: sumP.toNumber(), numberFormat: "#,##0" });
  w.put(2, { formula: total(2, real), value: sumR.toNumber(), numberFormat: "#,##0" });
  w.put(3, { formula: ratio(), value: serapan(sumP, sumR), numberFormat: "0.00" });
  w.r++;
}

function reasonOf(t: TableView, row: number): string {
  const tgt = t.column("target.tahun.k") ?? t.column("target");
  const real = t.column("realisasi.tahun.k") ?? t.column("realisasi");
  const v = (c: number | undefined) => (c === undefined ? null : t.valueAt(row, c));
  const empty = (x: unknown) => x === null || x === "";
  if (empty(v(tgt))) return "target kosong";
  if (empty(v(real))) return "realisasi kosong";
  if (v(tgt) === 0) return "target nol";
  if (typeof v(tgt) !== "number" || typeof v(real) !== "number")
    return "target/realisasi bukan angka";
  return "tidak dapat dihitung";
}

function uncomputable(w: SheetWriter, t: TableView): void {
  const missing = t.dataRows.filter((x) => x.indicator && t.num(x.row, t.capCol!) === null);
  w.r++;
  w.label(0, "Baris yang capaiannya tidak dapat dihitung", true);
  w.r++;
  if (!missing.length) {
    w.label(0, "Tidak ada.");
    w.r++;
  }
  const textCol = t.column("indikator") ?? t.column("uraian") ?? t.capCol!;
  for (const x of missing) {
    w.label(0, `Baris ${x.row + 1}`);
    w.put(1, { formula: `=${t.ref(x.row, textCol)}&""`, value: x.indicator });
    w.label(2, reasonOf(t, x.row));
    w.r++;
  }
}

/** The Ringkasan sheet's cells (see the module header). `detailed` saves recomputing the table. */
export function summaryPlan(
  grid: Grid,
  recognition: Recognition,
  plan: FillPlan,
  settings: Settings,
  sheetName = SUMMARY_SHEET,
  detailed?: DetailedPlan
): SummaryPlan {
  const t = TableView.of(grid, recognition, plan, settings, detailed);
  const w = new SheetWriter();
  const { pdName, year } = recognition;
  w.label(
    0,
    `Ringkasan kinerja — lembar "${grid.name}"${pdName ? ` — ${pdName}` : ""}${year ? ` — tahun ${year}` : ""}`,
    true
  );
  w.r++;
  if (t.capCol === null) {
    w.label(0, "Tabel ini tidak memiliki kolom capaian; ringkasan tidak dapat dibuat.");
    return { sheetName, cells: w.cells };
  }
  const bands = SCALES[t.detailed.scale];
  predikatCounts(w, t, bands, SCALE_LABELS[t.detailed.scale]);
  averages(w, t, bands, settings.decimals);
  budget(w, t, settings.decimals);
  uncomputable(w, t);
  return { sheetName, cells: w.cells };
}
