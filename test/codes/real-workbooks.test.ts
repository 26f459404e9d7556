// Optional: the code checks on real workbooks made by other regions (never committed; see
// ../shared/real-workbooks/SOURCES.md). The code rows are taken from the cells directly (code,
// name, indicator and unit columns as each file has them), so this suite does not depend on the
// table recogniser. Skipped when the folder is absent.
import * as path from "path";
import { readWorkbook } from "../../src/io/files";
import { checkCodes, type CodeRow } from "../../src/codes/rules";
import { cellAt, type Grid } from "../../src/model/grid";
import { indicators, nomenclature } from "./helpers";
import { sharedPath, skippedSuite } from "../support/shared";

const gov = sharedPath("real-workbooks", "gov") ?? "";
const available = gov !== "";

interface Case {
  file: string;
  /** 0-based columns. */
  code: number[];
  name: number;
  indicator?: number;
  unit?: number;
  /** 1-based inclusive data rows. */
  rows: [number, number];
  year: number | null;
}

function codeRows(g: Grid, c: Case): CodeRow[] {
  const out: CodeRow[] = [];
  const cell = (r: number, col: number | undefined) =>
    col === undefined ? null : { col, value: cellAt(g, r, col).value };
  for (let r = c.rows[0] - 1; r < c.rows[1]; r++)
    out.push({
      row: r,
      codeCells: c.code
        .map((col) => ({ col, value: cellAt(g, r, col).value }))
        .filter((x) => x.value !== null && x.value !== ""),
      name: cell(r, c.name),
      indicator: cell(r, c.indicator),
      unit: cell(r, c.unit),
    });
  return out;
}

async function run(c: Case) {
  const g = (await readWorkbook(path.join(gov, c.file))).sheets[0];
  const year = c.year ?? 2025;
  const v = year >= 2027 ? "2027" : "kabkota-2024";
  return checkCodes(codeRows(g, c), {
    year,
    sheetYear: c.year,
    scope: "kabkota",
    nomenclature: nomenclature(v),
    next: v === "2027" ? undefined : nomenclature("2027"),
    indicators: indicators(v),
  });
}

if (!available) skippedSuite("code checks on real workbooks", ["real-workbooks", "gov"]);
else
  describe("real workbooks", () => {
    test("Muna Barat 2018 (1.01.1.1.01 - Program …): one kode.rezim", async () => {
      const issues = await run({
        file: "tmp_1508377171 (Muna Barat program kegiatan export).xlsx",
        code: [0],
        name: 1,
        rows: [8, 12],
        year: 2018,
      });
      expect(issues.map((i) => [i.rule, i.cell])).toEqual([["kode.rezim", "A10"]]);
    });
    test("Sukabumi bappeda.xlsx 2018 (3 | 1 | 01 | 01): one kode.rezim", async () => {
      const issues = await run({
        file: "bappeda.xlsx",
        code: [0, 1, 2, 3, 4],
        name: 5,
        indicator: 6,
        rows: [15, 44],
        year: 2018,
      });
      expect(issues.map((i) => i.rule)).toEqual(["kode.rezim"]);
      expect(issues[0].message).toMatch(/Permendagri 13\/2006/);
    });
    test.each(["Semua OPD.xlsx", "file_spreadsheet_updated.xlsx"])(
      "%s (1.01.02.202.06): one kode.rezim",
      async (file) => {
        const c =
          file === "Semua OPD.xlsx"
            ? {
                file,
                code: [0],
                name: 2,
                indicator: 3,
                unit: 4,
                rows: [4, 85] as [number, number],
                year: null,
              }
            : {
                file,
                code: [1],
                name: 2,
                indicator: 3,
                unit: 4,
                rows: [9, 66] as [number, number],
                year: null,
              };
        const issues = await run(c);
        expect(issues.map((i) => i.rule)).toEqual(["kode.rezim"]);
        expect(issues[0].message).toMatch(/kegiatan tiga digit/);
      }
    );
    test("Semarang Capaian Kinerja.xlsx (2.08.01.2.01.0001 …): checked row by row", async () => {
      const issues = await run({
        file: "Capaian Kinerja.xlsx",
        code: [1],
        name: 2,
        rows: [6, 104],
        year: null,
      });
      // reviewed: 2.08.01.2.01.0008 (Walidata) is only in the 2027 update, 2.08.07.2.01.0006 in
      // neither list; the rest are typos of official names ("Penerapan" for "Penerangan"); a lost
      // space ("PerempuanKewenangan", B56/B57) is not a difference
      expect(issues.map((i) => [i.cell, i.rule, i.severity])).toEqual([
        ["B16", "kode.tidak-dikenal", "warning"],
        ["B28", "kode.nama-beda", "warning"],
        ["B55", "kode.nama-beda", "warning"],
        ["B89", "kode.tidak-dikenal", "error"],
      ]);
    });
    test("Pasangkayu Renja/DPA (1.03.01.2.01.0001 …): checked row by row", async () => {
      const issues = await run({
        file: "20. Format Sub Kegiatan Renja_DPA_DPPA.xlsx",
        code: [0],
        name: 1,
        rows: [2, 45],
        year: 2024,
      });
      expect(issues.filter((i) => i.rule === "kode.rezim")).toEqual([]);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    });
    test("Pasangkayu Renstra (1.3 …, x.xx.01 …): dropped zeros and placeholders, all with safe fixes", async () => {
      const issues = await run({
        file: "19. Renstra Template.xlsx",
        code: [1],
        name: 2,
        unit: 3,
        indicator: 4,
        rows: [2, 96],
        year: null,
      });
      expect(new Set(issues.map((i) => `${i.rule} ${i.severity}`))).toEqual(
        new Set(["kode.format info", "kode.placeholder error"])
      );
      for (const i of issues) expect(i.fix?.safe).toBe(true);
      // the only bidang of the sheet is 1.03 (written "1.3"): the X.XX rows get it
      const x = issues.find((i) => i.rule === "kode.placeholder")!;
      expect(x.fix!.edits[0].value).toBe("1.03.01");
    });
    test("BPS indicator numbering (1.1.1.1): no code finding", async () => {
      const issues = await run({
        file: "Template_Import_Capaian_Kinerja (1).xlsx",
        code: [0],
        name: 2,
        rows: [2, 18],
        year: 2026,
      });
      expect(issues).toEqual([]);
    });
  });
