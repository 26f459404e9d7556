import { recognise } from "../../src/engine";
import { gridFromValues, columnIndex } from "../../src/model/grid";
import { e81Grid, e81Row, tc29Grid, COL, TC } from "./helpers";
import { buildRows } from "../../src/sheet/rows";

describe("recognise E.81 (002:L1348–1371)", () => {
  const grid = e81Grid([
    e81Row("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Nilai SAKIP", {
      t7: [84.4, 5405019600],
    }),
    e81Row("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen", {
      t7: [7, 8600000],
    }),
  ]);
  const rec = recognise(grid);

  it("finds layout, year, PD name, header and data rows", () => {
    expect(rec.layout).toBe("E81");
    expect(rec.year).toBe(2024);
    expect(rec.headerRows).toEqual([3, 6]);
    expect(rec.dataRows).toEqual([7, 8]);
    expect(rec.pdName).toMatch(/DINAS TENAGA KERJA/);
  });

  it("maps every K/Rp group column (K/Rp split in row 2 for 5–7, row 3 for 8–15)", () => {
    expect(rec.columns).toMatchObject({
      uraian: COL.name,
      indikator: COL.ind,
      "target.renstra.k": COL.t5k,
      "target.renstra.rp": COL.t5rp,
      "realisasi.lalu.k": COL.r6k,
      "realisasi.lalu.rp": COL.r6rp,
      "target.tahun.k": COL.t7k,
      "target.tahun.rp": COL.t7rp,
      "realisasi.tw1.k": COL.tw1k,
      "realisasi.tw2.rp": COL.tw2rp,
      "realisasi.tw4.k": COL.tw4k,
      "realisasi.tw4.rp": COL.tw4rp,
      "realisasi.tahun.k": COL.r12k,
      "realisasi.tahun.rp": COL.r12rp,
      "capaian.tahun.k": COL.c13k,
      "capaian.tahun.rp": COL.c13rp,
      "realisasi.renstra.k": COL.r14k,
      "realisasi.renstra.rp": COL.r14rp,
      "capaian.renstra.k": COL.c15k,
      "capaian.renstra.rp": COL.c15rp,
    });
  });

  it("honours a saved user mapping", () => {
    const r2 = recognise(grid, { columns: { indikator: 2 } });
    expect(r2.columns.indikator).toBe(2);
  });

  it("skips the header repeated between data rows (002: header repeated at every page break)", () => {
    const g = e81Grid([
      e81Row("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen", {
        t7: [7, 8600000],
      }),
      ...[3, 4, 5, 6].map((r) => e81Grid([]).cells[r].map((c) => c.value)),
      e81Row("Evaluasi Kinerja Perangkat Daerah", "Jumlah laporan", { t7: [4, 1000] }),
    ]);
    const rr = recognise(g);
    const model = buildRows(g, rr);
    const kinds = model.rows.map((r) => r.kind);
    expect(kinds.filter((k) => k === "header").length).toBe(4);
    expect(model.rows.filter((r) => r.kind === "data").map((r) => r.name)).toEqual([
      "Penyusunan Dokumen Perencanaan Perangkat Daerah",
      "Evaluasi Kinerja Perangkat Daerah",
    ]);
  });

  it("marks rows whose numbers all read plainly (the reading checks pass them by)", () => {
    const g = e81Grid([
      e81Row("Penyusunan Dokumen", "Jumlah dokumen", { t7: [7, 8600000] }),
      e81Row("Evaluasi Kinerja", "Jumlah laporan", { t7: ["#DIV/0!", 1000] }),
      e81Row("Pembinaan", "Persentase", { t7: ["100 %", 1000] }),
      e81Row("Pengawasan", "Jumlah dokumen", { t7: ["1.234", 1000] }),
      e81Row("Pelatihan", "Jumlah orang", { t7: ["-", 1000] }),
    ]);
    const data = buildRows(g, recognise(g)).rows.filter((r) => r.kind === "data");
    expect(data.map((r) => r.plainNumbers)).toEqual([true, false, false, false, true]);
  });

  it("reads the header text from the top-left cell of a merge", () => {
    const g = e81Grid([e81Row("Penyusunan Dokumen", "Jumlah dokumen", { t7: [7, 8600000] })]);
    g.merges.push(
      { top: 3, left: 4, bottom: 3, right: 5 },
      { top: 3, left: 10, bottom: 3, right: 17 }
    );
    expect(recognise(g).columns["target.renstra.rp"]).toBe(COL.t5rp);
  });
});

describe("recognise T-C.29", () => {
  it("Lamongan (000:L157–164): code over 3 cells, variant 10=5+7+9", () => {
    const rec = recognise(
      tc29Grid([
        [
          2,
          "07",
          "01",
          "PROGRAM PENUNJANG",
          "Nilai SAKIP",
          "85",
          "-",
          "80",
          "82",
          "",
          "84",
          "",
          "",
        ],
      ])
    );
    expect(rec.layout).toBe("TC29");
    expect(rec.variant).toBe("10=5+7+9");
    expect(rec.year).toBe(2023);
    expect(rec.columns).toMatchObject({
      kode: TC.k1,
      "kode.2": TC.k2,
      "kode.3": TC.k3,
      uraian: TC.name,
      indikator: TC.ind,
      "target.renstra": TC.c4,
      "realisasi.lalu": TC.c5,
      "target.n2": TC.c6,
      "realisasi.n2": TC.c7,
      "capaian.n2": TC.c8,
      "target.n1": TC.c9,
      "realisasi.renstra": TC.c10,
      "capaian.renstra": TC.c11,
    });
  });

  it("Pasuruan Tabel 2.1 (004:L416–425): numbering `10 = 9` gives variant 10=9", () => {
    const rec = recognise(tc29Grid([], true));
    expect(rec.layout).toBe("TC29");
    expect(rec.variant).toBe("10=9");
  });
});

describe("recognise LKjIP tables", () => {
  it("Tabel 3.1.a (002:L659) → LKJIP_CAPAIAN", () => {
    const g = gridFromValues("3.1.a", [
      ["Tabel 3.1.a Pencapaian Kinerja Utama Tahun 2024"],
      [
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "TARGET TAHUN 2024",
        "REALISASI TAHUN 2024",
        "TINGKAT CAPAIAN",
        "KATEGORI",
        "SUMBER DATA",
      ],
      ["KINERJA UTAMA"],
      [
        "Meningkatnya kompetensi",
        "Persentase peserta pelatihan yang berkualitas dan kompeten",
        "87%",
        "89,60",
        "102,9",
        "Sangat Tinggi",
        "Bidang Pelatihan",
      ],
    ]);
    const rec = recognise(g);
    expect(rec.layout).toBe("LKJIP_CAPAIAN");
    expect(rec.columns).toMatchObject({
      uraian: 0,
      indikator: 1,
      target: 2,
      realisasi: 3,
      capaian: 4,
      kategori: 5,
      sumber: 6,
    });
    expect(rec.headerRows).toEqual([1, 1]);
    expect(rec.dataRows).toEqual([2, 3]);
  });

  it("Tabel.3.3.a (002:L1022–1023) → LKJIP_EFISIENSI with two header rows", () => {
    const g = gridFromValues("3.3.a", [
      ["Tabel.3.3.a Efisiensi Anggaran"],
      ["SASARAN/ PROGRAM", "INDIKATOR", "ANGGARAN", null, null, null],
      [null, null, "ALOKASI", "REALISASI", "% CAPAIAN", "% EFISIENSI"],
      ["Pelatihan", "Persentase peserta pelatihan", 760284340, 716968800, "94,30", "5.7"],
    ]);
    const rec = recognise(g);
    expect(rec.layout).toBe("LKJIP_EFISIENSI");
    expect(rec.headerRows).toEqual([1, 2]);
    expect(rec.columns).toMatchObject({
      "anggaran.pagu": 2,
      "anggaran.realisasi": 3,
      "anggaran.capaian": 4,
      efisiensi: 5,
    });
  });

  it("T-C.33 (000:L744–745) with the code split over cells", () => {
    const g = gridFromValues("TC33", [
      ["Tabel T-C. 33"],
      ["Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2024"],
      [
        "KODE",
        null,
        null,
        null,
        "URUSAN/BIDANG URUSAN/PROGRAM/KEGIATAN/SUB KEGIATAN",
        "INDIKATOR KINERJA PROGRAM/ KEGIATAN",
        "RENCANA TAHUN 2024",
        null,
        null,
        "SUMBER DANA",
        "CATATAN PENTING",
        "PRAKIRAAN MAJU 2025",
        null,
      ],
      [
        null,
        null,
        null,
        null,
        null,
        null,
        "LOKASI",
        "TARGET CAPAIAN KINERJA",
        "KEBUTUHAN PAGU INDIKATIF",
        null,
        null,
        "TARGET CAPAIAN KINERJA",
        "KEBUTUHAN PAGU INDIKATIF",
      ],
      [
        2,
        "07",
        "01",
        "2.07",
        "Pengadaan Barang Milik Daerah",
        "x",
        "Lamongan",
        "1 paket",
        260000000,
      ],
    ]);
    const rec = recognise(g);
    expect(rec.layout).toBe("TC33");
    expect(rec.columns).toMatchObject({
      kode: 0,
      "kode.2": 1,
      "kode.3": 2,
      "kode.4": 3,
      uraian: 4,
      indikator: 5,
      lokasi: 6,
      target: 7,
      "anggaran.pagu": 8,
      "target.maju": 11,
      "anggaran.maju": 12,
    });
  });

  it("an unknown sheet gets layout null and a note, never an exception", () => {
    const rec = recognise(gridFromValues("x", [["Daftar hadir"], ["Nama", "Tanda tangan"]]));
    expect(rec.layout).toBeNull();
    expect(rec.notes.length).toBeGreaterThan(0);
    expect(columnIndex("A")).toBe(0);
  });
});

describe("numbering-row variants (002 §2.1, 000 §2.1)", () => {
  const data = e81Row("Penyusunan Dokumen", "Jumlah dokumen", { t7: [7, 8600000] });

  it("E.81 with the unaligned numbering row of l.1371 (17 numbers in 17 cells)", () => {
    const g = e81Grid([data]);
    g.cells[6] = [
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      "12 = 8+9+10+11",
      "13 = 12/7 x 100%",
      "14 = 6 + 12",
      "15=14/5 x100%",
      16,
      17,
    ].map((v) => ({ value: v }));
    const rec = recognise(g);
    expect(rec.layout).toBe("E81");
    expect(rec.columns["capaian.tahun.k"]).toBe(COL.c13k);
    expect(rec.columns["realisasi.tw3.rp"]).toBe(COL.tw3rp);
  });

  it("E.81 with the K/Rp row replacing the numbers (l.1420)", () => {
    const g = e81Grid([data]);
    g.cells[6] = [1, 2, 3, 4, ...Array.from({ length: 11 }, () => ["K", "Rp"]).flat(), 16, 17].map(
      (v) => ({ value: v })
    );
    const rec = recognise(g);
    expect(rec.layout).toBe("E81");
    expect(rec.headerRows).toEqual([3, 6]);
    expect(rec.columns["capaian.renstra.rp"]).toBe(COL.c15rp);
  });

  it("T-C.29 without a numbering row falls back to header words", () => {
    const g = tc29Grid([
      [2, "07", "01", "PROGRAM PENUNJANG", "Nilai SAKIP", "85", "-", "80", "82", "", "84", "", ""],
    ]);
    g.cells.splice(5, 1);
    const rec = recognise(g);
    expect(rec.layout).toBe("TC29");
    expect(rec.headerRows).toEqual([3, 4]);
    expect(rec.columns).toMatchObject({
      "target.n2": TC.c6,
      "realisasi.n2": TC.c7,
      "capaian.n2": TC.c8,
      "target.n1": TC.c9,
      "realisasi.renstra": TC.c10,
      "capaian.renstra": TC.c11,
    });
  });

  it("numbering in the (1) … (n) and -1 … -n spellings (004 §2.D)", () => {
    for (const style of [(n: number) => `(${n})`, (n: number) => `-${n}`]) {
      const g = tc29Grid([]);
      g.cells[5] = [
        style(1),
        null,
        null,
        style(2),
        style(3),
        style(4),
        style(5),
        style(6),
        style(7),
        style(8),
        style(9),
        style(10),
        style(11),
      ].map((v) => ({ value: v }));
      const rec = recognise(g);
      expect(rec.layout).toBe("TC29");
      expect(rec.headerRows).toEqual([3, 5]);
    }
  });
});

describe("spacer columns", () => {
  it("a blank column between indicator and target does not shift the roles (LKjIP 3.1.a)", () => {
    const g = gridFromValues("3.1.a", [
      ["Tabel 3.1.a Pencapaian Kinerja Utama Tahun 2024"],
      [
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        null,
        "TARGET TAHUN 2024",
        "REALISASI TAHUN 2024",
        null,
        "TINGKAT CAPAIAN",
        "KATEGORI",
      ],
      [
        "Meningkatnya kompetensi",
        "Persentase peserta pelatihan",
        null,
        "87%",
        "89,60",
        null,
        "102,9",
        "Sangat Tinggi",
      ],
    ]);
    const rec = recognise(g);
    expect(rec.layout).toBe("LKJIP_CAPAIAN");
    expect(rec.columns).toMatchObject({
      indikator: 1,
      target: 3,
      realisasi: 4,
      capaian: 6,
      kategori: 7,
    });
    expect(Object.values(rec.columns)).not.toContain(2);
    expect(Object.values(rec.columns)).not.toContain(5);
  });
});
