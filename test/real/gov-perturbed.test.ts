// The real government workbooks (../shared/real-workbooks/gov, test input only) changed the way
// other people's copies differ (test/support/perturb.ts): the fill of each changed sheet is the
// original's, moved, or nothing. Skips when the folder is absent.
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/io/files";
import type { Grid } from "../../src/model/grid";
import { compareChanges, valuesOnly } from "../support/perturb";
import { sharedPath, skippedSuite } from "../support/shared";

const GOV = sharedPath("real-workbooks", "gov");

if (!GOV)
  skippedSuite("changed copies of the real government workbooks", ["real-workbooks", "gov"]);
else
  test("real workbooks changed as other people's copies differ: the original fill, moved, or nothing", async () => {
    const sheets: { label: string; grid: Grid }[] = [];
    for (const f of fs
      .readdirSync(GOV)
      .filter((f) => /\.xlsx$/i.test(f))
      .sort())
      for (const g of (await readWorkbook(path.join(GOV, f))).sheets)
        sheets.push({ label: `${f} / ${g.name}`, grid: valuesOnly(g) });
    const result = await compareChanges(sheets);
    expect(result.compared).toBeGreaterThan(20);
    expect(result.problems).toEqual([]);
    // and no finding on what a change added (title, signature, repeated header, blank rows)
    expect(result.noise).toEqual([]);
  }, 120000);
