// T-C.33 "Rumusan Rencana Program dan Kegiatan PD Tahun …" (Pasuruan "Tabel 4.1"), and its
// predecessor under Permendagri 54/2010 ("Program dan Kegiatan SKPD", Rencana Tahun n and
// Perkiraan Maju). Codes, names and pagu: nothing is computed, the budget roll-ups are checked.
import { identity } from "./common";
import type { LayoutDef } from "./types";

export const TC33: LayoutDef = {
  id: "TC33",
  label: "Tabel T-C.33 (rumusan rencana program dan kegiatan)",
  title: [
    "t-c.33",
    "t-c. 33",
    "tc.33",
    "rumusan rencana program dan kegiatan",
    "program dan kegiatan skpd",
    "rencana program dan kegiatan",
  ],
  required: ["kode", "uraian", "indikator", "anggaran.pagu"],
  columns: identity([
    { role: "lokasi", words: ["lokasi"], none: ["maju"] },
    { role: "target.maju", words: ["maju", "target"] },
    {
      role: "anggaran.maju",
      any: [
        ["maju", "pagu"],
        ["maju", "kebutuhan dana"],
        ["maju", "dana"],
      ],
    },
    { role: "target", words: ["target"], none: ["maju"] },
    { role: "anggaran.pagu", any: [["pagu"], ["kebutuhan dana"]], none: ["maju"] },
    { role: "sumber.dana", words: ["sumber dana"] },
    { role: "catatan", words: ["catatan"] },
  ]),
  computed: { "": [] },
};
