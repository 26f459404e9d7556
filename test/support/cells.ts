// Cell-by-cell comparison of two grids (values, formulas, number formats), for the tests that
// prove a write changed only the cells it names and that an undo restores everything.
import type { Cell, Grid } from "../../src/model/grid";
import { a1 } from "../../src/model/grid";

const norm = (c: Cell | undefined) => ({
  value: c?.value === "" || c?.value === undefined ? null : c.value,
  formula: c?.formula ?? null,
  numberFormat: c?.numberFormat && c.numberFormat !== "General" ? c.numberFormat : null,
});

/** A1 addresses of every cell whose value, formula or number format differs. */
export function changedCells(a: { cells: Cell[][] }, b: { cells: Cell[][] }): string[] {
  const out: string[] = [];
  const rows = Math.max(a.cells.length, b.cells.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.cells[r]?.length ?? 0, b.cells[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const x = norm(a.cells[r]?.[c]);
      const y = norm(b.cells[r]?.[c]);
      const same =
        x.formula === y.formula &&
        x.numberFormat === y.numberFormat &&
        (typeof x.value === "number" && typeof y.value === "number"
          ? Math.abs(x.value - y.value) < 1e-9
          : x.value === y.value);
      if (!same) out.push(a1(r, c));
    }
  }
  return out;
}

/** The sheets of two workbooks by name, each pair compared. */
export function changedSheets(a: Grid[], b: Grid[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of a) {
    const h = b.find((x) => x.name === g.name);
    out[g.name] = h ? changedCells(g, h) : ["(lembar hilang)"];
  }
  return out;
}
