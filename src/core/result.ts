// The outcome of every calculation in the engine. Errors are values, never exceptions:
// the custom functions map them to CustomFunctions.Error, the CLI prints them, the fill
// planner turns them into "cannot compute" with the reason in the validation list.

/** Excel error codes the engine can produce or meet in input cells. */
export type ExcelErrorCode =
  "#N/A" | "#VALUE!" | "#DIV/0!" | "#NUM!" | "#NULL!" | "#NAME?" | "#REF!";

export interface CalcError {
  ok: false;
  error: ExcelErrorCode;
  /** Indonesian message a planner understands (Excel shows it only on #VALUE! and #N/A). */
  message: string;
}

export interface CalcValue<T = number | string> {
  ok: true;
  value: T;
}

export type CalcResult<T = number | string> = CalcValue<T> | CalcError;

export function ok<T>(value: T): CalcValue<T> {
  return { ok: true, value };
}

export function fail(error: ExcelErrorCode, message: string): CalcError {
  return { ok: false, error, message };
}
