// Write safety on every fixture workbook (the seeds and the layouts of other regions): after
// `kinerja isi`, every cell outside the columns the table marks as computed is exactly as it
// was — values, formulas and number formats — and so is every cell outside the data rows.
// A doubtful recognition writes nothing until a confirmed `--peta` is given.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readWorkbook } from "../../src/io/files";
import { recognise } from "../../src/engine";
import { a1, cellAt, columnLetters, type Grid } from "../../src/model/grid";
import { loadFixtureSpecs, writeFixtures } from "../support/fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-safety-"));
beforeAll(async () => {
  await writeFixtures(dir);
});

function changedCells(before: Grid, after: Grid): string[] {
  const rows = Math.max(before.cells.length, after.cells.length);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before.cells[r]?.length ?? 0, after.cells[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const x = cellAt(before, r, c);
      const y = cellAt(after, r, c);
      const same =
        (x.value ?? null) === (y.value ?? null) &&
        (x.formula ?? null) === (y.formula ?? null) &&
        (x.numberFormat ?? "General") === (y.numberFormat ?? "General");
      if (!same) out.push(a1(r, c));
    }
  }
  return out;
}

test.each(loadFixtureSpecs().map((s) => [s.file]))(
  "%s: isi changes nothing outside the computed columns",
  async (file) => {
    const input = path.join(dir, file);
    const output = path.join(dir, `out-${file}`);
    const io = memoryIO();
    const code = await main(["isi", input, "-o", output], io);
    expect([0, 1]).toContain(code);
    const before = (await readWorkbook(input)).sheets;
    if (!fs.existsSync(output)) {
      // only a workbook whose every table waits for confirmation is not written
      expect(io.stdout).toMatch(/tidak ada yang ditulis/);
      return;
    }
    const after = (await readWorkbook(output)).sheets;
    for (const grid of before) {
      const rec = recognise(grid);
      const cols = rec.columns as Record<string, number>;
      const computed = new Set(rec.computations.map((c) => cols[c.out]));
      const [first, last] = rec.dataRows ?? [1, 0];
      const changed = changedCells(
        grid,
        after.find((g) => g.name === grid.name)!
      );
      const allowed = (cell: string) => {
        const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
        const row = Number(m[2]) - 1;
        const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return rec.doubts.length === 0 && computed.has(col) && row >= first && row <= last;
      };
      expect([grid.name, changed.filter((c) => !allowed(c))]).toEqual([grid.name, []]);
      // the comparison sees real writes: the seed E.81 gets its computed columns filled
      if (file === "002-mojokerto.xlsx" && grid.name === "E81")
        expect(changed.length).toBeGreaterThan(100);
    }
  }
);

test("a doubtful table is refused with its reasons, and written once the columns are confirmed", async () => {
  const input = path.join(dir, "region-e79-jember.xlsx");
  const out = path.join(dir, "jember-terisi.xlsx");
  const refused = memoryIO();
  expect(await main(["isi", input, "-o", out], refused)).toBe(1);
  expect(refused.stderr).toMatch(/tidak diisi.*belum pasti/s);
  expect(refused.stderr).toMatch(/ragu: .*16 = 14\/6\*100/);
  expect(fs.existsSync(out)).toBe(false);

  // the map periksa reports, checked and confirmed by the planner
  const report = memoryIO();
  await main(["periksa", input, "--json"], report);
  const sheet = JSON.parse(report.stdout).files[0].sheets[0];
  expect(sheet.doubts.length).toBe(1);
  const petaFile = path.join(dir, "peta.json");
  fs.writeFileSync(
    petaFile,
    JSON.stringify({ [sheet.name]: { ...sheet.peta, dikonfirmasi: true } })
  );
  const confirmed = memoryIO();
  expect(await main(["isi", input, "-o", out, "--peta", petaFile], confirmed)).toBe(0);
  expect(fs.existsSync(out)).toBe(true);
  // the confirmed column 16 is computed by the layout's own formula (15/6), the rest as stated
  const again = memoryIO();
  await main(["periksa", input, "--json", "--peta", petaFile], again);
  const computed = JSON.parse(again.stdout).files[0].sheets[0].computed as string[];
  expect(computed.sort()).toEqual(["U", "V", "W", "X", "Y"].sort());
  expect(columnLetters(0)).toBe("A");
});

test("a bad --peta file is refused with a clear message, nothing written", async () => {
  const input = path.join(dir, "region-e79-jember.xlsx");
  const bad = path.join(dir, "bad-peta.json");
  const out = path.join(dir, "never.xlsx");
  for (const [content, message] of [
    ["{not json", /bukan JSON/],
    [JSON.stringify({ Sheet1: { layout: "XYZ", kolom: {} } }), /tata letak "XYZ" tidak dikenal/],
    [
      JSON.stringify({ Sheet1: { layout: "E81", kolom: { "capaian.x": "Y" } } }),
      /peran kolom "capaian.x" tidak dikenal/,
    ],
    [
      JSON.stringify({ Sheet1: { layout: "E81", kolom: { "capaian.renstra.k": "12" } } }),
      /harus huruf kolom/,
    ],
  ] as const) {
    fs.writeFileSync(bad, content);
    const io = memoryIO();
    expect(await main(["isi", input, "-o", out, "--peta", bad], io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  }
});
