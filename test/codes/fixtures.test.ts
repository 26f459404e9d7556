// The code findings on the seed fixtures: the indicator findings reviewed by hand, and
// "Perbaiki semua yang aman" on the code findings (every safe fix applied, then validated again).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/io/files";
import { recognise, validate } from "../../src/engine";
import type { Grid } from "../../src/model/grid";
import type { CellEdit, Issue } from "../../src/model/issue";
import { writeFixtures } from "../support/fixtures";

const sheets: Grid[] = [];
beforeAll(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-codes-fx-"));
  await writeFixtures(out);
  for (const f of fs
    .readdirSync(out)
    .filter((x) => x.endsWith(".xlsx"))
    .sort())
    sheets.push(...(await readWorkbook(path.join(out, f))).sheets);
}, 60000);

const codeIssues = async (g: Grid): Promise<Issue[]> =>
  (await validate(g, recognise(g))).issues.filter((i) => i.rule.startsWith("kode."));

function applied(g: Grid, edits: CellEdit[]): Grid {
  const cells = g.cells.map((r) => r.map((c) => ({ ...c })));
  for (const e of edits) {
    while (cells.length <= e.row) cells.push([]);
    const row = cells[e.row];
    while (row.length <= e.col) row.push({ value: null });
    row[e.col] = { value: e.value, ...(e.numberFormat ? { numberFormat: e.numberFormat } : {}) };
  }
  return { ...g, cells };
}

// Reviewed one by one against the official indicator of each code (src/codes/data/indikator-*):
// the planners' own wording ("Jumlah ATK yang dibutuhkan" for "Jumlah Paket Bahan Logistik Kantor
// yang Disediakan"). Rows whose text matches after normalisation (case, "Triwulan" for
// "Triwulanan" in Lamongan T-C.33 G20, all of Pasuruan Tabel 4.1) get none.
const REVIEWED: Record<string, string[]> = {
  "T-C.29": ["H14", "H16", "H17"],
  "T-C.33": [],
  "Tabel 2.1": ["C15", "C19", "C20", "C22", "C24", "C32", "C34", "C35", "C37", "C41", "C42", "C43"],
  "Tabel 4.1": [],
};

test("indicator findings on the fixtures are the reviewed ones", async () => {
  const found: Record<string, string[]> = {};
  for (const g of sheets.filter((s) => s.name in REVIEWED)) {
    const ind = (await codeIssues(g)).filter((i) => i.rule === "kode.indikator-beda");
    found[g.name] = ind.map((i) => i.cell);
    for (const i of ind) {
      expect(i.severity).toBe("info");
      expect(i.fix).toMatchObject({ safe: false, edits: [{ row: i.row, col: i.col }] });
    }
  }
  expect(found).toEqual(REVIEWED);
});

test("applying every safe code fix removes those findings and writes only the named cells", async () => {
  let fixedTotal = 0;
  for (const g of sheets) {
    const before = await codeIssues(g);
    const safe = before.filter((i) => i.fix?.safe);
    if (!safe.length) continue;
    fixedTotal += safe.length;
    // issues come in row order and, within a row, in rule order: later fixes supersede
    const edits = safe.flatMap((i) => i.fix!.edits);
    const after = applied(g, edits);
    const named = new Set(edits.map((e) => `${e.row}:${e.col}`));
    const width = Math.max(...g.cells.map((r) => r.length), ...after.cells.map((r) => r.length));
    for (let r = 0; r < after.cells.length; r++)
      for (let c = 0; c < width; c++) {
        const was = g.cells[r]?.[c]?.value ?? null;
        const now = after.cells[r]?.[c]?.value ?? null;
        if (was !== now) expect(named.has(`${r}:${c}`)).toBe(true);
      }
    const left = await codeIssues(after);
    const key = (i: Issue) => `${i.cell} ${i.rule}`;
    const remaining = new Set(left.map(key));
    expect({ sheet: g.name, left: safe.map(key).filter((k) => remaining.has(k)) }).toEqual({
      sheet: g.name,
      left: [],
    });
    // nothing new appears: the fixes only change the form of codes and names
    const known = new Set(before.map(key));
    expect({ sheet: g.name, added: left.map(key).filter((k) => !known.has(k)) }).toEqual({
      sheet: g.name,
      added: [],
    });
  }
  expect(fixedTotal).toBeGreaterThan(30);
});
