// The interface of one computation kind: which roles it reads, what it computes (engine value)
// and the native formula that computes the same in Excel. The runner (fill/plan.ts) does the
// rest: reading inputs, memoising, formula templates per input shape, the write.
import type { Computation, EfficiencyMethod, RoleId, ScaleName } from "../../model";
import type { CalcError } from "../../core/result";
import type { RowDecision } from "../../model/plan";
import type { Input } from "../inputs";

export type Result = { ok: true; value: number | string } | CalcError;

export interface KindContext {
  decimals: number;
  scale: ScaleName;
  method: EfficiencyMethod;
}

export interface ComputationKind<C extends Computation> {
  /** The roles read, in slot order. */
  inputs(c: C): RoleId[];
  /** What varies per row besides the inputs (accumulation, direction), as a memo/template key. */
  mode(c: C, decision: RowDecision, ctx: KindContext): string;
  evaluate(c: C, ins: Input[], mode: string, ctx: KindContext): Result;
  /** The formula template over the inputs' references, or null when a value must be written. */
  formula(c: C, ins: Input[], mode: string, ctx: KindContext): string | null;
}
