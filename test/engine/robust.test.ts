// Bad input is answered with values, never exceptions: random grids, some built on a
// real header so that recognition succeeds and the row model, checks and planner all run.
import fc from "fast-check";
import { recognise, validate, planFill, DEFAULT_SETTINGS } from "../../src/engine";
import { gridFromValues, type CellValue } from "../../src/model/grid";
import { e81Grid } from "./helpers";
import { layoutById } from "../../src/sheet/layouts";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "-",
    "#DIV/0!",
    "90%",
    "1.637",
    "2 dokumen",
    "83,50 (A)",
    "1 kir, 5 unit",
    "Rata-rata capaian kinerja (%)",
    "Predikat kinerja",
    "PROGRAM X",
    "K",
    "Rp"
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: 0, max: 40 }),
  fc.string({ maxLength: 12 })
);
const rows = fc.array(fc.array(cell, { maxLength: 28 }), { maxLength: 14 });

describe("robustness", () => {
  it("random grids never throw", async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.boolean(), async (data, withHeader) => {
        const grid = withHeader ? e81Grid(data) : gridFromValues("acak", data);
        const rec = recognise(grid);
        const a = await validate(grid, rec, DEFAULT_SETTINGS);
        const plan = planFill(grid, rec, DEFAULT_SETTINGS);
        expect(Array.isArray(a.issues)).toBe(true);
        for (const w of plan.writes) expect(w.previous).toBeDefined();
        // A plan never writes outside the computed columns of the recognised layout.
        const def = layoutById(rec.layout);
        const outs = new Set(
          Object.values(def?.computed ?? {})
            .flat()
            .map((c) => c.out)
        );
        const allowed = new Set(
          [...outs].map((role) => rec.columns[role]).filter((c) => c !== undefined)
        );
        for (const w of plan.writes) expect([w.cell, allowed.has(w.col)]).toEqual([w.cell, true]);
        if (withHeader) expect(rec.layout).toBe("E81");
      }),
      { numRuns: 150 }
    );
  });
});
