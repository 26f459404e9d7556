// A1 references inside formulas: shifting them as Excel's fill-down does, and a relative
// (R1C1-like) key that is equal for formulas that are "the same formula, one row down".
// String literals and quoted sheet names are left alone; function names like LOG10( are not refs.

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

import { columnIndex as colIndex, columnLetters as colLetters } from "../model/grid";

/** Applies `fn` to the parts of a formula outside "…" strings and '…' sheet names. */
function outsideQuotes(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join("");
}

function isRefStart(part: string, index: number): boolean {
  const before = part[index - 1];
  return before === undefined || !/[A-Za-z0-9_.]/.test(before);
}

/** The formula as Excel would write it `dr` rows and `dc` columns further (relative refs move). */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  return outsideQuotes(formula, (part) =>
    part.replace(REF, (m, cAbs: string, col: string, rAbs: string, row: string, offset: number) => {
      if (!isRefStart(part, offset)) return m;
      const c = cAbs ? col : colLetters(colIndex(col) + dc);
      const r = rAbs ? row : String(Number(row) + dr);
      return `${cAbs}${c}${rAbs}${r}`;
    })
  );
}

/** Equal for two cells whose formulas are the same up to a fill-down/right (R1C1 form). */
export function relativeKey(formula: string, row: number, col: number): string {
  return outsideQuotes(formula, (part) =>
    part.replace(REF, (m, cAbs: string, colL: string, rAbs: string, r: string, offset: number) => {
      if (!isRefStart(part, offset)) return m;
      const rr = rAbs ? `R${r}` : `R[${Number(r) - 1 - row}]`;
      const cc = cAbs ? `C${colIndex(colL) + 1}` : `C[${colIndex(colL) - col}]`;
      return rr + cc;
    })
  );
}

/**
 * Whether a formula reads one of `cells` (0-based row * 16384 + col) of its own sheet: single
 * references and the rectangles of A1:B9 ranges; references to other sheets are not ours.
 */
export function readsAny(formula: string, cells: Set<number>): boolean {
  let found = false;
  outsideQuotes(formula, (part) => {
    const refs: { row: number; col: number; end: number; start: number }[] = [];
    part.replace(REF, (m, _c: string, colL: string, _r: string, r: string, offset: number) => {
      if (isRefStart(part, offset) && part[offset - 1] !== "!")
        refs.push({
          row: Number(r) - 1,
          col: colIndex(colL),
          start: offset,
          end: offset + m.length,
        });
      return m;
    });
    for (let i = 0; i < refs.length && !found; i++) {
      const a = refs[i];
      const b = refs[i + 1];
      if (b && part[a.end] === ":" && b.start === a.end + 1) {
        for (const [cell] of cells.entries()) {
          const row = Math.floor(cell / 16384);
          const col = cell % 16384;
          const [r0, r1] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
          const [c0, c1] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
          if (row >= r0 && row <= r1 && col >= c0 && col <= c1) found = true;
        }
        i++;
      } else if (cells.has(a.row * 16384 + a.col)) found = true;
    }
    return part;
  });
  return found;
}
