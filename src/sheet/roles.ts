// Indonesian labels of the column roles (src/model/roles.ts), for the task pane and the CLI.
// The compiler makes sure every base role and every E.81 stem has a label.
import type { BaseRole, ColumnRoles, E81Stem, RoleId, Side } from "../model";

const BASE: Record<BaseRole, string> = {
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
  visi: "Visi",
  misi: "Misi",
  tujuan: "Tujuan",
  sasaran: "Sasaran (RPJMD)",
  "sasaran.pd": "Sasaran Perangkat Daerah",
  kebijakan: "Kebijakan",
  permasalahan: "Permasalahan",
  upaya: "Upaya mengatasi permasalahan",
  "tindak.lanjut": "Tindak lanjut",
  "anggaran.pagu": "Pagu anggaran (Rp)",
  "anggaran.realisasi": "Realisasi anggaran (Rp)",
  "anggaran.capaian": "Capaian/serapan anggaran (%)",
  efisiensi: "Efisiensi (%)",
  "target.renstra": "Target Renstra akhir periode",
  "realisasi.lalu": "Realisasi s/d tahun lalu",
  "target.n2": "Target tahun lalu",
  "realisasi.n2": "Realisasi tahun lalu",
  "capaian.n2": "Tingkat realisasi tahun lalu (%)",
  "target.n1": "Target tahun berjalan",
  "realisasi.renstra": "Realisasi capaian s/d tahun berjalan",
  "capaian.renstra": "Tingkat capaian Renstra (%)",
  "realisasi.tw1": "Realisasi triwulan I",
  "realisasi.tw2": "Realisasi triwulan II",
  "realisasi.tw3": "Realisasi triwulan III",
  "realisasi.tw4": "Realisasi triwulan IV",
  "target.tw1": "Target triwulan I",
  "target.tw2": "Target triwulan II",
  "target.tw3": "Target triwulan III",
  "target.tw4": "Target triwulan IV",
  "realisasi.tahun": "Realisasi tahun berjalan (jumlah triwulan)",
  "target.maju": "Target prakiraan maju",
  "anggaran.maju": "Pagu prakiraan maju (Rp)",
  "target.rkpd": "Target rancangan awal RKPD",
  "anggaran.rkpd": "Pagu rancangan awal RKPD (Rp)",
  "target.analisis": "Target hasil analisis kebutuhan",
  "anggaran.analisis": "Pagu hasil analisis kebutuhan (Rp)",
};

/** E.81 groups with their statutory column number (002:L1353). */
const E81: Record<E81Stem, string> = {
  "target.renstra": "Target Renstra akhir periode (5)",
  "realisasi.lalu": "Realisasi Renstra s/d tahun lalu (6)",
  "target.tahun": "Target Renja tahun berjalan (7)",
  "realisasi.tw1": "Realisasi triwulan I (8)",
  "realisasi.tw2": "Realisasi triwulan II (9)",
  "realisasi.tw3": "Realisasi triwulan III (10)",
  "realisasi.tw4": "Realisasi triwulan IV (11)",
  "realisasi.tahun": "Realisasi tahun berjalan (12)",
  "capaian.tahun": "Tingkat capaian tahun berjalan % (13)",
  "realisasi.renstra": "Realisasi Renstra s/d tahun berjalan (14)",
  "capaian.renstra": "Tingkat capaian Renstra % (15)",
};

const SIDE: Record<Side, string> = {
  k: "Kinerja (K)",
  rp: "Anggaran (Rp)",
  pct: "% dari target tahunan",
};

const LABELS = new Map<string, string>(Object.entries(BASE));
for (const [stem, label] of Object.entries(E81))
  for (const [side, s] of Object.entries(SIDE)) LABELS.set(`${stem}.${side}`, `${label} — ${s}`);
for (let part = 2; part <= 6; part++) LABELS.set(`kode.${part}`, `Kode (bagian ${part})`);

/** Indonesian label of a role id (falls back to the id). */
export function roleLabel(role: string): string {
  return LABELS.get(role) ?? role;
}

/** The roles of a column map, typed (Object.keys gives plain strings). */
export function rolesOf(cols: ColumnRoles): RoleId[] {
  return Object.keys(cols) as RoleId[];
}

/** Every known role id (mapping editor, `--peta` validation). */
export function allRoles(): RoleId[] {
  return [...LABELS.keys()] as RoleId[];
}

export function isRoleId(role: string): role is RoleId {
  return LABELS.has(role);
}

/** The role without its E.81 side: "capaian.tahun.k" → "capaian.tahun". */
export function stemOf(role: string): string {
  return role.replace(/\.(k|rp|pct)$/, "");
}

/** The E.81 side of a role, or null. */
export function sideOf(role: string): Side | null {
  const m = /\.(k|rp|pct)$/.exec(role);
  return m ? (m[1] as Side) : null;
}

const TEXT_ROLES = new Set<string>([
  "no",
  "uraian",
  "indikator",
  "satuan",
  "kategori",
  "sumber",
  "lokasi",
  "sumber.dana",
  "catatan",
  "keterangan",
  "unit.pd",
  "visi",
  "misi",
  "tujuan",
  "sasaran",
  "sasaran.pd",
  "kebijakan",
  "permasalahan",
  "upaya",
  "tindak.lanjut",
]);

/** Roles whose cells hold numbers (everything but names, texts and code parts). */
export function isNumericRole(role: string): boolean {
  return !TEXT_ROLES.has(role) && !role.startsWith("kode");
}

/** Kinerja (not Rupiah) target/realisation roles: where an indicator's unit shows. */
export function isKinerjaRole(role: string): boolean {
  return /^(target|realisasi)/.test(role) && !role.endsWith(".rp") && !role.endsWith(".pct");
}

/** Roles holding percent points (capaian, serapan, efisiensi, predikat footers). */
export function isPercentRole(role: string): boolean {
  return /^(capaian|anggaran\.capaian|efisiensi|predikat)/.test(role);
}
