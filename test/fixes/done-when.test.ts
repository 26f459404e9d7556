// Issue 15, done when: on the seed fixtures and the fixture layouts of the real workbooks, every
// finding that has an unambiguous fix offers it; "Perbaiki semua yang aman" then validating again
// leaves none of those findings, changes no cell outside the cells the fixes name (cell by cell)
// and undo restores the workbook exactly — on the fake Excel host through the pane's controller,
// and on .xlsx through `kinerja perbaiki`. The same holds for every unambiguous fix (the CLI's
// --aturan with all rules), safe or not.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readWorkbook, applyPlans } from "../../src/io/files";
import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import { FIXABLE_RULES, undoWrites } from "../../src/app/perbaiki";
import { TaskpaneController } from "../../src/taskpane/controller";
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { documentStore } from "../../src/excel/helpers";
import type { Grid, Issue, PlannedWrite } from "../../src/model";
import { parseA1 } from "../../src/model/grid";
import { writeFixtures } from "../support/fixtures";
import { changedCells } from "../support/cells";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-done-when-"));
const books: { file: string; sheets: Grid[] }[] = [];
beforeAll(async () => {
  for (const file of await writeFixtures(dir))
    books.push({ file, sheets: (await readWorkbook(file)).sheets });
}, 60000);

const key = (i: { rule: string; cell: string }) => `${i.rule} ${i.cell}`;
const tables = () =>
  books.flatMap((b) =>
    b.sheets
      .filter((g) => recognise(g).layout)
      .map((g) => ({ name: `${path.basename(b.file)} / ${g.name}`, grid: g }))
  );

// Reviewed by hand: per sheet, the findings that offer a fix (and how many of them are safe).
// Without a fix: kode.format of an unreadable code (Lamongan T-C.29 "2 | 7 | 3 | 2"), kode.hierarki
// of a sub kegiatan under the wrong kegiatan (which one is meant is the planner's call), and the
// rules that only report (angka.*, target.*, anggaran.jumlah, akumulasi.ragu, triwulan.melebihi,
// persen.pecahan, kode.rezim).
const OFFERED: Record<string, { fix: number; safe: number }> = {
  "000-lamongan.xlsx / T-C.29": { fix: 11, safe: 3 },
  "000-lamongan.xlsx / T-C.33": { fix: 14, safe: 14 },
  "002-mojokerto.xlsx / E81": { fix: 51, safe: 0 },
  "002-mojokerto.xlsx / Tabel 3.1.a": { fix: 7, safe: 0 },
  "002-mojokerto.xlsx / Tabel 3.3.a": { fix: 3, safe: 0 },
  "003-lumajang.xlsx / Tabel 3.2": { fix: 0, safe: 0 },
  "003-lumajang.xlsx / Tabel 3.5": { fix: 0, safe: 0 },
  "003-lumajang.xlsx / Tabel 3.7": { fix: 2, safe: 0 },
  "004-pasuruan.xlsx / Tabel 2.1": { fix: 28, safe: 14 },
  "004-pasuruan.xlsx / Tabel 4.1": { fix: 6, safe: 6 },
  "region-capaian-output-banjarmasin.xlsx / Sheet1": { fix: 1, safe: 0 },
  "region-capaian-semarang.xlsx / Sheet1": { fix: 8, safe: 0 },
  "region-dpa-pasangkayu.xlsx / Sub Keg Renja_DPA_DPPA": { fix: 3, safe: 0 },
  "region-e79-jember.xlsx / Sheet1": { fix: 0, safe: 0 },
  "region-e81-sukabumi.xlsx / Sheet-1": { fix: 5, safe: 0 },
  "region-e81-visi-misi.xlsx / E81": { fix: 1, safe: 0 },
  "region-lkpj-seram.xlsx / Sheet1": { fix: 0, safe: 0 },
  "region-lkpj-seram.xlsx / Formulir": { fix: 0, safe: 0 },
  "region-renja-munabarat.xlsx / Sheet1": { fix: 0, safe: 0 },
};

/** Rules whose every finding has one right content: the fix must be there. */
const ALWAYS = new Set(["kategori.beda", "hitung.beda", "persen.campur", "kode.nama-beda"]);

test("every finding with an unambiguous fix offers it (reviewed counts per sheet)", async () => {
  const got: Record<string, { fix: number; safe: number }> = {};
  for (const t of tables()) {
    const issues = (await validate(t.grid, recognise(t.grid))).issues;
    got[t.name] = {
      fix: issues.filter((i) => i.fix).length,
      safe: issues.filter((i) => i.fix?.safe).length,
    };
    // the fixable rules' findings in the fixtures all offer something
    const without = issues.filter((i) => ALWAYS.has(i.rule) && !i.fix && !i.choices?.length);
    expect({ sheet: t.name, without: without.map(key) }).toEqual({ sheet: t.name, without: [] });
    // a fix only on the rules that have fixes, naming at least one cell, each with its label
    for (const i of issues.filter((x) => x.fix)) {
      expect(FIXABLE_RULES).toContain(i.rule);
      expect(i.fix!.edits.length).toBeGreaterThan(0);
      expect(i.fix!.label).toMatch(/[A-Z]+\d+/);
    }
  }
  expect(got).toEqual(OFFERED);
});

function hostFor(grids: Grid[]) {
  const host = new FakeExcelHost({
    sheets: grids.map((g) => ({ name: g.name, cells: structuredClone(g.cells), merges: g.merges })),
  });
  return { host, ctl: new TaskpaneController(new ExcelGateway(host.excel()), documentStore(null)) };
}

test("fake host: Perbaiki semua yang aman → only named cells, none of the findings left, exact undo", async () => {
  const counts: Record<string, number> = {};
  for (const b of books)
    for (let s = 0; s < b.sheets.length; s++) {
      if (!recognise(b.sheets[s]).layout) continue;
      const { host, ctl } = hostFor(b.sheets);
      host.book.active = s;
      const before = structuredClone(host.activeSheet().cells);
      await ctl.validate();
      const safe = ctl.state.issues!.filter((i) => i.fix?.safe);
      await ctl.previewSafeFixes();
      const plan = ctl.state.fixPreview!.plan;
      if (!safe.length) {
        expect(plan.writes).toEqual([]);
        continue;
      }
      const name = `${path.basename(b.file)} / ${b.sheets[s].name}`;
      counts[name] = plan.applied.length;
      expect(host.activeSheet().cells).toEqual(before); // the preview writes nothing
      await ctl.writeFixes();
      const named = new Set(plan.applied.flatMap((a) => a.cells));
      const outside = changedCells({ cells: before }, host.activeSheet()).filter(
        (c) => !named.has(c)
      );
      expect({ sheet: name, outside }).toEqual({ sheet: name, outside: [] });
      const left = new Set(ctl.state.issues!.map(key));
      expect({ sheet: name, left: safe.map(key).filter((k) => left.has(k)) }).toEqual({
        sheet: name,
        left: [],
      });
      await ctl.undo();
      expect(host.activeSheet().cells).toEqual(before);
    }
  expect(counts).toEqual({
    "000-lamongan.xlsx / T-C.29": 3,
    "000-lamongan.xlsx / T-C.33": 14,
    "004-pasuruan.xlsx / Tabel 2.1": 14,
    "004-pasuruan.xlsx / Tabel 4.1": 6,
  });
}, 60000);

interface SheetJson {
  sheet: string;
  applied: { rule: string; cell: string; cells: string[] }[];
  writes: { cell: string; before: PlannedWrite["previous"]; after: PlannedWrite }[];
}

/** `kinerja perbaiki` on every fixture, then the checks of the done-when list on the copy. */
async function cliRound(extra: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const b of books) {
    const out = path.join(dir, `${extra.length ? "semua" : "aman"}-${path.basename(b.file)}`);
    const io = memoryIO();
    expect(await main(["perbaiki", b.file, "-o", out, "--json", ...extra], io)).toBe(0);
    const json = JSON.parse(io.stdout).files[0] as { sheets: SheetJson[] };
    const copy = (await readWorkbook(out)).sheets;
    const undo: {
      sheetName: string;
      plan: { writes: PlannedWrite[]; decisions: []; changedExisting: 0 };
    }[] = [];
    for (const g of b.sheets) {
      const name = `${path.basename(b.file)} / ${g.name}`;
      const h = copy.find((x) => x.name === g.name)!;
      const s = json.sheets.find((x) => x.sheet === g.name);
      if (s?.applied.length) counts[name] = s.applied.length;
      const named = new Set(s?.applied.flatMap((a) => a.cells) ?? []);
      expect({ sheet: name, outside: changedCells(g, h).filter((c) => !named.has(c)) }).toEqual({
        sheet: name,
        outside: [],
      });
      if (!s) continue;
      const fixed = new Set(s.applied.map(key));
      const again = (await validate(h, recognise(h), DEFAULT_SETTINGS)).issues;
      expect({ sheet: name, left: again.filter((i: Issue) => fixed.has(key(i))).map(key) }).toEqual(
        { sheet: name, left: [] }
      );
      const writes = s.writes.map((w) => ({
        ...parseA1(w.cell),
        cell: w.cell,
        ...w.after,
        previous: w.before,
      }));
      undo.push({
        sheetName: g.name,
        plan: { writes: undoWrites(writes), decisions: [], changedExisting: 0 },
      });
    }
    const restored = path.join(dir, `undo-${path.basename(out)}`);
    await applyPlans(out, restored, undo);
    const back = (await readWorkbook(restored)).sheets;
    for (const g of b.sheets)
      expect([
        g.name,
        changedCells(
          g,
          back.find((x) => x.name === g.name)!
        ),
      ]).toEqual([g.name, []]);
  }
  return counts;
}

test(".xlsx: kinerja perbaiki (safe) → only named cells, none of the findings left, exact undo", async () => {
  expect(await cliRound([])).toEqual({
    "000-lamongan.xlsx / T-C.29": 3,
    "000-lamongan.xlsx / T-C.33": 14,
    "004-pasuruan.xlsx / Tabel 2.1": 14,
    "004-pasuruan.xlsx / Tabel 4.1": 6,
  });
}, 60000);

test(".xlsx: every unambiguous fix (--aturan with all rules) → the same three guarantees", async () => {
  const counts = await cliRound(["--aturan", FIXABLE_RULES.join(",")]);
  // exactly the findings offered: a finding that a fix brings up (Lamongan H10: the official
  // indicator of the sub kegiatan code the kode.hierarki fix wrote) is reported, not fixed
  expect(counts).toEqual({
    "000-lamongan.xlsx / T-C.29": 11,
    "000-lamongan.xlsx / T-C.33": 14,
    "002-mojokerto.xlsx / E81": 51,
    "002-mojokerto.xlsx / Tabel 3.1.a": 7,
    "002-mojokerto.xlsx / Tabel 3.3.a": 3,
    "003-lumajang.xlsx / Tabel 3.7": 2,
    "004-pasuruan.xlsx / Tabel 2.1": 28,
    "004-pasuruan.xlsx / Tabel 4.1": 6,
    "region-capaian-output-banjarmasin.xlsx / Sheet1": 1,
    "region-capaian-semarang.xlsx / Sheet1": 8,
    "region-dpa-pasangkayu.xlsx / Sub Keg Renja_DPA_DPPA": 3,
    "region-e81-sukabumi.xlsx / Sheet-1": 5,
    "region-e81-visi-misi.xlsx / E81": 1,
  });
}, 60000);
