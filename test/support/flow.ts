// The task pane's whole flow through the gateway, operation by operation, with what each
// operation cost on the wire: read → validate → highlight → clear → fill → undo → colours →
// remove colours → summary. Used by test/excel/wire.test.ts and by `npm run bench`.
import { ExcelGateway, HIGHLIGHT_COLORS } from "../../src/excel/gateway";
import { FakeExcelHost, type FakeSheet } from "../../dev/fake-excel/fake-excel";
import { DEFAULT_SETTINGS, planFill, recognise, validate } from "../../src/engine";
import { predikatFor, summaryFor } from "../../src/app/visuals";
import type { Cell, Grid } from "../../src/model/grid";
import type { FillPlan } from "../../src/model/plan";
import { WireExcel, summarise, type WireSync } from "./officejs-wire";

export interface OperationFigures {
  operation: string;
  /** context.sync() calls. */
  syncs: number;
  /** Excel.run calls. */
  runs: number;
  largestRequest: number;
  largestResponse: number;
  totalRequest: number;
  totalResponse: number;
  /** Syncs the fake host counted (the same operation without office.js). */
  fakeSyncs: number;
  /** The fake host's own byte estimates for the largest request and response. */
  fakeLargestRequest: number;
  fakeLargestResponse: number;
  /** The fake host's estimate of each sync (same order as `wire`). */
  fakeRequests: number[];
  fakeResponses: number[];
  /** The raw syncs. */
  wire: WireSync[];
}

export interface FlowResult {
  operations: OperationFigures[];
  host: FakeExcelHost;
  plan: FillPlan;
  /** Planned cells whose content after the fill is not what the plan wrote. */
  fillMismatches: string[];
  /** Cells whose content after the undo differs from the sheet before the fill. */
  undoMismatches: string[];
  issues: number;
  highlighted: number;
}

/** A cell's content as the tests compare it (value, formula, number format). */
export function content(
  cells: Cell[][]
): { value: unknown; formula?: string; numberFormat?: string }[][] {
  return cells.map((row) => {
    const r = row.map((c) => ({
      value: c?.value ?? null,
      formula: c?.formula,
      numberFormat: c?.numberFormat && c.numberFormat !== "General" ? c.numberFormat : undefined,
    }));
    while (
      r.length &&
      r[r.length - 1].value === null &&
      !r[r.length - 1].formula &&
      !r[r.length - 1].numberFormat
    )
      r.pop();
    return r;
  });
}

function diff(a: ReturnType<typeof content>, b: ReturnType<typeof content>): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(a.length, b.length); r++)
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
      const x = a[r]?.[c] ?? { value: null };
      const y = b[r]?.[c] ?? { value: null };
      if (x.value !== y.value || x.formula !== y.formula || x.numberFormat !== y.numberFormat)
        out.push(`R${r + 1}C${c + 1}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
    }
  return out;
}

/** Runs the flow on `grid` through office.js (wire) and returns per-operation figures. */
export async function gatewayFlow(grid: Grid, extra: Partial<FakeSheet> = {}): Promise<FlowResult> {
  const sheet: FakeSheet = {
    name: grid.name,
    cells: structuredClone(grid.cells),
    merges: structuredClone(grid.merges),
    ...extra,
  };
  const host = new FakeExcelHost({ sheets: [sheet] });
  const wire = new WireExcel(host);
  const gw = new ExcelGateway(wire);
  const operations: OperationFigures[] = [];
  const measure = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    wire.take();
    host.resetCounters();
    const runsBefore = wire.runCount;
    const result = await fn();
    const syncs = wire.take();
    const s = summarise(syncs);
    operations.push({
      operation,
      ...s,
      runs: wire.runCount - runsBefore,
      fakeSyncs: host.syncCount,
      fakeLargestRequest: host.largestRequest,
      fakeLargestResponse: host.largestResponse,
      fakeRequests: [...host.requestSizes],
      fakeResponses: [...host.responseSizes],
      wire: syncs,
    });
    return result;
  };

  const before = content(structuredClone(sheet.cells));
  const snap = await measure("baca", () => gw.readActiveSheet());
  const rec = recognise(snap.grid);
  const analysis = await measure("validasi", () => validate(snap.grid, rec, DEFAULT_SETTINGS));
  const marks = new Map<string, string>();
  for (const i of analysis.issues)
    if (!marks.has(i.cell) || i.severity === "error")
      marks.set(i.cell, HIGHLIGHT_COLORS[i.severity]);
  const highlights = [...marks].map(([cell, color]) => ({ cell, color }));
  const previousFills = await measure("sorot", () => gw.highlight(snap.grid.name, highlights));
  await measure("hapus sorotan", () => gw.clearHighlights(snap.grid.name, previousFills));
  const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
  await measure("isi", () => gw.applyPlan(snap.grid.name, plan.writes));
  const fillMismatches: string[] = [];
  for (const w of plan.writes) {
    const now = sheet.cells[w.row]?.[w.col] ?? { value: null };
    if (w.formula ? now.formula !== w.formula : now.formula || (now.value ?? null) !== w.value)
      fillMismatches.push(`${w.cell}: ${JSON.stringify(now)} ≠ ${w.formula ?? w.value}`);
  }
  await measure("batalkan", () => gw.restore(snap.grid.name, plan.writes));
  host.calculate();
  const undoMismatches = diff(content(sheet.cells), before);
  const rules = predikatFor(snap.grid, rec, DEFAULT_SETTINGS);
  const added = await measure("warnai", () => gw.applyPredikatColours(snap.grid.name, rules));
  await measure("hapus warna", () => gw.removePredikatColours(snap.grid.name, added));
  const summary = summaryFor(snap.grid, rec, plan, DEFAULT_SETTINGS);
  if (summary)
    await measure("ringkasan", () => gw.writeSummarySheet(summary.sheetName, summary.cells));
  return {
    operations,
    host,
    plan,
    fillMismatches,
    undoMismatches,
    issues: analysis.issues.length,
    highlighted: highlights.length,
  };
}
