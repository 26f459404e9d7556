// The inputs of a computation on the current row: its value (computed first on this row, else
// the cell as read) and its formula reference, in reused slots — no allocation per input.
import type Decimal from "decimal.js";
import type { Grid } from "../model";
import { cellAt, columnLetters } from "../model/grid";
import { isPercentFormat } from "../sheet/numeric";
import type { RowRecord } from "../sheet/rows";
import type { ComputedCell } from "./plan-types";
import { ROW_TAG, type Ref } from "./excel-formulas";

export interface Input {
  value: Decimal | null;
  /** Column of the input; -1 when the layout has no such column. */
  col: number;
  present: boolean;
  /** Numeric %-formatted cell: the formula scales it to percent points, (A1*100). */
  scaled: boolean;
  /** The cell works in any formula. */
  formulaOk: boolean;
  /** Also an empty marker such as "-", which SUM/COUNT/AVERAGE ignore but a division would not. */
  sumOk: boolean;
}

/** Formula reference of an input in a template (ROW_TAG stands for the row number). */
export function refOf(x: Input): Ref {
  return { cell: columnLetters(x.col) + ROW_TAG, scaled: x.scaled };
}

/**
 * Reads inputs of the current row into reused slots and encodes their shape (present, numeric,
 * %-formatted) as a number: formula text is built once per shape and row mode.
 */
export class RowInputs {
  private readonly slots: Input[] = [];
  shape = 0;
  record!: RowRecord;
  cells!: Record<string, ComputedCell | null>;
  constructor(
    private readonly grid: Grid,
    private readonly cols: Record<string, number>,
    private readonly decOf: (v: number | string | null) => Decimal | null
  ) {}
  /** Starts a computation on `record`, with the cells computed so far on this row. */
  begin(record: RowRecord, cells: Record<string, ComputedCell | null>): void {
    this.record = record;
    this.cells = cells;
    this.shape = 0;
  }
  read(role: string, slot: number): Input {
    const x = (this.slots[slot] ??= {
      value: null,
      col: -1,
      present: false,
      scaled: false,
      formulaOk: true,
      sumOk: true,
    });
    const col = this.cols[role];
    if (col === undefined) {
      x.value = null;
      x.col = -1;
      x.present = false;
      x.scaled = false;
      x.formulaOk = x.sumOk = true;
    } else {
      x.col = col;
      x.present = true;
      const done = this.cells[role];
      if (done) {
        x.value = this.decOf(done.value);
        x.scaled = false;
        x.formulaOk = x.sumOk = done.formula !== null;
      } else {
        const cell = cellAt(this.grid, this.record.row, col);
        const n = this.record.nums[role];
        const numeric = cell.value === null || cell.value === "" || typeof cell.value === "number";
        x.value = n?.kind === "number" ? n.value : null;
        x.scaled = typeof cell.value === "number" && isPercentFormat(cell.numberFormat);
        x.formulaOk = numeric;
        x.sumOk = numeric || n?.kind === "empty";
      }
    }
    this.shape =
      this.shape * 16 +
      (x.present ? 1 : 0) +
      (x.formulaOk ? 2 : 0) +
      (x.sumOk ? 4 : 0) +
      (x.scaled ? 8 : 0);
    return x;
  }
}
