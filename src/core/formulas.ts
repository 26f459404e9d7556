// The statutory formulas (DOMAIN §3) on exact decimals. Inputs are already-read numbers
// (null = empty cell, never 0); results are CalcResult values, never exceptions, and never a
// 0 that hides missing data.
import Decimal from "decimal.js";
import { fail, ok, type CalcError, type CalcResult } from "./result";
import { bandOf, SCALES, normaliseScale, type Band, type ScaleName } from "./scales";
import {
  declineFast,
  differenceFast,
  exactDouble,
  quotientOfRatioFast,
  ratioFast,
  sumFast,
} from "./fast";
import type { Accumulation, Direction, EfficiencyMethod } from "../model/domain";

export type { EfficiencyMethod };

const HUNDRED = new Decimal(100);

/** Excel ROUND: half away from zero. */
export function round(value: Decimal, decimals: number): number {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();
}

/** round(), without the decimal work for a value that already has at most `decimals` decimals. */
function roundOf(value: Decimal, decimals: number): number {
  if (value.decimalPlaces() <= decimals) {
    const v = exactDouble(value);
    if (v !== null) return v;
  }
  return round(value, decimals);
}

// Excel's largest number; beyond it (e.g. a target of 5e-324) the cell shows #NUM!.
const EXCEL_MAX = new Decimal("9.99999999999999e307");

/** A rounded result, or #NUM! when it does not fit an Excel number. */
function result(value: Decimal, decimals: number): CalcResult<number> {
  if (!value.isFinite() || value.abs().gt(EXCEL_MAX))
    return fail(
      "#NUM!",
      "Hasil terlalu besar untuk Excel; periksa target atau pagu yang mendekati nol."
    );
  return ok(round(value, decimals));
}

function places(desimal: number | undefined): number {
  if (desimal === undefined || !Number.isFinite(desimal)) return 2;
  return Math.min(10, Math.max(0, Math.trunc(desimal)));
}

export function capaian(
  realisasi: Decimal | null,
  target: Decimal | null,
  arah: Direction = "naik",
  desimal?: number
): CalcResult<number> {
  if (realisasi === null)
    return fail("#N/A", "Realisasi belum diisi; capaian belum dapat dihitung.");
  if (target === null)
    return fail("#N/A", "Target kosong; capaian tidak dapat dihitung tanpa target.");
  if (target.isZero()) return fail("#DIV/0!", "Target bernilai 0; capaian tidak dapat dihitung.");
  const d = places(desimal);
  let value: Decimal;
  if (arah === "naik") {
    const fast = ratioFast(realisasi, target, d);
    if (fast !== null) return ok(fast);
    value = realisasi.div(target).times(HUNDRED);
  } else if (arah === "turun") {
    const fast = declineFast(realisasi, target, d);
    if (fast !== null) return ok(fast);
    value = target.times(2).minus(realisasi).div(target).times(HUNDRED);
  } else {
    if (realisasi.isZero())
      return fail(
        "#DIV/0!",
        "Realisasi bernilai 0; rumus turun-rasio (target/realisasi) tidak dapat dihitung."
      );
    const fast = ratioFast(target, realisasi, d);
    if (fast !== null) return ok(fast);
    value = target.div(realisasi).times(HUNDRED);
  }
  return result(value, d);
}

export function kategori(
  nilai: Decimal | null,
  skala: ScaleName | Band[] = "permendagri86"
): CalcResult<string> {
  if (nilai === null) return fail("#N/A", "Capaian kosong; kategori belum dapat ditentukan.");
  const scale = typeof skala === "string" ? SCALES[skala] : normaliseScale(skala);
  if (!scale || scale.length === 0) return fail("#VALUE!", "Skala kategori tidak dikenal.");
  return ok(bandOf(roundOf(nilai, 2), scale).label);
}

export function serapan(
  realisasiAnggaran: Decimal | null,
  pagu: Decimal | null,
  desimal?: number
): CalcResult<number> {
  const missing = serapanError(realisasiAnggaran, pagu);
  if (missing) return missing;
  const fast = ratioFast(realisasiAnggaran!, pagu!, places(desimal));
  if (fast !== null) return ok(fast);
  const s = serapanExact(realisasiAnggaran, pagu);
  return s.ok ? result(s.value, places(desimal)) : s;
}

/** Why no serapan can be computed, or null. */
function serapanError(realisasiAnggaran: Decimal | null, pagu: Decimal | null): CalcError | null {
  if (pagu === null) return fail("#N/A", "Pagu anggaran kosong.");
  if (realisasiAnggaran === null) return fail("#N/A", "Realisasi anggaran belum diisi.");
  if (pagu.isZero())
    return fail("#DIV/0!", "Pagu anggaran bernilai 0; serapan tidak dapat dihitung.");
  return null;
}

function serapanExact(
  realisasiAnggaran: Decimal | null,
  pagu: Decimal | null
): CalcResult<Decimal> {
  return serapanError(realisasiAnggaran, pagu) ?? ok(realisasiAnggaran!.div(pagu!).times(HUNDRED));
}

export function efisiensi(
  pagu: Decimal | null,
  realisasiAnggaran: Decimal | null,
  capaianKinerja: Decimal | null,
  metode?: EfficiencyMethod,
  desimal?: number
): CalcResult<number> {
  const method: EfficiencyMethod = metode ?? (capaianKinerja !== null ? "selisih" : "sisa");
  const fast = efisiensiFast(pagu, realisasiAnggaran, capaianKinerja, method, places(desimal));
  if (fast !== null) return ok(fast);
  const s = serapanExact(realisasiAnggaran, pagu);
  if (!s.ok) return s;
  const d = places(desimal);
  if (method === "sisa") return result(HUNDRED.minus(s.value), d);
  if (capaianKinerja === null)
    return fail(
      "#N/A",
      `Metode "${method}" memerlukan capaian kinerja; isi argumen capaian_kinerja.`
    );
  if (method === "selisih") return result(capaianKinerja.minus(s.value), d);
  if (s.value.isZero())
    return fail("#DIV/0!", "Serapan anggaran 0%; rasio efisiensi tidak dapat dihitung.");
  return result(capaianKinerja.div(s.value), d);
}

/** The float shortcut of efisiensi (see fast.ts) where its inputs allow one; else null. */
function efisiensiFast(
  pagu: Decimal | null,
  real: Decimal | null,
  capaianKinerja: Decimal | null,
  method: EfficiencyMethod,
  d: number
): number | null {
  if (serapanError(real, pagu)) return null;
  if (method === "sisa") return differenceFast(null, real!, pagu!, d);
  if (capaianKinerja === null) return null;
  if (method === "selisih") return differenceFast(capaianKinerja, real!, pagu!, d);
  return real!.isZero() ? null : quotientOfRatioFast(capaianKinerja, real!, pagu!, d);
}

export function realisasi(values: (Decimal | null)[], akumulasi: Accumulation): CalcResult<number> {
  const present = values.filter((v): v is Decimal => v !== null);
  if (present.length === 0) return fail("#N/A", "Belum ada realisasi triwulan yang diisi.");
  if (akumulasi === "terakhir") {
    const last = lastPresent(values)!;
    if (last.decimalPlaces() <= 10) {
      const v = exactDouble(last);
      if (v !== null) return ok(v);
    }
    return result(last, 10);
  }
  if (akumulasi === "jumlah" && Decimal.precision >= 20) {
    const fast = sumFast(present);
    if (fast !== null) return ok(fast);
  }
  const sum = present.reduce((a, b) => a.plus(b), new Decimal(0));
  if (akumulasi === "jumlah") return result(sum, 10);
  return result(sum.div(present.length), 10);
}

function lastPresent(values: (Decimal | null)[]): Decimal | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
}

// Units and indicator words that describe a level (stock, rate, index), not a flow.
const LEVEL_UNIT =
  /%|persen|indeks|index|rasio|poin|nilai|predikat|skor|\/\s*(bln|bulan|thn|tahun|hari|minggu)|per\s+(bulan|tahun|hari)/i;
const LEVEL_INDICATOR =
  /^\s*(persentase|prosentase|tingkat|indeks|index|rasio|rata-rata|nilai|angka|proporsi|produktivitas|laju|skor|predikat|cakupan)\b/i;

/** Default accumulation of quarterly/multi-year values (DOMAIN §5), with the reason in Indonesian. */
export function defaultAccumulation(
  unit: string | null,
  indicatorText: string | null
): { accumulation: Accumulation; reason: string } {
  if (unit && LEVEL_UNIT.test(unit))
    return {
      accumulation: "terakhir",
      reason: `satuan "${unit}" menyatakan tingkat/persentase atau per periode: dipakai nilai terakhir, tidak dijumlah`,
    };
  const head = indicatorText?.trim().split(/\s+/).slice(0, 3).join(" ") ?? "";
  if (indicatorText && LEVEL_INDICATOR.test(indicatorText))
    return {
      accumulation: "terakhir",
      reason: `indikator "${head} …" mengukur tingkat, bukan jumlah kejadian: dipakai nilai terakhir`,
    };
  if (unit)
    return {
      accumulation: "jumlah",
      reason: `satuan "${unit}" menghitung kejadian/keluaran: realisasi triwulan dijumlahkan`,
    };
  return {
    accumulation: "jumlah",
    reason: "indikator berupa jumlah keluaran: realisasi triwulan dijumlahkan",
  };
}

export function directionLabel(arah: Direction): string {
  return arah === "naik"
    ? "naik (makin besar makin baik)"
    : arah === "turun"
      ? "turun (makin kecil makin baik)"
      : "turun-rasio (target/realisasi)";
}
