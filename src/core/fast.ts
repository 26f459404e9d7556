// Shortcuts for the formulas of formulas.ts in plain floating point, taken only where they give
// exactly the number the decimal computation gives; null sends the caller down the decimal path.
// On a sheet of distinct values the decimal operations were a fifth of the fill planning
// (measured on 100 Mojokerto workbooks); the shortcuts skip them for almost every cell.
//
// Why the results are identical:
// - exactDouble reads a Decimal as coefficient × 10^k (decimal.js' documented d/e/s fields);
//   with the coefficient below 2^53 and |k| ≤ 22 one multiplication or division by an exact power
//   of ten gives the correctly rounded double, which is what Decimal.toNumber() returns.
// - A rounded quotient (capaian, serapan, efisiensi) is computed with a relative error below
//   8 × 2^-53; the decimal result rounds the exact quotient (to 20 digits, then half away from
//   zero). When the float value lies clearly away from the half-way point of its last decimal
//   (margin far above both errors), both round to the same integer k of units of 10^-d, and
//   k / 10^d is the double nearest to the decimal result. Otherwise: null.
// - A sum of numbers with at most 10 decimals is done on integers (exact below 2^53).
import Decimal from "decimal.js";

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const SAFE = Number.MAX_SAFE_INTEGER;

/** The double of a Decimal when it is exactly Decimal.toNumber() and cheap; else null. */
export function exactDouble(x: Decimal): number | null {
  const d = x.d;
  if (!d || d.length > 3) return null;
  let c = d[0];
  for (let i = 1; i < d.length; i++) c = c * 1e7 + d[i];
  if (c > SAFE) return null;
  let digits = 1;
  for (let w = d[0]; w >= 10; w = Math.floor(w / 10)) digits++;
  const k = x.e - digits + 1 - 7 * (d.length - 1);
  if (k < -22 || k > 22) return null;
  const v = k >= 0 ? c * POW10[k] : c / POW10[-k];
  return x.s < 0 ? -v : v;
}

/** x × 10^places as an exact safe integer, or null. */
function scaled(x: Decimal, places: number): number | null {
  const d = x.d;
  if (!d || d.length > 3) return null;
  let c = d[0];
  for (let i = 1; i < d.length; i++) c = c * 1e7 + d[i];
  let digits = 1;
  for (let w = d[0]; w >= 10; w = Math.floor(w / 10)) digits++;
  let k = x.e - digits + 1 - 7 * (d.length - 1) + places;
  while (k < 0 && c % 10 === 0 && c !== 0) {
    c /= 10;
    k++;
  }
  if (c > SAFE || k < 0 || k > 15) return c === 0 ? 0 : null;
  const v = c * POW10[k];
  if (v > SAFE) return null;
  return x.s < 0 ? -v : v;
}

const U = Math.pow(2, -53);

/**
 * `value` rounded half away from zero to `places` decimals when `value` carries at most
 * `error` (absolute) and is clearly away from a half-way point; else null.
 */
export function roundedFast(value: number, error: number, places: number): number | null {
  if (!Number.isFinite(value) || places < 0 || places > 10) return null;
  const p = POW10[places];
  const s = value * p;
  const a = Math.abs(s);
  if (a >= 2 ** 52) return null;
  const floor = Math.floor(a);
  const f = a - floor;
  // the error of s: the value's own error scaled, plus this multiplication
  if (Math.abs(f - 0.5) <= (error * p + a * U) * 4 + 1e-300) return null;
  const k = f > 0.5 ? floor + 1 : floor;
  const negative = s < 0 || (s === 0 && 1 / s < 0);
  return negative ? -(k / p) : k / p;
}

/** a / b × 100 rounded, with the operands' doubles; null to use decimals. */
export function ratioFast(a: Decimal, b: Decimal, places: number): number | null {
  if (Decimal.precision < 20) return null;
  const x = exactDouble(a);
  const y = exactDouble(b);
  if (x === null || y === null || y === 0) return null;
  const v = (x / y) * 100;
  return roundedFast(v, Math.abs(v) * 8 * U, places);
}

/** (2t − r) / t × 100 rounded (capaian "turun"); null to use decimals. */
export function declineFast(r: Decimal, t: Decimal, places: number): number | null {
  if (Decimal.precision < 20) return null;
  const x = exactDouble(r);
  const y = exactDouble(t);
  if (x === null || y === null || y === 0) return null;
  const v = ((2 * y - x) / y) * 100;
  // the subtraction's error is relative to its operands, not to the (maybe small) difference
  const error = ((Math.abs(2 * y) + Math.abs(x)) / Math.abs(y)) * 100 * 8 * U + Math.abs(v) * 8 * U;
  return roundedFast(v, error, places);
}

/** 100 − a / b × 100, or c − a / b × 100, rounded (efisiensi); null to use decimals. */
export function differenceFast(
  from: Decimal | null,
  a: Decimal,
  b: Decimal,
  places: number
): number | null {
  if (Decimal.precision < 20) return null;
  const c = from === null ? 100 : exactDouble(from);
  const x = exactDouble(a);
  const y = exactDouble(b);
  if (c === null || x === null || y === null || y === 0) return null;
  const s = (x / y) * 100;
  const v = c - s;
  const error = (Math.abs(c) + Math.abs(s)) * 8 * U + Math.abs(v) * 8 * U;
  return roundedFast(v, error, places);
}

/** c / (a / b × 100) rounded (efisiensi "rasio"); null to use decimals. */
export function quotientOfRatioFast(
  c: Decimal,
  a: Decimal,
  b: Decimal,
  places: number
): number | null {
  if (Decimal.precision < 20) return null;
  const z = exactDouble(c);
  const x = exactDouble(a);
  const y = exactDouble(b);
  if (z === null || x === null || y === null || y === 0 || x === 0) return null;
  const v = z / ((x / y) * 100);
  return roundedFast(v, Math.abs(v) * 12 * U, places);
}

/** The exact sum of numbers with at most 10 decimals (as the decimal sum rounds to 10); else null. */
export function sumFast(values: Decimal[]): number | null {
  let places = 0;
  for (const v of values) {
    const dp = v.decimalPlaces();
    if (dp > 10) return null;
    if (dp > places) places = dp;
  }
  let sum = 0;
  let size = 0;
  for (const v of values) {
    const m = scaled(v, places);
    if (m === null) return null;
    sum += m;
    size += Math.abs(m);
    if (size > SAFE) return null;
  }
  // 0 + (−0) is +0, like the decimal sum that starts from 0
  return sum / POW10[places];
}
