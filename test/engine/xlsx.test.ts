import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as crypto from "crypto";
import ExcelJS from "exceljs";
import { readWorkbook, applyPlan, WorkbookError } from "../../src/io/files";
import { recognise, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import { writeXlsx } from "./xlsx-support";
import { e81Grid, e81Row } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-xlsx-"));
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

describe("io/files", () => {
  const input = path.join(dir, "in.xlsx");
  beforeAll(async () => {
    const rows = e81Grid([
      e81Row(
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
      ),
    ]).cells.map((r) => r.map((c) => c.value));
    rows[7][27] = 0.5;
    await writeXlsx(input, [
      {
        name: "E81",
        rows,
        formats: { AB8: "0%" },
        formulas: { AA8: { formula: "1/0", result: "#DIV/0!" } },
        merges: ["E4:F4"],
      },
      {
        name: "Lain",
        rows: [
          [
            { richText: [{ text: "Teks " }, { text: "kaya" }] } as never,
            new Date(Date.UTC(2024, 0, 1)) as never,
          ],
        ],
      },
    ]);
  });

  it("reads values, formats, formulas (cached result), merges, rich text and dates", async () => {
    const { sheets } = await readWorkbook(input);
    expect(sheets.map((s) => s.name)).toEqual(["E81", "Lain"]);
    const g = sheets[0];
    expect(g.cells[7][4]).toEqual({ value: 25 });
    expect(g.cells[7][27]).toEqual({ value: 0.5, numberFormat: "0%" });
    expect(g.cells[7][26]).toMatchObject({ formula: "=1/0" });
    expect(g.merges).toContainEqual({ top: 3, left: 4, bottom: 3, right: 5 });
    expect(sheets[1].cells[0][0].value).toBe("Teks kaya");
    expect(sheets[1].cells[0][1].value).toBe(45292); // 2024-01-01 as an Excel serial
  });

  it("applyPlan writes formulas with cached values into a new file and leaves the input untouched", async () => {
    const before = sha(input);
    const { sheets } = await readWorkbook(input);
    const grid = sheets[0];
    const plan = planFill(grid, recognise(grid), DEFAULT_SETTINGS);
    expect(plan.writes.length).toBeGreaterThan(0);
    const out = path.join(dir, "out.xlsx");
    await applyPlan(input, out, "E81", plan);
    expect(sha(input)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("E81")!;
    const s8 = ws.getCell("S8").value as ExcelJS.CellFormulaValue;
    expect(s8.formula).toBe('IF(COUNT(K8,M8,O8,Q8)=0,"",SUM(K8,M8,O8,Q8))');
    expect(s8.result).toBe(2);
    expect(ws.getCell("C8").value).toBe("Penyusunan Dokumen Perencanaan Perangkat Daerah");
    expect(ws.getCell("AB8").numFmt).toBe("0%");
    expect(wb.getWorksheet("Lain")).toBeDefined();
  });

  it("refuses to overwrite the input and reports unreadable files with Indonesian messages", async () => {
    const { sheets } = await readWorkbook(input);
    const plan = planFill(sheets[0], recognise(sheets[0]), DEFAULT_SETTINGS);
    await expect(applyPlan(input, input, "E81", plan)).rejects.toThrow(/tidak boleh sama/);
    await expect(readWorkbook(path.join(dir, "tidak-ada.xlsx"))).rejects.toBeInstanceOf(
      WorkbookError
    );
    const bad = path.join(dir, "rusak.xlsx");
    fs.writeFileSync(bad, "bukan zip");
    await expect(readWorkbook(bad)).rejects.toThrow(/bukan workbook Excel/);
  });
});

describe("shared formulas", () => {
  it("overwriting the master of a shared formula keeps the other cells' formulas", async () => {
    const src = path.join(dir, "shared.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    ws.getCell("B1").value = {
      formula: "A1*2",
      result: 2,
      shareType: "shared",
      ref: "B1:B2",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
    await wb.xlsx.writeFile(src);
    const out = path.join(dir, "shared-out.xlsx");
    await applyPlan(src, out, "S", {
      writes: [
        {
          row: 0,
          col: 1,
          cell: "B1",
          formula: "=A1*3",
          value: 3,
          previous: { value: 2, formula: "=A1*2" },
        },
      ],
      decisions: [],
      changedExisting: 1,
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const s = back.getWorksheet("S")!;
    expect((s.getCell("B1").value as ExcelJS.CellFormulaValue).formula).toBe("A1*3");
    expect(s.getCell("B2").formula).toBe("A2*2");
  });
});
