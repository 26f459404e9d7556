// T-C.29 "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s/d Tahun …"
// (Permendagri 86/2017; Pasuruan prints it as "Tabel 2.1"). Lamongan (000:L164): 8 = 7/6,
// 10 = 5+7+9, 11 = 10/4; Pasuruan (004:L425): 10 = 9.
import { identity } from "./common";
import type { LayoutDef } from "./types";

const TDR = "target dan realisasi";

export const TC29: LayoutDef = {
  id: "TC29",
  label: "Tabel T-C.29 (rekapitulasi evaluasi Renja)",
  title: ["t-c.29", "t-c. 29", "tc.29", "t.c.29", "rekapitulasi evaluasi hasil pelaksanaan renja"],
  required: ["uraian", "indikator", "target.n2", "realisasi.n2"],
  columns: identity([
    { role: "target.renstra", words: ["target", "renstra"], none: ["realisasi"] },
    { role: "realisasi.lalu", words: ["realisasi target kinerja"] },
    { role: "target.n2", words: [TDR], leaf: ["target"] },
    { role: "realisasi.n2", words: [TDR], leaf: ["realisasi"] },
    { role: "capaian.n2", words: [TDR], leaf: ["tingkat"] },
    { role: "target.n1", words: ["target"], none: ["realisasi", "renstra"] },
    { role: "realisasi.renstra", words: ["perkiraan realisasi"], leaf: ["realisasi"] },
    { role: "capaian.renstra", words: ["perkiraan realisasi"], leaf: ["tingkat"] },
  ]),
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
  detectVariant: ({ scan }) => {
    const ten = scan?.spans.find((s) => s.label === "10")?.formula;
    return ten?.kind === "copy" ? "10=9" : "10=5+7+9";
  },
};
