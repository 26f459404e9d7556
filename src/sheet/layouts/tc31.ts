// T-C.31 "Review terhadap Rancangan Awal RKPD": the planned rows against the needs analysis.
import { identity } from "./common";
import type { LayoutDef } from "./types";

export const TC31: LayoutDef = {
  id: "TC31",
  label: "Tabel T-C.31 (review rancangan awal RKPD)",
  title: ["t-c.31", "t-c. 31", "tc.31", "review terhadap rancangan awal rkpd"],
  required: ["uraian", "target.rkpd", "target.analisis"],
  columns: identity([
    { role: "target.rkpd", words: ["rancangan awal", "target"] },
    {
      role: "anggaran.rkpd",
      any: [
        ["rancangan awal", "pagu"],
        ["rancangan awal", "dana"],
      ],
    },
    { role: "target.analisis", words: ["analisis", "target"] },
    {
      role: "anggaran.analisis",
      any: [
        ["analisis", "pagu"],
        ["analisis", "dana"],
      ],
    },
    { role: "catatan", words: ["catatan"] },
  ]),
  computed: { "": [] },
};
