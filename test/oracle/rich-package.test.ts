// LibreOffice recalculates every formula written into the rich macro workbook (chart, pivot,
// validation, comment, defined name, VBA) to the engine's value, and opens the copy.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyPlans, readWorkbook } from "../../src/io/files";
import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import { checkFormulasAgainstEngine, findSoffice } from "../support/libreoffice";
import { richWorkbook, zipParts } from "../support/ooxml";
import { e81Grid, e81Row } from "../engine/helpers";

test("formulas written into a workbook with a chart, a pivot and VBA recalculate in LibreOffice to the engine's values", async () => {
  if (!findSoffice())
    throw new Error("LibreOffice (soffice) tidak ada: apt-get install -y libreoffice-calc-nogui");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-rich-"));
  const rows = e81Grid([
    e81Row("Penyusunan Dokumen Perencanaan", "Jumlah dokumen", {
      t5: [25, 66107390],
      r6: [22, 37574000],
      t7: [7, 8600000],
      tw: [
        [0, "-"],
        [2, 3675000],
      ],
    }),
  ]).cells.map((r) => r.map((c) => c.value));
  const input = path.join(dir, "kaya.xlsm");
  fs.writeFileSync(input, zipParts(richWorkbook(rows)));
  const { sheets } = await readWorkbook(input);
  const grid = sheets.find((g) => g.name === "E81")!;
  const plan = planFill(grid, recognise(grid), DEFAULT_SETTINGS);
  const { output } = await applyPlans(input, path.join(dir, "terisi.xlsx"), [
    { sheetName: "E81", plan },
  ]);
  expect(path.extname(output)).toBe(".xlsm"); // a macro workbook keeps its extension
  const expected: Record<string, number | string | null> = {};
  for (const w of plan.writes) if (w.formula) expected[w.cell] = w.value === "" ? null : w.value;
  expect(Object.keys(expected).length).toBeGreaterThan(5);
  expect(await checkFormulasAgainstEngine(output, "E81", expected)).toEqual([]);
}, 180000);
