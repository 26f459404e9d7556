// Column role vocabulary shared by recognition, checks, fill and the task pane.
// A role id is machine output (CLI JSON, saved mappings); the label is what the user sees.

const BASE: Record<string, string> = {
  no: "Nomor",
  kode: "Kode",
  uraian: "Uraian (program/kegiatan/sub kegiatan)",
  indikator: "Indikator kinerja",
  satuan: "Satuan",
  target: "Target",
  realisasi: "Realisasi",
  capaian: "Capaian (%)",
  kategori: "Kategori",
  sumber: "Sumber data",
  lokasi: "Lokasi",
  "sumber.dana": "Sumber dana",
  catatan: "Catatan",
  keterangan: "Keterangan",
  "unit.pd": "Unit PD penanggung jawab",
  "anggaran.pagu": "Pagu anggaran (Rp)",
  "anggaran.realisasi": "Realisasi anggaran (Rp)",
  "anggaran.capaian": "Capaian/serapan anggaran (%)",
  efisiensi: "Efisiensi (%)",
  // T-C.29
  "target.renstra": "Target Renstra akhir periode (4)",
  "realisasi.lalu": "Realisasi s/d tahun n-3 (5)",
  "target.n2": "Target tahun lalu (6)",
  "realisasi.n2": "Realisasi tahun lalu (7)",
  "capaian.n2": "Tingkat realisasi tahun lalu % (8)",
  "target.n1": "Target tahun berjalan (9)",
  "realisasi.renstra": "Perkiraan realisasi capaian s/d tahun berjalan (10)",
  "capaian.renstra": "Tingkat capaian Renstra % (11)",
  // T-C.33 / T-C.31
  "target.maju": "Target prakiraan maju",
  "anggaran.maju": "Pagu prakiraan maju (Rp)",
  "target.rkpd": "Target rancangan awal RKPD",
  "anggaran.rkpd": "Pagu rancangan awal RKPD (Rp)",
  "target.analisis": "Target hasil analisis kebutuhan",
  "anggaran.analisis": "Pagu hasil analisis kebutuhan (Rp)",
};

/** E.81 groups (logical column number → role stem); each has a K and an Rp sub-column. */
export const E81_GROUPS: Array<[number, string, string]> = [
  [5, "target.renstra", "Target Renstra akhir periode (5)"],
  [6, "realisasi.lalu", "Realisasi Renstra s/d tahun lalu (6)"],
  [7, "target.tahun", "Target Renja tahun berjalan (7)"],
  [8, "realisasi.tw1", "Realisasi triwulan I (8)"],
  [9, "realisasi.tw2", "Realisasi triwulan II (9)"],
  [10, "realisasi.tw3", "Realisasi triwulan III (10)"],
  [11, "realisasi.tw4", "Realisasi triwulan IV (11)"],
  [12, "realisasi.tahun", "Realisasi tahun berjalan (12)"],
  [13, "capaian.tahun", "Tingkat capaian tahun berjalan % (13)"],
  [14, "realisasi.renstra", "Realisasi Renstra s/d tahun berjalan (14)"],
  [15, "capaian.renstra", "Tingkat capaian Renstra % (15)"],
];

const LABELS: Record<string, string> = { ...BASE };
for (const [, stem, label] of E81_GROUPS) {
  LABELS[`${stem}.k`] = `${label} — Kinerja (K)`;
  LABELS[`${stem}.rp`] = `${label} — Anggaran (Rp)`;
}

/** Indonesian label of a role id (falls back to the id). */
export function roleLabel(role: string): string {
  return LABELS[role] ?? role;
}

/** Every known role id (for the mapping editor). */
export function allRoles(): string[] {
  return Object.keys(LABELS);
}
