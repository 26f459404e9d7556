// The engine's single contact with the core number reader and formulas (src/core). Everything
// in sheet/, checks/ and fill/ goes through here, so a change in the core signatures is
// absorbed in one place.
import Decimal from "decimal.js";
import { readNumber, inferDecimalStyle, isPercentFormat } from "../core/numbers";
import * as F from "../core/formulas";
import type { CalcResult } from "../core/result";
import type { ScaleName } from "../core/scales";
import type { CellValue } from "../model/grid";
import type { Accumulation, Direction } from "../model/domain";

export { isPercentFormat };

export type NumKind = "number" | "empty" | "excel-error" | "compound" | "invalid";

/** A cell read once as a number (display units: a 90 % cell reads 90). */
export interface Num {
  kind: NumKind;
  value: Decimal | null;
  /** The cell held a fraction under a % number format, or the text had a % sign. */
  isPercent: boolean;
  /** A number cell with a % format (stored as a fraction). */
  percentFormat: boolean;
  unit: string | null;
  ambiguous: boolean;
  /** Why the text could not be read (kind "invalid"). */
  message: string | null;
}

export type DecimalHint = "id" | "en" | undefined;

export function decimalStyle(texts: string[]): DecimalHint {
  return inferDecimalStyle(texts) ?? undefined;
}

export function readNum(
  value: CellValue,
  numberFormat: string | undefined,
  hint: DecimalHint
): Num {
  const percentFormat = typeof value === "number" && isPercentFormat(numberFormat);
  try {
    const r = readNumber(value, { numberFormat, decimalHint: hint });
    if (r.kind === "number")
      return {
        kind: "number",
        value: r.value,
        isPercent: r.isPercent,
        percentFormat,
        unit: r.unit,
        ambiguous: r.ambiguous,
        message: null,
      };
    return {
      kind: r.kind,
      value: null,
      isPercent: false,
      percentFormat,
      unit: null,
      ambiguous: false,
      message: r.kind === "invalid" ? r.reason : null,
    };
  } catch (e) {
    // the reader returns errors as values; this is a last line of defence for the sheet pass
    return {
      kind: "invalid",
      value: null,
      isPercent: false,
      percentFormat,
      unit: null,
      ambiguous: false,
      message: (e as Error).message,
    };
  }
}

function guard<T>(f: () => CalcResult<T>): CalcResult<T> {
  try {
    return f();
  } catch (e) {
    return { ok: false, error: "#VALUE!", message: (e as Error).message };
  }
}

export function capaian(
  r: Decimal | null,
  t: Decimal | null,
  arah: Direction,
  decimals: number
): CalcResult<number> {
  return guard(() => F.capaian(r, t, arah, decimals));
}

export function kategori(c: Decimal | null, scale: ScaleName): CalcResult<string> {
  return guard(() => F.kategori(c, scale));
}

export function serapan(
  real: Decimal | null,
  pagu: Decimal | null,
  decimals: number
): CalcResult<number> {
  return guard(() => F.serapan(real, pagu, decimals));
}

export function efisiensi(
  pagu: Decimal | null,
  real: Decimal | null,
  capaianKinerja: Decimal | null,
  method: F.EfficiencyMethod | undefined,
  decimals: number
): CalcResult<number> {
  return guard(() => F.efisiensi(pagu, real, capaianKinerja, method, decimals));
}

/** Year-to-date realisation of period values; null entries are "not reported". */
export function realisasi(values: (Decimal | null)[], acc: Accumulation): CalcResult<number> {
  return guard(() => F.realisasi(values, acc));
}

export function defaultAccumulation(
  unit: string | null,
  indicator: string
): { accumulation: Accumulation; reason: string } {
  try {
    return F.defaultAccumulation(unit, indicator);
  } catch {
    return { accumulation: "jumlah", reason: "Bawaan: dijumlahkan." };
  }
}
