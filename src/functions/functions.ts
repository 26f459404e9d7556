// KINERJA custom functions: thin wrappers over src/core/functions-impl. Every numeric input is
// a matrix so one formula can cover a whole column and spill the results (a single cell arrives
// as a 1×1 matrix). custom-functions-metadata-plugin turns the JSDoc below into functions.json
// and registers each function with CustomFunctions.associate at build time.
//
// Empty cells: Excel on the web passes them as null (we report #N/A "belum diisi"); Excel
// desktop passes empty cells inside ranges as 0 (office-js#1951), which then counts as a real 0.

import * as impl from "../core/functions-impl";
import type { Raw } from "../core/functions-impl";
import { scalar, spill, spillAsync, toCustomFunctionValue } from "./spill";

/**
 * Capaian kinerja (%): realisasi dibanding target. Arah "naik" (bawaan) = R/T×100; "turun" (makin kecil makin baik) = (2T−R)/T×100; "turun-rasio" = T/R×100.
 * @customfunction CAPAIAN
 * @param realisasi Realisasi (angka, teks seperti "89,60" atau "2 dokumen", atau rentang).
 * @param target Target (angka, teks seperti "87%", atau rentang).
 * @param [arah] "naik" (bawaan), "turun" atau "turun-rasio".
 * @param [desimal] Jumlah desimal hasil (bawaan 2).
 * @returns Capaian dalam persen.
 */
export function capaian(
  realisasi: any[][],
  target: any[][],
  arah?: string,
  desimal?: number
): any[][] {
  return spill([realisasi, target], (r, t) => impl.CAPAIAN(r as Raw, t as Raw, arah, desimal));
}

/**
 * Kategori/predikat capaian menurut skala: "permendagri86" (bawaan), "lkjip", "target", atau rentang 2 kolom (batas bawah, label).
 * @customfunction KATEGORI
 * @param capaian Capaian dalam persen (angka atau rentang). Untuk sel berformat persen kalikan 100.
 * @param [skala] Nama skala atau rentang skala buatan sendiri.
 * @returns Label kategori.
 */
export function kategori(capaian: any[][], skala?: any[][]): any[][] {
  const s =
    skala && (skala.length > 1 || (skala[0] && skala[0].length > 1))
      ? (skala as Raw[][])
      : (scalar(skala) as Raw);
  return spill([capaian], (c) => impl.KATEGORI(c as Raw, s));
}

/**
 * Efisiensi anggaran (%). Metode "sisa" = 100 − serapan; "selisih" = capaian kinerja − serapan; "rasio" = capaian kinerja / serapan.
 * @customfunction EFISIENSI
 * @param pagu Pagu anggaran (Rp).
 * @param realisasi_anggaran Realisasi anggaran (Rp).
 * @param [capaian_kinerja] Capaian kinerja (%), untuk metode "selisih" dan "rasio".
 * @param [metode] "sisa", "selisih" atau "rasio"; bawaan "selisih" bila capaian diisi, selain itu "sisa".
 * @param [desimal] Jumlah desimal hasil (bawaan 2).
 * @returns Efisiensi.
 */
export function efisiensi(
  pagu: any[][],
  realisasi_anggaran: any[][],
  capaian_kinerja?: any[][],
  metode?: string,
  desimal?: number
): any[][] {
  return spill([pagu, realisasi_anggaran, capaian_kinerja], (p, r, c) =>
    impl.EFISIENSI(p as Raw, r as Raw, c as Raw, metode, desimal)
  );
}

/**
 * Serapan anggaran (%): realisasi anggaran / pagu × 100.
 * @customfunction SERAPAN
 * @param realisasi_anggaran Realisasi anggaran (Rp).
 * @param pagu Pagu anggaran (Rp).
 * @param [desimal] Jumlah desimal hasil (bawaan 2).
 * @returns Serapan dalam persen.
 */
export function serapan(realisasi_anggaran: any[][], pagu: any[][], desimal?: number): any[][] {
  return spill([realisasi_anggaran, pagu], (r, p) => impl.SERAPAN(r as Raw, p as Raw, desimal));
}

/**
 * Realisasi s.d. triwulan dari nilai per triwulan: "jumlah", "terakhir" atau "rata". Bawaan menurut satuan (persen, indeks, per bulan → terakhir).
 * @customfunction REALISASI
 * @param nilai_triwulan Nilai triwulan I–IV dalam satu baris (beberapa baris → satu hasil per baris).
 * @param [akumulasi] "jumlah", "terakhir" atau "rata".
 * @returns Realisasi kumulatif per baris.
 */
export function realisasi(nilai_triwulan: any[][], akumulasi?: string): any[][] {
  const rows = Array.isArray(nilai_triwulan) && nilai_triwulan.length ? nilai_triwulan : [[null]];
  return rows.map((row) => [
    toCustomFunctionValue(impl.REALISASI((row ?? []) as Raw[], akumulasi)),
  ]);
}

/**
 * Angka di dalam teks sel ("8.636 lembar" → 8636, "Rp 1.250.000" → 1250000, "87%" → 87).
 * @customfunction ANGKA
 * @param teks Teks atau rentang.
 * @returns Angka.
 */
export function angka(teks: any[][]): any[][] {
  return spill([teks], (t) => impl.ANGKA(t as Raw));
}

/**
 * Nama resmi kode nomenklatur (mis. 2.07.04.2.01.0002 → Pelayanan antar Kerja). Kode boleh ditulis dengan spasi atau angka nol yang hilang.
 * @customfunction NAMAKODE
 * @param kode Kode program/kegiatan/sub kegiatan, atau rentang.
 * @param [tahun] Tahun anggaran (menentukan versi nomenklatur; bawaan daftar TA 2024).
 * @returns Nama resmi.
 */
export async function namakode(kode: any[][], tahun?: number): Promise<any[][]> {
  const { namaKode } = await import(/* webpackChunkName: "codes" */ "../codes/api");
  return spillAsync([kode], (k) => namaKode(k, tahun));
}

/**
 * Memeriksa kode nomenklatur: "OK", atau alasan kode tidak sah (format, kewenangan provinsi, kode lama beserta penggantinya).
 * @customfunction CEKKODE
 * @param kode Kode, atau rentang.
 * @param [tahun] Tahun anggaran (menentukan versi nomenklatur).
 * @returns "OK" atau alasannya.
 */
export async function cekkode(kode: any[][], tahun?: number): Promise<any[][]> {
  const { cekKode } = await import(/* webpackChunkName: "codes" */ "../codes/api");
  return spillAsync([kode], (k) => cekKode(k, tahun));
}
