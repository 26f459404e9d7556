// A capaian table with the realisation per quarter and its total (Kota Semarang "SERAPAN":
// Target | Realisasi TW I–IV | Total | Persentase; Banjarmasin "Capaian Output" templates).
// The total accumulates the quarters by the indicator's unit; the percentage is total / target.
import { identity } from "./common";
import type { LayoutDef } from "./types";

const REALISASI = [["realisasi"], ["relisasi"], ["realisai"]];

export const CAPAIAN_TW: LayoutDef = {
  id: "CAPAIAN_TW",
  label: "Tabel capaian kinerja per triwulan",
  title: ["capaian", "serapan", "realisasi"],
  required: ["uraian", "target", "realisasi.tw1", "realisasi.tw2"],
  columns: identity([
    { role: "target.tw", words: ["target"], quarters: true },
    { role: "realisasi.tw", any: REALISASI, quarters: true },
    { role: "target", any: [["target"], ["volume", "setahun"]], none: ["tw", "triwulan"] },
    {
      role: "realisasi.tahun",
      any: [["total"], ["jumlah"], ["realisasi", "s d"], ["realisasi", "tahun"]],
    },
    { role: "capaian", any: [["persentase"], ["capaian"], ["%"]] },
    { role: "kategori", any: [["kategori"], ["predikat"]] },
  ]),
  computed: {
    "": [
      {
        kind: "realisasi",
        out: "realisasi.tahun",
        inputs: ["realisasi.tw1", "realisasi.tw2", "realisasi.tw3", "realisasi.tw4"],
        perRow: true,
      },
      { kind: "capaian", out: "capaian", r: "realisasi.tahun", t: "target", perRow: true },
      { kind: "kategori", out: "kategori", from: "capaian" },
    ],
  },
};
