// Achievement R/T×100, or the LKjIP "lower is better" forms, by the row's direction.
import type { Computation, Direction } from "../../model";
import { capaian as calc } from "../../sheet/numeric";
import { capaianFormula } from "../excel-formulas";
import { refOf } from "../inputs";
import type { ComputationKind } from "./types";

type C = Extract<Computation, { kind: "capaian" }>;

export const CAPAIAN: ComputationKind<C> = {
  inputs: (c) => [c.r, c.t],
  mode: (c, d) => (c.perRow ? d.direction : "naik"),
  evaluate: (_c, [r, t], mode, ctx) => calc(r.value, t.value, mode as Direction, ctx.decimals),
  formula: (_c, [r, t], mode, ctx) =>
    r.formulaOk && t.formulaOk && r.present && t.present
      ? capaianFormula(refOf(r), refOf(t), mode as Direction, ctx.decimals)
      : null,
};
