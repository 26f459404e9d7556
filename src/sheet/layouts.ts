// Declarative layout definitions: header words, numbering-row numbers, roles and computed
// columns per table type. The recogniser (recognise.ts) and the planner (fill/) read these;
// adding a table type means adding one entry here.
import type { LayoutId } from "../model/recognition";

/** How one role is found in the header. Words are matched on normalised text (lower case, single spaces). */
export interface ColumnRule {
  role: string;
  /** Every phrase must occur in the column's header path (group + sub headers). */
  words?: string[];
  /** Any of these alternatives (each a phrase list) is enough; combined with `words`. */
  any?: string[][];
  /** None of these may occur in the path. */
  none?: string[];
  /** The lowest header cell of the column must start with one of these. */
  leaf?: string[];
  /** Logical column number in the numbering row (used when that row is present and aligned). */
  num?: number;
  /** E.81: the group has K and Rp sub-columns; role gets ".k" / ".rp". */
  kRp?: boolean;
  /** E.81 quarters: consecutive matches become realisasi.tw1..tw4 (.k/.rp). */
  quarters?: boolean;
}

export type Computation =
  /** Year-to-date or cumulative realisation; `perRow` = use the row's accumulation (kinerja), else plain sum (Rupiah). */
  | { kind: "realisasi"; out: string; inputs: string[]; perRow: boolean }
  /** Achievement = R/T×100 (direction per row when `perRow`, else always naik). */
  | { kind: "capaian"; out: string; r: string; t: string; perRow: boolean }
  | { kind: "kategori"; out: string; from: string }
  | { kind: "serapan"; out: string; r: string; pagu: string }
  | { kind: "efisiensi"; out: string; pagu: string; r: string; capaian: string }
  | { kind: "salin"; out: string; from: string };

export interface LayoutDef {
  id: LayoutId;
  /** Phrases that identify the table in its title rows. */
  title: string[];
  /** Roles that must be found for the layout to be chosen. */
  required: string[];
  columns: ColumnRule[];
  /** Computed columns, per variant (key "" = default). */
  computed: Record<string, Computation[]>;
  /** Detects the variant from the numbering-row formulas (normalised texts). */
  variant?: (formulas: string[]) => string | null;
  /** Prefer numbering-row numbers over header words. */
  byNumber?: boolean;
  /** E.81 footer rows per program. */
  footers?: boolean;
}

const NAME_ANY = [["urusan"], ["program"], ["kegiatan"], ["sasaran"], ["uraian"], ["tujuan"]];
const INDIKATOR = { role: "indikator", words: ["indikator"] } as ColumnRule;
const KODE: ColumnRule = { role: "kode", words: ["kode"], num: 1 };
const NO: ColumnRule = { role: "no", any: [["no"], ["nomor"]], none: ["nomenklatur"] };

const E81_K_RP = (stem: string, num: number, words: string[], none: string[] = []): ColumnRule => ({
  role: stem,
  words,
  none,
  num,
  kRp: true,
});

export const E81: LayoutDef = {
  id: "E81",
  title: ["e.81", "e 81", "evaluasi terhadap hasil renja"],
  required: ["uraian", "indikator", "target.tahun.k", "realisasi.tw1.k"],
  columns: [
    NO,
    { ...KODE, num: 2 },
    {
      role: "uraian",
      any: NAME_ANY,
      none: ["indikator", "target", "realisasi", "unit", "tingkat"],
      num: 3,
    },
    { ...INDIKATOR, num: 4 },
    { role: "realisasi.tw", words: ["triwulan"], quarters: true, kRp: true },
    E81_K_RP("capaian.tahun", 13, ["tingkat capaian", "renja"]),
    E81_K_RP("capaian.renstra", 15, ["tingkat capaian", "renstra"]),
    E81_K_RP("target.renstra", 5, ["target", "renstra"], ["renja"]),
    E81_K_RP("target.tahun", 7, ["target", "renja"]),
    E81_K_RP("realisasi.lalu", 6, ["realisasi", "lalu"]),
    E81_K_RP("realisasi.tahun", 12, ["realisasi", "renja"]),
    E81_K_RP("realisasi.renstra", 14, ["realisasi", "renstra"]),
    { role: "unit.pd", words: ["unit"] },
    { role: "keterangan", any: [["ket"]] },
  ],
  computed: {
    "": [
      ...(["k", "rp"] as const).flatMap((s): Computation[] => [
        {
          kind: "realisasi",
          out: `realisasi.tahun.${s}`,
          inputs: [1, 2, 3, 4].map((q) => `realisasi.tw${q}.${s}`),
          perRow: s === "k",
        },
        {
          kind: "capaian",
          out: `capaian.tahun.${s}`,
          r: `realisasi.tahun.${s}`,
          t: `target.tahun.${s}`,
          perRow: false,
        },
        {
          kind: "realisasi",
          out: `realisasi.renstra.${s}`,
          inputs: [`realisasi.lalu.${s}`, `realisasi.tahun.${s}`],
          perRow: s === "k",
        },
        {
          kind: "capaian",
          out: `capaian.renstra.${s}`,
          r: `realisasi.renstra.${s}`,
          t: `target.renstra.${s}`,
          perRow: false,
        },
      ]),
    ],
  },
  footers: true,
};

export const TC29: LayoutDef = {
  id: "TC29",
  title: ["t-c.29", "t-c. 29", "tc.29", "t.c.29", "rekapitulasi evaluasi hasil pelaksanaan renja"],
  required: ["uraian", "indikator", "target.n2", "realisasi.n2"],
  byNumber: true,
  columns: [
    KODE,
    { role: "uraian", any: NAME_ANY, none: ["indikator", "target", "realisasi"], num: 2 },
    { ...INDIKATOR, num: 3 },
    { role: "target.renstra", words: ["target", "renstra"], none: ["realisasi"], num: 4 },
    { role: "realisasi.lalu", words: ["realisasi target kinerja"], num: 5 },
    { role: "target.n2", words: ["target dan realisasi"], leaf: ["target"], num: 6 },
    { role: "realisasi.n2", words: ["target dan realisasi"], leaf: ["realisasi"], num: 7 },
    { role: "capaian.n2", words: ["target dan realisasi"], leaf: ["tingkat"], num: 8 },
    { role: "target.n1", words: ["target"], none: ["realisasi", "renstra"], num: 9 },
    { role: "realisasi.renstra", words: ["perkiraan realisasi"], leaf: ["realisasi"], num: 10 },
    { role: "capaian.renstra", words: ["perkiraan realisasi"], leaf: ["tingkat"], num: 11 },
  ],
  computed: {
    "10=5+7+9": [
      { kind: "capaian", out: "capaian.n2", r: "realisasi.n2", t: "target.n2", perRow: true },
      {
        kind: "realisasi",
        out: "realisasi.renstra",
        inputs: ["realisasi.lalu", "realisasi.n2", "target.n1"],
        perRow: true,
      },
      {
        kind: "capaian",
        out: "capaian.renstra",
        r: "realisasi.renstra",
        t: "target.renstra",
        perRow: true,
      },
    ],
    "10=9": [
      { kind: "capaian", out: "capaian.n2", r: "realisasi.n2", t: "target.n2", perRow: true },
      { kind: "salin", out: "realisasi.renstra", from: "target.n1" },
      {
        kind: "capaian",
        out: "capaian.renstra",
        r: "realisasi.renstra",
        t: "target.renstra",
        perRow: true,
      },
    ],
  },
  variant: (formulas) => {
    for (const f of formulas) {
      const m = /(?:^|\s)10\s*=\s*\(?\s*([\d\s+]+)/.exec(f);
      if (m) return m[1].replace(/\s/g, "") === "9" ? "10=9" : "10=5+7+9";
    }
    return "10=5+7+9";
  },
};

export const TC33: LayoutDef = {
  id: "TC33",
  title: ["t-c.33", "t-c. 33", "tc.33", "rumusan rencana program dan kegiatan"],
  required: ["kode", "uraian", "indikator", "anggaran.pagu"],
  columns: [
    KODE,
    { role: "uraian", any: NAME_ANY, none: ["indikator", "target", "pagu"] },
    INDIKATOR,
    { role: "lokasi", words: ["lokasi"], none: ["maju"] },
    { role: "target", words: ["target"], none: ["maju"] },
    { role: "anggaran.pagu", any: [["pagu"], ["kebutuhan dana"]], none: ["maju"] },
    { role: "sumber.dana", words: ["sumber dana"] },
    { role: "catatan", words: ["catatan"] },
    { role: "target.maju", words: ["maju", "target"] },
    {
      role: "anggaran.maju",
      any: [
        ["maju", "pagu"],
        ["maju", "kebutuhan dana"],
      ],
    },
  ],
  computed: { "": [] },
};

export const TC31: LayoutDef = {
  id: "TC31",
  title: ["t-c.31", "t-c. 31", "tc.31", "review terhadap rancangan awal rkpd"],
  required: ["uraian", "target.rkpd", "target.analisis"],
  columns: [
    NO,
    KODE,
    {
      role: "uraian",
      any: NAME_ANY,
      none: ["indikator", "target", "pagu", "rancangan", "analisis"],
    },
    INDIKATOR,
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
  ],
  computed: { "": [] },
};

export const LKJIP_EFISIENSI: LayoutDef = {
  id: "LKJIP_EFISIENSI",
  title: ["efisiensi"],
  required: ["indikator", "anggaran.pagu", "anggaran.realisasi", "efisiensi"],
  columns: [
    NO,
    { role: "uraian", any: NAME_ANY, none: ["indikator", "anggaran", "kinerja"] },
    INDIKATOR,
    { role: "efisiensi", words: ["efisiensi"] },
    {
      role: "anggaran.pagu",
      any: [["anggaran", "alokasi"], ["anggaran", "pagu"], ["anggaran", "target"], ["pagu"]],
    },
    {
      role: "anggaran.realisasi",
      any: [
        ["anggaran", "realisasi"],
        ["serapan", "rp"],
      ],
    },
    { role: "anggaran.capaian", any: [["anggaran", "capaian"], ["anggaran", "%"], ["serapan"]] },
    { role: "target", words: ["target"] },
    { role: "realisasi", words: ["realisasi"] },
    { role: "capaian", any: [["capaian"], ["%"]] },
  ],
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
};

export const LKJIP_PROGRAM: LayoutDef = {
  id: "LKJIP_PROGRAM",
  title: ["kinerja keuangan", "capaian kinerja dan anggaran", "pencapaian kinerja dan anggaran"],
  required: ["uraian", "target", "realisasi", "anggaran.pagu", "anggaran.realisasi"],
  columns: [
    NO,
    KODE,
    { role: "uraian", any: NAME_ANY, none: ["indikator", "anggaran", "kinerja"] },
    INDIKATOR,
    {
      role: "anggaran.pagu",
      any: [["anggaran", "alokasi"], ["anggaran", "pagu"], ["anggaran", "target"], ["pagu"]],
    },
    {
      role: "anggaran.realisasi",
      any: [
        ["anggaran", "realisasi"],
        ["serapan", "rp"],
      ],
    },
    { role: "anggaran.capaian", any: [["anggaran", "capaian"], ["anggaran", "%"], ["serapan"]] },
    { role: "target", words: ["target"] },
    { role: "realisasi", words: ["realisasi"] },
    { role: "capaian", any: [["capaian"], ["%"]] },
  ],
  computed: {
    "": [
      { kind: "capaian", out: "capaian", r: "realisasi", t: "target", perRow: true },
      { kind: "serapan", out: "anggaran.capaian", r: "anggaran.realisasi", pagu: "anggaran.pagu" },
    ],
  },
};

export const LKJIP_CAPAIAN: LayoutDef = {
  id: "LKJIP_CAPAIAN",
  title: ["pengukuran kinerja", "pencapaian kinerja utama", "capaian kinerja"],
  required: ["indikator", "target", "realisasi", "capaian"],
  columns: [
    NO,
    { role: "uraian", any: NAME_ANY, none: ["indikator"] },
    INDIKATOR,
    { role: "satuan", words: ["satuan"] },
    { role: "target", words: ["target"] },
    { role: "realisasi", words: ["realisasi"] },
    { role: "capaian", any: [["capaian"], ["%"]] },
    { role: "kategori", any: [["kategori"], ["predikat"]] },
    { role: "sumber", words: ["sumber data"] },
  ],
  computed: {
    "": [
      { kind: "capaian", out: "capaian", r: "realisasi", t: "target", perRow: true },
      { kind: "kategori", out: "kategori", from: "capaian" },
    ],
  },
};

/** In order of specificity: the more required roles, the earlier. */
export const LAYOUTS: LayoutDef[] = [
  E81,
  TC29,
  LKJIP_EFISIENSI,
  LKJIP_PROGRAM,
  TC33,
  TC31,
  LKJIP_CAPAIAN,
];

export function layoutById(id: LayoutId | null | undefined): LayoutDef | null {
  return LAYOUTS.find((l) => l.id === id) ?? null;
}
