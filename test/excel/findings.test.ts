// One test per finding of ../shared/research/office-review.md that concerns the gateway (F1–F13
// and the requirement sets), on the fake host that is now as strict as Excel, and through the
// real office.js client where the finding is about sizes or client semantics.
import { ExcelGateway, asConstant, formulaFits } from "../../src/excel/gateway";
import { FakeExcelHost, type FakeSheet } from "../../dev/fake-excel/fake-excel";
import { DEFAULT_SETTINGS, planFill, recognise } from "../../src/engine";
import { predikatRules } from "../../src/visual";
import type { Grid } from "../../src/model/grid";
import type { PlannedWrite } from "../../src/model/plan";
import { shiftFormula } from "../../src/sheet/formula-refs";
import { mergedE81, syntheticE81 } from "../support/e81";
import { content } from "../support/flow";
import { WireExcel, summarise } from "../support/officejs-wire";

function hostOf(grid: Grid, extra: Partial<FakeSheet> = {}): FakeExcelHost {
  return new FakeExcelHost({
    sheets: [
      {
        name: grid.name,
        cells: structuredClone(grid.cells),
        merges: structuredClone(grid.merges),
        ...extra,
      },
    ],
  });
}

async function readAndPlan(gw: ExcelGateway) {
  const snap = await gw.readActiveSheet();
  const rec = recognise(snap.grid);
  return { snap, rec, plan: planFill(snap.grid, rec, DEFAULT_SETTINGS) };
}

const U = 20; // capaian K of the E.81 (column U)

describe("F1 — conditional formats of other types on the predikat columns", () => {
  for (const via of ["fake", "office.js"] as const)
    test(`removing the predikat colours keeps a CellValue format and a data bar (${via})`, async () => {
      const host = hostOf(syntheticE81(40), {
        conditionalFormats: [
          { range: "U9:U20", type: "CellValue", fill: "#FF0000" },
          { range: "A1:Z60", type: "DataBar" },
        ],
      });
      const gw = new ExcelGateway(via === "fake" ? host.excel() : new WireExcel(host));
      const { rec } = await readAndPlan(gw);
      const added = await gw.applyPredikatColours("E81", predikatRules(rec, "permendagri86"));
      expect(added.length).toBeGreaterThan(4);
      // loading custom/* over these collections is refused, as in Excel (office-js#2180)
      const { removed } = await gw.removePredikatColours("E81", added);
      expect(removed).toBe(added.length);
      expect(host.activeSheet().conditionalFormats).toEqual([
        { range: "U9:U20", type: "CellValue", fill: "#FF0000" },
        { range: "A1:Z60", type: "DataBar" },
      ]);
    });
});

test("F2 — a sheet with 2,007 merged areas is read whole (512 per getMergedAreas call)", async () => {
  const grid = mergedE81(2000, 2000);
  const host = hostOf(grid);
  const snap = await new ExcelGateway(host.excel()).readActiveSheet();
  expect(snap.grid.merges).toHaveLength(grid.merges.length);
  expect(new Set(snap.grid.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`))).toEqual(
    new Set(grid.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`))
  );
});

test("F3 — a 20,000-row E.81: read, fill and undo with no request or response over 5,000,000 bytes", async () => {
  const host = hostOf(syntheticE81(20000));
  const gw = new ExcelGateway(host.excel());
  const { snap, plan } = await readAndPlan(gw);
  const readSyncs = host.syncCount;
  expect(plan.writes.length).toBeGreaterThan(100000);
  host.resetCounters();
  const filled = await gw.applyPlan("E81", plan.writes);
  expect(filled.written).toBe(plan.writes.length);
  await gw.restore("E81", plan.writes);
  expect(host.largestRequest).toBeLessThanOrEqual(5_000_000);
  expect(host.largestResponse).toBeLessThanOrEqual(5_000_000);
  expect(snap.grid.cells.length).toBe(20007);
  console.log(
    `F3 (fake): baca ${readSyncs} sync; isi ${filled.requests} sync; permintaan terbesar ${host.largestRequest} B, jawaban terbesar ${host.largestResponse} B`
  );
});

describe("F4 — Excel Tables (calculated columns)", () => {
  // The E.81 data as an Excel Table whose header is the numbering row, with 3 empty rows
  // left at its end (and one formula of the user's own in the capaian column).
  function tabled() {
    const grid = syntheticE81(40);
    const host = hostOf(grid, { tables: [{ name: "TabelE81", range: "A7:AB50" }] });
    host.activeSheet().cells[10][U] = { value: 2, formula: "=1+1" };
    return host;
  }

  test("the plan is written as values: no cell outside the plan changes; undo is exact", async () => {
    const host = tabled();
    const before = content(structuredClone(host.activeSheet().cells));
    const gw = new ExcelGateway(host.excel());
    const { plan } = await readAndPlan(gw);
    const result = await gw.applyPlan("E81", plan.writes);
    const sheet = host.activeSheet();
    // the empty table rows below the data stay empty (a calculated column would fill them)
    for (const r of [47, 48, 49])
      for (const c of [18, 19, 20, 21]) expect(sheet.cells[r]?.[c]?.formula).toBeUndefined();
    // the user's formula in the table stays
    expect(sheet.cells[10][U].formula).toBe("=1+1");
    expect(result.notes.join(" ")).toMatch(/Tabel Excel "TabelE81" ditulis sebagai nilai/);
    expect(result.notes.join(" ")).toMatch(/1 sel berumus di dalam Tabel Excel tidak diubah/);
    expect(result.skipped).toBe(1);
    // values, not formulas, inside the table
    const planned = plan.writes.find((w) => w.row === 9 && w.col === U)!;
    expect(planned.formula).toBeDefined();
    expect(sheet.cells[9][U]).toMatchObject({ value: planned.value });
    expect(sheet.cells[9][U].formula).toBeUndefined();
    await gw.restore("E81", plan.writes);
    expect(content(host.book.sheets[0].cells)).toEqual(before);
  });

  test("the same through office.js", async () => {
    const host = tabled();
    const before = content(structuredClone(host.activeSheet().cells));
    const gw = new ExcelGateway(new WireExcel(host));
    const { plan } = await readAndPlan(gw);
    await gw.applyPlan("E81", plan.writes);
    expect(host.activeSheet().cells[48]?.[U]?.formula).toBeUndefined();
    await gw.restore("E81", plan.writes);
    expect(content(host.book.sheets[0].cells)).toEqual(before);
  });
});

describe("F5 — spilled dynamic arrays", () => {
  const ANCHOR = "=KINERJA.CAPAIAN(S8:S37,I8:I37)";
  // =KINERJA.CAPAIAN(...) in U8 spills down U8:U37; the cells below it are the spill.
  function spilling() {
    const grid = syntheticE81(30);
    const values = Array.from({ length: 30 }, (_, i) => [i === 0 ? 50 : 28.57]);
    for (let r = 8; r < 37; r++) grid.cells[r][U] = { value: null };
    grid.cells[7][U] = { value: 50, formula: "=KINERJA.CAPAIAN(S8:S37,I8:I37)" };
    return hostOf(grid, {
      spills: [{ anchor: "U8", formula: "=KINERJA.CAPAIAN(S8:S37,I8:I37)", values }],
    });
  }

  test("the fill leaves the spill alone (no #SPILL!) and says so; undo is exact", async () => {
    const host = spilling();
    const before = content(structuredClone(host.activeSheet().cells));
    const gw = new ExcelGateway(host.excel());
    const { plan } = await readAndPlan(gw);
    expect(plan.writes.some((w) => w.col === U && w.row > 7)).toBe(true);
    const result = await gw.applyPlan("E81", plan.writes);
    expect(host.shown("E81", "U8")).toMatchObject({ value: 50, formula: ANCHOR });
    expect(host.shown("E81", "U20").value).toBe(28.57);
    expect(result.skipped).toBe(30);
    expect(result.notes.join(" ")).toMatch(/30 sel hasil rumus larik \(spill\) tidak ditimpa/);
    // the other columns are filled
    expect(host.activeSheet().cells[9][18].formula).toMatch(/^=IF\(COUNT\(K10/);
    await gw.restore("E81", plan.writes);
    expect(content(host.book.sheets[0].cells)).toEqual(before);
    expect(host.shown("E81", "U8")).toMatchObject({ value: 50, formula: ANCHOR });
  });

  test("the same through office.js", async () => {
    const host = spilling();
    const gw = new ExcelGateway(new WireExcel(host));
    const { plan } = await readAndPlan(gw);
    await gw.applyPlan("E81", plan.writes);
    expect(host.shown("E81", "U8")).toMatchObject({ value: 50, formula: ANCHOR });
    await gw.restore("E81", plan.writes);
    // the array still spills: the anchor shows its first value, not #SPILL!
    expect(host.shown("E81", "U8")).toMatchObject({ value: 50, formula: ANCHOR });
    expect(host.shown("E81", "U30").value).toBe(28.57);
  });
});

test("F6 — text typed as '=… is read as text, and undo puts text back (not a live formula)", async () => {
  const grid = syntheticE81(10);
  // the cell shows the text "=AVERAGE(S8:S9)"; Range.formulas returns it without the quote
  grid.cells[9][U] = { value: "=AVERAGE(S8:S9)" };
  const host = hostOf(grid);
  const gw = new ExcelGateway(host.excel());
  const { snap, plan } = await readAndPlan(gw);
  expect(snap.grid.cells[9][U]).toEqual({ value: "=AVERAGE(S8:S9)" });
  expect(plan.writes.find((w) => w.cell === "U10")?.previous).toEqual({ value: "=AVERAGE(S8:S9)" });
  await gw.applyPlan("E81", plan.writes);
  await gw.restore("E81", plan.writes);
  expect(host.book.sheets[0].cells[9][U]).toEqual({ value: "=AVERAGE(S8:S9)" });
});

describe("F7 — text that Excel would parse stays text", () => {
  const texts = [
    "1e5",
    "1E+05",
    "$100",
    "Jan 2024",
    "1 Mar",
    "Mar-24",
    "Sep 2024",
    "Mei 2024",
    "#N/A",
    "#DIV/0!",
    "'kutipan",
    "TRUE",
    "false",
    "0012",
    "1.234,5",
    "87%",
    "1/2",
    "8:00",
    "(100)",
    "- ",
    "-",
    "+62 812 3456",
    "=SUM(A1:A2)",
    "@nama",
    "Rp 6.517.962.000",
    "Penyediaan Bahan Logistik Kantor 1",
    "Tinggi",
  ];

  for (const via of ["fake", "office.js"] as const)
    test(`undo writes ${texts.length} texts back as the same text (${via})`, async () => {
      const sheet: FakeSheet = {
        name: "Teks",
        cells: texts.map(() => [{ value: 1 }]),
        merges: [],
      };
      const host = new FakeExcelHost({ sheets: [sheet] });
      const writes: PlannedWrite[] = texts.map((t, i) => ({
        row: i,
        col: 0,
        cell: `A${i + 1}`,
        value: 1,
        previous: { value: t },
      }));
      await new ExcelGateway(via === "fake" ? host.excel() : new WireExcel(host)).restore(
        "Teks",
        writes
      );
      const back = texts.map((_, i) => ({
        value: host.shown("Teks", `A${i + 1}`).value,
        type: host.valueType("Teks", `A${i + 1}`),
        formula: host.shown("Teks", `A${i + 1}`).formula,
      }));
      expect(back).toEqual(texts.map((t) => ({ value: t, type: "String", formula: undefined })));
    });

  test("a Text-formatted cell (@) takes the text as it is, without an apostrophe", async () => {
    // the cell is Text-formatted before and after the fill (the fill wrote a number into it)
    const host = new FakeExcelHost({
      sheets: [{ name: "Teks", cells: [[{ value: 5, numberFormat: "@" }]], merges: [] }],
    });
    await new ExcelGateway(host.excel()).restore("Teks", [
      { row: 0, col: 0, cell: "A1", value: 5, previous: { value: "0012", numberFormat: "@" } },
    ]);
    expect(host.book.sheets[0].cells[0][0]).toEqual({ value: "0012", numberFormat: "@" });
  });

  test("asConstant protects exactly what needs it", () => {
    expect(asConstant("Tinggi")).toBe("Tinggi");
    expect(asConstant("Kantor 12")).toBe("Kantor 12");
    expect(asConstant("Jan 2024")).toBe("'Jan 2024");
    expect(asConstant("0012", "@")).toBe("0012");
    expect(asConstant(12)).toBe(12);
    expect(asConstant(null)).toBe("");
  });
});

test("F8 — calculation is suspended before the writes of every chunk", async () => {
  const host = hostOf(syntheticE81(2000));
  const gw = new ExcelGateway(host.excel());
  const { plan } = await readAndPlan(gw);
  host.resetCounters();
  await gw.applyPlan("E81", plan.writes);
  await gw.restore("E81", plan.writes);
  expect(host.calcSuspensions).toBeGreaterThan(1);
  expect(host.unsuspendedWrites).toBe(0);
});

test("F10 — colours are removed after 60 rows were inserted above the table (no stacking)", async () => {
  const host = hostOf(syntheticE81(40));
  const gw = new ExcelGateway(host.excel());
  const { rec } = await readAndPlan(gw);
  const rules = predikatRules(rec, "permendagri86");
  const added = await gw.applyPredikatColours("E81", rules);
  // the user inserts 60 rows at the top: every format moves down, its formula with it
  for (const cf of host.activeSheet().conditionalFormats!) {
    const [a, b] = cf.range.split(":");
    const move = (x: string) => x.replace(/\d+/, (n) => String(Number(n) + 60));
    cf.range = `${move(a)}:${move(b)}`;
    cf.formula = shiftFormula(cf.formula!, 60, 0);
  }
  const { removed } = await gw.removePredikatColours("E81", added);
  expect(removed).toBe(added.length);
  expect(host.activeSheet().conditionalFormats).toEqual([]);
});

test("F11 — selecting a cell on a sheet that is not active activates it first", async () => {
  const grid = syntheticE81(3);
  const host = new FakeExcelHost({
    sheets: [
      { name: "E81", cells: structuredClone(grid.cells), merges: [] },
      { name: "Catatan", cells: [[{ value: "x" }]], merges: [] },
    ],
    active: 1,
  });
  await new ExcelGateway(host.excel()).select("E81", "U9");
  expect(host.activeSheet().name).toBe("E81");
  expect(host.selection).toBe("E81!U9");
});

test("F12 — a Ringkasan formula over Excel's limits is written as its value", async () => {
  const host = new FakeExcelHost({
    sheets: [{ name: "E81", cells: [[{ value: 1 }]], merges: [] }],
  });
  const long = `=${Array.from({ length: 1200 }, (_, i) => `'E81'!A${i + 1}`).join("+")}`;
  const args = `=SUM(${Array.from({ length: 300 }, (_, i) => `A${i + 1}`).join(",")})`;
  expect(formulaFits(long)).toBe(false);
  expect(formulaFits(args)).toBe(false);
  expect(formulaFits("=SUM(A1,A2)")).toBe(true);
  const name = await new ExcelGateway(host.excel()).writeSummarySheet("Ringkasan", [
    { row: 0, col: 0, cell: "A1", formula: long, value: 1200 },
    { row: 1, col: 0, cell: "A2", formula: args, value: 300 },
    { row: 2, col: 0, cell: "A3", formula: "=1+1", value: 2 },
  ]);
  const out = host.book.sheets.find((s) => s.name === name)!;
  expect(out.cells.map((r) => r[0])).toEqual([
    { value: 1200 },
    { value: 300 },
    { value: 2, formula: "=1+1" },
  ]);
});

test("F13 — formula cells keep the intended number format (no format inherited from a referenced cell)", async () => {
  const grid = syntheticE81(40);
  // the targets (column I) are formatted with two decimals: a formula typed over a General cell
  // that refers first to I… takes that format
  for (let r = 7; r < grid.cells.length; r++)
    grid.cells[r][8] = { ...grid.cells[r][8], numberFormat: "#,##0.00" };
  const host = hostOf(grid);
  const before = content(structuredClone(host.activeSheet().cells));
  const gw = new ExcelGateway(host.excel());
  const { plan } = await readAndPlan(gw);
  await gw.applyPlan("E81", plan.writes);
  const u = plan.writes.find((w) => w.cell === "U10")!;
  expect(host.activeSheet().cells[9][U].numberFormat ?? "General").toBe(
    u.numberFormat ?? u.previous.numberFormat ?? "General"
  );
  await gw.restore("E81", plan.writes);
  expect(content(host.book.sheets[0].cells)).toEqual(before);
});

describe("requirement sets (finding 5)", () => {
  test("a host without ExcelApi 1.13 gets an Indonesian message and no Excel call", async () => {
    const host = hostOf(syntheticE81(3));
    const gw = new ExcelGateway(host.excel(), {
      isSetSupported: (name, version) => name !== "ExcelApi" || Number(version.split(".")[1]) <= 12,
    });
    expect(gw.missingRequirements()).toEqual(["ExcelApi 1.13"]);
    await expect(gw.readActiveSheet()).rejects.toThrow(
      /belum mendukung ExcelApi 1\.13.*Perbarui Office/
    );
    expect(host.runCount).toBe(0);
  });

  test("Office.context.requirements is asked when it is there", async () => {
    const host = hostOf(syntheticE81(3));
    const asked: string[] = [];
    (globalThis as unknown as { Office: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (n: string, v: string) => {
            asked.push(`${n} ${v}`);
            return true;
          },
        },
      },
    };
    try {
      await new ExcelGateway(host.excel()).readActiveSheet();
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
    expect(asked).toEqual(["ExcelApi 1.13"]);
  });
});

test("the gateway's Excel.run calls: one per operation, on the wire too", async () => {
  const host = hostOf(syntheticE81(100));
  const wire = new WireExcel(host);
  const gw = new ExcelGateway(wire);
  const { plan } = await readAndPlan(gw);
  await gw.applyPlan("E81", plan.writes);
  await gw.restore("E81", plan.writes);
  expect(wire.runCount).toBe(3);
  expect(summarise(wire.take()).runs).toBe(3);
});
