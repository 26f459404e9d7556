// Applying fixes (issue 15), the same for the task pane ("Perbaiki", "Perbaiki semua yang aman")
// and `kinerja perbaiki`: chosen fixes become PlannedWrite[] with the cell as it was (`previous`),
// so that they are previewed, written and undone exactly like a fill.
//  - only the cells a fix names are written, in the order of the fixes; a cell two fixes want with
//    different content is refused (the later fix waits for the next validation), a cell covered by
//    a merge is refused, and nothing is written while the recognition is doubtful;
//  - a fix whose formula reads a cell that another fix of the same batch rewrites as a constant is
//    refused too (the formula was made for the cell as it was: a %-format fixed at the same time
//    would be counted twice);
//  - "all safe" runs in rounds on the sheet as it would be after the previous round, so that fixes
//    that had to wait (refused above) are applied too; `previous` stays the original cell. Only
//    the findings of the first validation are fixed: one that a fix brings up is left to report.
import type { Cell, CellValue, Grid } from "../model/grid";
import { a1, cellAt } from "../model/grid";
import type { CellEdit, Fix, Issue } from "../model/issue";
import type { PlannedWrite } from "../model/plan";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import { coveredByMerges, refusal } from "../fill/write-plan";
import { readsAny } from "../sheet/formula-refs";
import { validate } from "../engine";

/** One fix the planner chose (a finding's fix or one of its choices). */
export interface ChosenFix {
  rule: string;
  /** The finding's cell (A1). */
  cell: string;
  fix: Fix;
}

export interface AppliedFix {
  rule: string;
  cell: string;
  label: string;
  safe: boolean;
  /** The cells the fix names (A1), written or already as the fix wants them. */
  cells: string[];
}

export interface RefusedFix {
  rule: string;
  cell: string;
  label: string;
  /** Why it was not applied, in Indonesian. */
  reason: string;
}

export interface FixPlan {
  /** What to write, each cell once, with the cell as it was read. */
  writes: PlannedWrite[];
  applied: AppliedFix[];
  refused: RefusedFix[];
  /** Why nothing may be written at all (doubtful recognition), in Indonesian; null otherwise. */
  blocked: string | null;
}

const key = (row: number, col: number) => row * 16384 + col;

/** The finding's fix, or its choice number `choice` (0-based); null when there is none. */
export function chosenFix(issue: Issue, choice?: number): ChosenFix | null {
  const fix = choice === undefined ? issue.fix : issue.choices?.[choice];
  return fix ? { rule: issue.rule, cell: issue.cell, fix } : null;
}

/**
 * The unambiguous fixes of the findings, in the findings' order: of the given rules (all rules
 * when omitted), only the safe ones when `safeOnly`. Choices are never picked for the planner.
 */
export function selectFixes(
  issues: Issue[],
  opts: { rules?: readonly string[]; safeOnly?: boolean } = {}
): ChosenFix[] {
  const rules = opts.rules ? new Set(opts.rules) : null;
  return issues.flatMap((i) =>
    i.fix && (!rules || rules.has(i.rule)) && (!opts.safeOnly || i.fix.safe)
      ? [{ rule: i.rule, cell: i.cell, fix: i.fix }]
      : []
  );
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === "" || a === undefined ? null : a;
  const y = b === "" || b === undefined ? null : b;
  if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) < 1e-9;
  return x === y;
}

function sameEdit(a: CellEdit, b: CellEdit): boolean {
  return (
    (a.formula ?? null) === (b.formula ?? null) &&
    (a.formula !== undefined || sameValue(a.value, b.value)) &&
    (a.numberFormat ?? null) === (b.numberFormat ?? null)
  );
}

/** The cell already shows what the edit writes. */
function isNoOp(previous: Cell, e: CellEdit): boolean {
  const format =
    e.numberFormat === undefined || e.numberFormat === (previous.numberFormat ?? "General");
  if (!format) return false;
  if (e.formula) return previous.formula === e.formula;
  return !previous.formula && sameValue(previous.value, e.value);
}

function plannedValue(v: CellValue): number | string | null {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
}

interface Claim {
  edit: CellEdit;
  by: number;
}

/** Why the fix may not join the batch (merged cell, another fix's content), or null. */
function conflict(
  fix: Fix,
  claims: Map<number, Claim>,
  covered: Set<number>,
  labels: string[]
): string | null {
  for (const e of fix.edits) {
    const at = a1(e.row, e.col);
    if (e.row < 0 || e.col < 0) return `Alamat sel tidak sah (${e.row}, ${e.col}).`;
    if (covered.has(key(e.row, e.col)))
      return `${at} termasuk sel gabungan (bukan sel kiri-atasnya); Kinerja tidak menulis di sana.`;
    const claim = claims.get(key(e.row, e.col));
    if (claim && !sameEdit(claim.edit, e))
      return `${at} juga diubah oleh perbaikan "${labels[claim.by]}" dengan isi lain; perbaikan ini menunggu. Validasi ulang lalu perbaiki lagi.`;
  }
  return null;
}

/** Formula fixes that read a cell another accepted fix rewrites as a constant: index → reason. */
function dependencies(
  accepted: number[],
  chosen: ChosenFix[],
  claims: Map<number, Claim>
): Map<number, string> {
  const out = new Map<number, string>();
  for (const i of accepted) {
    const others = new Set<number>();
    for (const [k, c] of claims) if (c.by !== i && c.edit.formula === undefined) others.add(k);
    if (!others.size) continue;
    const reads = chosen[i].fix.edits.find((e) => e.formula && readsAny(e.formula, others));
    if (reads)
      out.set(
        i,
        `Rumus di ${a1(reads.row, reads.col)} membaca sel yang juga diubah oleh perbaikan lain; tulis perbaikan itu dulu, lalu validasi ulang.`
      );
  }
  return out;
}

/** The chosen fixes as writes (one round; see the header for what is refused). */
export function planFixes(grid: Grid, rec: Recognition, chosen: ChosenFix[]): FixPlan {
  const blocked = refusal(rec);
  if (blocked) return { writes: [], applied: [], refused: [], blocked };
  const covered = coveredByMerges(grid);
  const labels = chosen.map((c) => c.fix.label);
  const claims = new Map<number, Claim>();
  const refused = new Map<number, string>();
  const accepted: number[] = [];
  chosen.forEach((c, i) => {
    const why = conflict(c.fix, claims, covered, labels);
    if (why) return void refused.set(i, why);
    for (const e of c.fix.edits)
      if (!claims.has(key(e.row, e.col))) claims.set(key(e.row, e.col), { edit: e, by: i });
    accepted.push(i);
  });
  for (const [i, why] of dependencies(accepted, chosen, claims)) refused.set(i, why);
  const writes: PlannedWrite[] = [];
  const done = new Set<number>();
  const applied: AppliedFix[] = [];
  for (const i of accepted) {
    if (refused.has(i)) continue;
    const { rule, cell, fix } = chosen[i];
    applied.push({
      rule,
      cell,
      label: fix.label,
      safe: fix.safe,
      cells: fix.edits.map((e) => a1(e.row, e.col)),
    });
    for (const e of fix.edits) {
      const k = key(e.row, e.col);
      if (done.has(k)) continue;
      done.add(k);
      const previous = cellAt(grid, e.row, e.col);
      if (isNoOp(previous, e)) continue;
      const w: PlannedWrite = {
        row: e.row,
        col: e.col,
        cell: a1(e.row, e.col),
        value: plannedValue(e.value),
        previous,
      };
      if (e.formula) w.formula = e.formula;
      if (e.numberFormat !== undefined) w.numberFormat = e.numberFormat;
      writes.push(w);
    }
  }
  return {
    writes,
    applied,
    refused: [...refused]
      .sort((a, b) => a[0] - b[0])
      .map(([i, reason]) => ({
        rule: chosen[i].rule,
        cell: chosen[i].cell,
        label: labels[i],
        reason,
      })),
    blocked: null,
  };
}

/** The grid as it would be after the writes (a new Grid; rows not written are shared). */
export function gridAfter(grid: Grid, writes: PlannedWrite[]): Grid {
  const cells = grid.cells.slice();
  const copied = new Set<number>();
  for (const w of writes) {
    while (cells.length <= w.row) cells.push([]);
    if (!copied.has(w.row)) {
      cells[w.row] = cells[w.row].slice();
      copied.add(w.row);
    }
    const row = cells[w.row];
    while (row.length <= w.col) row.push({ value: null });
    const c: Cell = { value: w.value };
    if (w.formula) c.formula = w.formula;
    const format = w.numberFormat ?? w.previous.numberFormat;
    if (format && format !== "General") c.numberFormat = format;
    row[w.col] = c;
  }
  return { ...grid, cells };
}

/**
 * The fixes `select` picks, applied round after round on the sheet as it would be (at most
 * `rounds`), until nothing is left to pick: "Perbaiki semua yang aman" and `kinerja perbaiki`.
 * The writes name the original cells as `previous`, so one undo restores everything.
 */
export async function planFixRounds(
  grid: Grid,
  rec: Recognition,
  settings: Settings,
  select: (issues: Issue[]) => ChosenFix[],
  rounds = 4
): Promise<FixPlan> {
  const composed = new Map<number, PlannedWrite>();
  const applied: AppliedFix[] = [];
  const waiting = new Map<string, RefusedFix>();
  const tried = new Set<string>();
  const id = (c: { rule: string; cell: string; label: string }) => `${c.rule} ${c.cell} ${c.label}`;
  let current = grid;
  // only the findings the planner was shown: a finding that a fix brings up is reported, not fixed
  let shown: Set<string> | null = null;
  for (let round = 0; round < rounds; round++) {
    const { issues } = await validate(current, rec, settings);
    const seen: Set<string> = shown ?? new Set(issues.map((i) => `${i.rule} ${i.cell}`));
    shown = seen;
    const chosen = select(issues).filter(
      (c) => seen.has(`${c.rule} ${c.cell}`) && !tried.has(id({ ...c, label: c.fix.label }))
    );
    if (!chosen.length) break;
    const plan = planFixes(current, rec, chosen);
    if (plan.blocked) return plan;
    for (const a of plan.applied) {
      tried.add(id(a));
      waiting.delete(id(a));
    }
    for (const r of plan.refused) waiting.set(id(r), r);
    for (const w of plan.writes) {
      const k = key(w.row, w.col);
      composed.set(k, { ...w, previous: composed.get(k)?.previous ?? cellAt(grid, w.row, w.col) });
    }
    applied.push(...plan.applied);
    if (!plan.applied.length) break;
    current = gridAfter(current, plan.writes);
  }
  const writes = [...composed.values()].filter(
    (w) => !isNoOp(w.previous, { ...w, value: w.value })
  );
  return { writes, applied, refused: [...waiting.values()], blocked: null };
}

/** The writes that undo `writes` (restore the cells as they were), for a copy of a workbook. */
export function undoWrites(writes: PlannedWrite[]): PlannedWrite[] {
  return writes.map((w) => {
    const undo: PlannedWrite = {
      row: w.row,
      col: w.col,
      cell: w.cell,
      value: plannedValue(w.previous.value),
      numberFormat: w.previous.numberFormat ?? "General",
      previous: {
        value: w.value,
        ...(w.formula ? { formula: w.formula } : {}),
        ...((w.numberFormat ?? w.previous.numberFormat)
          ? { numberFormat: w.numberFormat ?? w.previous.numberFormat }
          : {}),
      },
    };
    if (w.previous.formula) undo.formula = w.previous.formula;
    return undo;
  });
}

/** A cell's content for a preview line: its formula, its value, or "(kosong)". */
export function cellText(c: { value: CellValue; formula?: string }): string {
  if (c.formula) return c.formula;
  if (c.value === null || c.value === "") return "(kosong)";
  if (typeof c.value === "number") return String(c.value).replace(".", ",");
  return String(c.value);
}

/** "before → after" of one write, for the pane's preview and the CLI's report. */
export function changeText(w: PlannedWrite): string {
  const format =
    w.numberFormat !== undefined && w.numberFormat !== (w.previous.numberFormat ?? "General")
      ? ` (format ${w.previous.numberFormat ?? "General"} → ${w.numberFormat})`
      : "";
  return `${cellText(w.previous)} → ${cellText(w)}${format}`;
}

/** The rules whose findings may carry a fix (`kinerja perbaiki --aturan`). */
export const FIXABLE_RULES: readonly string[] = [
  "kode.format",
  "kode.nama-beda",
  "kode.kadaluarsa",
  "kode.placeholder",
  "kode.hierarki",
  "kode.indikator-beda",
  "kode.satuan-beda",
  "kategori.beda",
  "hitung.beda",
  "excel.galat",
  "rumus.tidak-konsisten",
  "persen.campur",
];
