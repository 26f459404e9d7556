// Golden tests over the fixture workbooks (test/fixtures/specs, written to .xlsx by
// test/support/fixtures.ts): the seed documents and the layouts of other regions' workbooks.
// For every sheet: recognised as a planner expects (layout or "not recognised", header and data
// rows, roles, exactly which columns may be written, whether it is doubtful), every expected
// computed cell equal to the plan's value, every expected issue at its cell, and no finding at
// all on header, unit, numbering, footer, note or signature rows.
//
// To add a case: write the layout as a SheetSpec in test/fixtures/specs (regions/ for other
// regions' layouts, with invented values), add it to specs/index.ts, and fill in `expected`.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/io/files";
import { recognise, validate, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import type { Grid } from "../../src/model/grid";
import { cellAt, columnLetters, parseA1 } from "../../src/model/grid";
import { loadFixtureSpecs, writeFixtures } from "../support/fixtures";
import type { FixtureSpec, SheetExpected } from "../fixtures/specs/types";

const near = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 0.006 : a === b;

describe("golden fixtures", () => {
  const specs: FixtureSpec[] = loadFixtureSpecs();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-golden-"));
  const books = new Map<string, Grid[]>();

  beforeAll(async () => {
    await writeFixtures(outDir);
  });

  async function sheet(spec: FixtureSpec, name: string): Promise<Grid> {
    const file = path.join(outDir, spec.file);
    if (!books.has(file)) books.set(file, (await readWorkbook(file)).sheets);
    return books.get(file)!.find((g) => g.name === name)!;
  }

  for (const spec of specs)
    for (const s of spec.sheets) {
      const label = `${spec.file} / ${s.name}`;
      const e: SheetExpected = s.expected;

      it(`${label}: recognised as ${e.layout ?? "not recognised"}`, async () => {
        const rec = recognise(await sheet(spec, s.name));
        expect(rec.layout).toBe(e.layout);
        if (!e.layout) return;
        // fixture spellings vary ("5+7+9" for "10=5+7+9")
        if (e.variant) expect(rec.variant ?? "").toContain(e.variant);
        if (e.year) expect(rec.year).toBe(e.year);
        if (e.headerRows) expect(rec.headerRows?.map((r) => r + 1)).toEqual(e.headerRows);
        if (e.dataRows !== undefined)
          expect(rec.dataRows?.map((r) => r + 1) ?? null).toEqual(e.dataRows);
        const cols = rec.columns as Record<string, number>;
        for (const [role, letter] of Object.entries(e.roles ?? {}))
          expect([role, cols[role] === undefined ? null : columnLetters(cols[role])]).toEqual([
            role,
            letter,
          ]);
        if (e.writable) {
          const computed = rec.computations.map((c) => columnLetters(cols[c.out])).sort();
          expect(computed).toEqual([...e.writable].sort());
        }
        expect([label, rec.doubts.length > 0]).toEqual([label, !!e.doubtful]);
      });

      if (e.layout && (e.writable || Object.keys(e.computed).length))
        it(`${label}: a fill writes only into the columns the table marks as computed`, async () => {
          const grid = await sheet(spec, s.name);
          const rec = recognise(grid);
          const plan = planFill(grid, rec, DEFAULT_SETTINGS);
          if (e.doubtful) {
            expect(plan.writes).toEqual([]);
            expect(plan.refused).toMatch(/belum pasti/);
            return;
          }
          const allowed = new Set(
            e.writable ??
              rec.computations.map((c) =>
                columnLetters((rec.columns as Record<string, number>)[c.out])
              )
          );
          const [first, last] = rec.dataRows!;
          for (const w of plan.writes) {
            expect([w.cell, allowed.has(columnLetters(w.col))]).toEqual([w.cell, true]);
            expect([w.cell, w.row >= first && w.row <= last]).toEqual([w.cell, true]);
          }
        });

      if (e.layout && Object.keys(e.computed).length)
        it(`${label}: computed cells`, async () => {
          const grid = await sheet(spec, s.name);
          const plan = planFill(grid, recognise(grid), DEFAULT_SETTINGS);
          const byCell = new Map(plan.writes.map((w) => [w.cell, w.value]));
          // a cell already holding the right value needs no write
          const valueAt = (addr: string) => {
            const { row, col } = parseA1(addr);
            return byCell.has(addr) ? byCell.get(addr) : cellAt(grid, row, col).value;
          };
          for (const [addr, want] of Object.entries(e.computed)) {
            const got = valueAt(addr);
            if (typeof want === "number")
              expect([addr, got]).toEqual([addr, expect.closeTo(want, 2)]);
            else expect([addr, got ?? null]).toEqual([addr, want]);
          }
          // cells that depend on a planner's choice: any defensible value, never the document's bug
          for (const [addr, options] of Object.entries(e.acceptable ?? {}))
            expect([addr, options.some((o) => near(o, valueAt(addr)))]).toEqual([addr, true]);
          for (const [addr, bad] of Object.entries(e.never ?? {}))
            expect([addr, bad.some((b) => near(b, valueAt(addr)))]).toEqual([addr, false]);
        });

      if (e.issues.length)
        it(`${label}: expected issues reported at their cells`, async () => {
          const grid = await sheet(spec, s.name);
          const a = await validate(grid, recognise(grid), DEFAULT_SETTINGS);
          const found = a.issues.map((i) => `${i.cell} ${i.rule}`);
          for (const want of e.issues) expect(found).toContain(`${want.cell} ${want.rule}`);
        });

      if (e.cleanRows?.length)
        it(`${label}: clean rows get no error or warning`, async () => {
          const grid = await sheet(spec, s.name);
          const a = await validate(grid, recognise(grid), DEFAULT_SETTINGS);
          const clean = new Set(e.cleanRows);
          expect(
            a.issues
              .filter((i) => i.severity !== "info" && clean.has(i.row + 1))
              .map((i) => `${i.cell} ${i.rule}`)
          ).toEqual([]);
        });

      if (e.quietRows?.length)
        it(`${label}: no finding at all on header, unit, numbering, note or signature rows`, async () => {
          const grid = await sheet(spec, s.name);
          const a = await validate(grid, recognise(grid), DEFAULT_SETTINGS);
          const quiet = new Set(e.quietRows);
          expect(
            a.issues.filter((i) => quiet.has(i.row + 1)).map((i) => `${i.cell} ${i.rule}`)
          ).toEqual([]);
        });
    }
});
