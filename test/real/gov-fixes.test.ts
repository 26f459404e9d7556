// Fixes on the original government workbooks of ../shared/real-workbooks/gov/ (test input only;
// skipped when the folder is absent): every fix they offer, applied with "Perbaiki semua yang
// aman" on the fake host and with `kinerja perbaiki` on .xlsx (safe, then every unambiguous fix):
// only the named cells change, the fixed findings are gone, the undo restores exactly.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/io/files";
import { FIXABLE_RULES } from "../../src/app/perbaiki";
import type { Grid } from "../../src/model/grid";
import { cliRound, hostRound } from "../support/fix-round";
import { sharedPath, skippedSuite } from "../support/shared";

const GOV = sharedPath("real-workbooks", "gov") ?? "";

if (!GOV) skippedSuite("fixes on the real government workbooks", ["real-workbooks", "gov"]);
else
  describe("fixes on the real government workbooks", () => {
    const books: { file: string; sheets: Grid[] }[] = [];
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-gov-fixes-"));
    beforeAll(async () => {
      for (const f of fs
        .readdirSync(GOV)
        .filter((x) => /\.xlsx$/i.test(x))
        .sort())
        books.push({
          file: path.join(GOV, f),
          sheets: (await readWorkbook(path.join(GOV, f))).sheets,
        });
    }, 120000);

    test("fake host: Perbaiki semua yang aman", async () => {
      expect(await hostRound(books)).toEqual(SAFE);
    }, 120000);

    test(".xlsx: kinerja perbaiki (safe)", async () => {
      expect(await cliRound(books, out, [])).toEqual(SAFE);
    }, 120000);

    test(".xlsx: every unambiguous fix", async () => {
      expect(await cliRound(books, out, ["--aturan", FIXABLE_RULES.join(",")])).toEqual(ALL);
    }, 120000);
  });

// Reviewed by hand. Safe: official names whose written form is a variant (Capaian Kinerja C28
// "Penerapan" for "Penerangan", C55 "Kewenagan" and a word left out; the long PBG/SLF name of
// 20. Format …). Every unambiguous fix adds: the official indicators of 20. Format … where one
// percentage was pasted onto every sub kegiatan (25), the capaian stated rounded to whole numbers
// in Semua OPD (7) and file_spreadsheet_updated (1), and bappeda AB17's roll-up that disagrees
// with the row's own computation (1; the roll-up finding on the same cell offers no fix).
const SAFE: Record<string, number> = {
  "20. Format Sub Kegiatan Renja_DPA_DPPA.xlsx / Sub Keg Renja_DPA_DPPA": 1,
  "Capaian Kinerja.xlsx / Sheet1": 2,
};
const ALL: Record<string, number> = {
  "20. Format Sub Kegiatan Renja_DPA_DPPA.xlsx / Sub Keg Renja_DPA_DPPA": 26,
  "Capaian Kinerja.xlsx / Sheet1": 2,
  "Semua OPD.xlsx / Sheet1": 7,
  "bappeda.xlsx / Sheet-1": 1,
  "file_spreadsheet_updated.xlsx / Sheet1": 1,
};
