// Column rules several layouts share: identity and descriptive columns.
import type { ColumnRule } from "./types";

/**
 * Program / kegiatan / sub-kegiatan name, earlier alternatives first: a column of its own for the
 * sub-kegiatan beats separate Program and Kegiatan columns (one row per sub-kegiatan);
 * sasaran/tujuan only when nothing better is there.
 */
export const NAME_ANY = [
  ["sub kegiatan"],
  ["urusan"],
  ["program"],
  ["kegiatan"],
  ["uraian"],
  ["nama", "indikator"],
  ["sasaran"],
  ["tujuan"],
];
export const INDIKATOR: ColumnRule = {
  role: "indikator",
  any: [["indikator"], ["tolok ukur"], ["tolak ukur"]],
};
export const KODE: ColumnRule = { role: "kode", any: [["kode"], ["kd"]], none: ["indikator"] };
export const NO: ColumnRule = { role: "no", any: [["no"], ["nomor"]], none: ["nomenklatur"] };
export const SATUAN: ColumnRule = { role: "satuan", words: ["satuan"] };

/**
 * Descriptive columns seen in real sheets before the indicator (Visi, Misi, Sasaran RPJMD,
 * Tujuan, Sasaran PD) and after the numbers (unit PD, notes): recognised so that they are never
 * taken for anything else. Never required, never computed, never written.
 */
export const DESCRIPTIVE: ColumnRule[] = [
  { role: "visi", words: ["visi"] },
  { role: "misi", words: ["misi"] },
  { role: "tujuan", words: ["tujuan"], none: ["program", "kegiatan"] },
  {
    role: "sasaran.pd",
    words: ["sasaran"],
    any: [["pd"], ["perangkat daerah"], ["opd"], ["skpd"]],
  },
  { role: "sasaran", words: ["sasaran"], none: ["program", "kegiatan"] },
  { role: "kebijakan", words: ["kebijakan"] },
  { role: "permasalahan", words: ["permasalahan"], none: ["upaya"] },
  { role: "upaya", words: ["upaya"] },
  { role: "tindak.lanjut", words: ["tindak lanjut"] },
  {
    role: "unit.pd",
    any: [["unit"], ["penanggung jawab"], ["pelaksana"]],
    none: ["target", "realisasi"],
  },
  { role: "keterangan", any: [["ket"], ["keterangan"]] },
  { role: "sumber.dana", words: ["sumber dana"] },
  { role: "lokasi", words: ["lokasi"], none: ["maju"] },
];

/** Name, indicator and the descriptive columns, with the layout's own rules in between. */
export function identity(
  own: ColumnRule[],
  opts: { kode?: boolean; no?: boolean } = {}
): ColumnRule[] {
  return [
    ...(opts.no === false ? [] : [NO]),
    ...(opts.kode === false ? [] : [KODE]),
    // before the descriptive rules: a lone "Sasaran" column is the name column (LKjIP)
    {
      role: "uraian",
      any: NAME_ANY,
      none: ["indikator", "target", "realisasi", "unit", "tingkat", "pagu"],
    },
    INDIKATOR,
    SATUAN,
    ...DESCRIPTIVE.filter(
      (r) => !["keterangan", "unit.pd", "sumber.dana", "lokasi"].includes(r.role)
    ),
    ...own,
    ...DESCRIPTIVE.filter((r) =>
      ["keterangan", "unit.pd", "sumber.dana", "lokasi"].includes(r.role)
    ),
  ];
}
