// Adding a table type is one entry in the layout registry (src/sheet/layouts/index.ts) plus
// its fixture: this test adds a toy "Indikator Kinerja Utama" table as one LayoutDef and drives
// it through recognition, validation, the fill, the CLI's column map and the labels, without
// touching any other module (docs/ARCHITECTURE.md, "Adding a layout").
import { LAYOUTS, type LayoutDef } from "../../src/sheet/layouts";
import {
  recognise,
  validate,
  planFill,
  layoutLabel,
  layoutIds,
  DEFAULT_SETTINGS,
} from "../../src/engine";
import { readPeta, petaOf } from "../../src/app/peta";
import { gridFromValues } from "../../src/model/grid";
import { identity } from "../../src/sheet/layouts/common";

const IKU: LayoutDef = {
  id: "IKU",
  label: "Tabel Indikator Kinerja Utama",
  title: ["indikator kinerja utama"],
  required: ["indikator", "target", "realisasi", "capaian"],
  columns: identity(
    [
      { role: "target", words: ["target"] },
      { role: "realisasi", words: ["realisasi"] },
      { role: "capaian", words: ["capaian"] },
    ],
    { kode: false }
  ),
  computed: {
    "": [{ kind: "capaian", out: "capaian", r: "realisasi", t: "target", perRow: true }],
  },
};

const grid = gridFromValues("IKU", [
  ["INDIKATOR KINERJA UTAMA DINAS CONTOH TAHUN 2025"],
  [],
  ["No", "Indikator", "Target", "Realisasi", "Capaian (%)"],
  [1, "Indeks kepuasan masyarakat", 80, 84, 105],
  [2, "Persentase dokumen tepat waktu", 90, 81, null],
]);

beforeAll(() => (LAYOUTS as LayoutDef[]).unshift(IKU));
afterAll(() => (LAYOUTS as LayoutDef[]).splice(LAYOUTS.indexOf(IKU), 1));

test("one registry entry: the toy table is recognised, labelled, validated and filled", async () => {
  const rec = recognise(grid);
  expect(rec.layout).toBe("IKU");
  expect(layoutLabel("IKU")).toBe("Tabel Indikator Kinerja Utama");
  expect(layoutIds()).toContain("IKU");
  const plan = planFill(grid, rec, DEFAULT_SETTINGS);
  // a stated value becomes the native formula giving it; the missing one is computed
  expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([
    ["E4", 105],
    ["E5", 90],
  ]);
  const a = await validate(grid, rec, DEFAULT_SETTINGS);
  expect(a.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual([]);
  // the column map a planner saves and gives back names the new layout
  const peta = petaOf(rec)!;
  expect(readPeta(JSON.stringify({ IKU: peta })).IKU.layout).toBe("IKU");
});
