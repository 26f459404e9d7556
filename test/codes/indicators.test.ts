// kode.indikator-beda / kode.satuan-beda: the official indikator and satuan of a sub kegiatan,
// compared tolerantly. Every pair below was reviewed by hand.
import { checkCodes, type CodeRow } from "../../src/codes/rules";
import { measureKey, sameIndicator, sameUnit } from "../../src/codes/text";
import { indicators, nomenclature } from "./helpers";
import { rows } from "./rows";

describe("tolerant comparison", () => {
  test.each([
    ["Jumlah Dok. Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah"],
    [
      "jumlah  dokumen perencanaan   perangkat daerah ",
      "Jumlah Dokumen Perencanaan Perangkat Daerah",
    ],
    ["Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah"],
    [
      "Jumlah Tenaga Kerja yang Mendapat Pelatihan Berbasis Kompetensi",
      "Jumlah Tenaga Kerja yang Mendapat Pelatihan Berbasis Kompetensi pada Tahun n",
    ],
    [
      "Jml Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
      "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
    ],
    [
      // Lamongan T-C.33 G20: "Triwulan" for "Triwulanan", spacing around the slashes
      "Jumlah Laporan Keuangan Bulanan/Triwulan/Semesteran SKPD dan laporan koordinasi penyusunan laporan keuangan bulanan/triwulan/ semesteran SKPD",
      "Jumlah Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD dan Laporan Koordinasi Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
    ],
  ])("same indicator: %s", (written, official) =>
    expect(sameIndicator(written, official)).toBe(true)
  );

  test.each([
    // Pasuruan Tabel 2.1 C15: another wording, another measure
    ["Jumlah dokumen perencanaan yang disusun", "Jumlah Dokumen Perencanaan Perangkat Daerah"],
    [
      "Persentase pencari kerja yang ditempatkan",
      "Jumlah Tenaga Kerja yang Ditempatkan Melalui Layanan AKAD dan AKL",
    ],
    ["Jumlah ATK yang dibutuhkan", "Jumlah Paket Bahan Logistik Kantor yang Disediakan"],
    ["Jumlah Laporan Evaluasi Kinerja", "Jumlah Laporan Capaian Kinerja"],
  ])("different indicator: %s", (written, official) =>
    expect(sameIndicator(written, official)).toBe(false)
  );

  test.each([
    ["Dok", "Dokumen"],
    ["dokumen", "Dokuman"], // a typo of the official data
    ["Dokumen", "Doumen"],
    ["Org", "Orang"],
    ["Lap.", "Laporan"],
    ["Keg", "Kegiatan"],
    ["Pkt", "Paket"],
    ["bln", "Bulan"],
    ["unit", "UNIT"],
    ["Laporan", "Laporan / Dokumen"],
    ["Paket", "Unit/Paket"],
    ["SR", "Sambungan Rumah (SR)"],
    ["%", "Persentase"],
    ["m3/hari", "MÂ³/Hari"],
    ["Orang / Bulan", "Orang/bulan"],
  ])("same unit: %s ~ %s", (written, official) => expect(sameUnit(written, official)).toBe(true));

  test.each([
    ["Orang", "Orang/Bulan"], // a rate, not an alternative
    ["Dokumen", "Laporan"],
    ["Bulan", "Dokumen"],
    ["Kegiatan", "Orang"],
  ])("different unit: %s ≠ %s", (written, official) =>
    expect(sameUnit(written, official)).toBe(false)
  );

  test("the normal form", () => {
    expect(measureKey("Jml. Dok & Lap (%)")).toBe("jumlah dokumen dan laporan persen");
  });
});

describe("the rule on rows", () => {
  const v2024 = nomenclature("kabkota-2024");
  const table = indicators("kabkota-2024");
  const check = (r: CodeRow[], withTable = true) =>
    checkCodes(r, {
      year: 2025,
      scope: "kabkota",
      nomenclature: v2024,
      indicators: withTable ? table : undefined,
    }).filter((i) => i.rule === "kode.indikator-beda" || i.rule === "kode.satuan-beda");
  const NAME = "Penyusunan Dokumen Perencanaan Perangkat Daerah";

  test("matching indicator and unit (abbreviated): nothing", () => {
    expect(
      check(
        rows([[["2.07.01.2.01.0001"], NAME, "Jumlah Dok. Perencanaan Perangkat Daerah", "Dok"]])
      )
    ).toEqual([]);
  });
  test("a different indicator: one info finding with the official text; the fix is not safe", () => {
    const issues = check(
      rows([[["2.07.01.2.01.0001"], NAME, "Jumlah dokumen perencanaan yang disusun", "Laporan"]])
    );
    expect(issues).toEqual([
      {
        cell: "H11",
        row: 10,
        col: 7,
        rule: "kode.indikator-beda",
        severity: "info",
        message:
          'Indikator "Jumlah dokumen perencanaan yang disusun" berbeda dengan indikator resmi sub kegiatan 2.07.01.2.01.0001: "Jumlah Dokumen Perencanaan Perangkat Daerah" (satuan Dokumen).',
        fix: {
          label: 'Tulis indikator resmi di H11 dan satuan "Dokumen" di I11',
          safe: false,
          edits: [
            { row: 10, col: 7, value: "Jumlah Dokumen Perencanaan Perangkat Daerah" },
            { row: 10, col: 8, value: "Dokumen" },
          ],
        },
      },
    ]);
  });
  test("the official indicator with another unit: kode.satuan-beda", () => {
    const issues = check(
      rows([
        [["2.07.01.2.01.0001"], NAME, "Jumlah Dokumen Perencanaan Perangkat Daerah", "Kegiatan"],
      ])
    );
    expect(issues).toEqual([
      expect.objectContaining({
        rule: "kode.satuan-beda",
        cell: "I11",
        severity: "info",
        message:
          'Satuan "Kegiatan" berbeda dengan satuan resmi sub kegiatan 2.07.01.2.01.0001: "Dokumen".',
        fix: {
          label: 'Tulis satuan resmi "Dokumen" di I11',
          safe: false,
          edits: [{ row: 10, col: 8, value: "Dokumen" }],
        },
      }),
    ]);
  });
  test("the official indicator on an indicator row below (no code, no name): nothing", () => {
    const r = rows([
      [
        ["2.07.04.2.01.0002"],
        "Pelayanan antar Kerja",
        "Persentase pencari kerja yang ditempatkan",
        "%",
      ],
      [[], null, "Jumlah Tenaga Kerja yang Ditempatkan Melalui Layanan AKAD dan AKL", "Orang"],
    ]);
    expect(check(r)).toEqual([]);
  });
  test("programmes and kegiatan have no official indicator; without the table nothing runs", () => {
    expect(
      check(rows([[["2.07.04"], "PROGRAM PENEMPATAN TENAGA KERJA", "Tingkat penempatan", "%"]]))
    ).toEqual([]);
    expect(
      check(rows([[["2.07.01.2.01.0001"], NAME, "Lain sama sekali", "Kegiatan"]]), false)
    ).toEqual([]);
  });
  test("a document before TA 2024 is told that the official texts apply from TA 2024", () => {
    const r = rows([[["2.07.01.2.01.0001"], NAME, "Jumlah dokumen perencanaan yang disusun"]]);
    const [issue] = checkCodes(r, {
      year: 2022,
      scope: "kabkota",
      nomenclature: v2024,
      indicators: table,
    });
    expect(issue.rule).toBe("kode.indikator-beda");
    expect(issue.message).toMatch(/berlaku sejak TA 2024\)\.$/);
  });
  test("a unit column without an indicator column: the unit alone is compared", () => {
    const r: CodeRow[] = rows([[["2.07.04.2.01.0002"], "Pelayanan antar Kerja"]]).map((x) => ({
      ...x,
      unit: { col: 8, value: "Dokumen" },
    }));
    expect(check(r).map((i) => [i.rule, i.message])).toEqual([
      [
        "kode.satuan-beda",
        'Satuan "Dokumen" berbeda dengan satuan resmi sub kegiatan 2.07.04.2.01.0002: "Orang".',
      ],
    ]);
  });
});
