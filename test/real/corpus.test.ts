// The real-world corpus of ../shared/real-workbooks (not part of the repository; skipped with a
// message when it is absent). Every .xlsx/.xlsm that LibreOffice opens is read by
// `kinerja periksa` (exit 0 or 1, never a file error) within 5 s; the others get their own
// message; a copy written by the patcher keeps every other part byte-identical.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readGrids, patch, WorkbookError } from "../../src/io/ooxml";
import { sharedPath, skippedSuite } from "../support/shared";

const root = sharedPath("real-workbooks") ?? "";
const present = root !== "";
if (!present) skippedSuite("real-world .xlsx corpus", ["real-workbooks"]);

function walk(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(e.name) ? [p] : [];
  });
}

/** Files LibreOffice does not open either (checked with soffice --convert-to), and what we say. */
const REFUSED: Record<string, string> = {
  "calamine/merge_cells.xls": "xls",
  "calamine/merged_cells.ods": "ods",
  "calamine/pass_protected.xlsx": "encrypted",
  "calamine/too_small.xls": "not-workbook",
  "excelize/encryptAES.xlsx": "encrypted",
  "exceljs/missing-bits.xlsx": "not-workbook",
  "phpspreadsheet/Reader_Ods_nomimetype.ods": "ods",
  "phpspreadsheet/Reader_XLS_oleloop.xls": "xls",
  "poi/clusterfuzz-testcase-minimized-POIXSSFFuzzer-5089447305609216.xlsx": "corrupt",
  "poi/clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx": "corrupt",
  "poi/crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx": "corrupt",
  "poi/protected_passtika.xlsx": "encrypted",
  "poi/xlsx-corrupted.xlsx": "corrupt",
  "sheetjs/AutoFilter.ods": "ods",
  "sheetjs/AutoFilter.xls": "xls",
  "sheetjs/AutoFilter.xlsb": "xlsb",
  "xlsxpopulate/e2e-parse_encrypted_input.xlsx": "encrypted",
};

const files = present ? walk(root).sort() : [];
const name = (f: string) =>
  path
    .relative(root, f)
    .replace(/^corpus\//, "")
    .replace(/\\/g, "/");

(present ? describe : describe.skip)("../shared/real-workbooks", () => {
  test("the corpus is there and big enough to mean something", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  test.each(files.map((f) => [name(f), f]))("%s", async (label, file) => {
    const expected = REFUSED[label];
    const t0 = Date.now();
    const io = memoryIO();
    const code = await main(["periksa", file, "--json"], io);
    expect(Date.now() - t0).toBeLessThan(5000);
    if (!expected) {
      expect([label, code, io.stderr]).toEqual([label, code === 1 ? 1 : 0, ""]);
      return;
    }
    expect(code).toBe(2);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    let kind = "";
    try {
      readGrids(new Uint8Array(fs.readFileSync(file)));
    } catch (e) {
      kind = e instanceof WorkbookError ? e.kind : "internal";
    }
    expect([label, kind]).toEqual([label, expected]);
  });

  test.each(
    files.filter((f) => !REFUSED[name(f)] && /\.xls[xm]$/i.test(f)).map((f) => [name(f), f])
  )("patching %s keeps every other part byte-identical", (_label, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { sheets } = readGrids(bytes);
    if (!sheets.length) return;
    const g = sheets[0];
    const row = g.cells.length + 1;
    const out = patch(bytes, [
      {
        sheetName: g.name,
        writes: [
          { row, col: 0, value: "Kinerja" },
          { row, col: 1, formula: "=1+1", value: 2, numberFormat: "0.00" },
        ],
      },
    ]);
    const again = readGrids(out).sheets.find((s) => s.name === g.name)!;
    expect(again.cells[row][0].value).toBe("Kinerja");
    expect(again.cells[row][1]).toEqual({ value: 2, formula: "=1+1", numberFormat: "0.00" });
    const a = unzipSync(bytes);
    const b = unzipSync(out);
    // what the patch may rewrite: sheets, the workbook part, the styles, rels, content types
    const touched = /sheet|workbook|style|Content_Types|calcChain|\.rels$/i;
    for (const [part, data] of Object.entries(a))
      if (!touched.test(part.replace(/\\/g, "/")))
        expect([part, Buffer.from(b[part] ?? []).equals(Buffer.from(data))]).toEqual([part, true]);
  });
});
