// For every fixture of the real documents, fill then undo on the fake Excel host gives
// back identical values, formulas and number formats.
import { sampleBook } from "../../scripts/make-samples";
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import type { Cell } from "../../src/model/grid";

function content(cells: Cell[][]) {
  return cells.map((row) => {
    const r = row.map((c) => ({
      value: c.value ?? null,
      formula: c.formula,
      numberFormat: c.numberFormat && c.numberFormat !== "General" ? c.numberFormat : undefined,
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

const book = sampleBook();

test("the fixture book holds every fixture sheet", () => {
  expect(book.sheets.length).toBeGreaterThanOrEqual(10);
});

describe.each(book.sheets.map((s, i) => [s.name, i]))("%s", (_name, index) => {
  test("fill then undo restores values, formulas and number formats exactly", async () => {
    const sheet = structuredClone(book.sheets[index as number]);
    const host = new FakeExcelHost({ sheets: [sheet], active: 0 });
    const before = content(structuredClone(sheet.cells));
    const gw = new ExcelGateway(host.excel());
    const snap = await gw.readActiveSheet();
    const plan = planFill(snap.grid, recognise(snap.grid), DEFAULT_SETTINGS);
    await gw.applyPlan(snap.grid.name, plan.writes);
    if (plan.writes.length) expect(content(host.activeSheet().cells)).not.toEqual(before);
    await gw.restore(snap.grid.name, plan.writes);
    expect(content(host.activeSheet().cells)).toEqual(before);
  });
});
