// Bad input files: a clear Indonesian message or a report, exit 2 (or 0/1 with a report),
// never a stack trace, and the input byte for byte unchanged.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { addChart } from "../support/chart-xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-bad-"));
const hash = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function validXlsx(file: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Sheet1"));
  await wb.xlsx.writeFile(file);
  return file;
}

const cases: [string, () => Promise<string>][] = [
  [
    "an empty file",
    async () => (
      fs.writeFileSync(path.join(dir, "kosong.xlsx"), ""),
      path.join(dir, "kosong.xlsx")
    ),
  ],
  [
    "a non-xlsx file",
    async () => (
      fs.writeFileSync(path.join(dir, "teks.xlsx"), "NO;KODE;URAIAN\n1;2.07;Tenaga Kerja\n"),
      path.join(dir, "teks.xlsx")
    ),
  ],
  [
    "a CSV named as such",
    async () => (
      fs.writeFileSync(path.join(dir, "tabel.csv"), "a,b\n1,2\n"),
      path.join(dir, "tabel.csv")
    ),
  ],
  [
    "a truncated xlsx",
    async () => {
      const full = await validXlsx(path.join(dir, "utuh.xlsx"), (ws) => ws.addRow(["Tabel E.81"]));
      const buf = fs.readFileSync(full);
      fs.writeFileSync(
        path.join(dir, "terpotong.xlsx"),
        buf.subarray(0, Math.floor(buf.length / 2))
      );
      return path.join(dir, "terpotong.xlsx");
    },
  ],
  [
    "a workbook with nothing but an empty sheet",
    () => validXlsx(path.join(dir, "lembar-kosong.xlsx"), () => undefined),
  ],
  [
    "a workbook with only a chart (a real DrawingML chart over a small data block)",
    async () => {
      const f = await validXlsx(path.join(dir, "grafik.xlsx"), (ws) => {
        ws.addRow(["Program", "Capaian"]);
        ws.addRow(["A", 50]);
        ws.addRow(["B", 90]);
      });
      await addChart(f, "Sheet1");
      return f;
    },
  ],
  [
    "a 50 MB workbook",
    async () => {
      const small = await validXlsx(path.join(dir, "kecil.xlsx"), (ws) =>
        ws.addRow(["Tabel E.81"])
      );
      const big = path.join(dir, "besar.xlsx");
      // Junk before a zip keeps it readable by zip tools (like a self-extracting archive).
      fs.writeFileSync(
        big,
        Buffer.concat([crypto.randomBytes(50 * 1024 * 1024), fs.readFileSync(small)])
      );
      return big;
    },
  ],
  [
    "a sheet full of errors",
    () =>
      validXlsx(path.join(dir, "galat.xlsx"), (ws) => {
        for (let r = 1; r <= 30; r++)
          ws.addRow(
            Array.from({ length: 12 }, () => ({ error: "#DIV/0!" }) as ExcelJS.CellErrorValue)
          );
      }),
  ],
];

describe.each(cases)("%s", (_name, make) => {
  let file: string;
  beforeAll(async () => {
    file = await make();
  }, 60000);

  test.each([["periksa"], ["isi"]])(
    "kinerja %s: clear message or report, no stack trace, input unchanged",
    async (cmd) => {
      const before = hash(file);
      const io = memoryIO();
      const args =
        cmd === "isi"
          ? [
              cmd,
              file,
              "-o",
              path.join(dir, `keluar-${path.basename(file, path.extname(file))}.xlsx`),
            ]
          : [cmd, file];
      const code = await main(args, io);
      expect([0, 1, 2]).toContain(code);
      const text = io.stdout + io.stderr;
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
      expect(text).not.toMatch(/Error:|TypeError|undefined/);
      if (code === 2) expect(io.stderr).toMatch(/berkas|Berkas|workbook|lembar|tabel/);
      expect(hash(file)).toBe(before);
    },
    60000
  );
});
