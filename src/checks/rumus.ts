// rumus.tidak-konsisten: the sheet's own formulas that break their pattern. Real sheets carry
// them: a computed column's formula that points at the row above, a formula copied as text so
// that every row reads the same cell (=AD11 down a column), a roll-up SUM whose range skips rows
// its neighbours on the same row include. Compared in R1C1 form (sheet/formula-refs.ts).
import type { Grid, Issue, Recognition } from "../model";
import { a1 } from "../model/grid";
import { relativeKey, shiftFormula } from "../sheet/formula-refs";
import type { SheetModel } from "../sheet/rows";
import { issue } from "./make";

const VERTICAL_RANGE = /^=\s*SUM\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)$/i;

interface Placed {
  row: number;
  col: number;
  formula: string;
}

/** The one pattern most formulas of a group follow (≥ 3 of them and ≥ 60 %), or null. */
function majority<T>(items: T[], key: (t: T) => string): { key: string; example: T } | null {
  const counts = new Map<string, { n: number; example: T }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, example: it });
  }
  let best: [string, { n: number; example: T }] | null = null;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  return best && best[1].n >= 3 && best[1].n >= items.length * 0.6
    ? { key: best[0], example: best[1].example }
    : null;
}

function isRollUp(f: Placed): boolean {
  return VERTICAL_RANGE.test(f.formula);
}

/** A computed column: formulas of the data rows that do not follow the column's pattern. */
function checkColumn(cells: Placed[]): Issue[] {
  const out: Issue[] = [];
  const plain = cells.filter((c) => !isRollUp(c));
  const major = majority(plain, (c) => relativeKey(c.formula, c.row, c.col));
  if (major) {
    for (const c of plain) {
      if (relativeKey(c.formula, c.row, c.col) === major.key) continue;
      const expected = shiftFormula(major.example.formula, c.row - major.example.row, 0);
      out.push(
        issue(
          c.row,
          c.col,
          "rumus.tidak-konsisten",
          "warning",
          `Rumus ${c.formula} tidak mengikuti pola kolomnya; baris lain memakai ${expected} untuk baris ini.`
        )
      );
    }
    return out;
  }
  // the same text on many rows: a relative formula pasted as text, every row reads one cell
  const same = majority(plain, (c) => c.formula.replace(/\s+/g, ""));
  if (same && /[A-Z]\d/.test(same.key) && !same.key.includes("$"))
    for (const c of plain)
      if (c.formula.replace(/\s+/g, "") === same.key && c.row !== same.example.row)
        out.push(
          issue(
            c.row,
            c.col,
            "rumus.tidak-konsisten",
            "warning",
            `Rumus ${c.formula} sama persis di banyak baris, jadi setiap baris membaca sel yang sama; ` +
              `seharusnya ${shiftFormula(same.example.formula, c.row - same.example.row, 0)}.`
          )
        );
  return out;
}

/** A row of roll-ups (SUM of the rows below in each column): a range that differs from the others. */
function checkRollUps(cells: Placed[]): Issue[] {
  const ranges = cells
    .map((c) => ({ c, m: VERTICAL_RANGE.exec(c.formula)! }))
    .filter(({ m }) => m)
    .map(({ c, m }) => ({ c, from: Number(m[2]) - 1, to: Number(m[4]) - 1 }));
  const major = majority(ranges, (r) => `${r.from}:${r.to}`);
  if (!major) return [];
  return ranges
    .filter((r) => r.from !== major.example.from || r.to !== major.example.to)
    .map((r) =>
      issue(
        r.c.row,
        r.c.col,
        "rumus.tidak-konsisten",
        "warning",
        `Rumus ${r.c.formula} menjumlah baris ${r.from + 1}–${r.to + 1}, sedangkan kolom lain di baris ini ` +
          `menjumlah baris ${major.example.from + 1}–${major.example.to + 1}.`
      )
    );
}

export function checkFormulas(grid: Grid, rec: Recognition, model: SheetModel): Issue[] {
  const cols = rec.columns;
  const computed = new Set(
    rec.computations.map((c) => cols[c.out]).filter((c): c is number => c !== undefined)
  );
  const tableCols = [...new Set(Object.values(cols))];
  const byCol = new Map<number, Placed[]>();
  const out: Issue[] = [];
  // indexed loops: they run for every cell of the table (for…of allocated here, measured)
  for (let ri = 0; ri < model.rows.length; ri++) {
    const r = model.rows[ri];
    if (r.kind !== "data") continue;
    const line = grid.cells[r.row];
    if (!line) continue;
    const rowCells: Placed[] = [];
    for (let ci = 0; ci < tableCols.length; ci++) {
      const col = tableCols[ci];
      const f = line[col]?.formula;
      if (!f) continue;
      const p = { row: r.row, col, formula: f };
      rowCells.push(p);
      if (!computed.has(col)) continue;
      const list = byCol.get(col);
      if (list) list.push(p);
      else byCol.set(col, [p]);
    }
    if (rowCells.length) out.push(...checkRollUps(rowCells));
  }
  for (const cells of byCol.values()) out.push(...checkColumn(cells));
  // one finding per cell
  const seen = new Set<string>();
  return out.filter((i) => !seen.has(a1(i.row, i.col)) && !!seen.add(a1(i.row, i.col)));
}
