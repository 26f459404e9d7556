// The built `kinerja` binary writes all of a large --json report into a slow pipe: the process
// ends on its own once stdout is flushed (process.exit() used to cut it at 64 KiB).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sheetDataXml, workbookParts, worksheet, zipParts } from "../support/ooxml";

const root = path.resolve(__dirname, "../..");

test("kinerja periksa --json | (slow reader) gets every byte", () => {
  if (!fs.existsSync(path.join(root, "build", "cli", "main.js")))
    throw new Error("build/ tidak ada: jalankan npm run build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-pipe-"));
  const sheets = Array.from({ length: 1200 }, (_, i) => ({
    name: `Lembar dengan nama yang cukup panjang ${i + 1}`,
    xml: worksheet(
      `<sheetData>${sheetDataXml([["Tabel tanpa judul yang dikenali", i]])}</sheetData>`
    ),
  }));
  const file = path.join(dir, "banyak-lembar.xlsx");
  fs.writeFileSync(file, zipParts(workbookParts(sheets)));
  const bin = path.join(root, "bin", "kinerja.js");
  const direct = execFileSync(process.execPath, [bin, "periksa", file, "--json"]).length;
  expect(direct).toBeGreaterThan(128 * 1024);
  const piped = execFileSync("sh", [
    "-c",
    `"${process.execPath}" "${bin}" periksa "${file}" --json | (sleep 1; wc -c)`,
  ]);
  expect(Number(piped.toString().trim())).toBe(direct);
});
