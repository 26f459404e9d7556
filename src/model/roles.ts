// Column role ids (types only). A role id is machine output (CLI JSON, saved mappings); its
// Indonesian label lives in sheet/roles.ts, which must label every id below.

/** E.81 groups that have a Kinerja (K) and an Anggaran (Rp) sub-column, some also a % one. */
export type E81Stem =
  | "target.renstra"
  | "realisasi.lalu"
  | "target.tahun"
  | "realisasi.tw1"
  | "realisasi.tw2"
  | "realisasi.tw3"
  | "realisasi.tw4"
  | "realisasi.tahun"
  | "capaian.tahun"
  | "realisasi.renstra"
  | "capaian.renstra";

/** Sub-column of an E.81 group: kinerja, rupiah, or the share of the annual target (%). */
export type Side = "k" | "rp" | "pct";

export type Quarter = 1 | 2 | 3 | 4;

export type BaseRole =
  | "no"
  | "kode"
  | "uraian"
  | "indikator"
  | "satuan"
  | "target"
  | "realisasi"
  | "capaian"
  | "kategori"
  | "sumber"
  | "lokasi"
  | "sumber.dana"
  | "catatan"
  | "keterangan"
  | "unit.pd"
  | "visi"
  | "misi"
  | "tujuan"
  | "sasaran"
  | "sasaran.pd"
  | "kebijakan"
  | "permasalahan"
  | "upaya"
  | "tindak.lanjut"
  | "anggaran.pagu"
  | "anggaran.realisasi"
  | "anggaran.capaian"
  | "efisiensi"
  // T-C.29
  | "target.renstra"
  | "realisasi.lalu"
  | "target.n2"
  | "realisasi.n2"
  | "capaian.n2"
  | "target.n1"
  | "realisasi.renstra"
  | "capaian.renstra"
  // quarterly capaian tables without K/Rp sub-columns
  | `realisasi.tw${Quarter}`
  | `target.tw${Quarter}`
  | "realisasi.tahun"
  // T-C.33 / T-C.31
  | "target.maju"
  | "anggaran.maju"
  | "target.rkpd"
  | "anggaran.rkpd"
  | "target.analisis"
  | "anggaran.analisis";

/** Second to sixth cell of a code split over several columns. */
export type CodePartRole = `kode.${2 | 3 | 4 | 5 | 6}`;

export type RoleId = BaseRole | `${E81Stem}.${Side}` | CodePartRole;

/** The E.81 footer's predikat of a capaian column's average (a computed cell, not a column). */
export type FooterRole = `predikat.${RoleId}`;

/** Something per role (a row's numbers, a row's computed cells); roles a table lacks are absent. */
export type RoleMap<T> = Partial<Record<RoleId, T>>;

/** role → 0-based column index. */
export type ColumnRoles = RoleMap<number>;
