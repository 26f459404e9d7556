// Reading codes as planners write them, NAMAKODE/CEKKODE, and the kode.* checks on seed rows
// (Pasuruan Tabel 2.1 / 4.1, Lamongan T-C.29).
import { readCode } from "../../src/codes/read";
import {
  cekKode,
  loadDetails,
  loadIndicators,
  namaKode,
  versionForYear,
} from "../../src/codes/api";
import { checkCodes, type CodeRow } from "../../src/codes/rules";
import type { CellValue } from "../../src/model/grid";
import { nomenclature } from "./helpers";

const v2024 = nomenclature("kabkota-2024");
const v2027 = nomenclature("2027");
const v2027prov = nomenclature("2027", "provinsi");

describe("readCode: every variant of DOMAIN §6", () => {
  test.each([
    [["2", "07", "01", "2", "02", "07"], "2.07.01.2.02.0007"], // split cells
    [["2 07 05 2.01 03"], "2.07.05.2.01.0003"], // 004
    [["2 07 01 2. 01 01"], "2.07.01.2.01.0001"], // 004 L430
    [["2", "7", "4"], "2.07.04"], // 000 L811 dropped zeros
    [["3", "32", "3"], "3.32.03"], // 000 L848
    [["2.07.01.02.01.0001"], "2.07.01.2.01.0001"], // zero-padded level digit
    [["3 32 03 2.01 20"], "3.32.03.2.01.0020"], // 004 L626
    [[2, 7, 3, 2.01, 1], "2.07.03.2.01.0001"], // numeric cells, kegiatan as 2.01
    [["2.07.04 PROGRAM PENEMPATAN TENAGA KERJA"], "2.07.04"], // code and name in one cell
  ])("%j → %s", (cells, code) => {
    const r = readCode(cells as CellValue[]);
    expect(r).toMatchObject({ kind: "code", code });
  });

  test("a bare row number is not an urusan", () => {
    expect(readCode(["2"]).kind).toBe("none");
    expect(readCode([1]).kind).toBe("none");
  });
  test("incomplete kegiatan codes are format errors (000 L795)", () => {
    expect(readCode(["2", "7", "3", "2"]).kind).toBe("invalid");
  });
  test("placeholders", () =>
    expect(readCode(["X.XX.01.2.01.0001"])).toMatchObject({ placeholder: true }));
  test('code, " - " and name in one cell (Muna Barat export)', () =>
    expect(readCode(["2.07.04 - PROGRAM PENEMPATAN TENAGA KERJA"])).toMatchObject({
      code: "2.07.04",
      name: "PROGRAM PENEMPATAN TENAGA KERJA",
    }));
  test("name in the same cell", () =>
    expect(readCode(["2.07.04 PROGRAM PENEMPATAN TENAGA KERJA"])).toMatchObject({
      name: "PROGRAM PENEMPATAN TENAGA KERJA",
      level: "program",
    }));
});

describe("NAMAKODE and CEKKODE", () => {
  test("NAMAKODE 2.07.04.2.01.0002 → official casing", async () => {
    expect(await namaKode("2.07.04.2.01.0002")).toEqual({
      ok: true,
      value: "Pelayanan antar Kerja",
    });
  });
  test("support programme written with the PD's bidang", async () => {
    expect(await namaKode("2.07.01.2.01.0001")).toEqual({
      ok: true,
      value: "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    });
  });
  test('CEKKODE "2 07 01 2. 01 01" is accepted as 2.07.01.2.01.0001', async () => {
    expect(await cekKode("2 07 01 2. 01 01")).toEqual({
      ok: true,
      value: "OK (2.07.01.2.01.0001)",
    });
  });
  test("CEKKODE names the successor of a retired code", async () => {
    const r = await cekKode("2.07.03.2.01.0005", 2027);
    expect(r.ok && r.value).toMatch(/2\.07\.03\.2\.01\.0008/);
  });
  test("CEKKODE reports provincial kegiatan", async () => {
    const r = await cekKode("2.07.06.1.01");
    expect(r.ok && r.value).toMatch(/provinsi/);
  });
  test("unknown and empty", async () => {
    expect(await namaKode("2.07.99")).toMatchObject({ ok: false, error: "#N/A" });
    expect(await namaKode("")).toMatchObject({ ok: false, error: "#N/A" });
    expect(await namaKode("2.07", "tahun lalu")).toMatchObject({ ok: false, error: "#VALUE!" });
  });
  test("NAMAKODE names a code of the provincial 2027 list too", async () => {
    expect(await namaKode("2.07.03.3.03.0004", 2027)).toMatchObject({ ok: true });
  });
  test("kinerja and definisi operasional are loaded apart, on request", async () => {
    const details = await loadDetails("2027");
    const d = details.get("2.07.03.2.01.0007");
    expect(d?.kinerja).toBeTruthy();
    expect(d?.definisi).toBeTruthy();
    // a support-programme code written with the PD's bidang is found through X.XX
    expect(details.get("2.07.01.2.01.0001")?.kinerja).toMatch(/Dokumen Perencanaan/);
    expect((await loadDetails("kabkota-2024")).get("2.07.03.2.01.0001")?.definisi).toBeNull();
    expect((await loadIndicators("2027")).get("2.07.03.2.01.0007")).toEqual([
      "Jumlah lulusan pelatihan vokasi yang disertifikasi pada tahun n",
      "Orang",
    ]);
  });
  test("version by year", () => {
    expect(versionForYear(2024).version).toBe("kabkota-2024");
    expect(versionForYear(2026).version).toBe("kabkota-2024");
    expect(versionForYear(2027).version).toBe("2027");
    expect(versionForYear(2023).note).toMatch(/050-5889/);
  });
});

// Rows as they stand in Pasuruan Tabel 2.1 / 4.1 (004 §6.1) and Lamongan T-C.29 (000 §6.5).
function rows(spec: [string[], string][]): CodeRow[] {
  return spec.map(([code, name], i) => ({
    row: i + 10,
    codeCells: code.map((v, j) => ({ col: j, value: v })),
    name: { col: 6, value: name },
  }));
}

describe("checkCodes on seed rows", () => {
  const check = (r: CodeRow[], year = 2024, scope: "kabkota" | "provinsi" = "kabkota") =>
    checkCodes(r, {
      year,
      scope,
      nomenclature: scope === "provinsi" ? v2027prov : year >= 2027 ? v2027 : v2024,
      previous: year >= 2027 && scope === "kabkota" ? v2024 : undefined,
    });
  const serious = (issues: ReturnType<typeof check>) => issues.filter((i) => i.severity !== "info");

  test("correct codes produce no alarms (004 L427–L452)", () => {
    const issues = check(
      rows([
        [["2 07"], "URUSAN PEMERINTAHAN BIDANG TENAGA KERJA"],
        [["2 07 01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
        [["2 07 01 2. 01"], "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"],
        [["2 07 01 2. 01 01"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"],
        [
          ["2 07 01 2. 01 06"],
          "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
        ],
        [["2 07 01 2. 02"], "Administrasi Keuangan Perangkat Daerah"],
        [["2 07 01 2. 02 01"], "Penyediaan Gaji dan Tunjangan ASN"],
        [["2 07 01 2. 05"], "Administrasi Kepegawaian Perangkat Daerah"],
        [["2 07 01 2. 05 10"], "Sosialisasi Peraturan Perundang- Undangan"], // hyphen-space artefact is not a difference
        [["2 07 03"], "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja"],
        [["2 07 03 2.02"], "Pembinaan Lembaga Pelatihan Kerja Swasta"],
        [["2 07 03 2.02 01"], "Pembinaan Lembaga Pelatihan Kerja Swasta"],
        [["3 32 03 2.01 20"], "Monitoring dan Evaluasi ke Lokasi Transmigrasi"],
      ])
    );
    expect(serious(issues)).toEqual([]);
    expect(issues.filter((i) => i.rule === "kode.format").length).toBeGreaterThan(0); // 2-digit sub-kegiatan noted as info
  });

  test("004 L439: a sub-kegiatan carrying its parent's code", () => {
    const issues = check(
      rows([
        [["2 07 01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
        [["2 07 01 2. 02"], "Administrasi Keuangan Perangkat Daerah"],
        [["2 07 01 2. 02 01"], "Penyediaan Gaji dan Tunjangan ASN"],
        [["2 07 01 2. 02"], "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD"],
      ])
    );
    const h = issues.find((i) => i.rule === "kode.hierarki");
    expect(h).toMatchObject({ row: 13, severity: "error" });
    expect(h!.message).toMatch(/2\.07\.01\.2\.02\.0005/);
  });

  test("000 L166: a sub-kegiatan printed with its program code", () => {
    const issues = check(
      rows([[["2", "07", "01"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"]])
    );
    expect(issues.map((i) => i.rule)).toContain("kode.hierarki");
  });

  test("name variants: official name shown (004 L455, L452)", () => {
    const issues = check(
      rows([
        [["2 07 01 2.06 08"], "Fasilitas Kunjungan Tamu"],
        [["2 07 01 2.06 05"], "Penyediaan Barang Cetak dan Penggandaan"],
      ])
    );
    expect(issues.map((i) => i.rule)).toEqual([
      "kode.format",
      "kode.nama-beda",
      "kode.format",
      "kode.nama-beda",
    ]);
    expect(issues[1].message).toMatch(/Fasilitasi Kunjungan Tamu/);
  });

  test("000 L795: incomplete kegiatan code → kode.format error", () => {
    const issues = check(
      rows([[["2", "7", "3", "2"], "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi"]])
    );
    expect(issues[0]).toMatchObject({ rule: "kode.format", severity: "error" });
  });

  test("provincial kegiatan 2.07.06.1.01 in a kab/kota sheet → kode.kewenangan", () => {
    const issues = check(rows([[["2.07.06.1.01"], "Penyelenggaraan Pengawasan Ketenagakerjaan"]]));
    expect(issues[0]).toMatchObject({ rule: "kode.kewenangan", severity: "error" });
    expect(
      check(
        rows([[["2.07.06.1.01"], "Penyelenggaraan Pengawasan Ketenagakerjaan"]]),
        2027,
        "provinsi"
      ).filter((i) => i.severity === "error")
    ).toEqual([]);
  });

  test("retired code in a 2027 sheet → kode.kadaluarsa naming the successor", () => {
    const issues = check(
      rows([[["2.07.03.2.01.0005"], "Pengadaan Sarana Pelatihan Vokasi dan Produktivitas"]]),
      2027
    );
    expect(issues[0]).toMatchObject({ rule: "kode.kadaluarsa" });
    expect(issues[0].message).toMatch(/2\.07\.03\.2\.01\.0008/);
    const gone = check(rows([[["2.07.03.2.01.0001"], "x"]]), 2027);
    expect(gone[0].rule).toBe("kode.kadaluarsa");
  });

  test("placeholder left in → kode.placeholder", () => {
    expect(
      check(rows([[["X.XX.01.2.01.0001"], "Penyusunan Dokumen Perencanaan Perangkat Daerah"]]))[0]
        .rule
    ).toBe("kode.placeholder");
  });

  test("unknown code → kode.tidak-dikenal; a sub-kegiatan under the wrong kegiatan → kode.hierarki", () => {
    expect(check(rows([[["2.07.04.2.01.0099"], "Tidak ada"]]))[0].rule).toBe("kode.tidak-dikenal");
    const issues = check(
      rows([
        [["2.07.04"], "PROGRAM PENEMPATAN TENAGA KERJA"],
        [["2.07.04.2.03"], "Pengelolaan Informasi Pasar Kerja"],
        [["2.07.04.2.01.0003"], "Penyuluhan dan Bimbingan Jabatan bagi Pencari Kerja"],
      ])
    );
    expect(issues.map((i) => i.rule)).toContain("kode.hierarki");
  });
});
