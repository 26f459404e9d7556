// The planner's detailed output before it becomes writes: checks read it, so it lives in a type
// file of its own rather than in the planner.
import type { CalcError } from "../core/result";
import type { EfficiencyMethod, ScaleName } from "../model/domain";
import type { RowDecision } from "../model/plan";
import type { FooterRole, RoleId, RoleMap } from "../model/roles";
import type { RowRecord, SheetModel } from "../sheet/rows";

/** One computed cell before it becomes a write. */
export interface ComputedCell {
  role: RoleId | FooterRole;
  row: number;
  col: number;
  value: number | string | null;
  formula: string | null;
  /** Why no value could be computed. */
  error: CalcError | null;
}

export interface RowPlan {
  record: RowRecord;
  decision: RowDecision;
  cells: RoleMap<ComputedCell>;
}

export interface DetailedPlan {
  model: SheetModel;
  rows: RowPlan[];
  footers: ComputedCell[];
  efficiencyMethod: EfficiencyMethod;
  /** Category scale used (the sheet's own labels decide when the setting is the default). */
  scale: ScaleName;
  /** Decimals of computed percentages. */
  decimals: number;
}
