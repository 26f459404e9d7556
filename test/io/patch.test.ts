// patch on a macro workbook with a chart, a pivot table, a data validation, a comment, a defined
// name, custom XML, a calcChain and a VBA project: only the written cells change.
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { readGrids, patch } from "../../src/io/ooxml";
import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import { summaryPlan, SUMMARY_SHEET } from "../../src/visual";
import { predikatFor } from "../../src/app/visuals";
import { e81Grid, e81Row } from "../engine/helpers";
import { VBA_BYTES, richWorkbook, zipParts } from "../support/ooxml";

const rows = e81Grid([
  e81Row(
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Jumlah dokumen perencanaan yang disusun",
    {
      t5: [25, 66107390],
      r6: [22, 37574000],
      t7: [7, 8600000],
      tw: [
        [0, "-"],
        [2, 3675000],
        [0, "-"],
        [0, "-"],
      ],
    }
  ),
  e81Row("Koordinasi dan Sinkronisasi", "Jumlah laporan koordinasi", {
    t5: [20, 50000000],
    r6: [10, 20000000],
    t7: [4, 9000000],
    tw: [
      [1, 1000000],
      [1, 2000000],
    ],
  }),
]).cells.map((r) => r.map((c) => c.value));

const source = zipParts(richWorkbook(rows));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function fill() {
  const { sheets } = readGrids(source);
  const grid = sheets.find((g) => g.name === "E81")!;
  const rec = recognise(grid);
  const plan = planFill(grid, rec, DEFAULT_SETTINGS);
  const extras = [
    {
      sheetName: "E81",
      rules: predikatFor(grid, rec, DEFAULT_SETTINGS),
      summary: summaryPlan(grid, rec, plan, DEFAULT_SETTINGS, `${SUMMARY_SHEET} E81`),
    },
  ];
  const out = patch(source, [{ sheetName: "E81", writes: plan.writes }], extras);
  return { plan, out, before: unzipSync(source), after: unzipSync(out) };
}

/** The sheet XML without the <c> elements of the given cells and without rows left empty. */
function without(xml: string, cells: Set<string>): string {
  return xml
    .replace(/<c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g, (m, r: string) =>
      cells.has(r) ? "" : m
    )
    .replace(/<row r="\d+"><\/row>/g, "");
}

describe("patch", () => {
  const { plan, out, before, after } = fill();
  const written = new Set(plan.writes.map((w) => w.cell));

  test("the fill writes cells, among them the master of a shared formula", () => {
    expect(plan.writes.length).toBeGreaterThan(10);
    expect(written.has("S8")).toBe(true);
    expect(written.has("AC8")).toBe(false);
  });

  test("every part it does not need to touch is byte-identical: chart, drawing, comment, VML, pivot, custom XML, VBA", () => {
    const changed = new Set([
      "xl/worksheets/sheet1.xml",
      "xl/workbook.xml",
      "xl/styles.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
    ]);
    for (const [name, data] of Object.entries(before)) {
      if (changed.has(name) || name === "xl/calcChain.xml") continue;
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(data))]).toEqual([
        name,
        true,
      ]);
    }
    expect(Buffer.from(after["xl/vbaProject.bin"]).equals(Buffer.from(VBA_BYTES))).toBe(true);
    expect(text(after["[Content_Types].xml"])).toMatch(/macroEnabled\.main\+xml/);
  });

  test("the written sheet is identical outside the written cells, the shared formula's other cells and the new conditional formats", () => {
    const a = text(before["xl/worksheets/sheet1.xml"]);
    const b = text(after["xl/worksheets/sheet1.xml"]);
    const norm = (x: string) =>
      without(x, new Set([...written, "AC8", "AD8"]))
        .replace(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g, "")
        .replace(/<dimension ref="[^"]*"\/>/, "");
    expect(norm(b)).toBe(norm(a));
    // conditional formats sit after mergeCells and before dataValidations (schema order)
    expect(b.indexOf("<conditionalFormatting")).toBeGreaterThan(b.indexOf("</mergeCells>"));
    expect(b.indexOf("<conditionalFormatting")).toBeLessThan(b.indexOf("<dataValidations"));
    // the other cells of the shared formula keep their formula, now their own
    expect(b).toMatch(/<c r="AC8"><f>U8\+W8<\/f><v>0<\/v><\/c>/);
    expect(b).toMatch(/<c r="AD8"><f>V8\+X8<\/f><v>0<\/v><\/c>/);
  });

  test("calcChain goes with its relationship and content type; Excel recalculates on load", () => {
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(text(after["xl/_rels/workbook.xml.rels"])).not.toMatch(/calcChain/);
    expect(text(after["[Content_Types].xml"])).not.toMatch(/calcChain/);
    const wb = text(after["xl/workbook.xml"]);
    expect(wb).toMatch(/<calcPr fullCalcOnLoad="1" calcId="191029"\/>/);
    expect(wb).toMatch(/<definedName name="TargetKinerja">E81!\$I\$8:\$I\$9<\/definedName>/);
    expect(wb).toMatch(/<sheet name="Ringkasan E81" sheetId="3" r:id="rIdKinerja1"\/><\/sheets>/);
  });

  test("an independent reader (ExcelJS) sees the formulas with the engine's values, the summary sheet and the styles", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("E81")!;
    for (const w of plan.writes) {
      const cell = ws.getCell(w.cell);
      if (w.formula) {
        expect([w.cell, cell.formula]).toEqual([w.cell, w.formula.slice(1)]);
        const result = (cell.value as ExcelJS.CellFormulaValue).result;
        expect([w.cell, result ?? null]).toEqual([w.cell, w.value === null ? "" : w.value]);
      } else expect([w.cell, cell.value]).toEqual([w.cell, w.value]);
      if (w.numberFormat) expect([w.cell, cell.numFmt]).toEqual([w.cell, w.numberFormat]);
    }
    expect(ws.getCell("C8").value).toBe("Penyusunan Dokumen Perencanaan Perangkat Daerah");
    const summary = wb.getWorksheet("Ringkasan E81")!;
    expect(summary).toBeDefined();
    expect(summary.getCell("A1").font?.bold).toBe(true);
    // and our reader reads its own output
    const again = readGrids(out).sheets.find((g) => g.name === "E81")!;
    for (const w of plan.writes)
      expect(again.cells[w.row][w.col].formula ?? null).toBe(w.formula ?? null);
  });

  test("no writes and no extras: the bytes come back unchanged", () => {
    expect(patch(source, [], [])).toBe(source);
  });
});
