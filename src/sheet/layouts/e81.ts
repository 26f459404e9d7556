// E.81 "Evaluasi terhadap Hasil Renja Perangkat Daerah" (Permendagri 86/2017), quarterly with
// K and Rp sub-columns; also E.79, the same columns for the RKPD ("Evaluasi terhadap hasil
// RKPD", RPJMD instead of Renstra). Statutory numbering (Mojokerto, 002:L1353): 12 = 8+9+10+11,
// 13 = 12/7×100, 14 = 6+12, 15 = 14/5×100; other regions number the same columns differently,
// and their numbering row decides (sheet/match.ts).
import type { Computation, RoleId, Side } from "../../model";
import { identity } from "./common";
import type { ColumnRule, LayoutDef } from "./types";

const sided = (
  stem: string,
  words: string[],
  any: string[][],
  none: string[] = []
): ColumnRule => ({
  role: stem as ColumnRule["role"],
  words,
  any,
  none,
  sides: true,
});

const RENJA = [["renja"], ["rkpd"]];
const RENSTRA = [["renstra"], ["rpjmd"]];

const per = (s: Side) => (stem: string) => `${stem}.${s}` as RoleId;

function sideComputations(s: "k" | "rp"): Computation[] {
  const r = per(s);
  return [
    {
      kind: "realisasi",
      out: r("realisasi.tahun"),
      inputs: [1, 2, 3, 4].map((q) => r(`realisasi.tw${q}`)),
      perRow: s === "k",
    },
    {
      kind: "capaian",
      out: r("capaian.tahun"),
      r: r("realisasi.tahun"),
      t: r("target.tahun"),
      perRow: false,
    },
    {
      kind: "realisasi",
      out: r("realisasi.renstra"),
      inputs: [r("realisasi.lalu"), r("realisasi.tahun")],
      perRow: s === "k",
    },
    {
      kind: "capaian",
      out: r("capaian.renstra"),
      r: r("realisasi.renstra"),
      t: r("target.renstra"),
      perRow: false,
    },
  ];
}

export const E81: LayoutDef = {
  id: "E81",
  label: "Tabel E.81 (evaluasi hasil Renja)",
  title: [
    "e.81",
    "e 81",
    "evaluasi terhadap hasil renja",
    "evaluasi hasil renja",
    "evaluasi hasil terhadap renja",
    "e.79",
    "evaluasi terhadap hasil rkpd",
    "evaluasi hasil rkpd",
  ],
  required: ["uraian", "indikator", "target.tahun.k", "realisasi.tw1.k"],
  columns: identity([
    { role: "realisasi.tw", words: ["triwulan"], quarters: true, sides: true },
    sided("capaian.tahun", ["tingkat capaian"], RENJA, ["renstra", "rpjmd"]),
    sided("capaian.renstra", ["tingkat capaian"], RENSTRA),
    sided("target.renstra", ["target"], RENSTRA, ["renja", "rkpd"]),
    sided("target.tahun", ["target"], RENJA),
    sided("realisasi.lalu", ["realisasi"], [["lalu"], ["n-2"]]),
    sided("realisasi.tahun", ["realisasi"], RENJA, ["lalu", "tingkat"]),
    sided("realisasi.renstra", ["realisasi"], RENSTRA, ["lalu", "tingkat"]),
  ]),
  computed: { "": [...sideComputations("k"), ...sideComputations("rp")] },
  // with or without the 12/7 column (other regions: 12 = Σ, 13 = 6+12, 14 = 13/5)
  detectVariant: ({ columns }) =>
    columns["capaian.tahun.k"] !== undefined || columns["capaian.tahun.rp"] !== undefined
      ? "12/7"
      : "13=6+12",
  footers: true,
  chartPerProgram: true,
};
