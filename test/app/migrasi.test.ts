// A Renja 2026 sheet built from the 2024 list, migrated to TA 2027 through the
// app layer (what the pane and `kinerja migrasi` run): every code with a unique successor mapped,
// the rest listed, only code and name cells written, and the result validates against the 2027
// list with no kode.kadaluarsa and no kode.tidak-dikenal except the listed ones.
import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import { gridAfter } from "../../src/app/perbaiki";
import { migrationSections, planMigration } from "../../src/app/migrasi";
import { lookup, successorsOf } from "../../src/codes/api";
import { readGrids } from "../../src/io/ooxml";
import type { Grid } from "../../src/model/grid";
import { buildWorkbook } from "../support/fixtures";
import { changedCells } from "../support/cells";
import { nomenclature } from "../codes/helpers";
import { renja2026, RENJA_2026_CODES, RENJA_2026_FIRST_ROW } from "../fixtures/specs/renja-2026";

const v2024 = nomenclature("kabkota-2024");
const v2027 = nomenclature("2027");
let grid: Grid;
beforeAll(async () => {
  grid = readGrids(new Uint8Array(await buildWorkbook(renja2026).xlsx.writeBuffer())).sheets[0];
});

test("every code with a unique successor is mapped, the rest listed, only code and name cells written", async () => {
  const rec = recognise(grid);
  expect([rec.layout, rec.year]).toEqual(["TC29", 2026]);
  const { report, plan, reason } = await planMigration(grid, rec, DEFAULT_SETTINGS);
  expect(reason).toBeNull();
  const gone = RENJA_2026_CODES.filter((c) => lookup(v2027, c).name === null);
  const unique = gone.filter((c) => successorsOf(v2027, c).length === 1);
  const several = gone.filter((c) => successorsOf(v2027, c).length > 1);
  const none = gone.filter((c) => successorsOf(v2027, c).length === 0);
  expect(report!.mapped.map((m) => m.from.code)).toEqual(unique);
  expect(report!.mapped.map((m) => m.to.code)).toEqual(
    unique.map((c) => successorsOf(v2027, c)[0])
  );
  expect(report!.choices.map((c) => c.from.code)).toEqual(several);
  expect(report!.retired.map((r) => r.from.code)).toEqual(none);
  expect(unique.length + several.length + none.length).toBe(gone.length);
  expect(report!.unknown).toEqual([]);
  // the row of each code is where the fixture put it
  for (const m of report!.mapped)
    expect(RENJA_2026_CODES[m.row - (RENJA_2026_FIRST_ROW - 1)]).toBe(m.from.code);
  const after = gridAfter(grid, plan.writes);
  const changed = changedCells(grid, after);
  expect(changed).toEqual(plan.writes.map((w) => w.cell));
  expect(changed.every((c) => /^[FG]\d+$/.test(c))).toBe(true); // SSSS cell and name cell
  expect(plan.refused).toEqual([]);
});

test("the migrated sheet validates against the 2027 list: no kode.kadaluarsa / kode.tidak-dikenal except the listed ones", async () => {
  const rec = recognise(grid);
  const { report, plan } = await planMigration(grid, rec, DEFAULT_SETTINGS);
  const after = gridAfter(grid, plan.writes);
  const issues = (
    await validate(after, recognise(after), { ...DEFAULT_SETTINGS, nomenclatureYear: 2027 })
  ).issues;
  const flagged = issues
    .filter((i) => i.rule === "kode.kadaluarsa" || i.rule === "kode.tidak-dikenal")
    .map((i) => i.row)
    .sort((a, b) => a - b);
  const listed = [...report!.retired, ...report!.choices].map((r) => r.row).sort((a, b) => a - b);
  expect(flagged).toEqual(listed);
  expect(issues.filter((i) => i.rule === "kode.nama-beda")).toEqual([]);
  // before the migration, against 2027, every retired code was flagged
  const before = (await validate(grid, rec, { ...DEFAULT_SETTINGS, nomenclatureYear: 2027 }))
    .issues;
  expect(before.filter((i) => i.rule === "kode.kadaluarsa").length).toBe(
    report!.mapped.length + listed.length
  );
});

test("the report as the pane and the CLI show it", async () => {
  const { report } = await planMigration(grid, recognise(grid), DEFAULT_SETTINGS);
  const sections = migrationSections(report!);
  expect(sections.map((s) => [s.id, s.lines.length])).toEqual([
    ["mapped", 7],
    ["retired", 4],
    ["added", 4],
  ]);
  expect(sections[1].lines[3]).toBe(
    "baris 46: 2.07.04.2.05 Penerbitan Perpanjangan IMTA yang Lokasi Kerja dalam 1 (satu) Daerah Kabupaten/Kota"
  );
  expect(lookup(v2024, "2.07.04.2.05").name).not.toBeNull();
});

test("a provincial document: nothing migrated, a reason", async () => {
  const rec = recognise(grid);
  const prov = await planMigration(grid, rec, { ...DEFAULT_SETTINGS, scope: "provinsi" });
  expect(prov.report).toBeNull();
  expect(prov.reason).toMatch(/provinsi/);
});
