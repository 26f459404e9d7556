import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const JSZip = require("jszip") as {
  loadAsync(d: Buffer): Promise<{
    files: Record<string, unknown>;
    file(n: string): { async(t: "string"): Promise<string> } | null;
  }>;
};
import {
  predikatRules,
  ruleFormula,
  summaryPlan,
  predikatFormula,
  PALETTE,
} from "../../src/visual";
import { SCALES, bandOf, type ScaleName } from "../../src/core/scales";
import { recognise, planFill, DEFAULT_SETTINGS, type Recognition } from "../../src/engine";
import { readWorkbook } from "../../src/io/files";
import { isi } from "../../src/cli/isi";
import { writeFixtures } from "../support/fixtures";
import { findSoffice, recalculate, readValues, sameValue } from "../support/libreoffice";

const rec = (columns: Record<string, number>): Recognition => ({
  layout: "LKJIP_CAPAIAN",
  variant: null,
  year: 2023,
  quarter: null,
  pdName: null,
  headerRows: [0, 1],
  dataRows: [2, 9],
  columns,
  computations: [],
  computedBy: "header",
  scale: null,
  efficiencyMethod: null,
  header: null,
  doubts: [],
  confirmed: false,
  confidence: 1,
  notes: [],
});

// Evaluates a "between" rule the way Excel does on the raw value.
function ruleHits(rule: ReturnType<typeof predikatRules>[number], v: number): boolean {
  if (rule.kind !== "between") return false;
  return (rule.min === null || v >= rule.min) && (rule.below === null || v < rule.below);
}

describe("predikatRules", () => {
  for (const name of Object.keys(SCALES) as ScaleName[]) {
    test(`band boundaries of scale ${name}: exactly one rule per value, the same band as bandOf on 2 decimals`, () => {
      const rules = predikatRules(rec({ capaian: 5, kategori: 6 }), name).filter(
        (r) => r.kind === "between"
      );
      expect(rules).toHaveLength(SCALES[name].length);
      expect(rules[0].range).toBe("F3:F10");
      for (const b of SCALES[name]) {
        if (b.min === null) continue;
        for (const v of [b.min, b.min - 0.01, b.min - 0.005, b.min - 0.0051, b.min + 0.004]) {
          const hits = rules.filter((r) => ruleHits(r, v));
          expect(hits).toHaveLength(1);
          const rounded = Math.round(v * 100 + (v >= 0 ? 1e-9 : 0)) / 100;
          expect(hits[0].label).toBe(bandOf(rounded, SCALES[name]).label);
        }
      }
    });
  }
  test("permendagri86: 90.99 is Tinggi, 91 is Sangat Tinggi (002:L1035); kategori gets one text rule per label", () => {
    const rules = predikatRules(rec({ capaian: 5, kategori: 6 }), "permendagri86");
    expect(rules.filter((r) => ruleHits(r, 90.99)).map((r) => r.label)).toEqual(["Tinggi"]);
    expect(rules.filter((r) => ruleHits(r, 91)).map((r) => r.label)).toEqual(["Sangat Tinggi"]);
    const text = rules.filter((r) => r.kind === "text");
    expect(text.map((r) => r.label)).toEqual(SCALES.permendagri86.map((b) => b.label));
    expect(text[0].range).toBe("G3:G10");
    expect(ruleFormula(text[1])).toBe('=TRIM(G3)="Tinggi"');
    expect(new Set(text.map((r) => r.fill)).size).toBe(5);
    expect(text[0].fill).toBe(PALETTE[0].fill);
  });
  test("no data rows → no rules", () => {
    expect(predikatRules({ ...rec({ capaian: 1 }), dataRows: null }, "lkjip")).toEqual([]);
  });
  test("predikatFormula quotes band labels and rounds to 2 decimals", () => {
    expect(predikatFormula("B2", SCALES.target)).toBe(
      'IF(ISNUMBER(B2),IF(ROUND(B2,2)>=100.01,"Melebihi",IF(ROUND(B2,2)>=100,"Memenuhi","Tidak Memenuhi")),"")'
    );
  });
});

describe("summaryPlan and isi --ringkasan on the fixture workbooks", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-visual-"));
    files = await writeFixtures(path.join(dir, "in"));
  });

  async function summaryOf(file: string, sheet: string) {
    const { sheets } = await readWorkbook(file);
    const g = sheets.find((s) => s.name === sheet)!;
    const r = recognise(g);
    return summaryPlan(
      g,
      r,
      planFill(g, r, DEFAULT_SETTINGS),
      DEFAULT_SETTINGS,
      `Ringkasan ${sheet}`
    );
  }

  test("Mojokerto E.81: formulas point at the table; counts, averages and serapan from the engine", async () => {
    const s = await summaryOf(
      files.find((f) => f.includes("mojokerto"))!,
      "E81"
    );
    const at = (a: string) => s.cells.find((c) => c.cell === a)!;
    // Footer rows 39/44/55 ("Rata-rata capaian kinerja") are left out of the counts, and so is
    // row 38, which holds nothing but a stray "64" in the number column.
    expect(at("B4").formula).toBe(
      "=" +
        ["11:$U$20", "25:$U$37", "41:$U$43", "46:$U$54"]
          .map((r) => `COUNTIFS('E81'!$U$${r},">=90.995")`)
          .join("+")
    );
    expect(at("B4").formula).not.toContain("U39");
    expect(at("B9").value).toBe(31);
    expect(at("D23").formula).toBe('=IF(B23=0,"",ROUND(C23/B23*100,2))');
    expect(at("B19").formula).toBe("=N('E81'!J11)");
    // 2,241,316,647 / 5,405,019,600 = 41.47 %
    expect(at("D19").value).toBe(41.47);
    expect(s.cells.some((c) => c.value === "target nol")).toBe(true);
  });

  test("Lumajang Tabel 3.2: the sheet's own LKjIP scale (003:L375); TPT capaian 1,20 % (003:L416) counts as Kurang Baik", async () => {
    const s = await summaryOf(
      files.find((f) => f.includes("lumajang"))!,
      "Tabel 3.2"
    );
    const at = (a: string) => s.cells.find((c) => c.cell === a)!;
    expect(at("B3").value).toBe("Skala: LKjIP (Sangat Baik … Kurang Baik)");
    expect([
      at("A4").value,
      at("B4").value,
      at("A7").value,
      at("B7").value,
      at("B8").value,
    ]).toEqual(["Sangat Baik", 2, "Kurang Baik", 4, 6]);
    expect(at("B11").value).toBe(42.98);
    expect(at("C11").value).toBe("Kurang Baik");
    expect(at("A14").value).toBe("Tidak ada.");
  });

  test("isi --ringkasan writes the conditional formats and the Ringkasan sheets; reopened by ExcelJS", async () => {
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    const lines: string[] = [];
    const io = {
      out: (t: string) => lines.push(t),
      err: (t: string) => lines.push(t),
      isTTY: false,
    } as never;
    // the doubtful E.79 template waits for a confirmed column map (exit 1, nothing written for it)
    const code = await isi([...files, "-o", out, "--ringkasan"], io);
    expect(code).toBe(1);
    expect(lines.filter((l) => /tidak diisi/.test(l)).join("")).toMatch(
      /lembar "Sheet1" tidak diisi/
    );
    expect(lines.join("")).not.toMatch(/kesalahan internal/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "002-mojokerto.xlsx"));
    expect(wb.getWorksheet("Ringkasan E81")).toBeDefined();

    const cf = (wb.getWorksheet("E81") as any).conditionalFormattings as Array<{
      ref: string;
      rules: unknown[];
    }>;
    expect(cf.map((c) => c.ref)).toEqual(expect.arrayContaining(["U9:U56", "Y9:Y56"]));
    expect(cf.find((c) => c.ref === "U9:U56")!.rules).toHaveLength(5);
  });

  const soffice = findSoffice();
  (soffice ? test : test.skip)(
    "after LibreOffice recalculation the Ringkasan formulas give the engine's numbers",
    async () => {
      const out = path.join(dir, "out");
      // every table with a capaian column in the four documents
      const recalculated = new Map<string, string>();
      for (const [file, sheet] of [
        ["002-mojokerto.xlsx", "E81"],
        ["002-mojokerto.xlsx", "Tabel 3.1.a"],
        ["003-lumajang.xlsx", "Tabel 3.2"],
        ["003-lumajang.xlsx", "Tabel 3.5"],
        ["003-lumajang.xlsx", "Tabel 3.7"],
        ["000-lamongan.xlsx", "T-C.29"],
        ["004-pasuruan.xlsx", "Tabel 2.1"],
      ]) {
        const filled = path.join(out, file);
        if (!recalculated.has(file))
          recalculated.set(file, await recalculate(filled, { outDir: path.join(dir, "recalc") }));
        const recalc = recalculated.get(file)!;
        const values = await readValues(recalc, `Ringkasan ${sheet}`);
        // The predikat colours survive the save by LibreOffice.
        const zip = await JSZip.loadAsync(fs.readFileSync(recalc));
        const xml = await Promise.all(
          Object.keys(zip.files)
            .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
            .map((n) => zip.file(n)!.async("string"))
        );
        expect(
          xml.some((x) => x.includes("<conditionalFormatting") && x.includes("ISNUMBER("))
        ).toBe(true);
        const s = await summaryOf(path.join(dir, "in", file), sheet);
        const formulas = s.cells.filter((c) => c.formula);
        expect(formulas.length).toBeGreaterThan(5);
        const wrong = formulas.filter(
          (c) =>
            !sameValue(
              c.value === "" ? null : c.value,
              values.get(c.cell) === "" ? null : (values.get(c.cell) ?? null)
            )
        );
        expect(
          wrong.map((c) => `${c.cell} ${c.formula} engine=${c.value} lo=${values.get(c.cell)}`)
        ).toEqual([]);
      }
    },
    300000
  );
});
