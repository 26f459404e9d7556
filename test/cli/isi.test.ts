import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as crypto from "crypto";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { writeXlsx } from "../engine/xlsx-support";
import { e81Grid, e81Row } from "../engine/helpers";
import { addChart } from "../support/chart-xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-isi-"));
const a = path.join(dir, "a.xlsx");
const b = path.join(dir, "b.xlsx");
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeAll(async () => {
  // 002 §8 #16 (l.1374)
  const row = e81Row(
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
  const rows = e81Grid([row]).cells.map((r) => r.map((c) => c.value));
  await writeXlsx(a, [{ name: "E81", rows }]);
  await writeXlsx(b, [{ name: "E81", rows }]);
});

describe("kinerja isi", () => {
  it("a workbook with its own chart is written with the chart intact; the old --abaikan-grafik only gets a note", async () => {
    const withChart = path.join(dir, "grafik.xlsx");
    fs.copyFileSync(a, withChart);
    await addChart(withChart, "E81");
    const before = sha(withChart);
    const out = path.join(dir, "grafik-hasil.xlsx");
    const io = memoryIO();
    expect(await main(["isi", withChart, "-o", out], io)).toBe(0);
    expect(io.stderr).toBe("");
    expect(sha(withChart)).toBe(before);
    const [src, dst] = [withChart, out].map((f) => unzipSync(new Uint8Array(fs.readFileSync(f))));
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
    ])
      expect(Buffer.from(dst[part]).equals(Buffer.from(src[part]))).toBe(true);
    expect(new TextDecoder().decode(dst["xl/worksheets/sheet1.xml"])).toMatch(
      /<drawing r:id="rIdKnChart"\/>/
    );

    const io2 = memoryIO();
    expect(await main(["isi", withChart, "-o", out, "--abaikan-grafik"], io2)).toBe(0);
    expect(io2.stderr).toMatch(/--abaikan-grafik tidak diperlukan lagi/);
  });

  it("writes formulas with cached values to OUT and --json lists them; the input is untouched", async () => {
    const before = sha(a);
    const out = path.join(dir, "hasil.xlsx");
    const io = memoryIO();
    expect(await main(["isi", a, "-o", out, "--json"], io)).toBe(0);
    expect(sha(a)).toBe(before);
    const { written } = JSON.parse(io.stdout);
    expect(written).toContainEqual({
      file: a,
      sheet: "E81",
      cell: "U8",
      formula: '=IF(OR(I8="",I8=0,S8=""),"",ROUND(S8/I8*100,2))',
      value: 28.57,
    });
    expect(written).toContainEqual(expect.objectContaining({ cell: "Z8", value: 62.4 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const u8 = wb.getWorksheet("E81")!.getCell("U8").value as ExcelJS.CellFormulaValue;
    expect(u8).toMatchObject({
      formula: 'IF(OR(I8="",I8=0,S8=""),"",ROUND(S8/I8*100,2))',
      result: 28.57,
    });
  });

  it("--nilai writes values only", async () => {
    const out = path.join(dir, "nilai.xlsx");
    const io = memoryIO();
    expect(await main(["isi", a, "-o", out, "--nilai"], io)).toBe(0);
    expect(io.stdout).toMatch(/8 sel ditulis/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("E81")!.getCell("W8").value).toBe(24);
  });

  it("several inputs go into a folder, with progress on a terminal", async () => {
    const outDir = path.join(dir, "keluaran");
    const io = { ...memoryIO(), isTTY: true };
    const mem = memoryIO();
    io.err = mem.err;
    expect(await main(["isi", a, b, "-o", outDir], io)).toBe(0);
    expect(fs.existsSync(path.join(outDir, "a.xlsx"))).toBe(true);
    expect(fs.existsSync(path.join(outDir, "b.xlsx"))).toBe(true);
    expect(mem.stderr).toMatch(/\[2\/2\]/);
  });

  it("usage and file errors → exit 2; never overwrites the input", async () => {
    let io = memoryIO();
    expect(await main(["isi", a], io)).toBe(2);
    expect(io.stderr).toMatch(/-o/);
    io = memoryIO();
    const before = sha(a);
    expect(await main(["isi", a, "-o", a], io)).toBe(2);
    expect(sha(a)).toBe(before);
    io = memoryIO();
    expect(
      await main(["isi", path.join(dir, "hilang.xlsx"), "-o", path.join(dir, "o.xlsx")], io)
    ).toBe(2);
    expect(io.stderr).toMatch(/tidak ditemukan/);
  });
});
