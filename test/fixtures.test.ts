// The fixture generator writes every spec to .xlsx, the files reopen with the sheets, merges,
// values and number formats of the spec, and the expectations point at real cells.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadFixtureSpecs, toCellSpec, writeFixtures } from "./support/fixtures";
import type { SheetSpec } from "./fixtures/specs/types";

jest.setTimeout(60_000);

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([0-9]+)$/.exec(a1);
  if (!m) throw new Error(`bad A1 ${a1}`);
  return { row: Number(m[2]), col: colIndex(m[1]) };
}
function width(sheet: SheetSpec): number {
  return Math.max(...sheet.rows.map((r) => r.length));
}
function specNumber(sheet: SheetSpec, a1: string): number | null {
  const { row, col } = parseA1(a1);
  const cs = toCellSpec(sheet.rows[row - 1]?.[col] ?? null);
  return cs && !cs.err && typeof cs.v === "number" ? cs.v : null;
}
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === "object" && "error" in v) return (v as ExcelJS.CellErrorValue).error;
  return v;
}

const specs = loadFixtureSpecs();
let dir: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-fixtures-"));
  files = await writeFixtures(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the generator writes one workbook per spec", () => {
  expect(files.map((f) => path.basename(f))).toEqual(specs.map((s) => s.file));
  for (const f of files) expect(fs.statSync(f).size).toBeGreaterThan(1000);
});

test("output is deterministic (byte-identical on a second run)", async () => {
  const again = await writeFixtures(path.join(dir, "again"));
  again.forEach((f, i) => expect(fs.readFileSync(f).equals(fs.readFileSync(files[i]))).toBe(true));
});

describe.each(specs.map((s) => [s.file, s] as const))("%s", (_file, spec) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, spec.file));
  });

  test("has the expected sheets in order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(spec.sheets.map((s) => s.name));
  });

  test.each(spec.sheets.map((s) => [s.name, s] as const))(
    "sheet %s: values, formats and merges round-trip",
    (_n, sheet) => {
      const ws = wb.getWorksheet(sheet.name)!;
      sheet.rows.forEach((cells, r) =>
        cells.forEach((raw, c) => {
          const cs = toCellSpec(raw);
          const cell = ws.getCell(r + 1, c + 1);
          if (!cs) return;
          if (cs.err) expect(cellValue(cell.value)).toBe(cs.err);
          else if (cs.f)
            expect((cell.value as ExcelJS.CellFormulaValue).formula).toBe(cs.f.replace(/^=/, ""));
          else if (!cell.isMerged || cell.master === cell) expect(cell.value).toBe(cs.v);
          if (cs.fmt) expect(cell.numFmt).toBe(cs.fmt);
        })
      );
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
      expect(merges).toEqual(sheet.merges.slice().sort());
    }
  );

  test.each(spec.sheets.map((s) => [s.name, s] as const))(
    "sheet %s: expectations point at existing cells",
    (_n, sheet) => {
      const e = sheet.expected;
      const rows = sheet.rows.length;
      const cols = width(sheet);
      if (e.headerRows && e.dataRows) {
        const [h0, h1] = e.headerRows;
        const [d0, d1] = e.dataRows;
        expect(1 <= h0 && h0 <= h1 && h1 < d0 && d0 <= d1 && d1 <= rows).toBe(true);
      }
      const cells = [
        ...Object.keys(e.computed),
        ...Object.keys(e.acceptable ?? {}),
        ...Object.keys(e.never ?? {}),
        ...e.issues.map((i) => i.cell),
      ];
      // every sheet states something checkable
      expect(
        cells.length +
          (e.cleanRows ?? []).length +
          (e.quietRows ?? []).length +
          Object.keys(e.roles ?? {}).length +
          (e.layout ? 0 : 1)
      ).toBeGreaterThan(0);
      for (const a1 of cells) {
        const { row, col } = parseA1(a1);
        expect({ a1, inRange: row >= 1 && row <= rows && col < cols }).toEqual({
          a1,
          inRange: true,
        });
      }
      // a computed cell is either fixed or has a list of defensible values, never both
      for (const a1 of Object.keys(e.acceptable ?? {})) expect(a1 in e.computed).toBe(false);
      // a "never" value must not also be the expected value
      for (const [a1, bad] of Object.entries(e.never ?? {})) {
        if (a1 in e.computed) expect(bad).not.toContain(e.computed[a1]);
        for (const ok of e.acceptable?.[a1] ?? []) expect(bad).not.toContain(ok);
      }
      // clean rows carry no expected error or warning (column-level info findings may sit there)
      const INFO_RULES = new Set(["persen.pecahan"]);
      const issueRows = new Set(
        e.issues.filter((i) => !INFO_RULES.has(i.rule)).map((i) => parseA1(i.cell).row)
      );
      for (const r of e.cleanRows ?? [])
        expect({ r, issue: issueRows.has(r) }).toEqual({ r, issue: false });
      for (const i of e.issues) expect(i.rule).toMatch(/^[a-z]+\.[a-z-]+$/);
    }
  );
});

// --- content checks of the Mojokerto E.81 fixture: the quirks the product exists for
describe("002 E.81 fixture content (seed 002 l.1348–1429)", () => {
  const e81 = specs
    .find((s) => s.file === "002-mojokerto.xlsx")!
    .sheets.find((s) => s.name === "E81")!;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "002-mojokerto.xlsx"));
    ws = wb.getWorksheet("E81")!;
  });

  test("title rows, year and PD name (l.1348–1350)", () => {
    expect(ws.getCell("A1").value).toBe("Tabel E.81");
    expect(String(ws.getCell("A3").value)).toMatch(/MOJOKERTO TAHUN 2024 TRIWULAN II/);
  });

  test("l.1359/1362/1365: 5K targets are percent cells 1 / 0,9 / 0,75 and 15K holds 8560 / 14000 / 20000", () => {
    expect([ws.getCell("E13").value, ws.getCell("E16").value, ws.getCell("E19").value]).toEqual([
      1, 0.9, 0.75,
    ]);
    expect(ws.getCell("E16").numFmt).toContain("%");
    expect([ws.getCell("Y13").value, ws.getCell("Y16").value, ws.getCell("Y19").value]).toEqual([
      8560, 14000, 20000,
    ]);
    // while other 5K cells are plain numbers with a literal "%" (l.1357 "100 %")
    expect(ws.getCell("E11").value).toBe(100);
  });

  test("l.1393: #DIV/0! stored as an Excel error value", () => {
    expect(cellValue(ws.getCell("U42").value)).toBe("#DIV/0!");
  });

  test("header repeated after the page break (l.1368) and unit texts kept (l.1363)", () => {
    expect(ws.getCell("A21").value).toBe("NO");
    expect(ws.getCell("E17").value).toBe("36 Org/ bln");
  });

  test("every Rp-side expected value recomputes from the row's own inputs (12 = Σ, 13 = 12/7, 14 = 6+12, 15 = 14/5)", () => {
    const round2 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
    let checked = 0;
    for (const [a1, exp] of Object.entries(e81.expected.computed)) {
      const { row } = parseA1(a1);
      const c = a1.replace(/[0-9]+$/, "");
      if (!["T", "V", "X", "Z"].includes(c) || row >= 55 || [39, 40, 44, 45].includes(row))
        continue;
      const q = ["L", "N", "P", "R"].reduce((s, x) => s + (specNumber(e81, `${x}${row}`) ?? 0), 0);
      const got =
        c === "T"
          ? q
          : c === "X"
            ? (specNumber(e81, `H${row}`) ?? 0) + q
            : c === "V"
              ? specNumber(e81, `J${row}`)
                ? round2((q / specNumber(e81, `J${row}`)!) * 100)
                : null
              : specNumber(e81, `F${row}`)
                ? round2(
                    (((specNumber(e81, `H${row}`) ?? 0) + q) / specNumber(e81, `F${row}`)!) * 100
                  )
                : null;
      expect({ a1, v: got }).toEqual({ a1, v: exp });
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });
});
