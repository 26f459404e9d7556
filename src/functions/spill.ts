// Range arguments and spilled results for the custom functions. A scalar is a 1×1 matrix;
// 1×1 arguments broadcast against larger ranges; other shape mismatches are #VALUE!.
import type { CalcResult } from "../core/result";

export type Matrix = unknown[][];

export function toCustomFunctionValue(r: CalcResult): number | string | CustomFunctions.Error {
  if (r.ok) return r.value;
  switch (r.error) {
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, r.message);
    case "#DIV/0!":
      // Excel shows custom messages only on #VALUE! and #N/A.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    default:
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, r.message);
  }
}

/**
 * An error cell passed in. With "allowErrorForDataTypeAny" (functions.json, see webpack.config.js)
 * Excel calls the function even when an input holds an error, and the runtime hands it over as a
 * CustomFunctions.Error whose `code` is the error text ("#DIV/0!"). The engine reads that text as
 * an "excel-error" input and answers per cell ("… berisi galat #DIV/0!") instead of one error for
 * the whole spill.
 */
export function fromExcel(v: unknown): unknown {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const code = (v as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return code;
  }
  return v;
}

function shape(m: Matrix | null | undefined): [number, number] {
  if (!Array.isArray(m) || m.length === 0) return [1, 1];
  return [m.length, Array.isArray(m[0]) ? m[0].length : 1];
}

function at(m: Matrix | null | undefined, r: number, c: number): unknown {
  if (!Array.isArray(m) || m.length === 0) return null;
  const row = m.length === 1 ? m[0] : m[r];
  if (!Array.isArray(row)) return null;
  return row.length === 1 ? row[0] : row[c];
}

const SHAPE_ERROR =
  "Ukuran rentang argumen tidak sama; gunakan rentang berukuran sama atau satu sel.";
const INTERNAL_ERROR = "Terjadi kesalahan internal Kinerja.";

/** The common shape of the arguments (1×1 broadcasts), or null when they do not fit. */
function commonShape(args: (Matrix | null | undefined)[]): [number, number] | null {
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    const [r, c] = shape(a);
    if ((r !== 1 && rows !== 1 && r !== rows) || (c !== 1 && cols !== 1 && c !== cols)) return null;
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  return [rows, cols];
}

function cellsOf<T>(
  args: (Matrix | null | undefined)[],
  each: (values: unknown[]) => T
): T[][] | null {
  const s = commonShape(args);
  if (!s) return null;
  const out: T[][] = [];
  for (let r = 0; r < s[0]; r++) {
    const line: T[] = [];
    for (let c = 0; c < s[1]; c++) line.push(each(args.map((a) => fromExcel(at(a, r, c)))));
    out.push(line);
  }
  return out;
}

/**
 * Applies `fn` element-wise over matrix arguments (optional ones may be null) and returns a
 * matrix of the common shape. Never throws: an unexpected failure becomes #VALUE! in that cell.
 */
export function spill(
  args: (Matrix | null | undefined)[],
  fn: (...values: unknown[]) => CalcResult
): unknown[][] {
  const out = cellsOf(args, (values) => {
    try {
      return toCustomFunctionValue(fn(...values));
    } catch {
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, INTERNAL_ERROR);
    }
  });
  return out ?? [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, SHAPE_ERROR)]];
}

/** spill for asynchronous element functions (code look-ups load the nomenclature lazily). */
export async function spillAsync(
  args: (Matrix | null | undefined)[],
  fn: (...values: unknown[]) => Promise<CalcResult>
): Promise<unknown[][]> {
  const pending = cellsOf(args, (values) =>
    fn(...values).then(
      toCustomFunctionValue,
      () => new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, INTERNAL_ERROR)
    )
  );
  if (!pending)
    return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, SHAPE_ERROR)]];
  return Promise.all(pending.map((row) => Promise.all(row)));
}

/** A scalar option argument that may arrive as a 1×1 range. */
export function scalar(v: unknown): unknown {
  return fromExcel(Array.isArray(v) ? at(v as Matrix, 0, 0) : v);
}
