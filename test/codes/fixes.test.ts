// Fixes of the code findings: each names exactly the cells it writes, writes the official form
// (split cells keep their split), and after it the finding is gone. Ambiguous cases offer choices.
import { prepare } from "../../src/codes/api";
import { checkCodes, type CodeCheckOptions, type CodeRow } from "../../src/codes/rules";
import type { Issue } from "../../src/model/issue";
import { nomenclature } from "./helpers";
import { applyEdits, rows } from "./rows";

const v2024 = nomenclature("kabkota-2024");
const v2027 = nomenclature("2027");
const check = (r: CodeRow[], year = 2024, extra: Partial<CodeCheckOptions> = {}) =>
  checkCodes(r, {
    year,
    scope: "kabkota",
    nomenclature: year >= 2027 ? v2027 : v2024,
    previous: year >= 2027 ? v2024 : undefined,
    ...extra,
  });
const only = (issues: Issue[], rule: string) => {
  const found = issues.filter((i) => i.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("kode.format: the official form", () => {
  test('"2 07 01 2. 01 01" in one cell → 2.07.01.2.01.0001 (safe)', () => {
    const r = rows([[["2 07 01 2. 01 01"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"]]);
    const f = only(check(r), "kode.format");
    expect(f.fix).toEqual({
      label: "Tulis kode resmi 2.07.01.2.01.0001 di A11",
      safe: true,
      edits: [{ row: 10, col: 0, value: "2.07.01.2.01.0001" }],
    });
    expect(check(applyEdits(r, f.fix!.edits))).toEqual([]);
  });
  test("split cells keep their split, each cell gets its segment as text", () => {
    const r = rows([[["2", "7", "4"], "PROGRAM PENEMPATAN TENAGA KERJA"]]);
    const f = only(check(r), "kode.format");
    expect(f.fix!.edits).toEqual([
      { row: 10, col: 1, value: "07", numberFormat: "@" },
      { row: 10, col: 2, value: "04", numberFormat: "@" },
    ]);
    expect(f.fix!.label).toBe("Tulis kode resmi 2.07.04 di B11, C11");
    expect(check(applyEdits(r, f.fix!.edits))).toEqual([]);
  });
  test("numeric cells with the kegiatan as 2.01: only the cells that change", () => {
    const r = rows([
      [
        [2, 7, 3, 2.01, 1],
        "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster Kompetensi",
      ],
    ]);
    const f = only(check(r), "kode.format");
    expect(f.fix!.edits.map((e) => [e.col, e.value])).toEqual([
      [1, "07"],
      [2, "03"],
      [4, "0001"],
    ]);
    expect(f.fix!.label).toBe("Tulis kode resmi 2.07.03.2.01.0001 di B11, C11, E11");
  });
  test("code and name in one cell: the code part is rewritten, the name kept", () => {
    const r = rows([[["2.7.4 PROGRAM PENEMPATAN TENAGA KERJA"], null]]);
    const f = only(check(r), "kode.format");
    expect(f.fix!.edits).toEqual([
      { row: 10, col: 0, value: "2.07.04 PROGRAM PENEMPATAN TENAGA KERJA" },
    ]);
  });
  test("an unreadable code has no fix", () => {
    const f = only(check(rows([[["2", "7", "3", "2"], "x"]])), "kode.format");
    expect(f.fix).toBeUndefined();
  });
});

describe("kode.nama-beda: the official name in the name cell only", () => {
  test("a variant of the official name → safe fix of the name cell", () => {
    const r = rows([[["2.07.01.2.06.0008"], "Fasilitas Kunjungan Tamu"]]);
    const f = only(check(r), "kode.nama-beda");
    expect(f.fix).toEqual({
      label: 'Tulis nama resmi "Fasilitasi Kunjungan Tamu" di G11',
      safe: true,
      edits: [{ row: 10, col: 6, value: "Fasilitasi Kunjungan Tamu" }],
    });
    expect(check(applyEdits(r, f.fix!.edits))).toEqual([]);
  });
  test("the name written after the code in the same cell", () => {
    const r = rows([[["2.07.04 Program Penempatan"], null]]);
    const f = only(check(r), "kode.nama-beda");
    expect(f.fix!.edits).toEqual([
      { row: 10, col: 0, value: "2.07.04 PROGRAM PENEMPATAN TENAGA KERJA" },
    ]);
    expect(f.fix!.safe).toBe(true);
  });
  test("a different text altogether: offered, but not safe", () => {
    const f = only(
      check(rows([[["2.07.04.2.01.0002"], "Kegiatan Bursa Kerja Akhir Tahun"]])),
      "kode.nama-beda"
    );
    expect(f.fix).toMatchObject({
      safe: false,
      edits: [{ col: 6, value: "Pelayanan antar Kerja" }],
    });
  });
  test("the official name of a sibling code: choices (name or code), no fix", () => {
    const r = rows([[["2.07.04.2.01.0003"], "Pelayanan antar Kerja"]]);
    const f = only(check(r), "kode.nama-beda");
    expect(f.fix).toBeUndefined();
    expect(f.choices!.map((c) => [c.label, c.safe])).toEqual([
      ['Tulis nama resmi "Penyuluhan dan Bimbingan Jabatan bagi Pencari Kerja" di G11', false],
      ['Ganti dengan 2.07.04.2.01.0002 "Pelayanan antar Kerja" di A11', false],
    ]);
  });
});

describe("kode.kadaluarsa: successor code and name", () => {
  test("a unique successor → code and name, not safe", () => {
    const r = rows([
      [["2.07.03.2.01.0005"], "Pengadaan Sarana Pelatihan Vokasi dan Produktivitas"],
    ]);
    const f = only(check(r, 2027), "kode.kadaluarsa");
    expect(f.fix).toEqual({
      label:
        'Ganti dengan 2.07.03.2.01.0008 "Pengembangan Prasarana dan Sarana Pelatihan Vokasi" di A11, G11',
      safe: false,
      edits: [
        { row: 10, col: 0, value: "2.07.03.2.01.0008" },
        { row: 10, col: 6, value: "Pengembangan Prasarana dan Sarana Pelatihan Vokasi" },
      ],
    });
    expect(check(applyEdits(r, f.fix!.edits), 2027)).toEqual([]);
  });
  test("split cells: the successor's segments go into the same cells", () => {
    const r = rows([
      [["2", "07", "03", "2.01", "05"], "Pengadaan Sarana Pelatihan Vokasi dan Produktivitas"],
    ]);
    const f = only(check(r, 2027), "kode.kadaluarsa");
    expect(f.fix!.edits).toEqual([
      { row: 10, col: 4, value: "0008", numberFormat: "@" },
      { row: 10, col: 6, value: "Pengembangan Prasarana dan Sarana Pelatihan Vokasi" },
    ]);
  });
  test("code and name in one cell: both rewritten in that cell", () => {
    const r = rows([
      [["2.07.03.2.01.0005 Pengadaan Sarana Pelatihan Vokasi dan Produktivitas"], null],
    ]);
    const f = only(check(r, 2027), "kode.kadaluarsa");
    expect(f.fix!.edits).toEqual([
      {
        row: 10,
        col: 0,
        value: "2.07.03.2.01.0008 Pengembangan Prasarana dan Sarana Pelatihan Vokasi",
      },
    ]);
    expect(check(applyEdits(r, f.fix!.edits), 2027)).toEqual([]);
  });
  test("retired without a successor: no fix", () => {
    const f = only(check(rows([[["2.07.03.2.01.0001"], "x"]]), 2027), "kode.kadaluarsa");
    expect(f.fix).toBeUndefined();
    expect(f.choices).toBeUndefined();
  });
  test("several successors: one choice each", () => {
    const nom = prepare({
      version: "t",
      label: "daftar uji",
      scopes: ["kabkota"],
      names: { "2.07.03.2.01.0011": "Satu", "2.07.03.2.01.0012": "Dua" },
      replaces: {
        "2.07.03.2.01.0011": ["2.07.03.2.01.0005"],
        "2.07.03.2.01.0012": ["2.07.03.2.01.0005"],
      },
    });
    const issues = checkCodes(rows([[["2.07.03.2.01.0005"], "Lama"]]), {
      year: 2027,
      scope: "kabkota",
      nomenclature: nom,
    });
    const f = only(issues, "kode.kadaluarsa");
    expect(f.fix).toBeUndefined();
    expect(f.choices!.map((c) => c.edits.map((e) => e.value))).toEqual([
      ["2.07.03.2.01.0011", "Satu"],
      ["2.07.03.2.01.0012", "Dua"],
    ]);
  });
});

describe("kode.placeholder: the sheet's bidang", () => {
  test("one bidang in the sheet → X.XX replaced (safe)", () => {
    const r = rows([
      [["2.07.01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
      [["X.XX.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
    ]);
    const f = only(check(r), "kode.placeholder");
    expect(f.fix).toEqual({
      label: "Tulis kode 2.07.01.2.01.0001 (bidang 2.07) di A12",
      safe: true,
      edits: [{ row: 11, col: 0, value: "2.07.01.2.01.0001" }],
    });
    expect(check(applyEdits(r, f.fix!.edits))).toEqual([]);
  });
  test("split cells X | XX | 01 …", () => {
    const r = rows([
      [["2", "07", "04"], "PROGRAM PENEMPATAN TENAGA KERJA"],
      [["X", "XX", "01", "2", "01", "0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
    ]);
    const f = only(check(r), "kode.placeholder");
    expect(f.fix!.edits).toEqual([
      { row: 11, col: 0, value: "2", numberFormat: "@" },
      { row: 11, col: 1, value: "07", numberFormat: "@" },
    ]);
  });
  test("two bidang (Disnakertrans): choices, the nearest above first", () => {
    const r = rows([
      [["2.07.04"], "PROGRAM PENEMPATAN TENAGA KERJA"],
      [["3.32.02"], "PROGRAM PERENCANAAN KAWASAN TRANSMIGRASI"],
      [["X.XX.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
    ]);
    const f = only(check(r), "kode.placeholder");
    expect(f.fix).toBeUndefined();
    expect(f.choices!.map((c) => c.edits[0].value)).toEqual([
      "3.32.01.2.01.0001",
      "2.07.01.2.01.0001",
    ]);
  });
  test("no bidang anywhere: no fix", () => {
    const f = only(
      check(rows([[["X.XX.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"]])),
      "kode.placeholder"
    );
    expect(f.fix).toBeUndefined();
    expect(f.choices).toBeUndefined();
  });
});

describe("kode.hierarki: only the unambiguous depth case", () => {
  test("a sub kegiatan carrying its kegiatan's code → the sub kegiatan code (not safe)", () => {
    const r = rows([
      [["2 07 01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
      [["2 07 01 2. 02"], "Administrasi Keuangan Perangkat Daerah"],
      [["2 07 01 2. 02"], "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD"],
    ]);
    const f = only(check(r), "kode.hierarki");
    expect(f.fix).toEqual({
      label: "Tulis kode 2.07.01.2.02.0005 di A13",
      safe: false,
      edits: [{ row: 12, col: 0, value: "2.07.01.2.02.0005" }],
    });
    expect(check(applyEdits(r, f.fix!.edits)).filter((i) => i.severity !== "info")).toEqual([]);
  });
  test("split cells: the missing segments go into the sheet's code columns for that length", () => {
    const r = rows([
      [["2", "07", "01", "2", "01", "0002"], "Koordinasi dan Penyusunan Dokumen RKA-SKPD"],
      [["2", "07", "01"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
    ]);
    const f = only(check(r), "kode.hierarki");
    expect(f.fix!.edits.map((e) => [e.col, e.value])).toEqual([
      [3, "2"],
      [4, "01"],
      [5, "0001"],
    ]);
    expect(f.fix!.label).toBe("Tulis kode 2.07.01.2.01.0001 di D12:F12");
  });
  test("a sub kegiatan under the wrong kegiatan (row order) has no fix", () => {
    const r = rows([
      [["2.07.04"], "PROGRAM PENEMPATAN TENAGA KERJA"],
      [["2.07.04.2.03"], "Pengelolaan Informasi Pasar Kerja"],
      [["2.07.04.2.01.0003"], "Penyuluhan dan Bimbingan Jabatan bagi Pencari Kerja"],
    ]);
    const f = only(check(r), "kode.hierarki");
    expect(f.fix).toBeUndefined();
  });
});
