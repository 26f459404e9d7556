// `kinerja periksa` reports a provincial kegiatan in a kab/kota Renja (kode.kewenangan).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { tc29Grid } from "../engine/helpers";

test("kinerja periksa reports 2.07.06.1.01 in a kab/kota T-C.29 as kode.kewenangan", async () => {
  const grid = tc29Grid([
    [
      2,
      "07",
      "04",
      "PROGRAM PENEMPATAN TENAGA KERJA",
      "Persentase pencari kerja yang ditempatkan",
      60,
      40,
      50,
      52,
      104,
      55,
      55,
      91.67,
    ],
    [
      2,
      "07",
      "06.1.01",
      "Penyelenggaraan Pengawasan Ketenagakerjaan",
      "Jumlah perusahaan yang diawasi",
      100,
      20,
      25,
      25,
      100,
      30,
      75,
      75,
    ],
  ]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("TC29");
  grid.cells.forEach((row, r) =>
    row.forEach(
      (c, col) =>
        c.value !== null && (ws.getCell(r + 1, col + 1).value = c.value as ExcelJS.CellValue)
    )
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-kode-")), "tc29.xlsx");
  await wb.xlsx.writeFile(file);
  const io = memoryIO();
  const code = await main(["periksa", file, "--json"], io);
  const report = JSON.parse(io.stdout);
  const sheet = report.files[0].sheets[0];
  expect(sheet.layout).toBe("TC29");
  const kewenangan = sheet.issues.filter((i: { rule: string }) => i.rule === "kode.kewenangan");
  expect(kewenangan).toEqual([
    expect.objectContaining({
      cell: "A8",
      severity: "error",
      message: expect.stringMatching(/provinsi/),
    }),
  ]);
  expect(code).toBe(1);
});
