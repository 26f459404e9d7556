import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import type { Issue } from "../../src/model/issue";
import { gridFromValues, a1 } from "../../src/model/grid";
import { e81Grid, e81Row, COL, withFormat } from "./helpers";

async function issuesOf(grid: ReturnType<typeof gridFromValues>): Promise<Issue[]> {
  return (await validate(grid, recognise(grid), DEFAULT_SETTINGS)).issues;
}
const find = (issues: Issue[], rule: string, cell?: string) =>
  issues.filter((i) => i.rule === rule && (!cell || i.cell === cell));

describe("hitung.beda with the likely cause", () => {
  it("002:L1359 15K stated 8560,00 vs 85,60 → ×100 percent-format slip", async () => {
    const row = e81Row(
      "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH",
      "Jumlah dokumen",
      {
        t5: [100, null],
        r6: [19, null],
        t7: [100, null],
        tw: [
          [0, null],
          [66.6, null],
        ],
        stated: [66.6, null, 66.6, null, 85.6, null, "8560,00", null],
      }
    );
    const issues = await issuesOf(e81Grid([row]));
    const hb = find(issues, "hitung.beda", a1(7, COL.c15k));
    expect(hb).toHaveLength(1);
    expect(hb[0].severity).toBe("error");
    expect(hb[0].message).toMatch(/85,6/);
    expect(hb[0].message).toMatch(/×100/);
    // the other stated values are right at their precision
    expect(find(issues, "hitung.beda")).toHaveLength(1);
  });

  it("002:L661 capaian stated 102,9 for 89,60/87 → truncated, not rounded; 002:L1000 157 at 0 decimals is fine", async () => {
    const g = gridFromValues("3.1.a", [
      ["Tabel 3.1.a"],
      [
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "TARGET TAHUN 2024",
        "REALISASI TAHUN 2024",
        "TINGKAT CAPAIAN",
        "KATEGORI",
      ],
      [
        "Meningkatnya kompetensi",
        "Persentase peserta pelatihan yang berkualitas dan kompeten",
        "87%",
        "89,60",
        "102,9",
        "Sangat Tinggi",
      ],
      [
        null,
        "Persentase tingkat perselisihan hubungan industrial di perusahaan",
        "3,5",
        "1,50",
        "157",
        "Sangat Tinggi",
      ],
      [null, "Jumlah inovasi", "2 Inovasi", "2 Inovasi", 100, "Sedang"],
    ]);
    const issues = await issuesOf(g);
    const hb = find(issues, "hitung.beda");
    expect(hb.map((i) => i.cell)).toEqual(["E3"]);
    expect(hb[0].message).toMatch(/dipotong/);
    // kategori.beda: 100 is Sangat Tinggi, not Sedang
    expect(find(issues, "kategori.beda").map((i) => i.cell)).toEqual(["F5"]);
  });

  it("002:L1363 summing 36 orang/bulan over two quarters (72 → 200%) is reported with the accumulation cause", async () => {
    const row = e81Row(
      "Pelatihan Berbasis Kompetensi",
      "Jumlah tenaga kerja yang dilatih per bulan",
      {
        t7: ["36 Org/bln", null],
        tw: [
          ["36 Org/bln", null],
          ["36 Org/bln", null],
        ],
        stated: [72, null, 200, null, null, null, null, null],
      }
    );
    const grid = e81Grid([row]);
    const rec = recognise(grid);
    const a = await validate(grid, rec, DEFAULT_SETTINGS);
    const hb = find(a.issues, "hitung.beda", a1(7, COL.r12k));
    expect(hb).toHaveLength(1);
    expect(hb[0].message).toMatch(/36/);
  });
});

describe("number and target checks", () => {
  const row = (ind: string, t7: unknown, tw2: unknown, stated13: unknown = null) =>
    e81Row("Sub Kegiatan Contoh", ind, {
      t7: [t7 as never, null],
      tw: [
        [null, null],
        [tw2 as never, null],
      ],
      stated: [null, null, stated13 as never, null, null, null, null, null],
    });

  it("target.nol (002:L1364) and target.kosong", async () => {
    const issues = await issuesOf(
      e81Grid([row("Jumlah dokumen", 0, 0, "0,00"), row("Jumlah laporan", null, 3)])
    );
    expect(find(issues, "target.nol").map((i) => i.cell)).toEqual([a1(7, COL.t7k)]);
    expect(find(issues, "target.kosong").map((i) => i.cell)).toEqual([a1(8, COL.t7k)]);
  });

  it('target.nol is not raised for a row nobody filled in: 0 shown as "-" with a realisation of 0', async () => {
    const ACC = '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)';
    const g = e81Grid([row("Jumlah dokumen", 0, 0), row("Jumlah laporan", 0, 0)]);
    // the first row shows its zeros as dashes (an export's empty template row), the second typed 0
    for (const c of [COL.t7k, COL.tw2k]) g.cells[7][c] = { value: 0, numberFormat: ACC };
    const issues = await issuesOf(g);
    expect(find(issues, "target.nol").map((i) => i.cell)).toEqual([a1(8, COL.t7k)]);
  });

  it("excel.galat (002:L1393 #DIV/0!), angka.majemuk (000:L209)", async () => {
    const issues = await issuesOf(
      e81Grid([
        row("Jumlah dokumen", 0, 0, "#DIV/0!"),
        row(
          "Jumlah sarana",
          "1 kir, 5 unit kendaraan roda 4 dan 10 unit kendaraan roda 2",
          "5 unit kendaraan roda 4 dan 10 unit kendaraan roda 2"
        ),
      ])
    );
    expect(find(issues, "excel.galat").map((i) => i.cell)).toEqual([a1(7, COL.c13k)]);
    expect(find(issues, "angka.majemuk").length).toBeGreaterThanOrEqual(1);
  });

  it("persen.campur: a 90% cell (0,9 with % format) next to plain 26 and 90 (002:L1362)", async () => {
    const r = e81Row("Sub", "Persentase dokumen tepat waktu", {
      t5: [0.9, null],
      r6: [26, null],
      t7: [90, null],
      tw: [[25, null]],
    });
    const issues = await issuesOf(withFormat(e81Grid([r]), 7, COL.t5k, "0%"));
    const pc = find(issues, "persen.campur");
    expect(pc.map((i) => i.cell)).toEqual([a1(7, COL.t5k)]);
    expect(pc[0].severity).toBe("warning");
  });

  it("akumulasi.ragu: 'persentase realisasi anggaran' entered as increments 25/25/25/25 against a target of 100", async () => {
    const r = e81Row("Sub", "Persentase realisasi anggaran", {
      t7: [100, null],
      tw: [
        [25, null],
        [25, null],
        [25, null],
        [25, null],
      ],
    });
    const issues = await issuesOf(e81Grid([r]));
    expect(find(issues, "akumulasi.ragu").map((i) => i.cell)).toEqual([a1(7, COL.r12k)]);
  });
});

describe("anggaran.jumlah (000 §7.5, T-C.33 2024 pagu)", () => {
  it("kegiatan 2.07.01.2.07 260.000.000 vs Σ sub-kegiatan 105.000.000 is flagged; 2.07.03 adds up", async () => {
    const g = gridFromValues("TC33", [
      ["Tabel T-C. 33"],
      [
        "KODE",
        null,
        null,
        null,
        null,
        "URUSAN/BIDANG URUSAN/PROGRAM/KEGIATAN/SUB KEGIATAN",
        "INDIKATOR KINERJA PROGRAM/ KEGIATAN",
        "RENCANA TAHUN 2024",
        null,
        null,
      ],
      [
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "LOKASI",
        "TARGET CAPAIAN KINERJA",
        "KEBUTUHAN PAGU INDIKATIF",
      ],
      [
        2,
        "07",
        "01",
        "2",
        "07",
        "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
        "x",
        null,
        null,
        260000000,
      ],
      [
        2,
        "07",
        "01",
        "2.07",
        "02",
        "Pengadaan Kendaraan Perorangan Dinas",
        "x",
        null,
        null,
        30000000,
      ],
      [2, "07", "01", "2.07", "05", "Pengadaan Mebel", "x", null, null, 75000000],
      [
        2,
        "07",
        "03",
        null,
        null,
        "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
        "x",
        null,
        null,
        1550000000,
      ],
      [2, "07", "03", "2", "01", "Pelaksanaan Pelatihan", "x", null, null, 1450000000],
      [2, "07", "03", "2", "02", "Pembinaan Lembaga Pelatihan", "x", null, null, 20000000],
      [2, "07", "03", "2", "03", "Sertifikasi", "x", null, null, 30000000],
      [2, "07", "03", "2", "04", "Konsultansi Produktivitas", "x", null, null, 50000000],
    ]);
    const issues = await issuesOf(g);
    const aj = find(issues, "anggaran.jumlah");
    expect(aj.map((i) => i.cell)).toEqual(["J4"]);
    expect(aj[0].message).toMatch(/105\.000\.000/);
  });
});

describe("T-C.29 stated values (002 §7.4, 000 §7.3)", () => {
  it("col 11 printed as a ratio (3,00 for 300 %) → 'tidak dikali 100'; col 8 100,00 for 100%/90% → 111,11", async () => {
    const { tc29Grid, TC } = await import("./helpers");
    const g = tc29Grid([
      [
        2,
        "07",
        "01",
        "Penyusunan Dokumen",
        "Persentase dokumen perencanaan tepat waktu",
        null,
        null,
        "90%",
        "100%",
        "100,00",
        null,
        null,
        null,
      ],
      [
        2,
        "07",
        "02",
        "Evaluasi Kinerja",
        "Jumlah laporan evaluasi",
        1,
        1,
        null,
        1,
        null,
        1,
        3,
        "3,00",
      ],
    ]);
    const issues = await issuesOf(g);
    const hb = find(issues, "hitung.beda");
    expect(hb.map((i) => i.cell)).toEqual([a1(6, TC.c8), a1(7, TC.c11)]);
    expect(hb[0].message).toMatch(/111,11/);
    expect(hb[1].message).toMatch(/tidak dikali 100/);
  });
});

describe("engine facade", () => {
  it("validate honours a per-row override; analyseAll covers every sheet", async () => {
    const { analyseAll } = await import("../../src/engine");
    const r = e81Row("Sub", "Persentase realisasi anggaran", {
      t7: [100, null],
      tw: [
        [25, null],
        [25, null],
        [25, null],
        [25, null],
      ],
      stated: [100, null, 100, null, null, null, null, null],
    });
    const grid = e81Grid([r]);
    const rec = recognise(grid);
    const withDefault = await validate(grid, rec, DEFAULT_SETTINGS);
    expect(find(withDefault.issues, "hitung.beda", a1(7, COL.r12k))).toHaveLength(1);
    const chosen = await validate(grid, rec, DEFAULT_SETTINGS, { 7: { accumulation: "jumlah" } });
    expect(find(chosen.issues, "hitung.beda")).toHaveLength(0);
    expect(find(chosen.issues, "akumulasi.ragu")).toHaveLength(0);
    const all = await analyseAll([grid, gridFromValues("kosong", [["catatan"]])]);
    expect(all.map((s) => [s.sheet, s.analysis.recognition.layout, s.plan === null])).toEqual([
      ["E81", "E81", false],
      ["kosong", null, true],
    ]);
  });
});

describe("scale from the sheet's own labels (003:L375, L416)", () => {
  it("Lumajang labels 'Sangat Baik … Kurang Baik' are judged on the lkjip scale; TPT 2,50 → 4,97 gives 1,2 (turun)", async () => {
    const { planFill } = await import("../../src/engine");
    const g = gridFromValues("3.2", [
      ["Tabel 3.2 Pengukuran Kinerja Target dibanding Realisasi Tribulan I Tahun 2023"],
      ["SASARAN", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)", "KATEGORI"],
      [
        "Menurunnya pengangguran",
        "Tingkat Pengangguran Terbuka",
        "2,50%",
        "4,97%",
        "1,2",
        "Kurang Baik",
      ],
      [null, "Persentase pencari kerja yang ditempatkan", "50%", "45%", "90", "Sangat Baik"],
      [null, "Jumlah pelatihan", 10, 6, 60, "Sangat Baik"],
    ]);
    const rec = recognise(g);
    const plan = planFill(g, rec, DEFAULT_SETTINGS);
    expect(plan.writes.find((w) => w.cell === "E3")?.value).toBe(1.2); // the text "1,2" becomes the number
    expect(plan.decisions[0].direction).toBe("turun");
    const issues = await issuesOf(g);
    expect(find(issues, "kategori.beda").map((i) => [i.cell, i.message])).toEqual([
      ["F5", expect.stringMatching(/Cukup Baik/)],
    ]);
    expect(find(issues, "hitung.beda")).toHaveLength(0);
  });
});

describe("angka.ambigu and angka.tidak-terbaca (DOMAIN §2; 001:L3096)", () => {
  it("'1.637' with no other evidence in its column is ambiguous; '593.7000.000' is unreadable", async () => {
    const r1 = e81Row("Sub Satu", "Jumlah perusahaan yang dibina", {
      t7: ["1.637", "593.7000.000"],
      tw: [
        [null, null],
        [1500, 1000],
      ],
    });
    const issues = await issuesOf(e81Grid([r1]));
    expect(find(issues, "angka.ambigu").map((i) => i.cell)).toEqual([a1(7, COL.t7k)]);
    expect(find(issues, "angka.tidak-terbaca").map((i) => [i.cell, i.severity])).toEqual([
      [a1(7, COL.t7rp), "error"],
    ]);
  });
});

describe("stated values at full precision", () => {
  it("a live Excel result 102,98850574… (89,6/87×100) is not a difference", async () => {
    const g = gridFromValues("3.1.a", [
      ["Tabel 3.1.a"],
      [
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "TARGET",
        "REALISASI",
        "TINGKAT CAPAIAN",
        "KATEGORI",
      ],
      ["Sasaran", "Persentase peserta pelatihan", 87, 89.6, (89.6 / 87) * 100, "Sangat Tinggi"],
      ["Sasaran", "Persentase penyerapan", 90, 90.77, 100.8, "Sangat Tinggi"],
    ]);
    const issues = await issuesOf(g);
    expect(find(issues, "hitung.beda").map((i) => i.cell)).toEqual(["E4"]); // 002:L667 100,8 is truncated (100,86)
  });
});

describe("E.81 col 14 summed for a percentage indicator (002:L1372: 388 + 40,6 = 428,6)", () => {
  it("reports the literal 6 + 12 sum as the likely cause", async () => {
    const row = e81Row("Sub", "Persentase perusahaan yang menerapkan K3", {
      t5: [100, null],
      r6: [388, null],
      t7: [100, null],
      tw: [
        [null, null],
        [40.6, null],
      ],
      stated: [40.6, null, 40.6, null, 428.6, null, null, null],
    });
    const issues = await issuesOf(e81Grid([row]));
    const hb = find(issues, "hitung.beda", a1(7, COL.r14k));
    expect(hb).toHaveLength(1);
    expect(hb[0].message).toMatch(/40,6/);
    expect(hb[0].message).toMatch(/tidak boleh dijumlah/);
  });
});

describe("triwulan.melebihi (002 §7.1 item 6)", () => {
  const row = (tw: [number | string | null, number | null][]) =>
    e81Row("Penyediaan Jasa Penunjang", "Persentase penyediaan jasa penunjang", {
      t5: [100, null],
      r6: [72, null],
      t7: [100, null],
      tw,
    });

  it("a TRIWULAN II report with 25 in TW III and TW IV (l.1365): one warning per later quarter cell", async () => {
    const issues = await issuesOf(
      e81Grid([
        row([
          [10, null],
          [15, null],
          [25, 5000],
          [25, null],
        ]),
      ])
    );
    const tw = find(issues, "triwulan.melebihi");
    expect(tw.map((i) => i.cell).sort()).toEqual(
      [a1(7, COL.tw3k), a1(7, COL.tw3k + 1), a1(7, COL.tw4k)].sort()
    );
    expect(tw[0].severity).toBe("warning");
    expect(find(issues, "triwulan.melebihi", a1(7, COL.tw4k))[0].message).toMatch(
      /sampai Triwulan II, tetapi kolom Triwulan IV berisi 25/
    );
  });

  it("zeros typed in quarters not reported yet are not findings", async () => {
    const issues = await issuesOf(
      e81Grid([
        row([
          [10, null],
          [15, null],
          [0, 0],
          ["0,00", null],
        ]),
      ])
    );
    expect(find(issues, "triwulan.melebihi")).toEqual([]);
  });

  it("the period comes from the title: TRIWULAN IV, SEMESTER I, TW 3, or none", async () => {
    const { findQuarter } = await import("../../src/sheet/header/title");
    expect(findQuarter("dinas tenaga kerja tahun 2024 triwulan ii")).toBe(2);
    expect(findQuarter("EVALUASI RENJA TRIWULAN IV TAHUN 2023")).toBe(4);
    expect(findQuarter("laporan tw 3 2024")).toBe(3);
    expect(findQuarter("LKjIP SEMESTER I 2024")).toBe(2);
    expect(findQuarter("Evaluasi Renja Tahun 2024")).toBeNull();
    const g = e81Grid([
      row([
        [10, null],
        [15, null],
        [25, null],
        [25, null],
      ]),
    ]);
    g.cells[2] = [{ value: "DINAS TENAGA KERJA KABUPATEN MOJOKERTO TAHUN 2024" }];
    expect(find(await issuesOf(g), "triwulan.melebihi")).toEqual([]);
  });
});

describe("persen.pecahan (capaian kept as %-formatted fractions, 000:L217)", () => {
  it("one info finding per column, with what a formula on the cell would receive", async () => {
    const mk = (name: string) =>
      e81Row(name, "Jumlah dokumen", {
        t5: [10, null],
        r6: [2, null],
        t7: [4, null],
        tw: [
          [1, null],
          [1, null],
        ],
        stated: [2, null, 0.5, null, 4, null, 0.4, null],
      });
    const g = e81Grid([mk("Penyusunan A"), mk("Penyusunan B")]);
    for (const r of [7, 8]) {
      withFormat(g, r, COL.c13k, "0%");
      withFormat(g, r, COL.c15k, "0.00%");
    }
    const issues = await issuesOf(g);
    const pf = find(issues, "persen.pecahan");
    expect(pf.map((i) => i.cell)).toEqual([a1(7, COL.c13k), a1(7, COL.c15k)]);
    expect(pf[0].severity).toBe("info");
    expect(pf[0].message).toMatch(/menyimpan 2 nilai persen sebagai pecahan/);
    expect(pf[0].message).toMatch(/menilai 0,5, bukan 50/);
    // the stated 50 % equals the computed 50: no hitung.beda from the representation
    expect(find(issues, "hitung.beda")).toEqual([]);
  });
});
