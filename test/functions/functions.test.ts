import * as fx from "../../src/functions/functions";

type Err = { code: string; message?: string };
const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && "code" in v;

describe("custom function wrappers", () => {
  test("scalar in → 1×1 matrix out", () => {
    expect(fx.capaian([["89,60"]], [["87%"]])).toEqual([[102.99]]);
    expect(fx.kategori([[90.77]])).toEqual([["Tinggi"]]);
  });

  test("a column range spills a column of the same shape; a 1×1 target broadcasts", () => {
    const out = fx.capaian([[50], [100], [""], ["2 dokumen"]], [[100]]);
    expect(out.length).toBe(4);
    expect(out[0]).toEqual([50]);
    expect(out[1]).toEqual([100]);
    expect(isErr(out[2][0]) && out[2][0].code).toBe("#N/A");
    expect(out[3]).toEqual([2]);
  });

  test("mismatched range shapes → #VALUE! with a message", () => {
    const out = fx.capaian([[1], [2], [3]], [[1], [2]]);
    expect(isErr(out[0][0]) && out[0][0].code).toBe("#VALUE!");
  });

  test("errors: #DIV/0! without message, #N/A and #VALUE! with Indonesian messages", () => {
    const div = fx.capaian([[5]], [[0]])[0][0] as Err;
    expect(div.code).toBe("#DIV/0!");
    const na = fx.capaian([[null]], [[10]])[0][0] as Err;
    expect(na.code).toBe("#N/A");
    expect(na.message).toMatch(/belum diisi/);
    const val = fx.capaian([["248 box nasi, 248 box snack"]], [[10]])[0][0] as Err;
    expect(val.code).toBe("#VALUE!");
    expect(val.message).toMatch(/lebih dari satu angka/);
    const opt = fx.capaian([[1]], [[1]], "ke atas")[0][0] as Err;
    expect(opt.code).toBe("#VALUE!");
    expect(opt.message).toMatch(/Arah tidak dikenal/);
  });

  test("direction synonyms", () => {
    expect(fx.capaian([["4,97%"]], [["2,50%"]], "NEGATIF")).toEqual([[1.2]]);
    expect(fx.capaian([[1.5]], [[3.5]], "-")).toEqual([[157.14]]);
  });

  test("KATEGORI with a user scale range (any order)", () => {
    const scale = [
      ["Baik", 80],
      [60, "Cukup"],
      [0, "Kurang"],
    ];
    expect(fx.kategori([[85], [70], [10]], scale)).toEqual([["Baik"], ["Cukup"], ["Kurang"]]);
    expect(fx.kategori([[72.39]], [["lkjip"]])).toEqual([["Baik"]]);
  });

  test("EFISIENSI, SERAPAN, ANGKA", () => {
    expect(fx.efisiensi([["760.284.340"]], [["716.968.800"]])).toEqual([[5.7]]);
    expect(fx.efisiensi([["281,325,500"]], [["3,400,000"]], [["150,81"]])).toEqual([[149.6]]);
    expect(fx.serapan([[716968800]], [[760284340]])).toEqual([[94.3]]);
    expect(fx.angka([["8.636 lembar"], ["Rp 1.250.000"]])).toEqual([[8636], [1250000]]);
  });

  test("REALISASI: one result per row; default from the unit", () => {
    expect(fx.realisasi([["36 orang/bulan", "36 orang/bulan", null, null]])).toEqual([[36]]);
    expect(fx.realisasi([[0, 2, 0, 0]])).toEqual([[2]]);
    expect(fx.realisasi([[25, 25, 25, 25]], "terakhir")).toEqual([[25]]);
    expect(
      fx.realisasi(
        [
          [1, 2],
          [3, 4],
        ],
        "jumlah"
      )
    ).toEqual([[3], [7]]);
  });
});

describe("error cells in the inputs (allowErrorForDataTypeAny, review F14)", () => {
  // what the runtime passes for an error cell: a CustomFunctions.Error with the error's code
  const divZero = new CustomFunctions.Error("#DIV/0!" as CustomFunctions.ErrorCode);

  test("one #DIV/0! in a range gives that row's message; the other rows are computed", () => {
    const out = fx.capaian([[divZero], [80]], [[100], [100]]);
    expect(out[1][0]).toBe(80);
    const err = out[0][0] as { code: string; message?: string };
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/Realisasi berisi galat #DIV\/0!/);
  });

  test("an error in an option argument is reported, not thrown", () => {
    const out = fx.kategori(
      [[90]],
      [[new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode)]]
    );
    expect((out[0][0] as { code: string }).code).toBe("#VALUE!");
  });
});
