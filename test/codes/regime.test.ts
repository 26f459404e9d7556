// Old code regimes are recognised per sheet and reported once (kode.rezim) instead of a finding
// per row; current sheets keep every check. The rows reproduce the shapes of real workbooks:
// Muna Barat (TA 2018, code + " - " + name in one cell), Sukabumi (TA 2018, split 3 | 1 | 01 | 01),
// Seram Bagian Barat (three-digit kegiatan 1.01.02.202.06), Semarang and Pasangkayu (current
// codes), a BPS indicator list (1.1.1.1).
import { detectRegime } from "../../src/codes/regime";
import { checkCodes, type CodeRow } from "../../src/codes/rules";
import type { CellValue } from "../../src/model/grid";
import { nomenclature } from "./helpers";
import { rows } from "./rows";

const v2024 = nomenclature("kabkota-2024");
const check = (r: CodeRow[], year: number | null, sheetYear: number | null = year) =>
  checkCodes(r, { year, sheetYear, scope: "kabkota", nomenclature: v2024 });
const regimeOf = (r: CodeRow[], year: number | null) => detectRegime(r, year).regime;

// Muna Barat "PROGRAM DAN KEGIATAN SKPD", TAHUN ANGGARAN 2018: one merged code cell per row.
const munaBarat = (): CodeRow[] =>
  rows([
    [["1 - Urusan Wajib Pelayanan Dasar"], null],
    [["1.01 - Pendidikan"], null],
    [["1.01.1.1 - Dinas Pendidikan"], null],
    [["1.01.1.1.01 - Program Pelayanan Administrasi Perkantoran"], null],
    [["1.01.1.1.01.01"], "Penyediaan jasa surat menyurat"],
    [["1.01.1.1.01.02"], "Penyediaan jasa komunikasi, sumber daya air dan listrik"],
  ]);

// Sukabumi "Evaluasi Hasil terhadap RENJA PD" Tahun 2018: urusan | bidang | program | kegiatan in
// columns A–D, sub-rows leave A empty.
const sukabumi = (): CodeRow[] =>
  rows([
    [["3"], "Fungsi Penunjang Urusan Pemerintahan Daerah"],
    [["3", "1"], "Perencanaan"],
    [["3", "1", "01", "01"], "Program Pelayanan Administrasi Perkantoran"],
    [[null, "1", "01", "01"], "Pelayanan Administrasi Perkantoran"],
    [[null, "1", "01", "02"], "Pelayanan Administrasi Aset"],
  ]);

// Seram Bagian Barat e-LKPJ "Semua OPD": three-digit kegiatan, two-digit sub kegiatan, X.XX.
const seram = (): CodeRow[] =>
  rows([
    [["1.01"], "DINAS PENDIDIKAN DAN KEBUDAYAAN"],
    [["1.01.02"], "PROGRAM PENGELOLAAN PENDIDIKAN"],
    [["1.01.02.202"], "Pengelolaan Pendidikan Sekolah Menengah Pertama"],
    [["1.01.02.202.06"], "Pembangunan Laboratorium"],
    [["1.01.02.202.16"], "Rehabilitasi Sedang/Berat Ruang Unit Kesehatan Sekolah"],
    [["X.XX.01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
    [["X.XX.01.201"], "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"],
    [["X.XX.01.201.01"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
    [["4.01"], "SEKRETARIAT DAERAH"],
  ]);

// Kota Semarang DP3A "SERAPAN": current codes, program → kegiatan → sub kegiatan.
const semarang = (): CodeRow[] =>
  rows([
    [["2.08.01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
    [["2.08.01.2.01"], "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"],
    [["2.08.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
    [["2.08.01.2.01.0002"], "Koordinasi dan Penyusunan Dokumen RKA-SKPD"],
    [["2.08.01.2.01.0006"], "Koordinasi dan Penyusunan Laporan Capaian Kinerja"],
  ]);

describe("old regimes are said once", () => {
  test("Muna Barat 2018 (urusan.bidang.unit.subunit.program.kegiatan): one kode.rezim, nothing per row", () => {
    const issues = check(munaBarat(), 2018);
    expect(issues).toEqual([
      expect.objectContaining({ rule: "kode.rezim", severity: "info", cell: "A13" }),
    ]);
    expect(issues[0].message).toMatch(/Permendagri 13\/2006/);
    expect(issues[0].message).toMatch(/1\.01\.1\.1 - Dinas Pendidikan/);
    expect(issues[0].message).toMatch(/tidak diperiksa terhadap daftar nomenklatur 2024\/2027/);
  });
  test("Muna Barat shapes are recognised without the year too", () => {
    expect(regimeOf(munaBarat(), null)).toBe("permendagri13");
    expect(check(munaBarat(), 2025).map((i) => i.rule)).toEqual(["kode.rezim"]);
  });
  test("Sukabumi 2018 split 3 | 1 | 01 | 01 with Program Pelayanan Administrasi Perkantoran", () => {
    const issues = check(sukabumi(), 2018);
    expect(issues.map((i) => i.rule)).toEqual(["kode.rezim"]);
    expect(issues[0].message).toMatch(/3 \| 1 \| 01 \| 01/);
    expect(regimeOf(sukabumi(), null)).toBe("permendagri13"); // the programme names say it
  });
  test("a 2018 sheet with codes that could be read either way: the year decides", () => {
    const r = rows([
      [["1.01.01"], "Program Peningkatan Mutu Pendidik"],
      [["1.01.02"], "Program Wajib Belajar Pendidikan Dasar Sembilan Tahun"],
    ]);
    const issues = check(r, 2018);
    expect(issues.map((i) => i.rule)).toEqual(["kode.rezim"]);
    expect(issues[0].message).toMatch(/TA 2018/);
    expect(regimeOf(r, 2024)).toBe("current");
  });
  test("Seram Bagian Barat three-digit kegiatan: one finding, with the current form as a hint", () => {
    const issues = check(seram(), null);
    expect(issues).toEqual([expect.objectContaining({ rule: "kode.rezim", cell: "A13" })]);
    expect(issues[0].message).toMatch(/kegiatan tiga digit/);
    expect(issues[0].message).toMatch(/1\.01\.02\.202/);
    expect(issues[0].message).toMatch(
      /bentuk sekarang \(U\.BB\.PP\.K\.KK\.SSSS, mis\. 1\.01\.02\.2\.02\)/
    );
    expect(check(seram(), 2022)[0].message).not.toMatch(/Untuk dokumen TA 2024/);
  });
  test("BPS indicator numbering 1.1.1.1 is not a nomenclature code: no finding at all", () => {
    const r = rows(
      ["1.1.1.1", "1.1.3.1", "1.2.1.1", "1.4.1.2", "2.1.4.1", "3.2.4.2"].map(
        (c) => [[c], null] as [CellValue[], string | null]
      )
    );
    expect(regimeOf(r, 2026)).toBe("bukan-kode");
    expect(check(r, 2026)).toEqual([]);
  });
});

describe("current sheets keep the full checks", () => {
  test("Semarang 2.08.01.2.01.0001 …: current, checked row by row", () => {
    expect(regimeOf(semarang(), 2024)).toBe("current");
    const issues = check(semarang(), 2024);
    expect(issues.map((i) => [i.cell, i.rule])).toEqual([["A15", "kode.nama-beda"]]);
  });
  test("Pasangkayu 1.03.01.2.01.0001 … even in a sheet dated before 2021", () => {
    const r = rows([
      [["1.03.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
      [["1.03.01.2.02.0001"], "Penyediaan Gaji dan Tunjangan ASN"],
      [["1.03.12.2.02.0002"], "Nama lain"],
    ]);
    expect(regimeOf(r, 2019)).toBe("current");
    expect(check(r, 2024).map((i) => [i.cell, i.rule])).toEqual([["A13", "kode.nama-beda"]]);
  });
  test("a lone incomplete current code (2 | 7 | 3 | 2) is a format error, not an old regime", () => {
    const r = rows([[["2", "7", "3", "2"], "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi"]]);
    expect(check(r, 2024)[0]).toMatchObject({ rule: "kode.format", severity: "error" });
  });
  test("one old-looking row in a current sheet does not silence it", () => {
    const r = [...semarang(), ...rows([[["1.01.02.202.06"], "Pembangunan Laboratorium"]], 20)];
    expect(check(r, 2024).map((i) => i.rule)).toEqual(["kode.nama-beda", "kode.format"]);
  });
});
