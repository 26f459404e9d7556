// LKjIP tables (PermenPAN-RB 53/2014): pengukuran kinerja (Mojokerto Tabel 3.1.a, Lumajang 3.2),
// efisiensi anggaran (Mojokerto 3.3.a, Lumajang 3.5), capaian kinerja dan anggaran per program
// (Lumajang 3.7; also the e-LKPJ "FISIK (TARGET | REAL | %) · KEUANGAN (ALOKASI | REAL | %)").
import type { EfficiencyMethod } from "../../model";
import { identity } from "./common";
import type { ColumnRule, LayoutDef } from "./types";

const MONEY = ["anggaran", "keuangan", "rp", "rupiah", "alokasi", "pagu", "dana"];

/** Budget columns: money words in the path. */
const BUDGET: ColumnRule[] = [
  {
    role: "anggaran.pagu",
    any: [
      ["anggaran", "alokasi"],
      ["anggaran", "pagu"],
      ["anggaran", "target"],
      ["keuangan", "alokasi"],
      ["keuangan", "target"],
      ["pagu"],
      ["alokasi"],
    ],
  },
  {
    role: "anggaran.realisasi",
    any: [
      ["anggaran", "realisasi"],
      ["keuangan", "realisasi"],
      ["keuangan", "real"],
      ["serapan", "rp"],
      ["realisasi", "rp"],
    ],
  },
  {
    role: "anggaran.capaian",
    any: [["anggaran", "capaian"], ["anggaran", "%"], ["keuangan", "%"], ["serapan"]],
  },
];

/** Performance columns: no money words. */
const KINERJA: ColumnRule[] = [
  { role: "target", words: ["target"], none: MONEY },
  { role: "realisasi", any: [["realisasi"], ["real"]], none: MONEY },
  { role: "capaian", any: [["capaian"], ["%"], ["persentase"]], none: MONEY },
];

export const LKJIP_EFISIENSI: LayoutDef = {
  id: "LKJIP_EFISIENSI",
  label: "LKjIP efisiensi anggaran",
  title: ["efisiensi"],
  required: ["indikator", "anggaran.pagu", "anggaran.realisasi", "efisiensi"],
  columns: identity([{ role: "efisiensi", words: ["efisiensi"] }, ...BUDGET, ...KINERJA], {
    kode: false,
  }),
  computed: {
    "": [
      { kind: "capaian", out: "capaian", r: "realisasi", t: "target", perRow: true },
      { kind: "serapan", out: "anggaran.capaian", r: "anggaran.realisasi", pagu: "anggaran.pagu" },
      {
        kind: "efisiensi",
        out: "efisiensi",
        pagu: "anggaran.pagu",
        r: "anggaran.realisasi",
        capaian: "capaian",
      },
    ],
  },
  // "TINGKAT EFISIENSI (6-9)" (Lumajang Tabel 3.5) is capaian − serapan; "% EFISIENSI" next to
  // the budget's "% CAPAIAN" (Mojokerto 3.3.a) is the unspent share
  detectVariant: ({ scan, columns }) =>
    efficiencyMethodOf(scan?.columns[columns.efisiensi ?? -1]?.path ?? ""),
};

export function efficiencyMethodOf(path: string): EfficiencyMethod {
  return /6\s*-\s*9|tingkat efisiensi/.test(path) ? "selisih" : "sisa";
}

export const LKJIP_PROGRAM: LayoutDef = {
  id: "LKJIP_PROGRAM",
  label: "LKjIP capaian kinerja dan anggaran program",
  title: [
    "kinerja keuangan",
    "capaian kinerja dan anggaran",
    "pencapaian kinerja dan anggaran",
    "fisik",
  ],
  required: ["uraian", "target", "realisasi", "anggaran.pagu", "anggaran.realisasi"],
  columns: identity([...BUDGET, ...KINERJA]),
  computed: {
    "": [
      { kind: "capaian", out: "capaian", r: "realisasi", t: "target", perRow: true },
      { kind: "serapan", out: "anggaran.capaian", r: "anggaran.realisasi", pagu: "anggaran.pagu" },
    ],
  },
};

export const LKJIP_CAPAIAN: LayoutDef = {
  id: "LKJIP_CAPAIAN",
  label: "LKjIP pengukuran kinerja",
  title: ["pengukuran kinerja", "pencapaian kinerja utama", "capaian kinerja"],
  required: ["indikator", "target", "realisasi", "capaian"],
  columns: identity(
    [
      { role: "target", words: ["target"] },
      { role: "realisasi", words: ["realisasi"] },
      { role: "capaian", any: [["capaian"], ["%"]] },
      { role: "kategori", any: [["kategori"], ["predikat"]] },
      { role: "sumber", words: ["sumber data"] },
    ],
    { kode: false }
  ),
  computed: {
    "": [
      { kind: "capaian", out: "capaian", r: "realisasi", t: "target", perRow: true },
      { kind: "kategori", out: "kategori", from: "capaian" },
    ],
  },
};
