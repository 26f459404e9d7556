// What a fill (or a fix) intends to write, cell by cell, with what was there before (types only).
import type { Cell } from "./grid";
import type { Accumulation, Direction } from "./domain";

export interface PlannedWrite {
  row: number;
  col: number;
  /** A1 address. */
  cell: string;
  /** Native Excel formula (en-US syntax, leading "="), when the inputs are numeric cells. */
  formula?: string;
  /** The value the engine computed (what the formula should evaluate to); null = leave blank. */
  value: number | string | null;
  /** Number format to set, when the column needs one. */
  numberFormat?: string;
  /** The cell as it was when read: restoring it is the undo. */
  previous: Cell;
}

/** Per data row: the decisions the planner made and why (shown in the preview, overridable). */
export interface RowDecision {
  row: number;
  code: string | null;
  indicator: string | null;
  accumulation?: Accumulation;
  accumulationReason?: string;
  direction: Direction;
  directionReason: string;
}

export interface FillPlan {
  writes: PlannedWrite[];
  decisions: RowDecision[];
  /** Writes that replace a non-empty cell with something different. */
  changedExisting: number;
  /** Why nothing may be written yet (doubtful recognition not confirmed), in Indonesian. */
  refused?: string;
}

/** Per-row overrides chosen in the fill preview. */
export interface RowOverride {
  accumulation?: Accumulation;
  direction?: Direction;
}
