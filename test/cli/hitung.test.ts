import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(["hitung", ...args], io);
  return { code, out: io.stdout.trim(), err: io.stderr };
}

describe("kinerja hitung reproduces the seed examples", () => {
  test.each([
    [["CAPAIAN", "89,60", "87%"], "102.99"], // 002:L661
    [["CAPAIAN", "4,97%", "2,50%", "turun"], "1.2"], // 003:L416
    [["CAPAIAN", "1,50", "3,5%", "turun"], "157.14"], // 002:L663
    [["KATEGORI", "90,77"], "Tinggi"], // 002:L1035
    [["KATEGORI", "157"], "Sangat Tinggi"],
    [["KATEGORI", "72,39", "lkjip"], "Baik"], // 003
    [["EFISIENSI", "760.284.340", "716.968.800"], "5.7"], // 002:L1024
    [["EFISIENSI", "281,325,500", "3,400,000", "150,81"], "149.6"], // 003 Tabel 3.5
    [["kinerja.capaian", "89,60", "87%"], "102.99"],
    [["SERAPAN", "716.968.800", "760.284.340"], "94.3"],
    [["REALISASI", "36 orang/bulan", "36 orang/bulan"], "36"],
    [["REALISASI", "0", "2", "0", "0", "jumlah"], "2"],
    [["ANGKA", "8.636 lembar"], "8636"],
  ])("%j → %s", async (args, expected) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected);
  });

  test("CAPAIAN 5 0 → #DIV/0! (a result, exit 0)", async () => {
    const r = await run("CAPAIAN", "5", "0");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^#DIV\/0!/);
  });

  test('CAPAIAN "" 10 → #N/A with a message', async () => {
    const r = await run("CAPAIAN", "", "10");
    expect(r.out).toMatch(/^#N\/A .*belum diisi/);
    const j = await run("CAPAIAN", "", "10", "--json");
    expect(JSON.parse(j.out)).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/belum diisi/),
    });
  });

  test("compound value → #VALUE!", async () => {
    const r = await run("CAPAIAN", "248 box nasi, 248 box snack", "10", "--json");
    expect(JSON.parse(r.out).error).toBe("#VALUE!");
  });

  test("--json value", async () => {
    const r = await run("KATEGORI", "72,39", "lkjip", "--json");
    expect(JSON.parse(r.out)).toEqual({ value: "Baik" });
  });

  test("usage errors exit 2 with Indonesian text", async () => {
    expect((await run("TIDAKADA", "1")).code).toBe(2);
    const few = await run("CAPAIAN", "1");
    expect(few.code).toBe(2);
    expect(few.err).toMatch(/jumlah argumen/);
    expect((await run()).code).toBe(2);
  });
});
