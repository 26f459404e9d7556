// One implementation per KINERJA function, on raw cell inputs exactly as Excel (or the CLI)
// hands them over: numbers, texts like "89,60" / "87%" / "2 dokumen", null for an empty cell.
// The custom-function wrappers and `kinerja hitung` both call these, so they cannot disagree.
import Decimal from "decimal.js";
import { readNumber, type Reading } from "./numbers";
import * as F from "./formulas";
import { fail, ok, type CalcError, type CalcResult } from "./result";
import {
  parseAccumulation,
  parseDecimals,
  parseDirection,
  parseMethod,
  parseScaleName,
} from "./options";
import type { Band } from "./scales";

export type Raw = number | string | boolean | null | undefined;

/** An input number, or the error that says why there is none (null = empty cell). */
function input(raw: Raw, what: string): CalcResult<Decimal | null> {
  return fromReading(readNumber(raw === undefined ? null : raw), what);
}

function fromReading(r: Reading, what: string): CalcResult<Decimal | null> {
  switch (r.kind) {
    case "number":
      return ok(r.value);
    case "empty":
      return ok(null);
    case "excel-error":
      return fail("#VALUE!", `${what} berisi galat ${r.code}; perbaiki sel sumbernya dahulu.`);
    case "compound":
      return fail(
        "#VALUE!",
        `${what} "${r.text}" berisi lebih dari satu angka; tulis satu angka saja.`
      );
    case "invalid":
      return fail("#VALUE!", `${what} "${r.text}" tidak terbaca sebagai angka: ${r.reason}.`);
  }
}

function optionError(message: string): CalcError {
  return fail("#VALUE!", message);
}

export function CAPAIAN(
  realisasi: Raw,
  target: Raw,
  arah?: Raw,
  desimal?: Raw
): CalcResult<number> {
  const r = input(realisasi, "Realisasi");
  if (!r.ok) return r;
  const t = input(target, "Target");
  if (!t.ok) return t;
  const a = parseDirection(arah);
  if (!a.ok) return optionError(a.message);
  const d = parseDecimals(desimal);
  if (!d.ok) return optionError(d.message);
  return F.capaian(r.value, t.value, a.value, d.value);
}

/** skala: a scale name, or the rows of a user range (lower bound, label) in any column order. */
export function KATEGORI(capaian: Raw, skala?: Raw | Raw[][]): CalcResult<string> {
  const c = input(capaian, "Capaian");
  if (!c.ok) return c;
  if (Array.isArray(skala)) {
    const bands = userScale(skala);
    if (!bands.ok) return bands;
    return F.kategori(c.value, bands.value);
  }
  const s = parseScaleName(skala);
  if (!s.ok) return optionError(s.message);
  return F.kategori(c.value, s.value);
}

/** A user scale from a two-column range: one column of numbers (lower bounds), one of labels. */
export function userScale(rows: Raw[][]): CalcResult<Band[]> {
  const bands: Band[] = [];
  for (const row of rows) {
    const cells = row.filter((v) => !(v === null || v === undefined || v === ""));
    if (cells.length === 0) continue;
    if (cells.length !== 2)
      return fail("#VALUE!", "Rentang skala harus 2 kolom: batas bawah dan label.");
    const nums = cells.map((v) => readNumber(v as string | number | boolean));
    const numIdx = nums.findIndex((n) => n.kind === "number");
    if (numIdx < 0)
      return fail(
        "#VALUE!",
        `Baris skala "${cells.join(" | ")}" tidak berisi batas bawah berupa angka.`
      );
    const label = String(cells[1 - numIdx]).trim();
    const n = nums[numIdx];
    if (n.kind !== "number" || !label)
      return fail("#VALUE!", "Rentang skala harus 2 kolom: batas bawah dan label.");
    bands.push({ min: n.value.toNumber(), label });
  }
  if (bands.length === 0) return fail("#VALUE!", "Rentang skala kosong.");
  return ok(bands);
}

export function EFISIENSI(
  pagu: Raw,
  realisasiAnggaran: Raw,
  capaianKinerja?: Raw,
  metode?: Raw,
  desimal?: Raw
): CalcResult<number> {
  const p = input(pagu, "Pagu");
  if (!p.ok) return p;
  const r = input(realisasiAnggaran, "Realisasi anggaran");
  if (!r.ok) return r;
  const c = input(capaianKinerja, "Capaian kinerja");
  if (!c.ok) return c;
  const m = parseMethod(metode);
  if (!m.ok) return optionError(m.message);
  const d = parseDecimals(desimal);
  if (!d.ok) return optionError(d.message);
  return F.efisiensi(p.value, r.value, c.value, m.value, d.value);
}

export function SERAPAN(realisasiAnggaran: Raw, pagu: Raw, desimal?: Raw): CalcResult<number> {
  const r = input(realisasiAnggaran, "Realisasi anggaran");
  if (!r.ok) return r;
  const p = input(pagu, "Pagu");
  if (!p.ok) return p;
  const d = parseDecimals(desimal);
  if (!d.ok) return optionError(d.message);
  return F.serapan(r.value, p.value, d.value);
}

/** Year-to-date realisation of quarterly values; the default accumulation comes from the unit. */
export function REALISASI(nilaiTriwulan: Raw[], akumulasi?: Raw): CalcResult<number> {
  const values: (Decimal | null)[] = [];
  let unit: string | null = null;
  for (const raw of nilaiTriwulan) {
    const reading = readNumber(raw === undefined ? null : raw);
    if (reading.kind === "number") {
      unit = unit ?? reading.unit ?? (reading.isPercent ? "%" : null);
    }
    const v = fromReading(reading, "Nilai triwulan");
    if (!v.ok) return v;
    values.push(v.value);
  }
  const a = parseAccumulation(akumulasi);
  if (!a.ok) return optionError(a.message);
  const mode = a.value ?? F.defaultAccumulation(unit, null).accumulation;
  return F.realisasi(values, mode);
}

export function ANGKA(teks: Raw): CalcResult<number> {
  const r = input(teks, "Isian");
  if (!r.ok) return r;
  if (r.value === null) return fail("#N/A", "Sel kosong; tidak ada angka.");
  const n = r.value.toNumber();
  return Number.isFinite(n) ? ok(n) : fail("#NUM!", "Angka terlalu besar untuk Excel.");
}
