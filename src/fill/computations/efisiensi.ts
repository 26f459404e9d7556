// Budget efficiency by the table's method (sisa, selisih, rasio; see core/formulas).
import type { Computation } from "../../model";
import { efisiensi as calc } from "../../sheet/numeric";
import { efisiensiFormula } from "../excel-formulas";
import { refOf } from "../inputs";
import type { ComputationKind } from "./types";

type C = Extract<Computation, { kind: "efisiensi" }>;

export const EFISIENSI: ComputationKind<C> = {
  inputs: (c) => [c.pagu, c.r, c.capaian],
  mode: (_c, _d, ctx) => ctx.method,
  evaluate: (_c, [p, r, c], _m, ctx) =>
    calc(p.value, r.value, ctx.method !== "sisa" ? c.value : null, ctx.method, ctx.decimals),
  formula(_c, [p, r, c], _m, ctx) {
    const useC = ctx.method !== "sisa";
    if (!p.formulaOk || !r.formulaOk || (useC && !c.formulaOk) || !p.present || !r.present)
      return null;
    return efisiensiFormula(
      refOf(p),
      refOf(r),
      c.present ? refOf(c) : null,
      ctx.method,
      ctx.decimals
    );
  },
};
