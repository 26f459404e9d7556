import Decimal from "decimal.js";
import {
  capaian,
  kategori,
  efisiensi,
  serapan,
  realisasi,
  defaultAccumulation,
} from "../../src/core/formulas";
import { SCALES, bandOf } from "../../src/core/scales";

const D = (n: number | string) => new Decimal(n);

describe("capaian (DOMAIN §3, seed worked examples)", () => {
  test("002:L661 89,60 / 87 → 102,99 (document truncated to 102,9)", () => {
    expect(capaian(D(89.6), D(87))).toEqual({ ok: true, value: 102.99 });
  });
  test("002:L667 90,77 / 90 → 100,86", () =>
    expect(capaian(D(90.77), D(90))).toEqual({ ok: true, value: 100.86 }));
  test("002:L666 81,30 / 83,50 → 97,37", () =>
    expect(capaian(D(81.3), D(83.5))).toEqual({ ok: true, value: 97.37 }));
  test("002:L663 lower is better: T 3,5 R 1,50 → 157,14", () =>
    expect(capaian(D(1.5), D(3.5), "turun")).toEqual({ ok: true, value: 157.14 }));
  test("002:L641 TPT 3,87 vs 4,76 turun → 118,70", () =>
    expect(capaian(D(3.87), D(4.76), "turun")).toEqual({ ok: true, value: 118.7 }));
  test("003:L416 Lumajang TPT T 2,50 R 4,97 → 1,2", () =>
    expect(capaian(D(4.97), D(2.5), "turun")).toEqual({ ok: true, value: 1.2 }));
  test("turun-rasio T/R", () =>
    expect(capaian(D(4), D(2), "turun-rasio")).toEqual({ ok: true, value: 50 }));
  test("zero target → #DIV/0!, never 0 (002:L1393)", () =>
    expect(capaian(D(0), D(0))).toMatchObject({ ok: false, error: "#DIV/0!" }));
  test("empty realisation → #N/A", () =>
    expect(capaian(null, D(10))).toMatchObject({
      ok: false,
      error: "#N/A",
      message: expect.stringMatching(/belum diisi/),
    }));
  test("empty target → #N/A", () =>
    expect(capaian(D(5), null)).toMatchObject({
      ok: false,
      error: "#N/A",
      message: expect.stringMatching(/Target kosong/),
    }));
  test("half away from zero: 101,625 → 101,63 (002:L1412)", () =>
    expect(capaian(D("56.91"), D(56))).toEqual({ ok: true, value: 101.63 }));
  test("not clamped", () =>
    expect(capaian(D(150.81), D(100))).toEqual({ ok: true, value: 150.81 }));
});

describe("kategori bands (lower-inclusive, on 2 decimals)", () => {
  const k = (v: number | string, s?: Parameters<typeof kategori>[1]) => {
    const r = kategori(D(v), s);
    return r.ok ? r.value : r.error;
  };
  test.each([
    [157, "Sangat Tinggi"],
    [102.988506, "Sangat Tinggi"],
    [91, "Sangat Tinggi"],
    [90.99, "Tinggi"],
    [90.995, "Sangat Tinggi"], // rounds to 91,00
    [90.7666, "Tinggi"], // 002:L1035 (the 90–91 gap)
    [76, "Tinggi"],
    [75.995, "Tinggi"],
    [75.99, "Sedang"],
    [66.6, "Sedang"],
    [66, "Sedang"],
    [65.99, "Rendah"],
    [58.05, "Rendah"],
    [51, "Rendah"],
    [50.99, "Sangat Rendah"],
    [50, "Sangat Rendah"],
    [0, "Sangat Rendah"],
    [-5, "Sangat Rendah"],
  ])("permendagri86 %d → %s", (v, label) => expect(k(v)).toBe(label));

  test.each([
    [85, "Sangat Baik"],
    [84.99, "Baik"],
    [72.39, "Baik"],
    [70, "Baik"],
    [69.99, "Cukup Baik"],
    [55, "Cukup Baik"],
    [54.99, "Kurang Baik"],
  ])("lkjip %d → %s", (v, label) => expect(k(v, "lkjip")).toBe(label));

  test.each([
    [99.99, "Tidak Memenuhi"],
    [100, "Memenuhi"],
    [100.004, "Memenuhi"],
    [100.01, "Melebihi"],
  ])("target %d → %s", (v, label) => expect(k(v, "target")).toBe(label));

  test("user scale in any order", () => {
    expect(
      k(80, [
        { min: 50, label: "Cukup" },
        { min: 90, label: "Bagus" },
        { min: null, label: "Kurang" },
      ])
    ).toBe("Cukup");
  });
  test("empty → #N/A", () => expect(kategori(null)).toMatchObject({ ok: false, error: "#N/A" }));
  test("every scale has a bottom band", () => {
    for (const s of Object.values(SCALES)) expect(bandOf(-1e9, s).min).toBeNull();
  });
});

describe("efisiensi and serapan", () => {
  test("002:L1024 sisa 760.284.340 / 716.968.800 → 5,70", () =>
    expect(efisiensi(D(760284340), D(716968800), null)).toEqual({ ok: true, value: 5.7 }));
  test("002:L1017 total → 9,23", () =>
    expect(efisiensi(D(10560086840), D(9585029025), null, "sisa")).toEqual({
      ok: true,
      value: 9.23,
    }));
  test("002:L1025 → 10,52", () =>
    expect(efisiensi(D(340000000), D(304241604), null)).toEqual({ ok: true, value: 10.52 }));
  test("003 Tabel 3.5 selisih 150,81 − serapan → 149,60", () =>
    expect(efisiensi(D(281325500), D(3400000), D(150.81))).toEqual({ ok: true, value: 149.6 }));
  test("rasio", () =>
    expect(efisiensi(D(100), D(50), D(100), "rasio")).toEqual({ ok: true, value: 2 }));
  test("002:L1031 zero budget → error, not 0", () =>
    expect(efisiensi(D(0), D(0), null)).toMatchObject({ ok: false, error: "#DIV/0!" }));
  test("selisih without capaian → #N/A", () =>
    expect(efisiensi(D(10), D(5), null, "selisih")).toMatchObject({ ok: false, error: "#N/A" }));
  test("serapan", () =>
    expect(serapan(D(716968800), D(760284340))).toEqual({ ok: true, value: 94.3 }));
});

describe("realisasi and accumulation", () => {
  test("jumlah / terakhir / rata", () => {
    const q = [D(25), D(25), null, D(30)];
    expect(realisasi(q, "jumlah")).toEqual({ ok: true, value: 80 });
    expect(realisasi(q, "terakhir")).toEqual({ ok: true, value: 30 });
    expect(realisasi(q, "rata")).toMatchObject({ ok: true });
  });
  test("nothing reported → #N/A", () =>
    expect(realisasi([null, null], "jumlah")).toMatchObject({ ok: false, error: "#N/A" }));
  test("36 orang/bulan is not summed (002 E.81: 72 → 200 %)", () => {
    expect(defaultAccumulation("orang/bulan", null).accumulation).toBe("terakhir");
    expect(defaultAccumulation("org/bln", null).accumulation).toBe("terakhir");
  });
  test("percent and index indicators are levels", () => {
    expect(defaultAccumulation("%", null).accumulation).toBe("terakhir");
    expect(
      defaultAccumulation(null, "Persentase Perselisihan Hubungan Industrial yang diselesaikan")
        .accumulation
    ).toBe("terakhir");
    expect(defaultAccumulation(null, "Tingkat Pengangguran Terbuka").accumulation).toBe("terakhir");
  });
  test("flows are summed, with a reason", () => {
    const d = defaultAccumulation("dokumen", "Jumlah dokumen perencanaan");
    expect(d.accumulation).toBe("jumlah");
    expect(d.reason).toMatch(/dijumlahkan/);
  });
});
