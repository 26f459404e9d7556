// A column that repeats another (Pasuruan T-C.29 "10 = 9").
import type { Computation } from "../../model";
import { salinFormula } from "../excel-formulas";
import { refOf } from "../inputs";
import type { ComputationKind } from "./types";

type C = Extract<Computation, { kind: "salin" }>;

export const SALIN: ComputationKind<C> = {
  inputs: (c) => [c.from],
  mode: () => "",
  evaluate: (_c, [x]) =>
    x.value
      ? { ok: true, value: x.value.toNumber() }
      : { ok: false, error: "#N/A", message: "nilai sumber kosong" },
  formula: (_c, [x]) => (x.formulaOk && x.present ? salinFormula(refOf(x)) : null),
};
