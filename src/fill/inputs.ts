// The inputs of a computation on the current row: its value (computed first on this row, else
// the cell as read) and its formula reference, in reused slots — no allocation per input.
import type Decimal from "decimal.js";
import type { Cell, Grid, RoleId } from "../model";
import { columnLetters } from "../model/grid";
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

/** Where an input of a computation comes from, decided once per sheet. */
export interface InputSource {
  role: RoleId;
  /** Column of the role; -1 when the table has none. */
  col: number;
  /** The computation earlier on the row whose output this role is (its index), or -1. */
  producer: number;
}

/** Formula reference of an input in a template (ROW_TAG stands for the row number). */
export function refOf(x: Input): Ref {
  return { cell: columnLetters(x.col) + ROW_TAG, scaled: x.scaled };
}

const EMPTY: Cell = Object.freeze({ value: null }) as Cell;

/**
 * Reads inputs of the current row into reused slots and encodes their shape (present, numeric,
 * %-formatted) as a number: formula text is built once per shape and row mode.
 */
export class RowInputs {
  private readonly slots: Input[] = [];
  shape = 0;
  private record!: RowRecord;
  private line: Cell[] = [];
  /** The cells computed so far on this row, by computation index. */
  private cells: (ComputedCell | null)[] = [];
  constructor(
    private readonly grid: Grid,
    private readonly decOf: (v: number | string | null) => Decimal | null
  ) {}
  /** Starts a row: `cells` holds the row's computed cells by computation index as they come. */
  begin(record: RowRecord, cells: (ComputedCell | null)[]): void {
    this.record = record;
    this.line = this.grid.cells[record.row] ?? [];
    this.cells = cells;
  }
  read(src: InputSource, slot: number): Input {
    const x = (this.slots[slot] ??= {
      value: null,
      col: -1,
      present: false,
      scaled: false,
      formulaOk: true,
      sumOk: true,
    });
    if (src.col < 0) {
      x.value = null;
      x.col = -1;
      x.present = false;
      x.scaled = false;
      x.formulaOk = x.sumOk = true;
    } else {
      x.col = src.col;
      x.present = true;
      const done = src.producer >= 0 ? this.cells[src.producer] : null;
      if (done) {
        x.value = this.decOf(done.value);
        x.scaled = false;
        x.formulaOk = x.sumOk = done.formula !== null;
      } else {
        const cell = this.line[src.col] ?? EMPTY;
        const n = this.record.nums[src.role];
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
