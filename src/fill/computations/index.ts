// Computation kind → its implementation. The mapped type makes a forgotten kind a compile error.
import type { Computation, ComputationKind as KindId } from "../../model";
import { CAPAIAN } from "./capaian";
import { EFISIENSI } from "./efisiensi";
import { KATEGORI } from "./kategori";
import { REALISASI } from "./realisasi";
import { SALIN } from "./salin";
import { SERAPAN } from "./serapan";
import type { ComputationKind } from "./types";

export const KINDS: { [K in KindId]: ComputationKind<Extract<Computation, { kind: K }>> } = {
  realisasi: REALISASI,
  capaian: CAPAIAN,
  serapan: SERAPAN,
  efisiensi: EFISIENSI,
  kategori: KATEGORI,
  salin: SALIN,
};

/** The implementation of a computation, typed for it. */
export function kindOf<C extends Computation>(c: C): ComputationKind<C> {
  return KINDS[c.kind] as unknown as ComputationKind<C>;
}

export type { ComputationKind, KindContext, Result } from "./types";
