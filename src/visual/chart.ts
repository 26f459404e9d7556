// The capaian chart: a small data block (formulas on the table) that a native chart is drawn
// from, so the chart follows the table. Layouts that group by programme (E.81): one bar per
// programme (average capaian); others: one bar per indicator. The second series is the 100 %
// target, drawn as a line.
import type { FillPlan, Grid, Recognition, Settings } from "../model";
import type { DetailedPlan } from "../fill/plan-types";
import { layoutById } from "../sheet/layouts";
import { CHART_SHEET } from "./names";
import type { SummaryCell } from "./summary";
import { chunkArgs, TableView } from "./table-view";

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

type Bar = {
  label: SummaryCell["value"];
  labelFormula?: string;
  value: number | string;
  formula: string;
};

function programmeBars(t: TableView, decimals: number): Bar[] {
  const nameCol = t.column("uraian") ?? t.column("indikator");
  return t.programs.map((p) => {
    const rows = t.blockOf(p);
    return {
      label: p.name,
      ...(nameCol === undefined ? {} : { labelFormula: `=${t.ref(p.row, nameCol)}&""` }),
      value: t.average(rows, t.capCol!, decimals) ?? "",
      formula: `=IFERROR(ROUND(AVERAGE(${chunkArgs(rows.map((x) => t.ref(x, t.capCol!)))}),${decimals}),"")`,
    };
  });
}

function indicatorBars(t: TableView): Bar[] {
  const bars: Bar[] = [];
  for (const x of t.dataRows) {
    const v = t.num(x.row, t.capCol!);
    if (v === null) continue;
    // the label from the cell that holds it: a second indicator of a programme is sometimes
    // written in the name column (000 T-C.29 row 27)
    const textCol = x.indicator ? t.column("indikator") : x.name ? t.column("uraian") : undefined;
    bars.push({
      label: x.indicator ?? x.name,
      ...(textCol === undefined ? {} : { labelFormula: `=${t.ref(x.row, textCol)}&""` }),
      value: v,
      formula: `=${t.ref(x.row, t.capCol!)}`,
    });
  }
  return bars;
}

export function chartPlan(
  grid: Grid,
  recognition: Recognition,
  plan: FillPlan,
  settings: Settings,
  sheetName = CHART_SHEET,
  detailed?: DetailedPlan
): ChartPlan | null {
  const t = TableView.of(grid, recognition, plan, settings, detailed);
  if (t.capCol === null) return null;
  const perProgram = !!layoutById(recognition.layout)?.chartPerProgram && t.programs.length > 0;
  const bars = perProgram ? programmeBars(t, settings.decimals) : indicatorBars(t);
  if (!bars.length) return null;
  const cells: SummaryCell[] = [];
  const put = (row: number, col: number, c: Omit<SummaryCell, "row" | "col" | "cell">) =>
    cells.push({ row, col, cell: `${"ABC"[col]}${row + 1}`, ...c });
  put(0, 0, { value: perProgram ? "Program" : "Indikator", bold: true });
  put(0, 1, { value: "Capaian (%)", bold: true });
  put(0, 2, { value: "Target (100%)", bold: true });
  bars.forEach((b, i) => {
    put(
      i + 1,
      0,
      b.labelFormula ? { formula: b.labelFormula, value: b.label } : { value: b.label }
    );
    put(i + 1, 1, { formula: b.formula, value: b.value, numberFormat: "0.00" });
    put(i + 1, 2, { value: 100 });
  });
  const rows = bars.length + 1;
  const who = recognition.pdName ? ` ${recognition.pdName}` : "";
  const year = recognition.year ? ` Tahun ${recognition.year}` : "";
  return {
    sheetName,
    title: `Capaian Kinerja${perProgram ? " per Program" : ""}${who}${year}`,
    categoryTitle: perProgram ? "Program" : "Indikator kinerja",
    valueTitle: "Capaian (%)",
    cells,
    range: `A1:C${rows}`,
    rows,
  };
}
