// Tolerant comparison of indicator texts and units with the official ones (kode.indikator-beda,
// kode.satuan-beda): case, spacing, punctuation, the abbreviations planners use (Dok, Org, Lap,
// Keg, Pkt, Bln …), "%" / persen, a trailing "pada tahun n", a leading "Jumlah", alternatives in
// the official unit ("Laporan / Dokumen", "Sambungan Rumah (SR)") and one-letter typos (the
// official data has "Dokuman", "Doumen").
import { memo } from "./memo";

const ABBREVIATIONS: Record<string, string> = {
  dok: "dokumen",
  dokuman: "dokumen",
  doc: "dokumen",
  org: "orang",
  orng: "orang",
  lap: "laporan",
  lapr: "laporan",
  keg: "kegiatan",
  kgt: "kegiatan",
  pkt: "paket",
  bln: "bulan",
  bl: "bulan",
  thn: "tahun",
  th: "tahun",
  jml: "jumlah",
  jmlh: "jumlah",
  unt: "unit",
  bh: "buah",
  kab: "kabupaten",
  kec: "kecamatan",
  kel: "kelurahan",
  yg: "yang",
  dgn: "dengan",
  dg: "dengan",
  dlm: "dalam",
  utk: "untuk",
  persentase: "persen",
  prosentase: "persen",
  hektar: "ha",
  hektare: "ha",
  kilometer: "km",
  meter: "m",
  lbg: "lembaga",
  ls: "lumpsum",
};

/** Lower case, punctuation and spacing dropped, abbreviations written out. */
export const measureKey = memo(keyOf, 20000);

function keyOf(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/Â/g, "") // "MÂ³/Hari": a mis-decoded superscript in the official data
    .toLowerCase()
    .replace(/&/g, " dan ")
    .replace(/%/g, " persen ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((t) => ABBREVIATIONS[t] ?? t)
    .join(" ");
}

/** The parts of an indicator that planners leave out without changing what it measures. */
function indicatorCore(key: string): string {
  return key
    .replace(/^jumlah /, "")
    .replace(/ (pada )?tahun (n|berjalan)$/, "")
    .trim();
}

/** Edit distance (insert, delete, substitute, swap of neighbours), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

function closeEnough(a: string, b: string): boolean {
  if (a === b) return true;
  const len = Math.min(a.length, b.length);
  // about one slip per 35 characters ("Triwulan" for "Triwulanan" twice in a long indicator)
  const max = len >= 30 ? Math.max(2, Math.floor(len / 35)) : len >= 5 ? 1 : 0;
  return max > 0 && editDistance(a, b, max) <= max;
}

// indicator texts repeat down a sheet: each distinct pair is compared once
const indicatorPair = memo((pair: string) => {
  const [w, o] = pair.split("\u0000");
  return compareIndicators(w, o);
}, 20000);

/** The written indicator measures what the official one measures (after normalisation). */
export function sameIndicator(written: string, official: string): boolean {
  return indicatorPair(`${written}\u0000${official}`);
}

function compareIndicators(written: string, official: string): boolean {
  const w = measureKey(written);
  const o = measureKey(official);
  if (!w || !o) return !w && !o;
  return closeEnough(w, o) || closeEnough(indicatorCore(w), indicatorCore(o));
}

const RATE = /^(hari|bulan|tahun|detik|jam|minggu|kap|kapita)$/;

/** The official unit and the alternatives it allows ("Unit/Paket" → unit, paket). */
function unitForms(official: string): string[] {
  const forms = [measureKey(official)];
  const paren = /^(.*?)\(([^)]*)\)\s*$/.exec(official);
  if (paren) forms.push(measureKey(paren[1]), measureKey(paren[2]));
  const parts = official.split("/").map(measureKey);
  // "Orang/Bulan", "Ton/hari", "kg/kap/tahun" are rates, not alternatives
  if (parts.length === 2 && !parts.some((p) => RATE.test(p))) forms.push(...parts);
  return forms.filter(Boolean);
}

/** The written unit is the official one (or one of its alternatives), after normalisation. */
export function sameUnit(written: string, official: string): boolean {
  const w = measureKey(written);
  if (!w) return true;
  return unitForms(official).some((o) => closeEnough(w, o));
}
