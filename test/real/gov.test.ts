// The original government workbooks of ../shared/real-workbooks/gov/ (test input only: they are
// not redistributable, their layouts are reproduced in test/fixtures/specs/regions). What a
// planner expects of each sheet — the table or "not recognised", header and data rows, exactly
// which columns may be written, doubts — plus, on every sheet: findings only on data rows, and
// `kinerja isi` changing no cell outside the computed columns. Skips when the folder is absent.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readWorkbook } from "../../src/io/files";
import { recognise, validate, analyseSheet, DEFAULT_SETTINGS } from "../../src/engine";
import { cellAt, columnLetters, type Grid } from "../../src/model/grid";
import { sharedPath, skippedSuite } from "../support/shared";

const GOV = sharedPath("real-workbooks", "gov") ?? "";
const present = GOV !== "";

interface Want {
  layout: string | null;
  headerRows?: [number, number] | null;
  dataRows?: [number, number] | null;
  writable?: string[];
  doubtful?: boolean;
}

const NONE: Want = { layout: null };
const E81_ALL = ["W", "X", "Y", "Z", "AA", "AB", "AC", "AD"];

/** file → sheet → expectation ("*" for every sheet of the file). */
const EXPECTED: Record<string, Record<string, Want>> = {
  "19. Renstra Template.xlsx": { "*": NONE },
  "20. Format Sub Kegiatan Renja_DPA_DPPA.xlsx": {
    "Sub Keg Renja_DPA_DPPA": {
      layout: "TC33",
      headerRows: [1, 1],
      dataRows: [2, 45],
      writable: [],
    },
  },
  "Capaian Kinerja.xlsx": {
    Sheet1: { layout: "CAPAIAN_TW", headerRows: [4, 5], dataRows: [6, 104], writable: ["J", "K"] },
  },
  "RFK januari.xlsx": { "*": NONE },
  "rfk_skpd.xlsx": { "*": NONE },
  "Semua OPD.xlsx": {
    Sheet1: {
      layout: "LKJIP_PROGRAM",
      headerRows: [2, 3],
      dataRows: [4, 85],
      writable: ["H", "K"],
    },
  },
  "Template_Import_Capaian_Kinerja (1).xlsx": { "*": NONE },
  "bappeda.xlsx": {
    "Sheet-1": { layout: "E81", headerRows: [10, 13], dataRows: [15, 49], writable: E81_ALL },
  },
  "export-laporan (Jember E.79 template).xlsx": {
    Sheet1: {
      layout: "E81",
      headerRows: [2, 5],
      dataRows: null,
      writable: ["U", "V", "W", "X"],
      doubtful: true,
    },
  },
  "file_spreadsheet_updated.xlsx": {
    Sheet1: { layout: "LKJIP_PROGRAM", headerRows: [7, 8], dataRows: [9, 66], writable: ["J"] },
  },
  "format-lkpj.xlsx": {
    Sheet1: { layout: "LKJIP_PROGRAM", headerRows: [7, 8], dataRows: null, writable: ["J"] },
  },
  "monev.xlsx": { "*": NONE },
  "realisasi_import.xlsx": { "*": NONE },
  "template_capaian.xlsx": {
    Sheet1: { layout: "CAPAIAN_TW", headerRows: [5, 6], dataRows: [7, 7], writable: [] },
  },
  "tmp_1508377171 (Muna Barat program kegiatan export).xlsx": {
    Sheet1: { layout: "TC33", headerRows: [5, 7], dataRows: [8, 12], writable: [] },
    "*": NONE,
  },
  "tpl_rkpd.xlsx": {
    Sheet1: { layout: "TC33", headerRows: [5, 7], dataRows: null, writable: [] },
    "*": NONE,
  },
};

if (!present) skippedSuite("real government workbooks", ["real-workbooks", "gov"]);
else
  describe("real government workbooks (../shared/real-workbooks/gov)", () => {
    const files = fs
      .readdirSync(GOV)
      .filter((f) => /\.xlsx$/i.test(f))
      .sort();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-gov-"));

    test("every workbook of the folder has an expectation", () => {
      expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    });

    test.each(files.map((f) => [f]))("%s: recognised as a planner expects", async (file) => {
      const { sheets } = await readWorkbook(path.join(GOV, file));
      for (const grid of sheets) {
        const want = EXPECTED[file]?.[grid.name] ?? EXPECTED[file]?.["*"];
        const rec = recognise(grid);
        const got: Want = { layout: rec.layout };
        if (want?.headerRows)
          got.headerRows = rec.headerRows && [rec.headerRows[0] + 1, rec.headerRows[1] + 1];
        if (want?.dataRows !== undefined)
          got.dataRows = rec.dataRows && [rec.dataRows[0] + 1, rec.dataRows[1] + 1];
        if (want?.writable)
          got.writable = rec.computations
            .map((c) => columnLetters((rec.columns as Record<string, number>)[c.out]))
            .sort();
        if (want?.doubtful !== undefined || rec.doubts.length) got.doubtful = rec.doubts.length > 0;
        expect([grid.name, got]).toEqual([
          grid.name,
          want && { ...want, ...(want.writable ? { writable: [...want.writable].sort() } : {}) },
        ]);
      }
    });

    test.each(files.map((f) => [f]))(
      "%s: findings only on data rows (never on header, footer, note or signature rows)",
      async (file) => {
        const { sheets } = await readWorkbook(path.join(GOV, file));
        for (const grid of sheets) {
          const rec = recognise(grid);
          const a = await validate(grid, rec, DEFAULT_SETTINGS);
          const kinds = new Map(
            analyseSheet(grid, rec, DEFAULT_SETTINGS).model.rows.map((r) => [r.row, r.kind])
          );
          const misplaced = a.issues.filter(
            (i) => !["data", "section"].includes(kinds.get(i.row) ?? "outside")
          );
          expect([grid.name, misplaced.map((i) => `${i.cell} ${i.rule}`)]).toEqual([grid.name, []]);
        }
      }
    );

    test.each(files.map((f) => [f]))(
      "%s: isi changes no cell outside the computed columns",
      async (file) => {
        const input = path.join(GOV, file);
        const output = path.join(out, file);
        const code = await main(["isi", input, "-o", output], memoryIO());
        expect([0, 1]).toContain(code);
        if (!fs.existsSync(output)) return;
        const before: Grid[] = (await readWorkbook(input)).sheets;
        const after = (await readWorkbook(output)).sheets;
        for (const grid of before) {
          const rec = recognise(grid);
          const cols = rec.columns as Record<string, number>;
          const computed = new Set(rec.computations.map((c) => cols[c.out]));
          const [first, last] = rec.dataRows ?? [1, 0];
          const other = after.find((g) => g.name === grid.name)!;
          const bad: string[] = [];
          const rows = Math.max(grid.cells.length, other.cells.length);
          for (let r = 0; r < rows; r++)
            for (
              let c = 0;
              c < Math.max(grid.cells[r]?.length ?? 0, other.cells[r]?.length ?? 0);
              c++
            ) {
              const x = cellAt(grid, r, c);
              const y = cellAt(other, r, c);
              const same =
                (x.value ?? null) === (y.value ?? null) &&
                (x.formula ?? null) === (y.formula ?? null);
              const allowed = !rec.doubts.length && computed.has(c) && r >= first && r <= last;
              if (!same && !allowed) bad.push(`${columnLetters(c)}${r + 1}`);
            }
          expect([grid.name, bad.slice(0, 20)]).toEqual([grid.name, []]);
        }
      }
    );
  });
