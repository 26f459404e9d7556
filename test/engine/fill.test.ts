import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import type { FillPlan } from "../../src/model/plan";
import { gridFromValues, a1 } from "../../src/model/grid";
import { e81Grid, e81Row, tc29Grid, COL, TC, withFormat } from "./helpers";

function at(plan: FillPlan, row: number, col: number) {
  return plan.writes.find((w) => w.cell === a1(row, col));
}
function val(plan: FillPlan, row: number, col: number) {
  return at(plan, row, col)?.value;
}

describe("E.81 fill — worked examples of 002 §8", () => {
  // #16, l.1374: clean sub-kegiatan
  const ex16 = e81Row(
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Jumlah dokumen perencanaan yang disusun",
    {
      t5: [25, 66107390],
      r6: [22, 37574000],
      t7: [7, 8600000],
      tw: [
        [0, "-"],
        [2, 3675000],
        [0, "-"],
        [0, "-"],
      ],
    }
  );
  // #17, l.1357 (Rp): budget of the support programme
  const ex17 = e81Row("Penyediaan Gaji dan Tunjangan ASN", "Jumlah orang yang menerima gaji", {
    t5: [null, 38196110687],
    r6: [null, 14824049774],
    t7: [null, 5405019600],
    tw: [
      [null, 759126775],
      [null, 1482189872],
      [null, "-"],
      [null, "-"],
    ],
  });
  // #19, l.1422: text target "1200 Org"
  const ex19 = e81Row("Pelayanan Antarkerja", "Jumlah pencari kerja yang terdaftar", {
    t5: ["1200 Org", 2781304472],
    r6: [28185, 2104030100],
    t7: [27945, 3046192000],
    tw: [
      [null, null],
      [27740, 977118100],
      [null, null],
      [null, null],
    ],
  });
  const grid = e81Grid([ex16, ex17, ex19]);
  const rec = recognise(grid);
  const plan = planFill(grid, rec, DEFAULT_SETTINGS);

  it("#16 l.1374: 12K 2, 12Rp 3.675.000, 13K 28,57, 13Rp 42,73, 14K 24, 14Rp 41.249.000, 15K 96, 15Rp 62,40", () => {
    const r = 7;
    expect(val(plan, r, COL.r12k)).toBe(2);
    expect(val(plan, r, COL.r12rp)).toBe(3675000);
    expect(val(plan, r, COL.c13k)).toBe(28.57);
    expect(val(plan, r, COL.c13rp)).toBe(42.73);
    expect(val(plan, r, COL.r14k)).toBe(24);
    expect(val(plan, r, COL.r14rp)).toBe(41249000);
    expect(val(plan, r, COL.c15k)).toBe(96);
    expect(val(plan, r, COL.c15rp)).toBe(62.4);
  });

  it("#16: native formulas that give '' instead of #DIV/0! for blank or zero targets", () => {
    expect(at(plan, 7, COL.c13k)?.formula).toBe('=IF(OR(I8="",I8=0,S8=""),"",ROUND(S8/I8*100,2))');
    expect(at(plan, 7, COL.r12rp)?.formula).toBe('=IF(COUNT(L8,N8,P8,R8)=0,"",SUM(L8,N8,P8,R8))');
    expect(at(plan, 7, COL.r14k)?.formula).toMatch(/^=IF\(COUNT\(G8,S8\)=0,"",SUM\(G8,S8\)\)$/);
  });

  it("#17 l.1357 Rp: 12Rp 2.241.316.647, 13Rp 41,47, 14Rp 17.065.366.421, 15Rp 44,68", () => {
    const r = 8;
    expect(val(plan, r, COL.r12rp)).toBe(2241316647);
    expect(val(plan, r, COL.c13rp)).toBe(41.47);
    expect(val(plan, r, COL.r14rp)).toBe(17065366421);
    expect(val(plan, r, COL.c15rp)).toBe(44.68);
  });

  it("#19 l.1422: 12K 27740, 13K 99,27, 14K 55925, 15K 4660,42 (a value, since target 5K is text '1200 Org')", () => {
    const r = 9;
    expect(val(plan, r, COL.r12k)).toBe(27740);
    expect(val(plan, r, COL.c13k)).toBe(99.27);
    expect(val(plan, r, COL.r14k)).toBe(55925);
    expect(val(plan, r, COL.c15k)).toBe(4660.42);
    expect(at(plan, r, COL.c15k)?.formula).toBeUndefined();
    expect(val(plan, r, COL.r12rp)).toBe(977118100);
    expect(val(plan, r, COL.c13rp)).toBe(32.08);
    expect(val(plan, r, COL.r14rp)).toBe(3081148200);
    expect(val(plan, r, COL.c15rp)).toBe(110.78);
  });

  it("every write carries the previous cell, and nothing outside computed columns is touched", () => {
    const computed = new Set([
      COL.r12k,
      COL.r12rp,
      COL.c13k,
      COL.c13rp,
      COL.r14k,
      COL.r14rp,
      COL.c15k,
      COL.c15rp,
    ]);
    for (const w of plan.writes) {
      expect(computed.has(w.col)).toBe(true);
      expect(w.previous).toEqual({ value: null });
    }
    expect(plan.changedExisting).toBe(0);
  });

  it("valuesOnly writes no formulas", () => {
    const p = planFill(grid, rec, { ...DEFAULT_SETTINGS, valuesOnly: true });
    expect(p.writes.length).toBeGreaterThan(0);
    expect(p.writes.every((w) => w.formula === undefined)).toBe(true);
  });
});

describe("E.81 #18 l.1362: percent-formatted target 90% (stored 0,9)", () => {
  const row = e81Row(
    "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH",
    "Persentase dokumen perencanaan yang tepat waktu",
    {
      t5: [0.9, null],
      r6: [26, null],
      t7: [90, null],
      tw: [
        [25, null],
        [25, null],
        [25, null],
        [25, null],
      ],
      stated: [100, null, 111.11, null, 126, null, 8560, null],
    }
  );
  const grid = withFormat(e81Grid([row]), 7, COL.t5k, "0%");
  const rec = recognise(grid);

  it("with accumulation `jumlah` chosen: 12K 100, 13K 111,11, 14K 126, 15K 140 (not 14000)", () => {
    const plan = planFill(grid, rec, DEFAULT_SETTINGS, { 7: { accumulation: "jumlah" } });
    expect(val(plan, 7, COL.c15k)).toBe(140);
    expect(at(plan, 7, COL.c15k)?.formula).toBe(
      '=IF(OR(E8="",E8=0,W8=""),"",ROUND(W8/(E8*100)*100,2))'
    );
    // the typed 100 becomes a formula with the same value: not counted as a changed value
    expect(at(plan, 7, COL.r12k)).toMatchObject({ value: 100, previous: { value: 100 } });
    expect(plan.changedExisting).toBe(1); // only 8560 → 140
    expect(plan.decisions[0].accumulationReason).toBe("Dipilih pengguna.");
  });
});

describe("E.81 footer rows (002 §8 #20, l.1414–1424)", () => {
  const sub = (name: string, t7: [number, number], tw2: [number, number]) =>
    e81Row(name, "Jumlah kegiatan", { t7, tw: [[null, null], tw2] });
  const grid = e81Grid([
    e81Row("PROGRAM PENGEMBANGAN KETENAGAKERJAAN", "Jumlah program", {}),
    e81Row("PENGEMBANGAN KETENAGAKERJAAN", "Jumlah kegiatan", {}),
    sub("Sub Satu", [2, 100], [1, 49]),
    sub("Sub Dua", [1, 1000], [0, 136]),
    sub("Sub Tiga", [1, 1000], [0, 5]),
    sub("Pelayanan Antarkerja", [27945, 3046192000], [27740, 977118100]),
    sub("Sub Tanpa Target", [0, 0], [0, 0]),
    ["Rata-rata capaian kinerja (%)"],
    ["Predikat kinerja"],
  ]);
  const plan = planFill(grid, recognise(grid), DEFAULT_SETTINGS);

  it("mean 13K 37,32 and 13Rp 23,80 over the sub-kegiatan with a target (the zero-target row is left out)", () => {
    expect(val(plan, 14, COL.c13k)).toBe(37.32);
    expect(val(plan, 14, COL.c13rp)).toBe(23.8);
    expect(at(plan, 14, COL.c13k)?.formula).toBe(
      '=IF(COUNT(U10,U11,U12,U13)=0,"",ROUND(AVERAGE(U10,U11,U12,U13),2))'
    );
  });

  it("predikat = KATEGORI of each average: Sangat Rendah", () => {
    expect(val(plan, 15, COL.c13k)).toBe("Sangat Rendah");
    expect(val(plan, 15, COL.c13rp)).toBe("Sangat Rendah");
    expect(at(plan, 15, COL.c13k)?.formula).toContain('IF(ROUND(U15,2)>=91,"Sangat Tinggi"');
  });
});

describe("T-C.29 fill (000 §8)", () => {
  const grid = tc29Grid([
    // T10 000:L217
    [
      2,
      "07",
      "01",
      "Penyusunan Dokumen",
      "Jumlah dokumen perencanaan",
      "110 dokumen",
      "22 Dokumen",
      null,
      "22 Dokumen",
      null,
      "8 dokumen",
      null,
      null,
    ],
    // T11 000:L298
    [
      2,
      "07",
      "03",
      "Pelayanan Antarkerja",
      "Jumlah pencari kerja yang ditempatkan",
      "1.000 pencaker",
      "500 pencaker",
      "1.000 pencaker",
      "3.704 pencaker",
      null,
      "1.000 pencaker",
      null,
      "-",
    ],
    // T12 000:L256: a percentage indicator uses the latest value
    [
      2,
      "07",
      "04",
      "Penempatan",
      "Persentase pencari kerja yang ditempatkan",
      "88,90%",
      null,
      null,
      "89,90%",
      null,
      "88,87%",
      null,
      null,
    ],
  ]);
  const plan = planFill(grid, recognise(grid), DEFAULT_SETTINGS);

  it("T10: col 10 = 52, col 11 = 47,27", () => {
    expect(val(plan, 6, TC.c10)).toBe(52);
    expect(val(plan, 6, TC.c11)).toBe(47.27);
  });
  it("T11: col 8 = 370,40, col 10 = 5.204, col 11 = 520,40", () => {
    expect(val(plan, 7, TC.c8)).toBe(370.4);
    expect(val(plan, 7, TC.c10)).toBe(5204);
    expect(val(plan, 7, TC.c11)).toBe(520.4);
  });
  it("T12: col 10 = 88,87 (latest, not 5+7+9), col 11 = 99,97", () => {
    expect(plan.decisions[2].accumulation).toBe("terakhir");
    expect(val(plan, 8, TC.c10)).toBe(88.87);
    expect(val(plan, 8, TC.c11)).toBe(99.97);
  });
  it("Pasuruan 10 = 9 copies column 9", () => {
    const g = tc29Grid(
      [[2, "07", "01", "X", "Jumlah dokumen", 10, null, null, null, null, 8, null, null]],
      true
    );
    const p = planFill(g, recognise(g), DEFAULT_SETTINGS);
    expect(at(p, 6, TC.c10)).toMatchObject({ value: 8, formula: '=IF(K7="","",K7)' });
    expect(val(p, 6, TC.c11)).toBe(80);
  });
});

describe("LKjIP capaian and efisiensi (002 §7.2, §7.3)", () => {
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
    [
      "Meningkatnya kompetensi",
      "Persentase peserta pelatihan yang berkualitas dan kompeten",
      "87%",
      "89,60",
      "102,9",
      "Sangat Tinggi",
      "Bidang",
    ],
    [
      null,
      "Persentase tingkat perselisihan hubungan industrial di perusahaan",
      "3,5",
      "1,50",
      "157",
      "Sangat Tinggi",
      "Bidang",
    ],
    [
      null,
      "Persentase Perselisihan Hubungan Industrial Yang Diselesaikan",
      80,
      90,
      null,
      null,
      null,
    ],
    [null, "Nilai SAKIP", "83,50 (A)", "81,30 (A)", "97,4", "Sangat Tinggi", null],
  ]);
  const plan = planFill(g, recognise(g), DEFAULT_SETTINGS);

  it("l.661: 102,99 (the document truncates to 102,9)", () => expect(val(plan, 2, 4)).toBe(102.99));
  it("l.663: perselisihan di perusahaan is lower-is-better → 157,14; 'yang diselesaikan' stays naik", () => {
    expect(plan.decisions[1].direction).toBe("turun");
    expect(val(plan, 3, 4)).toBe(157.14);
    expect(plan.decisions[2].direction).toBe("naik");
    expect(at(plan, 4, 4)?.formula).toBe('=IF(OR(C5="",C5=0,D5=""),"",ROUND(D5/C5*100,2))');
    expect(val(plan, 4, 4)).toBe(112.5);
  });
  it("l.666: grade suffix '83,50 (A)' → 97,37 as a value (text inputs)", () => {
    expect(at(plan, 5, 4)).toMatchObject({ value: 97.37 });
    expect(at(plan, 5, 4)?.formula).toBeUndefined();
  });
  it("kategori follows the computed capaian (row 5: 112,5 → Sangat Tinggi, with a formula)", () => {
    expect(at(plan, 4, 5)?.value).toBe("Sangat Tinggi");
    expect(at(plan, 4, 5)?.formula).toMatch(/^=IF\(E5="","",IF\(ROUND\(E5,2\)>=91/);
  });

  it("Tabel.3.3.a l.1024: efisiensi (sisa) 5,70 and serapan 94,30", () => {
    const e = gridFromValues("3.3.a", [
      ["Tabel.3.3.a Efisiensi Anggaran"],
      ["SASARAN/ PROGRAM", "INDIKATOR", "ANGGARAN", null, null, null],
      [null, null, "ALOKASI", "REALISASI", "% CAPAIAN", "% EFISIENSI"],
      ["Pelatihan", "Persentase peserta pelatihan", 760284340, 716968800, null, null],
      ["Penempatan", "Persentase penyerapan", 340000000, 304241604, "89,50", "10.5"],
    ]);
    const p = planFill(e, recognise(e), DEFAULT_SETTINGS);
    expect(val(p, 3, 4)).toBe(94.3);
    expect(val(p, 3, 5)).toBe(5.7);
    expect(at(p, 3, 5)?.formula).toBe('=IF(OR(C4="",C4=0,D4=""),"",ROUND((C4-D4)/C4*100,2))');
    expect(val(p, 4, 4)).toBe(89.48); // l.1025: the document's 89,50 is wrong
    expect(val(p, 4, 5)).toBe(10.52);
  });
});

describe("Lumajang Tabel 3.5 (003:L555–574): 'TINGKAT EFISIENSI (6-9)' → selisih", () => {
  const g = gridFromValues("3.5", [
    [
      "Tabel 3.5 Perbandingan Capaian Kinerja Sasaran dibandingkan dengan Capaian Kinerja Anggaran Tribulan I Tahun 2023",
    ],
    [
      "NO",
      "SASARAN STRATEGIS",
      "INDIKATOR KINERJA",
      "KINERJA",
      null,
      null,
      "ANGGARAN",
      null,
      null,
      "TINGKAT EFISIENSI (6-9)",
    ],
    [
      null,
      null,
      null,
      "TARGET",
      "REALISASI",
      "CAPAIAN (%)",
      "TARGET",
      "REALISASI",
      "CAPAIAN (%)",
      null,
    ],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    [
      1,
      "Meningkatnya penempatan",
      "Persentase pencari kerja yang ditempatkan",
      100,
      150.81,
      null,
      281325500,
      3400000,
      null,
      null,
    ],
  ]);
  const rec = recognise(g);
  const plan = planFill(g, rec, DEFAULT_SETTINGS);

  it("recognises kinerja and anggaran columns by their group header", () => {
    expect(rec.layout).toBe("LKJIP_EFISIENSI");
    expect(rec.columns).toMatchObject({
      target: 3,
      realisasi: 4,
      capaian: 5,
      "anggaran.pagu": 6,
      "anggaran.realisasi": 7,
      "anggaran.capaian": 8,
      efisiensi: 9,
    });
  });
  it("capaian 150,81 − serapan 1,21 = 149,60 (DOMAIN §3 EFISIENSI selisih)", () => {
    expect(val(plan, 4, 5)).toBe(150.81);
    expect(val(plan, 4, 8)).toBe(1.21);
    expect(at(plan, 4, 9)).toMatchObject({
      value: 149.6,
      formula: '=IF(OR(G5="",G5=0,H5="",F5=""),"",ROUND(F5-H5/G5*100,2))',
    });
  });
});

describe("percent-formatted cells", () => {
  it("a capaian cell formatted 0.00% holding 1,029 gets percent points and a plain number format (undo restores it)", () => {
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
      ["Sasaran", "Persentase peserta pelatihan", 87, 89.6, 1.029, "Sangat Tinggi"],
    ]);
    g.cells[2][4].numberFormat = "0.00%";
    const plan = planFill(g, recognise(g), DEFAULT_SETTINGS);
    expect(at(plan, 2, 4)).toMatchObject({
      value: 102.99,
      numberFormat: "0.00",
      previous: { value: 1.029, numberFormat: "0.00%" },
    });
    expect(plan.changedExisting).toBe(1);
  });

  it("a %-formatted input is scaled ×100 inside the formula (90% stored as 0,9 against a plain 89,6)", () => {
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
      ["Sasaran", "Persentase peserta pelatihan", 0.87, 89.6, null, null],
    ]);
    g.cells[2][2].numberFormat = "0%";
    const plan = planFill(g, recognise(g), DEFAULT_SETTINGS);
    expect(at(plan, 2, 4)).toMatchObject({
      value: 102.99,
      formula: '=IF(OR(C3="",C3=0,D3=""),"",ROUND(D3/(C3*100)*100,2))',
    });
  });
});

describe("Mojokerto Tabel 3.2.b (002:L996–999): kinerja and anggaran groups → LKJIP_PROGRAM", () => {
  it("l.998: capaian 102,99 and % anggaran 94,30; l.999 anggaran 89,48 (the document's 89,50 is wrong)", () => {
    const g = gridFromValues("3.2.b", [
      ["Tabel 3.2.b Pencapaian Kinerja dan Anggaran"],
      ["SASARAN/ PROGRAM", "INDIKATOR", "KINERJA", null, null, "ANGGARAN", null, null],
      [null, null, "TARGET", "REALISASI", "%", "ALOKASI", "REALISASI", "%"],
      [
        "Pelatihan",
        "Persentase peserta pelatihan yang berkualitas dan kompeten",
        87,
        "89,60",
        "102,9",
        760284340,
        716968800,
        "94,30",
      ],
      [
        "Penempatan",
        "Persentase penyerapan tenaga kerja",
        86,
        "86,21",
        "100,2",
        340000000,
        304241604,
        "89,50",
      ],
    ]);
    const rec = recognise(g);
    expect(rec.layout).toBe("LKJIP_PROGRAM");
    expect(rec.columns).toMatchObject({
      target: 2,
      realisasi: 3,
      capaian: 4,
      "anggaran.pagu": 5,
      "anggaran.realisasi": 6,
      "anggaran.capaian": 7,
    });
    const plan = planFill(g, rec, DEFAULT_SETTINGS);
    expect(val(plan, 3, 4)).toBe(102.99);
    expect(at(plan, 3, 7)).toMatchObject({
      value: 94.3,
      formula: '=IF(OR(F4="",F4=0,G4=""),"",ROUND(G4/F4*100,2))',
    });
    expect(val(plan, 4, 7)).toBe(89.48);
  });
});
