// Budget absorption: realisation / pagu × 100.
import type { Computation } from "../../model";
import { serapan as calc } from "../../sheet/numeric";
import { serapanFormula } from "../excel-formulas";
import { refOf } from "../inputs";
import type { ComputationKind } from "./types";

type C = Extract<Computation, { kind: "serapan" }>;

export const SERAPAN: ComputationKind<C> = {
  inputs: (c) => [c.r, c.pagu],
  mode: () => "",
  evaluate: (_c, [r, p], _m, ctx) => calc(r.value, p.value, ctx.decimals),
  formula: (_c, [r, p], _m, ctx) =>
    r.formulaOk && p.formulaOk && r.present && p.present
      ? serapanFormula(refOf(r), refOf(p), ctx.decimals)
      : null,
};
