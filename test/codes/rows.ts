// Code rows as the bridge builds them, and edits applied to them (the app layer's job, here for
// checking fixes and the migration).
import type { CodeRow } from "../../src/codes/rules";
import type { CellEdit } from "../../src/model/issue";
import type { CellValue } from "../../src/model/grid";

/** Rows from [code cells, name, indicator?, unit?]; code cells in columns 0…, name in 6, indicator 7, unit 8. */
export function rows(
  spec: [CellValue[], string | null, string?, string?][],
  first = 10
): CodeRow[] {
  return spec.map(([code, name, indicator, unit], i) => ({
    row: first + i,
    codeCells: code
      .map((v, j) => ({ col: j, value: v }))
      .filter((c) => c.value !== null && c.value !== ""),
    name: name === null ? null : { col: 6, value: name },
    indicator: indicator === undefined ? null : { col: 7, value: indicator },
    unit: unit === undefined ? null : { col: 8, value: unit },
  }));
}

/** The rows after the edits (a fresh copy; cells not named by an edit keep their value). */
export function applyEdits(input: CodeRow[], edits: CellEdit[]): CodeRow[] {
  return input.map((r) => {
    const mine = edits.filter((e) => e.row === r.row);
    if (!mine.length) return r;
    const set = (col: number, value: CellValue) => mine.find((e) => e.col === col)?.value ?? value;
    const cols = new Set([...r.codeCells.map((c) => c.col), ...mine.map((e) => e.col)]);
    const special = [r.name?.col, r.indicator?.col, r.unit?.col];
    const codeCells = [...cols]
      .filter((c) => !special.includes(c))
      .sort((a, b) => a - b)
      .map((col) => ({
        col,
        value: set(col, r.codeCells.find((c) => c.col === col)?.value ?? null),
      }));
    const cell = (c: CodeRow["name"] | undefined) =>
      c ? { col: c.col, value: set(c.col, c.value) } : null;
    return {
      row: r.row,
      codeCells,
      name: cell(r.name),
      indicator: cell(r.indicator),
      unit: cell(r.unit),
    };
  });
}
