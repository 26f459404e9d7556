import { ExcelGateway, columnRuns, parseMerged } from "../../src/excel/gateway";
import { FakeExcelHost, type FakeSheet } from "../../dev/fake-excel/fake-excel";
import { recognise, validate, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import type { Grid } from "../../src/model/grid";
import { e81Grid, e81Row } from "../engine/helpers";

function e81(rows: number): Grid {
  const data = [
    e81Row("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase dokumen", {
      t5: [100, 38196110687],
      r6: [80, 14824049774],
      t7: [100, 5405019600],
      tw: [
        [50, 759126775],
        [50, 1482189872],
      ],
    }),
  ];
  for (let i = 1; i < rows; i++)
    data.push(
      e81Row(`Penyediaan Bahan Logistik Kantor ${i}`, "Jumlah paket", {
        t5: [25, 66107390],
        r6: [22, 37574000],
        t7: [7, 8600000],
        tw: [
          [0, null],
          [2, 3675000],
          [0, null],
          [0, null],
        ],
      })
    );
  return e81Grid(data);
}

function host(grid: Grid, extra: Partial<FakeSheet> = {}): FakeExcelHost {
  return new FakeExcelHost({
    sheets: [
      { name: grid.name, cells: structuredClone(grid.cells), merges: grid.merges, ...extra },
    ],
  });
}

async function readValidateFill(rows: number) {
  const h = host(e81(rows));
  const gw = new ExcelGateway(h.excel());
  const snap = await gw.readActiveSheet();
  const readSyncs = h.syncCount;
  const rec = recognise(snap.grid);
  await validate(snap.grid, rec, DEFAULT_SETTINGS);
  const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
  h.resetCounters();
  await gw.applyPlan(snap.grid.name, plan.writes);
  return {
    h,
    gw,
    snap,
    plan,
    readSyncs,
    writeSyncs: h.syncCount,
    largest: h.largestRequest,
    largestResponse: h.largestResponse,
  };
}

describe("Excel gateway on the fake host", () => {
  test("reading a small sheet is two round trips (its extent, then one block) with values, formulas, formats and merges", async () => {
    const grid = e81(5);
    grid.merges.push({ top: 3, left: 4, bottom: 3, right: 5 });
    grid.cells[10][8] = { value: 0.9, numberFormat: "0%" };
    grid.cells[10][9] = { value: 10, formula: "=4+6" };
    const h = host(grid);
    const snap = await new ExcelGateway(h.excel()).readActiveSheet();
    expect(h.syncCount).toBe(2);
    expect(snap.grid.cells[10][8]).toEqual({ value: 0.9, numberFormat: "0%" });
    expect(snap.grid.cells[10][9]).toEqual({ value: 10, formula: "=4+6" });
    expect(snap.grid.merges).toContainEqual({ top: 3, left: 4, bottom: 3, right: 5 });
    expect(snap.grid.cells[0][0].value).toBe("Tabel E.81");
  });

  test("the fake enforces load/sync: reading an unloaded property fails", async () => {
    const h = host(e81(3));
    await expect(
      h.excel().run(async (ctx: any) => {
        const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
        r.load("values");
        return r.values; // not synced yet
      })
    ).rejects.toThrow(/not available/);
    await expect(
      h.excel().run(async (ctx: any) => {
        const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
        await ctx.sync();
        return r.formulas; // never loaded
      })
    ).rejects.toThrow(/not available/);
  });

  test("round trips grow with the bytes, not the cells: read and fill chunked under 5,000,000 bytes", async () => {
    const small = await readValidateFill(10);
    const big = await readValidateFill(20000);
    expect(small.readSyncs).toBe(2);
    expect(small.plan.writes.length).toBeGreaterThan(10);
    expect(big.plan.writes.length).toBeGreaterThan(100000);
    // 1 sync to check the targets + one write chunk
    expect(small.writeSyncs).toBe(2);
    console.log(
      `fill round trips: 10 rows ${small.writeSyncs}, 20000 rows ${big.writeSyncs}; read ${big.readSyncs}; largest request ${big.largest} bytes, largest response ${big.largestResponse} bytes`
    );
    // a handful of chunks for 160,000 cells, not one per cell or per column run
    expect(big.readSyncs).toBeLessThanOrEqual(8);
    expect(big.writeSyncs).toBeLessThanOrEqual(8);
    expect(big.largest).toBeLessThanOrEqual(5_000_000);
    expect(big.largestResponse).toBeLessThanOrEqual(5_000_000);
    // Written formulas recalculate (fake evaluator) to the engine's own values.
    for (const w of big.plan.writes.slice(0, 200)) {
      const cell = big.h.activeSheet().cells[w.row][w.col];
      if (w.formula) expect(cell.formula).toBe(w.formula);
      if (typeof w.value === "number") expect(cell.value).toBeCloseTo(w.value, 6);
    }
  }, 120000);

  test("a write that would exceed 5 MB in one request is refused by the fake (the limit is real)", async () => {
    const h = host(e81(3));
    const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
    await expect(
      h.excel().run(async (ctx: any) => {
        ctx.workbook.worksheets
          .getActiveWorksheet()
          .getRangeByIndexes(0, 40, big.length, 1).values = big;
        await ctx.sync();
      })
    ).rejects.toThrow(/payload/);
  });

  test("undo restores values, formulas and number formats exactly", async () => {
    const { h, gw, snap, plan } = await readValidateFill(10);
    const before = structuredClone(snap.grid.cells);
    await gw.restore(snap.grid.name, plan.writes);
    const after = h.activeSheet().cells;
    for (const w of plan.writes) {
      const was = before[w.row]?.[w.col] ?? { value: null };
      const now = after[w.row][w.col];
      expect({
        cell: w.cell,
        value: now.value ?? null,
        formula: now.formula,
        fmt: now.numberFormat ?? "General",
      }).toEqual({
        cell: w.cell,
        value: was.value ?? null,
        formula: was.formula,
        fmt: was.numberFormat ?? "General",
      });
    }
  });

  test('text written as Text ("@") and undone comes back as the same text, no apostrophe', async () => {
    const h = new FakeExcelHost({
      sheets: [{ name: "Kode", cells: [[{ value: "04" }, { value: "0009" }]], merges: [] }],
    });
    const gw = new ExcelGateway(h.excel());
    const writes = [
      { row: 0, col: 0, cell: "A1", value: "0004", numberFormat: "@", previous: { value: "04" } },
      { row: 0, col: 1, cell: "B1", value: "09", numberFormat: "@", previous: { value: "0009" } },
    ];
    await gw.applyPlan("Kode", writes);
    expect(h.activeSheet().cells[0].map((c) => [c.value, c.numberFormat])).toEqual([
      ["0004", "@"],
      ["09", "@"],
    ]);
    await gw.restore("Kode", writes);
    // the undo puts "04" back under General: as text, not the number 4 and not "'04"
    expect(h.activeSheet().cells[0].map((c) => [c.value, c.numberFormat ?? "General"])).toEqual([
      ["04", "General"],
      ["0009", "General"],
    ]);
  });

  test("a cell changed by the user since the read stops the write; nothing is written", async () => {
    const h = host(e81(10));
    const gw = new ExcelGateway(h.excel());
    const snap = await gw.readActiveSheet();
    const rec = recognise(snap.grid);
    const plan = planFill(snap.grid, rec, DEFAULT_SETTINGS);
    const victim = plan.writes[3];
    h.activeSheet().cells[victim.row][victim.col] = { value: "diubah pengguna" };
    const copy = structuredClone(h.activeSheet().cells);
    await expect(gw.applyPlan(snap.grid.name, plan.writes)).rejects.toThrow(
      /sudah berubah.*Tidak ada yang ditulis/
    );
    expect(h.activeSheet().cells).toEqual(copy);
  });

  test("a protected sheet gives a clear message and nothing half-written", async () => {
    const h = host(e81(10), { protected: true });
    const gw = new ExcelGateway(h.excel());
    const snap = await gw.readActiveSheet();
    expect(snap.protected).toBe(true);
    const plan = planFill(snap.grid, recognise(snap.grid), DEFAULT_SETTINGS);
    const copy = structuredClone(h.activeSheet().cells);
    await expect(gw.applyPlan(snap.grid.name, plan.writes)).rejects.toThrow(/diproteksi/);
    expect(h.activeSheet().cells).toEqual(copy);
  });

  test("highlights are removable and give back the previous fill", async () => {
    const h = host(e81(3), { fills: { C9: "#00FF00" } });
    const gw = new ExcelGateway(h.excel());
    const before = await gw.highlight("E81", [
      { cell: "C9", color: "#F4B6B6" },
      { cell: "D9", color: "#FCE4A8" },
    ]);
    expect(h.activeSheet().fills).toEqual({ C9: "#F4B6B6", D9: "#FCE4A8" });
    await gw.clearHighlights("E81", before);
    expect(h.activeSheet().fills).toEqual({ C9: "#00FF00" });
  });

  test("select moves the selection", async () => {
    const h = host(e81(3));
    await new ExcelGateway(h.excel()).select("E81", "U9");
    expect(h.selection).toBe("E81!U9");
  });

  test("helpers: column runs and merged-area parsing", () => {
    const w = (row: number, col: number) => ({
      row,
      col,
      cell: "",
      value: 1,
      previous: { value: null },
    });
    expect(columnRuns([w(3, 1), w(1, 1), w(2, 1), w(5, 1), w(1, 2)]).map((r) => r.length)).toEqual([
      3, 1, 1,
    ]);
    expect(parseMerged("'Tabel 3.1'!A1:C1,Sheet1!D2")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 3 },
    ]);
  });
});
