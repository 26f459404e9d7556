// The independent oracle for the native formulas Kinerja writes: fill every fixture of the real
// documents, let LibreOffice recalculate the written workbook from scratch, and compare every
// formula cell with the engine's own value.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeFixtures, loadFixtureSpecs } from "../support/fixtures";
import { checkFormulasAgainstEngine, findSoffice } from "../support/libreoffice";
import { readWorkbook, applyPlans } from "../../src/io/files";
import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-oracle-"));
let checkedFormulas = 0;

beforeAll(async () => {
  if (!findSoffice())
    throw new Error("LibreOffice (soffice) tidak ada: apt-get install -y libreoffice-calc-nogui");
  await writeFixtures(dir);
}, 120000);

describe.each(loadFixtureSpecs().map((s) => [s.file]))("%s", (file) => {
  test("every written formula recalculates in LibreOffice to the engine's value", async () => {
    const input = path.join(dir, file);
    const { sheets } = await readWorkbook(input);
    const plans = sheets.map((grid) => ({
      sheetName: grid.name,
      plan: planFill(grid, recognise(grid), DEFAULT_SETTINGS),
    }));
    const output = path.join(dir, `terisi-${file}`);
    await applyPlans(input, output, plans);
    for (const { sheetName, plan } of plans) {
      const expected: Record<string, number | string | null> = {};
      for (const w of plan.writes)
        if (w.formula) expected[w.cell] = w.value === "" ? null : w.value;
      checkedFormulas += Object.keys(expected).length;
      if (Object.keys(expected).length === 0) continue;
      const mismatches = await checkFormulasAgainstEngine(output, sheetName, expected);
      expect({ sheetName, mismatches: mismatches.slice(0, 10) }).toEqual({
        sheetName,
        mismatches: [],
      });
    }
  }, 180000);
});

test("the oracle really checked written formulas", () => {
  expect(checkedFormulas).toBeGreaterThan(100);
});
