// Year-to-date or cumulative realisation: quarters summed, averaged, or the last one reported,
// by the row's accumulation (kinerja); Rupiah is always summed.
import type Decimal from "decimal.js";
import type { Accumulation, Computation } from "../../model";
import { realisasi as calc } from "../../sheet/numeric";
import { realisasiFormula } from "../excel-formulas";
import { refOf } from "../inputs";
import type { ComputationKind } from "./types";

type C = Extract<Computation, { kind: "realisasi" }>;

export const REALISASI: ComputationKind<C> = {
  inputs: (c) => c.inputs,
  mode: (c, d) => (c.perRow ? (d.accumulation ?? "jumlah") : "jumlah"),
  evaluate(_c, ins, mode) {
    const values: (Decimal | null)[] = ins.filter((x) => x.present).map((x) => x.value);
    // "latest value": zeros after the last non-zero quarter are quarters not reported yet
    // (002 E.81 TW II report with 0 in TW III/IV)
    if (mode === "terakhir" && values.some((v) => v !== null && !v.isZero()))
      for (let i = values.length - 1; i >= 0 && (values[i] === null || values[i]!.isZero()); i--)
        values[i] = null;
    return calc(values, mode as Accumulation);
  },
  formula(_c, ins, mode) {
    const present = ins.filter((x) => x.present);
    if (!present.length || !present.every((x) => (mode === "terakhir" ? x.formulaOk : x.sumOk)))
      return null;
    return realisasiFormula(present.map(refOf), mode as Accumulation);
  },
};
