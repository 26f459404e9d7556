// The app layer's fix planning: chosen fixes → writes with the cell as it was, only the
// named cells, in fix order; conflicting fixes, merged cells and doubtful tables refused with an
// Indonesian reason; "all safe" in rounds; undo writes that restore exactly.
import { recognise, DEFAULT_SETTINGS } from "../../src/engine";
import type { Grid } from "../../src/model/grid";
import type { Fix, Issue } from "../../src/model/issue";
import {
  changeText,
  chosenFix,
  gridAfter,
  planFixes,
  planFixRounds,
  selectFixes,
  undoWrites,
  type ChosenFix,
} from "../../src/app/perbaiki";
import { e81Grid, e81Row, COL, withFormat } from "../engine/helpers";

const grid = () =>
  e81Grid([
    e81Row("Sub Satu", "Jumlah dokumen", { t7: [10, null], tw: [[4, null]] }),
    e81Row("Sub Dua", "Jumlah laporan", { t7: [5, null], tw: [[5, null]] }),
  ]);
const fix = (label: string, safe: boolean, ...edits: Fix["edits"]): ChosenFix => ({
  rule: "kode.format",
  cell: "B8",
  fix: { label, safe, edits },
});

test("writes carry the cell as it was and follow the order of the fixes", () => {
  const g = grid();
  const plan = planFixes(g, recognise(g), [
    fix("dua", true, { row: 8, col: COL.kode, value: "2.07.01" }),
    fix("satu", true, { row: 7, col: COL.kode, value: "2.07.02", numberFormat: "@" }),
  ]);
  expect(plan.blocked).toBeNull();
  expect(plan.writes.map((w) => [w.cell, w.value, w.numberFormat])).toEqual([
    ["B9", "2.07.01", undefined],
    ["B8", "2.07.02", "@"],
  ]);
  expect(plan.writes[0].previous).toBe(g.cells[8][COL.kode]);
  expect(plan.applied.map((a) => [a.label, a.cells])).toEqual([
    ["dua", ["B9"]],
    ["satu", ["B8"]],
  ]);
  expect(changeText(plan.writes[1])).toBe("(kosong) → 2.07.02 (format General → @)");
});

test("two fixes that want one cell with different content: the later one waits, with the reason", () => {
  const g = grid();
  const plan = planFixes(g, recognise(g), [
    fix("pertama", true, { row: 7, col: COL.name, value: "A" }),
    fix("sama", true, { row: 7, col: COL.name, value: "A" }),
    fix(
      "kedua",
      true,
      { row: 7, col: COL.name, value: "B" },
      { row: 8, col: COL.name, value: "C" }
    ),
  ]);
  expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([["C8", "A"]]);
  expect(plan.applied.map((a) => a.label)).toEqual(["pertama", "sama"]);
  expect(plan.refused).toEqual([
    {
      rule: "kode.format",
      cell: "B8",
      label: "kedua",
      reason:
        'C8 juga diubah oleh perbaikan "pertama" dengan isi lain; perbaikan ini menunggu. Validasi ulang lalu perbaiki lagi.',
    },
  ]);
});

test("a cell covered by a merge is never written", () => {
  const g = grid();
  g.merges.push({ top: 7, left: COL.no, bottom: 7, right: COL.kode });
  const plan = planFixes(g, recognise(g), [fix("x", true, { row: 7, col: COL.kode, value: "2" })]);
  expect(plan.writes).toEqual([]);
  expect(plan.refused[0].reason).toMatch(/^B8 termasuk sel gabungan/);
});

test("a doubtful recognition blocks every fix until the columns are confirmed", async () => {
  const { e79Jember } = await import("../fixtures/specs/regions/e79-jember");
  const { sampleSheet } = await import("../../scripts/make-samples");
  const g = sampleSheet(e79Jember);
  const rec = recognise(g);
  expect(rec.doubts.length).toBeGreaterThan(0);
  const plan = planFixes(g, rec, [fix("x", true, { row: 3, col: 3, value: "y" })]);
  expect(plan.writes).toEqual([]);
  expect(plan.blocked).toMatch(/belum pasti/);
});

test("an edit that changes nothing is not a write", () => {
  const g = grid();
  const plan = planFixes(g, recognise(g), [
    fix("x", true, { row: 7, col: COL.name, value: "Sub Satu" }),
  ]);
  expect(plan.writes).toEqual([]);
  expect(plan.applied).toHaveLength(1);
});

test("a formula fix reading a cell another fix rewrites as a constant waits; the rounds apply both", async () => {
  // 13K = 12K/7K: the target is a 0,1 fraction shown 10%, and 13K is stated wrong
  let g = e81Grid([
    e81Row("Sub", "Persentase dokumen", {
      t5: [100, null],
      t7: [0.1, null],
      tw: [[8, null]],
      stated: [8, null, 1, null, null, null, null, null],
    }),
    e81Row("Sub Dua", "Persentase laporan", { t7: [20, null], tw: [[8, null]] }),
    e81Row("Sub Tiga", "Persentase arsip", { t7: [30, null], tw: [[9, null]] }),
  ]);
  g = withFormat(g, 7, COL.t7k, "0%");
  const rec = recognise(g);
  const select = (issues: Issue[]) =>
    selectFixes(issues, { rules: ["persen.campur", "hitung.beda"] });
  const { validate } = await import("../../src/engine");
  const first = select((await validate(g, rec)).issues);
  expect(first.map((c) => c.rule).sort()).toEqual(["hitung.beda", "persen.campur"]);
  const once = planFixes(g, rec, first);
  expect(once.refused.map((r) => [r.rule, r.reason])).toEqual([
    ["hitung.beda", expect.stringMatching(/^Rumus di U8 membaca sel yang juga diubah/)],
  ]);
  const rounds = await planFixRounds(g, rec, DEFAULT_SETTINGS, select);
  expect(rounds.refused).toEqual([]);
  const u8 = rounds.writes.find((w) => w.cell === "U8")!;
  // written for the target as it is after the persen fix: 8 / 10 × 100, no ×100 of a fraction
  expect(u8).toMatchObject({
    value: 80,
    formula: '=IF(OR(I8="",I8=0,S8=""),"",ROUND(S8/I8*100,2))',
  });
  expect(u8.previous).toBe(g.cells[7][COL.c13k]);
  expect(rounds.writes.find((w) => w.cell === "I8")).toMatchObject({
    value: 10,
    numberFormat: "0",
  });
});

test("selectFixes: the rules asked for, safe only on request, never a choice", () => {
  const issue = (rule: string, safe: boolean | null, choices = 0): Issue => ({
    cell: "A1",
    rule,
    severity: "warning",
    message: "",
    row: 0,
    col: 0,
    ...(safe === null ? {} : { fix: { label: rule, safe, edits: [] } }),
    ...(choices ? { choices: [{ label: "c", safe: false, edits: [] }] } : {}),
  });
  const issues = [
    issue("kode.format", true),
    issue("hitung.beda", false),
    issue("kode.nama-beda", null, 2),
  ];
  expect(selectFixes(issues, { safeOnly: true }).map((c) => c.rule)).toEqual(["kode.format"]);
  expect(selectFixes(issues, { rules: ["hitung.beda"] }).map((c) => c.rule)).toEqual([
    "hitung.beda",
  ]);
  expect(selectFixes(issues, { rules: ["hitung.beda"], safeOnly: true })).toEqual([]);
  expect(chosenFix(issues[2])).toBeNull();
  expect(chosenFix(issues[2], 0)!.fix.label).toBe("c");
});

test("undo writes restore values, formulas and number formats exactly", () => {
  let g: Grid = grid();
  g.cells[7][COL.c13k] = { value: 40, formula: "=S8/I8*100", numberFormat: "0.00" };
  g = withFormat(g, 8, COL.kode, "@");
  const plan = planFixes(g, recognise(g), [
    fix("a", false, {
      row: 7,
      col: COL.c13k,
      value: 41,
      formula: "=ROUND(S8/I8*100,2)",
      numberFormat: "0.0",
    }),
    fix("b", true, { row: 8, col: COL.kode, value: "07" }),
    fix("c", true, { row: 7, col: COL.name, value: null }),
  ]);
  const after = gridAfter(g, plan.writes);
  expect(after.cells[7][COL.c13k]).toEqual({
    value: 41,
    formula: "=ROUND(S8/I8*100,2)",
    numberFormat: "0.0",
  });
  const back = gridAfter(after, undoWrites(plan.writes));
  for (const w of plan.writes) expect(back.cells[w.row][w.col]).toEqual(g.cells[w.row][w.col]);
  // rows that were not written are the same objects
  expect(after.cells[9]).toBe(g.cells[9]);
});
