// Other regions' workbooks differ again from every fixture. Each fixture sheet is changed the
// way other people's copies differ (test/support/perturb.ts: an empty or descriptive column
// inserted anywhere, a "No" column in front, title rows above the table, a merged group title on
// top of the header, the whole table moved 20 rows down and 5 columns right, a blank row inside the
// data, the header block repeated at a page break, a signature block under it, the header in capitals or wrapped with stray spaces, merged
// cells lost, the numbering row or the K | Rp unit row gone, name and indicator columns swapped,
// input numbers typed as text) and the
// fill of the changed sheet must be the fill of the original, cell for cell (moved with the
// change), or nothing at all (refused, not recognised). A wrong guess must never become a write.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/io/files";
import type { Grid } from "../../src/model/grid";
import { loadFixtureSpecs, writeFixtures } from "../support/fixtures";
import { compareChanges, valuesOnly, type Comparison } from "../support/perturb";

describe("fixture sheets changed as other people's copies differ", () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-perturbed-"));
  const sheets: { label: string; grid: Grid }[] = [];
  let result: Comparison;

  beforeAll(async () => {
    await writeFixtures(outDir);
    for (const spec of loadFixtureSpecs())
      for (const g of (await readWorkbook(path.join(outDir, spec.file))).sheets)
        sheets.push({ label: `${spec.file} / ${g.name}`, grid: valuesOnly(g) });
    result = await compareChanges(sheets);
  }, 120000);

  test("the fill of a changed sheet is the original's, moved, or nothing", () => {
    expect(sheets.length).toBeGreaterThan(20);
    expect(result.compared).toBeGreaterThan(100);
    expect(result.problems).toEqual([]);
  });

  test("no finding on what a change added (title, signature, repeated header, blank rows, columns)", () => {
    expect(result.noise).toEqual([]);
  });

  test("and today every one of those changes is still recognised and filled whole", () => {
    expect(result.lost).toEqual([]);
    expect(result.missing).toEqual([]);
  });
});
