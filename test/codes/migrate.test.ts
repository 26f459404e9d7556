// Migration of a Renja 2026 sheet built from the 2024 list (Tenaga Kerja 2.07, every
// programme, kegiatan and sub kegiatan of the kab/kota list) to the TA 2027 update.
import { lookup } from "../../src/codes/api";
import { migrateCodes } from "../../src/codes/migrate";
import { checkCodes, type CodeRow } from "../../src/codes/rules";
import { nomenclature } from "./helpers";
import { applyEdits, rows } from "./rows";
import { recognise, DEFAULT_SETTINGS } from "../../src/engine";
import { buildRows } from "../../src/sheet/rows";
import { runCodeMigration } from "../../src/checks/kode";
import { tc29Grid } from "../engine/helpers";

const v2024 = nomenclature("kabkota-2024");
const v2027 = nomenclature("2027");

/** Every 2.07 code of the 2024 list in order, with its official name and a value cell. */
function renja2026(split = false): CodeRow[] {
  const codes = Object.keys(v2024.names)
    .filter((c) => c.startsWith("2.07.") && c.split(".").length >= 3)
    .sort();
  return rows(
    codes.map((c) => {
      const p = c.split(".");
      // split variant: U | BB | PP | K.KK | SSSS as in the 900/2023 export
      const cells = split ? [p[0], p[1], p[2], p[3] ? `${p[3]}.${p[4]}` : null, p[5] ?? null] : [c];
      return [cells, v2024.names[c], "indikator penyusun", "Orang"];
    })
  );
}

describe("Renja 2026 (2024 list) → TA 2027", () => {
  const sheet = renja2026();
  const { edits, report } = migrateCodes(sheet, { from: v2024, to: v2027, sheetYear: 2026 });
  const subs = (xs: { from: { code: string } }[]) =>
    xs.map((x) => x.from.code).filter((c) => c.split(".").length === 6);

  test("the sheet has the 41 sub kegiatan of 2.07", () => {
    expect(sheet.filter((r) => String(r.codeCells[0].value).split(".").length === 6)).toHaveLength(
      41
    );
  });

  test("every sub kegiatan with a unique successor is mapped, code and name", () => {
    expect(report.mapped.map((m) => [m.from.code, m.to.code])).toEqual([
      ["2.07.03.2.01.0004", "2.07.03.2.01.0009"],
      ["2.07.03.2.01.0005", "2.07.03.2.01.0008"],
      ["2.07.04.2.04.0002", "2.07.04.2.04.0004"],
      ["2.07.04.3.01.0009", "2.07.04.3.01.0011"],
      ["2.07.04.3.01.0010", "2.07.04.3.01.0012"],
      ["2.07.04.4.01.0009", "2.07.04.4.01.0012"],
      ["2.07.04.4.01.0010", "2.07.04.4.01.0011"],
    ]);
    for (const m of report.mapped) expect(m.to.name).toBe(v2027.names[m.to.code]);
    expect(report.choices).toEqual([]);
  });

  test("retired without a successor: listed, not written (3 sub kegiatan and the IMTA kegiatan)", () => {
    expect(subs(report.retired)).toEqual([
      "2.07.03.2.01.0001",
      "2.07.04.2.03.0001",
      "2.07.04.2.04.0003",
    ]);
    expect(report.retired.map((r) => r.from.code)).toContain("2.07.04.2.05");
    // 10 of the 41 sub kegiatan are gone from the 2027 list
    expect(subs(report.mapped).length + subs(report.retired).length).toBe(10);
    const retiredRows = new Set(report.retired.map((r) => r.row));
    expect(edits.filter((e) => retiredRows.has(e.row))).toEqual([]);
  });

  test("new sub kegiatan of the sheet's programmes that the sheet lacks are listed", () => {
    expect(report.added.map((a) => a.code)).toEqual([
      "2.07.03.2.01.0007",
      "2.07.03.2.01.0010",
      "2.07.04.2.01.0006",
      "2.07.04.2.03.0004",
    ]);
    expect(report.added[0]).toEqual({
      code: "2.07.03.2.01.0007",
      name: "Sertifikasi Kompetensi Kerja",
      under: "2.07.03.2.01",
    });
    // with the successors written by the migration, 11 sub kegiatan are new in 2027
    const neu = new Set([
      ...report.added.map((a) => a.code),
      ...report.mapped.map((m) => m.to.code),
    ]);
    expect(neu.size).toBe(11);
  });

  test("names that changed for the same code are reported, and rewritten where the row had the old one", () => {
    for (const r of report.renamed) {
      expect(lookup(v2024, r.code).name).toBe(r.from);
      expect(lookup(v2027, r.code).name).toBe(r.to);
    }
    const written = report.renamed.filter((r) => r.written);
    expect(written.length).toBe(report.renamed.length);
  });

  test("only code and name cells are written", () => {
    expect(edits.length).toBeGreaterThan(0);
    expect(new Set(edits.map((e) => e.col))).toEqual(new Set([0, 6]));
  });

  test("the migrated sheet validates against 2027: no kode.kadaluarsa or kode.tidak-dikenal except the listed ones", () => {
    const migrated = applyEdits(sheet, edits);
    const issues = checkCodes(migrated, {
      year: 2027,
      scope: "kabkota",
      nomenclature: v2027,
      previous: v2024,
    });
    const flagged = issues
      .filter((i) => i.rule === "kode.kadaluarsa" || i.rule === "kode.tidak-dikenal")
      .map((i) => i.row)
      .sort((a, b) => a - b);
    const listed = [...report.retired, ...report.choices].map((r) => r.row).sort((a, b) => a - b);
    expect(flagged).toEqual(listed);
    expect(issues.filter((i) => i.rule === "kode.nama-beda")).toEqual([]);
  });
});

test("split cells keep their split when migrated", () => {
  const sheet = renja2026(true);
  const { edits, report } = migrateCodes(sheet, { from: v2024, to: v2027 });
  const row = report.mapped.find((m) => m.from.code === "2.07.03.2.01.0005")!.row;
  expect(edits.filter((e) => e.row === row)).toEqual([
    { row, col: 4, value: "0008", numberFormat: "@" },
    { row, col: 6, value: "Pengembangan Prasarana dan Sarana Pelatihan Vokasi" },
  ]);
});

test("support programme codes written with the PD's bidang: new X.XX.01 sub kegiatan are listed with it", () => {
  const sheet = rows([
    [["2.07.01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
    [["2.07.01.2.01"], "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"],
    [["2.07.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
  ]);
  const { edits, report } = migrateCodes(sheet, { from: v2024, to: v2027 });
  expect(edits).toEqual([]);
  expect(report.unchanged).toBe(3);
  expect(report.added.map((a) => a.code)).toEqual(
    expect.arrayContaining(["2.07.01.2.01.0008", "2.07.01.2.01.0013"])
  );
  expect(report.added.every((a) => a.code.startsWith("2.07.01.2."))).toBe(true);
});

test("an old-regime sheet is not migrated", () => {
  const sheet = rows([
    [["1.01.1.1 - Dinas Pendidikan"], null],
    [["1.01.1.1.01 - Program Pelayanan Administrasi Perkantoran"], null],
    [["1.01.1.1.01.01"], "Penyediaan jasa surat menyurat"],
  ]);
  const { edits, report } = migrateCodes(sheet, { from: v2024, to: v2027, sheetYear: 2018 });
  expect(edits).toEqual([]);
  expect(report.regime.regime).toBe("permendagri13");
});

test("runCodeMigration: the bridge from a recognised T-C.29 to the migration", async () => {
  const grid = tc29Grid([
    [
      2,
      "07",
      "03",
      "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
      "Persentase",
      60,
      40,
      50,
      52,
      104,
      55,
      55,
      91.67,
    ],
    [
      2,
      "07",
      "03.2.01.0005",
      "Pengadaan Sarana Pelatihan Vokasi dan Produktivitas",
      "Jumlah sarana",
      4,
      1,
      1,
      1,
      100,
      1,
      2,
      50,
    ],
    [
      2,
      "07",
      "03.2.01.0001",
      "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster Kompetensi",
      "Jumlah peserta",
      100,
      20,
      25,
      25,
      100,
      30,
      75,
      75,
    ],
  ]);
  const rec = recognise(grid);
  const { result, reason } = await runCodeMigration(buildRows(grid, rec), rec, DEFAULT_SETTINGS);
  expect(reason).toBeNull();
  const row = rec.dataRows![0] + 1;
  expect(result!.edits).toEqual([
    { row, col: 2, value: "03.2.01.0008" }, // not a number to Excel: no text format needed
    { row, col: 3, value: "Pengembangan Prasarana dan Sarana Pelatihan Vokasi" },
  ]);
  expect(result!.report.retired.map((r) => r.from.code)).toEqual(["2.07.03.2.01.0001"]);
  const prov = await runCodeMigration(buildRows(grid, rec), rec, {
    ...DEFAULT_SETTINGS,
    scope: "provinsi",
  });
  expect(prov.result).toBeNull();
  expect(prov.reason).toMatch(/provinsi/);
});
