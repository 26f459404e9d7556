// The fake Excel host refuses what Excel refuses (../shared/research/office-review.md §6), so a
// gateway test that passes on it does not pass only because the fake is kind.
import { FakeExcelHost, type FakeSheet } from "../../dev/fake-excel/fake-excel";
import { parseInput } from "../../dev/fake-excel/input";

type Ctx = any; // the fake's context, driven the way the gateway drives Excel's

function book(cells: FakeSheet["cells"] = [[{ value: 1 }]], extra: Partial<FakeSheet> = {}) {
  return new FakeExcelHost({ sheets: [{ name: "S", cells, merges: [], ...extra }] });
}

const run = <T>(host: FakeExcelHost, fn: (ctx: Ctx) => Promise<T>) => host.excel().run<T>(fn);

test("custom/* cannot be loaded over a collection that holds another type (office-js#2180)", async () => {
  const host = book([[{ value: 1 }]], {
    conditionalFormats: [
      { range: "A1:A5", type: "Custom", formula: "=A1>1", fill: "#FF0000" },
      { range: "A1:A5", type: "CellValue" },
    ],
  });
  await expect(
    run(host, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A5");
      r.load("conditionalFormats/items/type, conditionalFormats/items/custom/rule/formula");
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "InvalidOperation" });
  // types alone are fine; then custom/* of the Custom one only
  const formula = await run(host, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A5");
    r.conditionalFormats.load("items/type");
    await ctx.sync();
    const cf = r.conditionalFormats.items.find((i: { type: string }) => i.type === "Custom");
    cf.custom.rule.load("formula");
    await ctx.sync();
    return cf.custom.rule.formula;
  });
  expect(formula).toBe("=A1>1");
});

test("a rule formula is read relative to the range it was fetched from (office-js#5194)", async () => {
  const host = book([[{ value: 1 }]], {
    conditionalFormats: [{ range: "C3:C9", type: "Custom", formula: "=C3>1" }],
  });
  const formula = await run(host, async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats;
    cfs.load("items/type, items/custom/rule/formula");
    await ctx.sync();
    return cfs.items[0].custom.rule.formula;
  });
  expect(formula).toBe("=A1>1");
});

test("getMergedAreasOrNullObject: only areas whose top-left is in the range, and at most 512", async () => {
  const merges = Array.from({ length: 600 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 }));
  const host = new FakeExcelHost({ sheets: [{ name: "S", cells: [[{ value: 1 }]], merges }] });
  await expect(
    run(host, async (ctx) => {
      const m = ctx.workbook.worksheets
        .getItem("S")
        .getRange("A1:B600")
        .getMergedAreasOrNullObject();
      m.load("areas/items/address");
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "GeneralException" });
  const found = await run(host, async (ctx) => {
    // B1:B3 holds no top-left cell (they are all in column A)
    const none = ctx.workbook.worksheets
      .getItem("S")
      .getRange("B1:B3")
      .getMergedAreasOrNullObject();
    const some = ctx.workbook.worksheets
      .getItem("S")
      .getRange("A1:B3")
      .getMergedAreasOrNullObject();
    none.load("address");
    some.load("areas/items/address");
    await ctx.sync();
    return {
      none: none.isNullObject,
      some: some.areas.items.map((r: { address: string }) => r.address),
    };
  });
  expect(found).toEqual({ none: true, some: ["S!A1:B1", "S!A2:B2", "S!A3:B3"] });
});

test("requests and responses over 5,000,000 bytes fail, counted like office.js", async () => {
  const host = book();
  const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
  await expect(
    run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, big.length, 1).values = big;
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  // 4 MB of text in the sheet, read back with values and formulas: over 5,000,000 bytes
  const cells = Array.from({ length: 40000 }, () => [{ value: "y".repeat(100) }]);
  const read = book(cells);
  await expect(
    run(read, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A40000");
      r.load("values, formulas");
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  expect(read.largestResponse).toBeGreaterThan(8_000_000);
});

test("strings are parsed as if typed; a leading apostrophe is a prefix; null leaves the cell", async () => {
  expect(parseInput("1e5", undefined)).toEqual({ kind: "number", value: 100000 });
  expect(parseInput("$100", undefined)).toMatchObject({ kind: "number", value: 100 });
  expect(parseInput("87%", undefined)).toMatchObject({ kind: "number", value: 0.87 });
  expect(parseInput("Jan 2024", undefined)).toMatchObject({ kind: "number", value: 45292 });
  expect(parseInput("#N/A", undefined)).toEqual({ kind: "error", code: "#N/A" });
  expect(parseInput("TRUE", undefined)).toEqual({ kind: "boolean", value: true });
  expect(parseInput("=1+2", undefined)).toEqual({ kind: "formula", formula: "=1+2" });
  expect(parseInput("-x", undefined)).toEqual({ kind: "formula", formula: "=-x" });
  expect(parseInput("'0012", undefined)).toEqual({ kind: "text", text: "0012", quotePrefix: true });
  expect(parseInput("'0012", "@")).toEqual({ kind: "text", text: "'0012", quotePrefix: false });
  expect(parseInput("Penyediaan 12", undefined)).toEqual({
    kind: "text",
    text: "Penyediaan 12",
    quotePrefix: false,
  });
  const host = book([
    [{ value: "ada" }, { value: "ada" }],
    [{ value: "x" }, { value: "y" }],
  ]);
  await run(host, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("S");
    s.getRange("A1:B1").values = [[null, "#DIV/0!"]];
    s.getRange("A2:B2").formulas = [["'=SUM(A1)", "'0012"]];
    await ctx.sync();
  });
  const sheet = host.activeSheet();
  expect(sheet.cells[0][0]).toEqual({ value: "ada" });
  expect(host.valueType("S", "B1")).toBe("Error");
  expect(sheet.cells[1]).toEqual([{ value: "=SUM(A1)" }, { value: "0012" }]);
  // formulas of that text come back without the apostrophe, like a formula (office-js#6687)
  const back = await run(host, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A2");
    r.load("formulas, values");
    await ctx.sync();
    return [r.formulas[0][0], r.values[0][0]];
  });
  expect(back).toEqual(["=SUM(A1)", "=SUM(A1)"]);
});

test("a formula written into an Excel Table column fills the whole column (calculated column)", async () => {
  const cells = (): FakeSheet["cells"] => [
    [{ value: "Kepala" }],
    [{ value: 1 }],
    [{ value: 2 }],
    [{ value: null }],
    [{ value: 4 }],
  ];
  const host = book(cells(), { tables: [{ name: "T1", range: "A1:A5" }] });
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A2").formulas = [["=10+1"]];
    await ctx.sync();
  });
  expect(host.activeSheet().cells.map((r) => r[0].formula)).toEqual([
    undefined,
    "=10+1",
    "=10+1",
    "=10+1",
    "=10+1",
  ]);
  const values = book(cells(), { tables: [{ name: "T1", range: "A1:A5" }] });
  await run(values, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A2").values = [[7]];
    await ctx.sync();
  });
  expect(values.activeSheet().cells.map((r) => r[0].value)).toEqual(["Kepala", 7, 2, null, 4]);
});

test("a spill blocked by a value shows #SPILL!, and spills again when the way is clear", async () => {
  const host = book([[{ value: null, formula: "=SEQUENCE(3)" }]], {
    spills: [{ anchor: "A1", formula: "=SEQUENCE(3)", values: [[1], [2], [3]] }],
  });
  expect(host.shown("S", "A3").value).toBe(3);
  const spill = await run(host, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A3");
    r.load("hasSpill, formulas");
    const to = ctx.workbook.worksheets.getItem("S").getRange("A1").getSpillingToRangeOrNullObject();
    to.load("address");
    await ctx.sync();
    return { has: r.hasSpill, formulas: r.formulas, to: to.address };
  });
  expect(spill).toEqual({ has: true, formulas: [["=SEQUENCE(3)"], [2], [3]], to: "S!A1:A3" });
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A2").values = [[9]];
    await ctx.sync();
  });
  expect(host.shown("S", "A1").value).toBe("#SPILL!");
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A2").values = [[""]];
    await ctx.sync();
  });
  expect(host.shown("S", "A2").value).toBe(2);
});

test("select() does not move to a sheet that is not active; activate() does", async () => {
  const host = new FakeExcelHost({
    sheets: [
      { name: "A", cells: [], merges: [] },
      { name: "B", cells: [], merges: [] },
    ],
    active: 1,
  });
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("A").getRange("C3").select();
    await ctx.sync();
  });
  expect(host.selection).toBeNull();
  await run(host, async (ctx) => {
    const a = ctx.workbook.worksheets.getItem("A");
    a.activate();
    a.getRange("C3").select();
    await ctx.sync();
  });
  expect(host.selection).toBe("A!C3");
});

test("formula limits; format taken from the referenced cell; calculation suspension order", async () => {
  const host = book([[{ value: 0.5, numberFormat: "0%" }]]);
  await expect(
    run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("B1").formulas = [[`=${"1+".repeat(4100)}1`]];
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "InvalidArgument" });
  host.resetCounters();
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("B1").formulas = [["=A1*100"]];
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    await ctx.sync();
  });
  expect(host.activeSheet().cells[0][1]).toMatchObject({ formula: "=A1*100", numberFormat: "0%" });
  expect(host.unsuspendedWrites).toBe(1);
  await expect(
    run(host, async (ctx) => {
      ctx.workbook.worksheets
        .getItem("S")
        .getRanges(Array.from({ length: 100 }, (_, i) => `A${i + 1}`).join(","));
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});
