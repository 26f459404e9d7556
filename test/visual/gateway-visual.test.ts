// On the fake Excel host: predikat colours added and removed without touching other
// formats, the chart, the summary sheet, and round trips that do not grow with the rows.
import { sampleBook } from "../../scripts/make-samples";
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost, type FakeSheet } from "../../dev/fake-excel/fake-excel";
import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import { predikatRules, chartPlan, summaryPlan, visualSheetName } from "../../src/visual";
import { TaskpaneController } from "../../src/taskpane/controller";
import { documentStore } from "../../src/excel/helpers";

const book = sampleBook();
const e81 = () => structuredClone(book.sheets.find((s) => s.name === "E81")!) as FakeSheet;
const tabel32 = () =>
  structuredClone(book.sheets.find((s) => s.name === "Tabel 3.2")!) as FakeSheet;

async function setup(sheet: FakeSheet) {
  // Someone else's format on the capaian column: it must survive our removal.
  sheet.conditionalFormats = [{ range: "U9:U20", type: "CellValue", fill: "#FF0000" }];
  const host = new FakeExcelHost({ sheets: [sheet], active: 0 });
  const gw = new ExcelGateway(host.excel());
  const snap = await gw.readActiveSheet();
  const rec = recognise(snap.grid);
  return { host, gw, snap, rec };
}

test("colours: one format per band on U and Y of E.81, two syncs; removal (three steps) keeps the other format", async () => {
  const { host, gw, rec } = await setup(e81());
  const rules = predikatRules(rec, "permendagri86");
  host.resetCounters();
  const added = await gw.applyPredikatColours("E81", rules);
  expect(host.syncCount).toBe(2);
  const cfs = host.activeSheet().conditionalFormats!;
  expect(cfs).toHaveLength(11);
  expect(cfs.filter((c) => c.range === "U9:U56").map((c) => c.fill)).toEqual([
    "#2166AC",
    "#92C5DE",
    "#F7F7F7",
    "#FDB863",
    "#B35806",
  ]);
  expect(cfs.find((c) => c.range === "U9:U56")!.formula).toBe("=AND(ISNUMBER(U9),U9>=90.995)");
  host.resetCounters();
  const { removed } = await gw.removePredikatColours("E81", added);
  expect(removed).toBe(10);
  // types first, then rule and fill of the Custom formats only (office-js#2180), then delete
  expect(host.syncCount).toBe(3);
  expect(host.activeSheet().conditionalFormats).toEqual([
    { range: "U9:U20", type: "CellValue", fill: "#FF0000" },
  ]);
});

test("a protected sheet gets no format and an Indonesian message", async () => {
  const sheet = e81();
  sheet.protected = true;
  const { gw, rec } = await setup(sheet);
  await expect(gw.applyPredikatColours("E81", predikatRules(rec, "permendagri86"))).rejects.toThrow(
    /diproteksi/
  );
  expect(sheet.conditionalFormats).toHaveLength(1);
});

test("round trips do not grow with the number of rows", async () => {
  const counts: number[] = [];
  for (const extra of [0, 2000]) {
    const sheet = tabel32();
    const last = sheet.cells.length;
    for (let i = 0; i < extra; i++)
      sheet.cells.splice(last - 1, 0, structuredClone(sheet.cells[last - 2]));
    const host = new FakeExcelHost({ sheets: [sheet], active: 0 });
    const gw = new ExcelGateway(host.excel());
    const snap = await gw.readActiveSheet();
    const rec = recognise(snap.grid);
    const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
    host.resetCounters();
    const added = await gw.applyPredikatColours(sheet.name, predikatRules(rec, "lkjip"));
    await gw.removePredikatColours(sheet.name, added);
    await gw.writeSummarySheet(
      "Ringkasan",
      summaryPlan(snap.grid, rec, plan, DEFAULT_SETTINGS).cells
    );
    const chart = chartPlan(snap.grid, rec, plan, DEFAULT_SETTINGS);
    if (chart) await gw.addCapaianChart(chart);
    counts.push(host.syncCount);
  }
  expect(counts[1]).toBe(counts[0]);
});

test("chart: clustered columns from the data block, Indonesian title with PD and year, target as a line", async () => {
  const { host, gw, snap, rec } = await setup(e81());
  const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
  const chart = chartPlan(snap.grid, rec, plan, DEFAULT_SETTINGS)!;
  // Four programs in the Mojokerto E.81 fixture → four bars.
  expect(chart.range).toBe("A1:C5");
  host.resetCounters();
  await gw.addCapaianChart(chart);
  expect(host.syncCount).toBe(2);
  const sheet = host.book.sheets.find((s) => s.name === "Grafik capaian")!;
  expect(sheet.charts).toHaveLength(1);
  const c = sheet.charts![0];
  expect(c.type).toBe("ColumnClustered");
  expect(c.source).toBe("'Grafik capaian'!A1:C5");
  expect(c.title).toBe(
    "Capaian Kinerja per Program DINAS TENAGA KERJA KABUPATEN MOJOKERTO Tahun 2024"
  );
  expect(c.seriesTypes).toEqual({ 1: "Line" });
  expect(c.valueTitle).toBe("Capaian (%)");
  expect(sheet.cells[1][1].formula).toMatch(/^=IFERROR\(ROUND\(AVERAGE\('E81'!U11,/);
  expect(sheet.cells[1][2].value).toBe(100);
});

test("controller: Warnai predikat, Hapus warna, Buat Ringkasan (summary formulas evaluate on the fake)", async () => {
  const sheet = e81();
  sheet.conditionalFormats = [{ range: "A1:B2", type: "DataBar" }];
  const host = new FakeExcelHost({ sheets: [sheet], active: 0 });
  const store = documentStore(null);
  const ctl = new TaskpaneController(new ExcelGateway(host.excel()), store);
  await ctl.colourPredikat();
  expect(ctl.state.error).toBeNull();
  expect(sheet.conditionalFormats).toHaveLength(11);
  await ctl.colourPredikat(); // again: no stacking
  expect(sheet.conditionalFormats).toHaveLength(11);
  expect(store.get<unknown[]>("kinerja.warna")).toHaveLength(10);
  await ctl.removeColours();
  expect(sheet.conditionalFormats).toEqual([{ range: "A1:B2", type: "DataBar" }]);
  expect(ctl.state.status).toMatch(/10 format warna predikat dihapus/);
  await ctl.summarySheet();
  const out = host.book.sheets.find((s) => s.name === "Ringkasan E81")!;
  expect(out.cells[0][0].value).toMatch(/^Ringkasan kinerja/);
  expect(out.cells[18][1].formula).toBe("=N('E81'!J11)");
  await ctl.capaianChart();
  expect(host.book.sheets.find((s) => s.name === "Grafik capaian E81")!.charts).toHaveLength(1);
});

test("a summary never overwrites an existing sheet of the same name (the user's edits stay)", async () => {
  const mine: FakeSheet = { name: "Ringkasan", cells: [[{ value: "catatan saya" }]], merges: [] };
  const host = new FakeExcelHost({ sheets: [mine], active: 0 });
  const gw = new ExcelGateway(host.excel());
  const used = await gw.writeSummarySheet("Ringkasan", [
    { row: 0, col: 0, cell: "A1", value: "Ringkasan kinerja" },
  ]);
  // the pane names the sheet actually written
  expect(used).toBe("Ringkasan (2)");
  expect(host.book.sheets.find((s) => s.name === "Ringkasan")!.cells[0][0].value).toBe(
    "catatan saya"
  );
  expect(host.book.sheets.find((s) => s.name === "Ringkasan (2)")!.cells[0][0].value).toBe(
    "Ringkasan kinerja"
  );
});

describe("on the fake host, the Ringkasan and chart formulas evaluate to the engine's numbers", () => {
  const same = (a: unknown, b: unknown) =>
    typeof a === "number" && typeof b === "number"
      ? Math.abs(a - b) < 1e-9
      : (a === "" || a === undefined ? null : a) === (b === "" || b === undefined ? null : b);

  test.each(book.sheets.map((s) => [s.name]))("%s", async (name) => {
    const sheet = structuredClone(book.sheets.find((s) => s.name === name)!) as FakeSheet;
    const host = new FakeExcelHost({ sheets: [sheet], active: 0 });
    const gw = new ExcelGateway(host.excel());
    const snap = await gw.readActiveSheet();
    const rec = recognise(snap.grid);
    if (!rec.layout) return;
    const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
    await gw.applyPlan(snap.grid.name, plan.writes);
    const summary = summaryPlan(
      snap.grid,
      rec,
      plan,
      DEFAULT_SETTINGS,
      visualSheetName("ringkasan", name)
    );
    const chart = chartPlan(
      snap.grid,
      rec,
      plan,
      DEFAULT_SETTINGS,
      visualSheetName("grafik", name)
    );
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const [target, cells] of [
      [visualSheetName("ringkasan", name), summary?.cells ?? []],
      [visualSheetName("grafik", name), chart?.cells ?? []],
    ] as const) {
      if (!cells.length) continue;
      if (target.startsWith("Ringkasan")) await gw.writeSummarySheet(target, [...cells]);
      else await gw.addCapaianChart(chart!);
      const out = host.book.sheets.find((s) => s.name === target)!;
      for (const c of cells) {
        if (!c.formula) continue;
        const got = out.cells[c.row]?.[c.col]?.value;
        checked.push(c.cell);
        if (!same(got, c.value))
          wrong.push(`${target}!${c.cell} ${c.formula} engine=${c.value} fake=${got}`);
      }
    }
    expect(wrong).toEqual([]);
    // a table with capaian values has a chart and a summary of formulas; the others say why not
    if (chart) expect(checked.length).toBeGreaterThan(3);
    else
      expect(summary.cells.map((c) => c.value).join(" ")).toMatch(/tidak memiliki kolom capaian/);
  });

  test("the summary follows the table: undo the fill and the averages go blank", async () => {
    const sheet = e81();
    const host = new FakeExcelHost({ sheets: [sheet], active: 0 });
    const gw = new ExcelGateway(host.excel());
    const snap = await gw.readActiveSheet();
    const rec = recognise(snap.grid);
    const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
    await gw.applyPlan("E81", plan.writes);
    const summary = summaryPlan(snap.grid, rec, plan, DEFAULT_SETTINGS, "Ringkasan E81")!;
    await gw.writeSummarySheet("Ringkasan E81", summary.cells);
    const out = host.book.sheets.find((s) => s.name === "Ringkasan E81")!;
    const avg = summary.cells.find((c) => c.formula?.startsWith("=IFERROR(ROUND(AVERAGE("))!;
    expect(typeof out.cells[avg.row][avg.col].value).toBe("number");
    await gw.restore("E81", plan.writes);
    expect(out.cells[avg.row][avg.col].value).not.toBe(avg.value);
    // Kinerja's own summary is not taken for a table to fill ("Realisasi (Rp)", "Serapan (%)")
    host.activate("Ringkasan E81");
    expect(recognise((await gw.readActiveSheet()).grid).layout).toBeNull();
  });
});
