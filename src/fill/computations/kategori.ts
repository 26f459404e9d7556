// The category label of a capaian, on the table's scale.
import type { Computation } from "../../model";
import { kategori as calc } from "../../sheet/numeric";
import { kategoriFormula } from "../excel-formulas";
import { refOf } from "../inputs";
import type { ComputationKind } from "./types";

type C = Extract<Computation, { kind: "kategori" }>;

export const KATEGORI: ComputationKind<C> = {
  inputs: (c) => [c.from],
  mode: (_c, _d, ctx) => ctx.scale,
  evaluate: (_c, [x], _m, ctx) => calc(x.value, ctx.scale),
  formula: (_c, [x], _m, ctx) =>
    x.formulaOk && x.present ? kategoriFormula(refOf(x), ctx.scale) : null,
};
