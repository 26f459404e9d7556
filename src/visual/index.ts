// Predikat colours and the "Ringkasan" (summary) sheet, as pure data: the Excel gateway and the
// .xlsx writer turn these into native conditional formats and cells. No Office, DOM or fs here.
import Decimal from "decimal.js";
import type { Grid } from "../model/grid";
import { cellAt, columnLetters } from "../model/grid";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import type { FillPlan } from "../model/plan";
import { SCALES, SCALE_LABELS, bandOf, type Scale, type ScaleName } from "../core/scales";
import { buildRows } from "../sheet/rows";
import { computeSheet } from "../fill/plan";

/**
 * The scale the engine actually used for this table: the setting, or the sheet's own kategori
 * labels when the setting is the default (Lumajang writes "Sangat Baik … Kurang Baik", 003:L375).
 */
export function effectiveScale(
  grid: Grid,
  recognition: Recognition,
  settings: Settings
): ScaleName {
  if (!recognition.layout) return settings.scale;
  return computeSheet(grid, recognition, settings).scale;
}

/**
 * Palette, from the best band to the worst: a diverging blue → orange scale (ColorBrewer
 * "PuOr"/"RdBu"-like hues) whose lightness also steps, so the bands stay distinct for
 * deuteranopia/protanopia and when printed in grey. Dark fills get white text.
 *   1 #2166AC dark blue (white text)   2 #92C5DE light blue   3 #F7F7F7 near white
 *   4 #FDB863 light orange             5 #B35806 dark orange (white text)
 * Scales with fewer bands take the ends first (4 bands: 1,2,4,5; 3 bands: 1,3,5).
 */
export const PALETTE: ReadonlyArray<{ fill: string; font: string }> = [
  { fill: "#2166AC", font: "#FFFFFF" },
  { fill: "#92C5DE", font: "#000000" },
  { fill: "#F7F7F7", font: "#000000" },
  { fill: "#FDB863", font: "#000000" },
  { fill: "#B35806", font: "#FFFFFF" },
];

function paletteFor(n: number): number[] {
  if (n === 5) return [0, 1, 2, 3, 4];
  if (n === 4) return [0, 1, 3, 4];
  if (n === 3) return [0, 2, 4];
  if (n === 2) return [0, 4];
  return Array.from({ length: n }, (_, i) => Math.min(i, 4));
}

/** One conditional-format rule on one column range. */
export type PredikatRule =
  | {
      kind: "between";
      /** Range on the table sheet, e.g. "U12:U40". */
      range: string;
      /** Lower bound (inclusive) or null; applied to the value as shown on 2 decimals. */
      min: number | null;
      /** Upper bound (exclusive) or null. */
      below: number | null;
      label: string;
      fill: string;
      font: string;
    }
  | { kind: "text"; range: string; text: string; label: string; fill: string; font: string };

/** Columns that carry a capaian percentage (numbers) in a recognised table. */
export const CAPAIAN_ROLES = [
  "capaian",
  "capaian.tahun.k",
  "capaian.renstra.k",
  "capaian.n2",
  "capaian.renstra",
];

// Bands are judged on the value rounded to 2 decimals (half away from zero): x rounds to ≥ m
// exactly when x ≥ m − 0.005, so the raw-value rules use that bound.
function rawBound(min: number): number {
  return new Decimal(min).minus("0.005").toNumber();
}

/** Conditional-format rules, one per band, for every capaian and kategori column over the data rows. */
export function predikatRules(recognition: Recognition, scale: Scale | ScaleName): PredikatRule[] {
  const bands = typeof scale === "string" ? SCALES[scale] : scale;
  if (!recognition.dataRows) return [];
  const [top, bottom] = recognition.dataRows;
  const colours = paletteFor(bands.length).map((i) => PALETTE[i]);
  const range = (col: number) =>
    `${columnLetters(col)}${top + 1}:${columnLetters(col)}${bottom + 1}`;
  const rules: PredikatRule[] = [];
  for (const role of CAPAIAN_ROLES) {
    const col = recognition.columns[role];
    if (col === undefined) continue;
    bands.forEach((b, i) => {
      const upper = i === 0 ? null : bands[i - 1].min;
      rules.push({
        kind: "between",
        range: range(col),
        min: b.min === null ? null : rawBound(b.min),
        below: upper === null ? null : rawBound(upper),
        label: b.label,
        ...colours[i],
      });
    });
  }
  const kat = recognition.columns.kategori;
  if (kat !== undefined)
    bands.forEach((b, i) =>
      rules.push({ kind: "text", range: range(kat), text: b.label, label: b.label, ...colours[i] })
    );
  return rules;
}

/** Excel formula condition (en-US) of a "between" rule for the top-left cell of its range. */
export function ruleFormula(rule: PredikatRule): string {
  const first = rule.range.split(":")[0];
  if (rule.kind === "text") return `=TRIM(${first})="${rule.text.replace(/"/g, '""')}"`;
  const parts = [`ISNUMBER(${first})`];
  if (rule.min !== null) parts.push(`${first}>=${rule.min}`);
  if (rule.below !== null) parts.push(`${first}<${rule.below}`);
  return `=AND(${parts.join(",")})`;
}

// ---------------------------------------------------------------------------------------------
// Ringkasan sheet
// ---------------------------------------------------------------------------------------------

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

export const SUMMARY_SHEET = "Ringkasan";

/** Excel's limit on sheet names; a longer name is refused. */
const MAX_SHEET_NAME = 31;

/** The name of the summary or chart sheet of a table sheet (within Excel's 31 characters). */
export function visualSheetName(kind: "ringkasan" | "grafik", tableSheet: string): string {
  return `${kind === "ringkasan" ? SUMMARY_SHEET : CHART_SHEET} ${tableSheet}`.slice(
    0,
    MAX_SHEET_NAME
  );
}

/** Quotes a sheet name for a reference: 'E81'!U12 (inner quotes doubled). */
export function sheetRef(sheet: string, a1ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1ref}`;
}

function round(v: Decimal, d: number): number {
  return v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toNumber();
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The nested IF that turns a number (cell ref) into its band label, like bandOf on 2 decimals. */
export function predikatFormula(ref: string, bands: Scale): string {
  let f = `"${bands[bands.length - 1].label}"`;
  for (let i = bands.length - 2; i >= 0; i--)
    f = `IF(ROUND(${ref},2)>=${bands[i].min},"${bands[i].label}",${f})`;
  return `IF(ISNUMBER(${ref}),${f},"")`;
}

/**
 * The cells of the Ringkasan sheet for one recognised table: counts per predikat, average
 * capaian per program and for the PD with its predikat, budget absorption per program and in
 * total, and the rows that could not be computed. Every number is a formula on the table; each
 * cell also carries the engine's value (what the formula must give after recalculation).
 */
export function summaryPlan(
  grid: Grid,
  recognition: Recognition,
  plan: FillPlan,
  settings: Settings,
  sheetName = SUMMARY_SHEET
): SummaryPlan {
  const cells: SummaryCell[] = [];
  let r = 0;
  const put = (row: number, col: number, c: Omit<SummaryCell, "row" | "col" | "cell">) =>
    cells.push({ row, col, cell: `${columnLetters(col)}${row + 1}`, ...c });
  const label = (row: number, col: number, text: string, bold = false) =>
    put(row, col, { value: text, ...(bold ? { bold } : {}) });
  const scaleName = effectiveScale(grid, recognition, settings);
  const bands = SCALES[scaleName];
  const ref = (row: number, col: number) => sheetRef(grid.name, `${columnLetters(col)}${row + 1}`);
  // The table after the fill: planned writes over what the sheet holds.
  const written = new Map<number, number | string | null>();
  for (const w of plan.writes) written.set(w.row * 16384 + w.col, w.value);
  const valueAt = (row: number, col: number) =>
    written.has(row * 16384 + col) ? written.get(row * 16384 + col)! : cellAt(grid, row, col).value;

  label(
    r++,
    0,
    `Ringkasan kinerja — lembar "${grid.name}"` +
      (recognition.pdName ? ` — ${recognition.pdName}` : "") +
      (recognition.year ? ` — tahun ${recognition.year}` : ""),
    true
  );
  const capRole = CAPAIAN_ROLES.find((x) => recognition.columns[x] !== undefined);
  if (!recognition.dataRows || !capRole) {
    label(r, 0, "Tabel ini tidak memiliki kolom capaian; ringkasan tidak dapat dibuat.");
    return { sheetName, cells };
  }
  const capCol = recognition.columns[capRole];
  const model = buildRows(grid, recognition);
  const dataRows = model.rows.filter((x) => x.kind === "data");
  // Ranges over runs of consecutive data rows of a column: a numbering row repeated inside the
  // table ("1 2 3 … 8", 003 Tabel 3.5) or a footer must not be counted or summed.
  const runsOf = (col: number): string[] => {
    const L = columnLetters(col);
    const out: string[] = [];
    for (let i = 0; i < dataRows.length;) {
      let j = i;
      while (j + 1 < dataRows.length && dataRows[j + 1].row === dataRows[j].row + 1) j++;
      out.push(sheetRef(grid.name, `$${L}$${dataRows[i].row + 1}:$${L}$${dataRows[j].row + 1}`));
      i = j + 1;
    }
    return out;
  };
  const runs = runsOf(capCol);
  // Data rows only: footers/sections inside the range are text or excluded below via the row list.
  const capValues = dataRows.map((x) => ({ row: x.row, v: num(valueAt(x.row, capCol)) }));

  r++;
  label(r, 0, "Jumlah indikator per predikat", true);
  label(r++, 1, `Skala: ${SCALE_LABELS[scaleName]}`);
  bands.forEach((b, i) => {
    const upper = i === 0 ? null : bands[i - 1].min;
    // One COUNTIFS per run of consecutive data rows: footer rows inside the table are left out.
    const terms = runs.map((rg) => {
      const conds = [rg, b.min === null ? `">=-1E+307"` : `">=${rawBound(b.min)}"`];
      if (upper !== null) conds.push(rg, `"<${rawBound(upper)}"`);
      return `COUNTIFS(${conds.join(",")})`;
    });
    const count = capValues.filter(
      (c) => c.v !== null && bandOf(round(new Decimal(c.v), 2), bands).label === b.label
    ).length;
    label(r, 0, b.label);
    put(r, 1, { formula: `=${terms.join("+")}`, value: count });
    r++;
  });
  const total = capValues.filter((c) => c.v !== null).length;
  label(r, 0, "Jumlah", true);
  put(r, 1, { formula: `=SUM(B${r - bands.length + 1}:B${r})`, value: total, bold: true });
  r++;

  r++;
  label(r, 0, "Rata-rata capaian kinerja (%)", true);
  label(r, 1, "Rata-rata", true);
  label(r++, 2, "Predikat", true);
  const dec = settings.decimals;
  const avgRow = (name: string, rows: number[]) => {
    const vals = rows.map((x) => num(valueAt(x, capCol))).filter((v): v is number => v !== null);
    const refs = rows.map((x) => ref(x, capCol));
    label(r, 0, name);
    const value = vals.length
      ? round(vals.reduce((a, v) => a.plus(v), new Decimal(0)).div(vals.length), dec)
      : null;
    // IFERROR: a program without any computed capaian shows empty, not #DIV/0!
    const args = chunkArgs(refs);
    put(r, 1, {
      formula: `=IFERROR(ROUND(AVERAGE(${args}),${dec}),"")`,
      value: value ?? "",
      numberFormat: "0.00",
    });
    put(r, 2, {
      formula: `=${predikatFormula(`B${r + 1}`, bands)}`,
      value: value === null ? "" : bandOf(value, bands).label,
    });
    r++;
  };
  const programs = dataRows.filter((x) => x.level === "program" && !x.continuation);
  if (
    programs.length > 1 ||
    (programs.length === 1 &&
      dataRows.some((x) => x.program === programs[0].row && x.row !== programs[0].row))
  ) {
    for (const p of programs)
      avgRow(
        p.name ?? `Program baris ${p.row + 1}`,
        dataRows.filter((x) => x.row === p.row || x.program === p.row).map((x) => x.row)
      );
  }
  avgRow(
    recognition.pdName ? `Perangkat Daerah: ${recognition.pdName}` : "Seluruh indikator",
    dataRows.map((x) => x.row)
  );

  // Budget absorption: realisation ÷ ceiling.
  const budget = (["target.tahun.rp", "realisasi.tahun.rp"] as const).every(
    (x) => recognition.columns[x] !== undefined
  )
    ? [recognition.columns["target.tahun.rp"], recognition.columns["realisasi.tahun.rp"]]
    : recognition.columns["anggaran.pagu"] !== undefined &&
        recognition.columns["anggaran.realisasi"] !== undefined
      ? [recognition.columns["anggaran.pagu"], recognition.columns["anggaran.realisasi"]]
      : null;
  if (budget) {
    const [pagu, real] = budget;
    r++;
    label(r, 0, "Serapan anggaran", true);
    label(r, 1, "Pagu (Rp)", true);
    label(r, 2, "Realisasi (Rp)", true);
    label(r++, 3, "Serapan (%)", true);
    const rowsWithBudget = programs.length ? programs.map((p) => p.row) : [];
    let sumP = new Decimal(0);
    let sumR = new Decimal(0);
    const serapan = (p: Decimal, q: Decimal) => (p.isZero() ? "" : round(q.div(p).times(100), dec));
    for (const row of rowsWithBudget) {
      const p = num(valueAt(row, pagu));
      const q = num(valueAt(row, real));
      label(r, 0, dataRows.find((x) => x.row === row)?.name ?? `Baris ${row + 1}`);
      put(r, 1, { formula: `=N(${ref(row, pagu)})`, value: p ?? 0, numberFormat: "#,##0" });
      put(r, 2, { formula: `=N(${ref(row, real)})`, value: q ?? 0, numberFormat: "#,##0" });
      put(r, 3, {
        formula: `=IF(B${r + 1}=0,"",ROUND(C${r + 1}/B${r + 1}*100,${dec}))`,
        value: serapan(new Decimal(p ?? 0), new Decimal(q ?? 0)),
        numberFormat: "0.00",
      });
      sumP = sumP.plus(p ?? 0);
      sumR = sumR.plus(q ?? 0);
      r++;
    }
    label(r, 0, "Total", true);
    if (rowsWithBudget.length) {
      put(r, 1, {
        formula: `=SUM(B${r - rowsWithBudget.length + 1}:B${r})`,
        value: sumP.toNumber(),
        numberFormat: "#,##0",
      });
      put(r, 2, {
        formula: `=SUM(C${r - rowsWithBudget.length + 1}:C${r})`,
        value: sumR.toNumber(),
        numberFormat: "#,##0",
      });
    } else {
      // No program rows: total over every data row of the table.
      const colRange = (c: number) => chunkRanges(runsOf(c));
      for (const x of dataRows) {
        sumP = sumP.plus(num(valueAt(x.row, pagu)) ?? 0);
        sumR = sumR.plus(num(valueAt(x.row, real)) ?? 0);
      }
      put(r, 1, {
        formula: `=SUM(${colRange(pagu)})`,
        value: sumP.toNumber(),
        numberFormat: "#,##0",
      });
      put(r, 2, {
        formula: `=SUM(${colRange(real)})`,
        value: sumR.toNumber(),
        numberFormat: "#,##0",
      });
    }
    put(r, 3, {
      formula: `=IF(B${r + 1}=0,"",ROUND(C${r + 1}/B${r + 1}*100,${dec}))`,
      value: serapan(sumP, sumR),
      numberFormat: "0.00",
    });
    r++;
  }

  // Rows whose capaian could not be computed, with the reason.
  const missing = dataRows.filter((x) => x.indicator && num(valueAt(x.row, capCol)) === null);
  r++;
  label(r++, 0, "Baris yang capaiannya tidak dapat dihitung", true);
  if (!missing.length) label(r++, 0, "Tidak ada.");
  for (const x of missing) {
    const tgtCol = recognition.columns["target.tahun.k"] ?? recognition.columns.target;
    const realCol = recognition.columns["realisasi.tahun.k"] ?? recognition.columns.realisasi;
    const t = tgtCol === undefined ? null : valueAt(x.row, tgtCol);
    const q = realCol === undefined ? null : valueAt(x.row, realCol);
    const empty = (v: unknown) => v === null || v === "";
    const reason = empty(t)
      ? "target kosong"
      : empty(q)
        ? "realisasi kosong"
        : num(t) === 0
          ? "target nol"
          : num(t) === null || num(q) === null
            ? "target/realisasi bukan angka"
            : "tidak dapat dihitung";
    label(r, 0, `Baris ${x.row + 1}`);
    put(r, 1, {
      formula: `=${ref(x.row, recognition.columns.indikator ?? recognition.columns.uraian ?? capCol)}&""`,
      value: x.indicator,
    });
    label(r++, 2, reason);
  }
  return { sheetName, cells };
}

/** SUM arguments from ranges (Excel takes at most 255; longer lists are nested in SUMs). */
function chunkRanges(ranges: string[]): string {
  if (ranges.length <= 255) return ranges.join(",");
  const parts: string[] = [];
  for (let i = 0; i < ranges.length; i += 255)
    parts.push(`SUM(${ranges.slice(i, i + 255).join(",")})`);
  return parts.join(",");
}

// AVERAGE accepts at most 255 arguments: group long lists of single cells into nested AVERAGE-free
// unions is not portable, so long lists are split into consecutive ranges where possible.
function chunkArgs(refs: string[]): string {
  if (refs.length <= 255) return refs.join(",");
  // Rows are ascending; consecutive rows merge into one range reference.
  const out: string[] = [];
  let start = 0;
  const rowOf = (s: string) => Number(/(\d+)$/.exec(s)![1]);
  for (let i = 1; i <= refs.length; i++) {
    if (i < refs.length && rowOf(refs[i]) === rowOf(refs[i - 1]) + 1) continue;
    out.push(i - 1 === start ? refs[start] : `${refs[start]}:${refs[i - 1].split("!")[1]}`);
    start = i;
  }
  return out.join(",");
}

// ---------------------------------------------------------------------------------------------
// Capaian chart: a small data block (formulas on the table) that a native chart is drawn from,
// so the chart follows the table. E.81: one bar per program (average capaian); other layouts:
// one bar per indicator. The second series is the 100 % target, drawn as a line.
// ---------------------------------------------------------------------------------------------

export interface ChartPlan {
  /** Sheet that holds the data block and the chart. */
  sheetName: string;
  title: string;
  categoryTitle: string;
  valueTitle: string;
  /** Data block (header row + one row per bar): columns label | capaian | target 100. */
  cells: SummaryCell[];
  /** A1 range of the data block, header included, e.g. "A1:C12". */
  range: string;
  rows: number;
}

export const CHART_SHEET = "Grafik capaian";

export function chartPlan(
  grid: Grid,
  recognition: Recognition,
  plan: FillPlan,
  settings: Settings,
  sheetName = CHART_SHEET
): ChartPlan | null {
  const capRole = CAPAIAN_ROLES.find((x) => recognition.columns[x] !== undefined);
  if (!recognition.dataRows || !capRole) return null;
  const capCol = recognition.columns[capRole];
  const written = new Map<number, number | string | null>();
  for (const w of plan.writes) written.set(w.row * 16384 + w.col, w.value);
  const valueAt = (row: number, col: number) =>
    written.has(row * 16384 + col) ? written.get(row * 16384 + col)! : cellAt(grid, row, col).value;
  const ref = (row: number, col: number) => sheetRef(grid.name, `${columnLetters(col)}${row + 1}`);
  const model = buildRows(grid, recognition);
  const dataRows = model.rows.filter((x) => x.kind === "data");
  const programs = dataRows.filter((x) => x.level === "program" && !x.continuation);
  const perProgram = recognition.layout === "E81" && programs.length > 0;
  const dec = settings.decimals;
  const cells: SummaryCell[] = [];
  const put = (row: number, col: number, c: Omit<SummaryCell, "row" | "col" | "cell">) =>
    cells.push({ row, col, cell: `${columnLetters(col)}${row + 1}`, ...c });
  const labelCol = recognition.columns.indikator ?? recognition.columns.uraian;
  put(0, 0, { value: perProgram ? "Program" : "Indikator", bold: true });
  put(0, 1, { value: "Capaian (%)", bold: true });
  put(0, 2, { value: "Target (100%)", bold: true });
  let r = 1;
  if (perProgram) {
    for (const p of programs) {
      const rows = dataRows.filter((x) => x.row === p.row || x.program === p.row).map((x) => x.row);
      const vals = rows.map((x) => num(valueAt(x, capCol))).filter((v): v is number => v !== null);
      const value = vals.length
        ? round(vals.reduce((a, v) => a.plus(v), new Decimal(0)).div(vals.length), dec)
        : "";
      const nameCol = recognition.columns.uraian ?? labelCol;
      put(
        r,
        0,
        nameCol === undefined
          ? { value: p.name }
          : { formula: `=${ref(p.row, nameCol)}&""`, value: p.name }
      );
      put(r, 1, {
        formula: `=IFERROR(ROUND(AVERAGE(${chunkArgs(rows.map((x) => ref(x, capCol)))}),${dec}),"")`,
        value,
        numberFormat: "0.00",
      });
      put(r++, 2, { value: 100 });
    }
  } else {
    for (const x of dataRows) {
      const v = num(valueAt(x.row, capCol));
      if (v === null) continue;
      // the label from the cell that holds it: a second indicator of a program is sometimes
      // written in the name column (000 T-C.29 row 27)
      const textCol = x.indicator
        ? recognition.columns.indikator
        : x.name
          ? recognition.columns.uraian
          : undefined;
      put(
        r,
        0,
        textCol === undefined
          ? { value: x.indicator ?? x.name }
          : { formula: `=${ref(x.row, textCol)}&""`, value: x.indicator ?? x.name }
      );
      put(r, 1, { formula: `=${ref(x.row, capCol)}`, value: v, numberFormat: "0.00" });
      put(r++, 2, { value: 100 });
    }
  }
  if (r === 1) return null;
  const who = recognition.pdName ? ` ${recognition.pdName}` : "";
  const year = recognition.year ? ` Tahun ${recognition.year}` : "";
  return {
    sheetName,
    title: `Capaian Kinerja${perProgram ? " per Program" : ""}${who}${year}`,
    categoryTitle: perProgram ? "Program" : "Indikator kinerja",
    valueTitle: "Capaian (%)",
    cells,
    range: `A1:C${r}`,
    rows: r,
  };
}
