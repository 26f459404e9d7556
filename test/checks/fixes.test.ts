// The fixes of the sheet checks: each names exactly the cells it writes, is safe only
// when it cannot change what a number means, and after it the finding is gone.
import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import type { Grid } from "../../src/model/grid";
import { gridFromValues, a1 } from "../../src/model/grid";
import type { Issue } from "../../src/model/issue";
import { gridAfter, planFixes, chosenFix } from "../../src/app/perbaiki";
import { e81Grid, e81Row, COL, withFormat } from "../engine/helpers";

async function issuesOf(grid: Grid): Promise<Issue[]> {
  return (await validate(grid, recognise(grid), DEFAULT_SETTINGS)).issues;
}
const only = (issues: Issue[], rule: string, cell?: string) => {
  const found = issues.filter((i) => i.rule === rule && (!cell || i.cell === cell));
  expect(found).toHaveLength(1);
  return found[0];
};
/** The grid after the finding's fix, through the app layer (as the pane and the CLI write it). */
function fixed(grid: Grid, i: Issue): Grid {
  const plan = planFixes(grid, recognise(grid), [chosenFix(i)!]);
  expect(plan.refused).toEqual([]);
  return gridAfter(grid, plan.writes);
}

const lkjip = (rows: (string | number | null)[][]) =>
  gridFromValues("3.1.a", [
    ["Tabel 3.1.a"],
    [
      "SASARAN STRATEGIS",
      "INDIKATOR KINERJA",
      "TARGET TAHUN 2024",
      "REALISASI TAHUN 2024",
      "TINGKAT CAPAIAN",
      "KATEGORI",
    ],
    ...rows,
  ]);

describe("kategori.beda: the label the scale gives", () => {
  test("a constant label: safe, the label cell only", async () => {
    const g = lkjip([[null, "Jumlah inovasi", "2 Inovasi", "2 Inovasi", 100, "Sedang"]]);
    const f = only(await issuesOf(g), "kategori.beda");
    expect(f.fix).toEqual({
      label: 'Tulis "Sangat Tinggi" di F3',
      safe: true,
      edits: [{ row: 2, col: 5, value: "Sangat Tinggi" }],
    });
    expect((await issuesOf(fixed(g, f))).filter((i) => i.rule === "kategori.beda")).toEqual([]);
  });

  test("a label judging a capaian that is itself wrong: offered, not safe, and says so", async () => {
    const g = lkjip([[null, "Jumlah pelatihan", 10, 6, 100, "Sangat Tinggi"]]);
    const issues = await issuesOf(g);
    expect(only(issues, "hitung.beda", "E3").severity).toBe("error");
    const f = only(issues, "kategori.beda", "F3");
    expect(f.fix).toMatchObject({ safe: false, edits: [{ row: 2, col: 5, value: "Rendah" }] });
    expect(f.fix!.label).toMatch(/hasil hitung ulang/);
  });

  test("a label computed by the sheet's own formula: the computed formula, not safe", async () => {
    const g = lkjip([[null, "Jumlah pelatihan", 10, 10, 100, "Sedang"]]);
    g.cells[2][5] = { value: "Sedang", formula: '=IF(E3>=101,"Sangat Tinggi","Sedang")' };
    const f = only(await issuesOf(g), "kategori.beda");
    expect(f.fix!.safe).toBe(false);
    expect(f.fix!.edits).toEqual([
      {
        row: 2,
        col: 5,
        value: "Sangat Tinggi",
        formula: expect.stringMatching(/^=IF\(E3="","",IF\(ROUND\(E3,2\)>=91,"Sangat Tinggi"/),
      },
    ]);
  });

  test("a formula label whose capaian is written as a value: the label, not safe (replaces the formula)", async () => {
    const g = lkjip([[null, "Jumlah inovasi", "2 Inovasi", "2 Inovasi", 100, "Sedang"]]);
    g.cells[2][5] = { value: "Sedang", formula: '=IF(E3>=101,"Sangat Tinggi","Sedang")' };
    const f = only(await issuesOf(g), "kategori.beda");
    expect(f.fix).toEqual({
      label: 'Tulis "Sangat Tinggi" di F3 (menggantikan rumus sel ini)',
      safe: false,
      edits: [{ row: 2, col: 5, value: "Sangat Tinggi" }],
    });
  });
});

describe("hitung.beda and excel.galat: the computed native formula, never safe", () => {
  const row = (stated: unknown[]) =>
    e81Row("Sub Kegiatan Contoh", "Jumlah dokumen", {
      t5: [100, null],
      r6: [19, null],
      t7: [100, null],
      tw: [
        [0, null],
        [66.6, null],
      ],
      stated: stated as never,
    });

  test("002:L1359 15K stated 8560,00: the formula of Y8, with the value it gives", async () => {
    const g = e81Grid([row([66.6, null, 66.6, null, 85.6, null, "8560,00", null])]);
    const f = only(await issuesOf(g), "hitung.beda", a1(7, COL.c15k));
    expect(f.fix).toEqual({
      label: "Tulis rumus hitung di Y8 (hasil 85,6)",
      safe: false,
      edits: [
        {
          row: 7,
          col: COL.c15k,
          value: 85.6,
          formula: '=IF(OR(E8="",E8=0,W8=""),"",ROUND(W8/E8*100,2))',
        },
      ],
    });
    expect((await issuesOf(fixed(g, f))).filter((i) => i.rule === "hitung.beda")).toEqual([]);
  });

  test("#DIV/0! in a computed column: the guarded formula, which shows an empty cell", async () => {
    const g = e81Grid([
      e81Row("Sub", "Jumlah dokumen", {
        t7: [0, null],
        tw: [
          [null, null],
          [0, null],
        ],
        stated: [null, null, "#DIV/0!", null, null, null, null, null],
      }),
    ]);
    const f = only(await issuesOf(g), "excel.galat", a1(7, COL.c13k));
    expect(f.fix!.safe).toBe(false);
    expect(f.fix!.label).toMatch(/^Tulis rumus hitung di U8 \(hasil kosong: Target bernilai 0/);
    expect(f.fix!.edits).toEqual([
      {
        row: 7,
        col: COL.c13k,
        value: null,
        formula: expect.stringMatching(/^=IF\(OR\(I8="",I8=0/),
      },
    ]);
    expect((await issuesOf(fixed(g, f))).filter((i) => i.rule === "excel.galat")).toEqual([]);
  });

  test("#DIV/0! in an input column has no fix (nothing says what belongs there)", async () => {
    const g = e81Grid([
      e81Row("Sub", "Jumlah dokumen", { t7: ["#DIV/0!", null], tw: [[1, null]] }),
    ]);
    expect(only(await issuesOf(g), "excel.galat", a1(7, COL.t7k)).fix).toBeUndefined();
  });

  test("a %-formatted output cell gets a plain format with the formula (it would show ×100)", async () => {
    const g = withFormat(
      e81Grid([row([66.6, null, 0.5, null, null, null, null, null])]),
      7,
      COL.c13k,
      "0%"
    );
    const f = only(await issuesOf(g), "hitung.beda", a1(7, COL.c13k));
    expect(f.fix!.edits[0]).toMatchObject({ value: 66.6, numberFormat: "0.00" });
  });

  test("a cell inside a merged area (not its top-left) gets no fix", async () => {
    const g = e81Grid([row([66.6, null, 66.6, null, 85.6, null, "8560,00", null])]);
    g.merges.push({ top: 7, left: COL.r14rp, bottom: 7, right: COL.c15k });
    expect(only(await issuesOf(g), "hitung.beda", a1(7, COL.c15k)).fix).toBeUndefined();
  });
});

describe("persen.campur: the row made consistent the way its columns mostly are", () => {
  const persen = (t5: number, fmt: string | null) => {
    const r = e81Row("Sub", "Persentase dokumen tepat waktu", {
      t5: [t5, null],
      r6: [26, null],
      t7: [90, null],
      tw: [[25, null]],
    });
    return { r, fmt };
  };

  test("mostly plain numbers: the fraction becomes percent points, its format loses the %", async () => {
    const rows = [persen(0.9, "0%"), persen(80, null), persen(85, null)];
    let g = e81Grid(rows.map((x) => x.r));
    g = withFormat(g, 7, COL.t5k, "0%");
    const f = only(await issuesOf(g), "persen.campur");
    expect(f.fix).toEqual({
      label:
        "Ubah pecahan berformat persen menjadi angka persen biasa, seperti sebagian besar kolomnya: E8 0,9 → 90",
      safe: false,
      edits: [{ row: 7, col: COL.t5k, value: 90, numberFormat: "0" }],
    });
    expect((await issuesOf(fixed(g, f))).filter((i) => i.rule === "persen.campur")).toEqual([]);
  });

  test("mostly %-formatted fractions: the plain numbers of the row become fractions in that format", async () => {
    // rows 9 and 10 are all fractions; row 8 mixes a fraction with plain 26 and 90
    let g = e81Grid([
      e81Row("Sub", "Persentase A", { t5: [0.9, null], r6: [26, null], t7: [90, null] }),
      e81Row("Sub", "Persentase B", { t5: [0.8, null], r6: [0.3, null], t7: [0.9, null] }),
      e81Row("Sub", "Persentase C", { t5: [0.85, null], r6: [0.2, null], t7: [0.75, null] }),
    ]);
    for (const r of [7, 8, 9])
      for (const c of [COL.t5k, COL.r6k, COL.t7k])
        if (r > 7 || c === COL.t5k) g = withFormat(g, r, c, "0.0%");
    const f = only(await issuesOf(g), "persen.campur");
    expect(f.fix!.edits).toEqual([
      { row: 7, col: COL.r6k, value: 0.26, numberFormat: "0.0%" },
      { row: 7, col: COL.t7k, value: 0.9, numberFormat: "0.0%" },
    ]);
    expect(f.fix!.label).toMatch(/G8 26 → 0,26, I8 90 → 0,9$/);
    expect((await issuesOf(fixed(g, f))).filter((i) => i.rule === "persen.campur")).toEqual([]);
  });

  test("a fraction computed by a formula keeps its formula, scaled", async () => {
    let g = e81Grid([persen(0.9, "0%").r, persen(80, null).r]);
    g.cells[7][COL.t5k] = { value: 0.9, formula: "=AB8/AC8", numberFormat: "0%" };
    g = withFormat(g, 7, COL.t5k, "0%");
    const f = only(await issuesOf(g), "persen.campur");
    expect(f.fix!.edits).toEqual([
      { row: 7, col: COL.t5k, value: 90, numberFormat: "0", formula: "=(AB8/AC8)*100" },
    ]);
  });
});

test("rumus.tidak-konsisten in a computed column: Kinerja's formula, which is then not reported", async () => {
  const rows = [1, 2, 3, 4].map((k) =>
    e81Row(`Sub ${k}`, "Jumlah dokumen", { t7: [10, null], tw: [[k, null]] })
  );
  const g = e81Grid(rows);
  // the sheet's own 12K formulas, one of them pointing at the row above
  for (const r of [7, 8, 9, 10]) {
    const at = r === 9 ? r : r + 1;
    g.cells[r][COL.r12k] = { value: r - 6, formula: `=K${at}+M${at}+O${at}+Q${at}` };
  }
  const f = only(await issuesOf(g), "rumus.tidak-konsisten");
  expect(f.cell).toBe(a1(9, COL.r12k));
  expect(f.fix!.safe).toBe(false);
  expect(f.fix!.edits[0].formula).toMatch(/K10/);
  const after = await issuesOf(fixed(g, f));
  expect(after.filter((i) => i.rule === "rumus.tidak-konsisten")).toEqual([]);
});

test("a roll-up SUM whose range differs from its row's: no formula fix (it wants another range)", async () => {
  const subs = [1, 2, 3, 4].map((k) =>
    e81Row(`Sub ${k}`, "Jumlah dokumen", { t7: [10, 100], tw: [[k, 10 * k]] })
  );
  const g = e81Grid([e81Row("PROGRAM CONTOH", "Persentase", {}), ...subs]);
  const letter = (c: number) => a1(0, c).replace(/\d+$/, "");
  for (const c of [COL.t7k, COL.t7rp, COL.tw1k, COL.tw1rp])
    g.cells[7][c] = { value: 0, formula: `=SUM(${letter(c)}9:${letter(c)}12)` };
  g.cells[7][COL.r12rp] = { value: 30, formula: `=SUM(T9:T10)` };
  const f = only(await issuesOf(g), "rumus.tidak-konsisten");
  expect([f.cell, f.fix]).toEqual(["T8", undefined]);
});

describe("E.81 footers: the predikat under an average", () => {
  const sub = (name: string, t7: [number, number], tw2: [number, number]) =>
    e81Row(name, "Jumlah kegiatan", { t7, tw: [[null, null], tw2] });
  const footers = (avg: (number | null)[], predikat: string) => {
    const g = e81Grid([
      e81Row("PROGRAM PENGEMBANGAN KETENAGAKERJAAN", "Jumlah program", {}),
      e81Row("PENGEMBANGAN KETENAGAKERJAAN", "Jumlah kegiatan", {}),
      sub("Sub Satu", [2, 100], [1, 49]),
      sub("Sub Dua", [1, 1000], [0, 136]),
      ["Rata-rata capaian kinerja (%)"],
      ["Predikat kinerja"],
    ]);
    // the document's own footers: averages and a predikat under the 13K average
    g.cells[11][COL.c13k] = { value: avg[0] };
    g.cells[11][COL.c13rp] = { value: avg[1] };
    g.cells[12][COL.c13k] = { value: predikat };
    return g;
  };

  test("a wrong label under a right average: the scale's label, safe", async () => {
    const g = footers([25, 31.3], "Sedang");
    const f = only(await issuesOf(g), "kategori.beda", a1(12, COL.c13k));
    expect(f.fix).toEqual({
      label: 'Tulis "Sangat Rendah" di U13',
      safe: true,
      edits: [{ row: 12, col: COL.c13k, value: "Sangat Rendah" }],
    });
  });

  test("under an average that is itself wrong: not safe (the label follows the recomputed one)", async () => {
    const g = footers([70, 31.3], "Sedang");
    const issues = await issuesOf(g);
    expect(only(issues, "hitung.beda", a1(11, COL.c13k)).severity).toBe("error");
    expect(only(issues, "kategori.beda", a1(12, COL.c13k)).fix).toMatchObject({ safe: false });
  });
});
