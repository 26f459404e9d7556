// How Excel turns a string written through Range.values or Range.formulas into cell content:
// like typing it (docs: excel.range.yml `values`; excel-add-ins-blank-null-values.md). The fake
// host uses this so that a text the gateway forgets to protect comes back as a number, a date,
// a formula or an error, exactly the surprise real Excel would give.
//
// The parser is en-US, as Office.js's `values` is: "1,234.5", "$100", "87%", "1e5", "(100)",
// "1/2" (a date), "Jan 2024", "1 Mar", "Mar-24", "2024-01-05", "8:00", TRUE, #N/A.
import type { CellValue } from "../../src/model/grid";

export type Parsed =
  | { kind: "clear" }
  | { kind: "unchanged" }
  | { kind: "text"; text: string; quotePrefix: boolean }
  | { kind: "number"; value: number; numberFormat?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "formula"; formula: string };

export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
];

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Month number (1–12) of an English month name or its 3-letter abbreviation ("Sept" too). */
function month(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex(
    (m) => m === w || m.slice(0, 3) === w || (w === "sept" && m === "september")
  );
  return i < 0 ? null : i + 1;
}

/** Excel's date serial (1900 system; 1 = 1900-01-01, with the 1900 leap-year bug kept). */
function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A two-digit year as Excel reads it (00–29 → 2000s, 30–99 → 1900s). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** The year Excel assumes when a date has none: the current one. */
const THIS_YEAR = new Date().getUTCFullYear();

function parseDate(s: string): number | null {
  let m: RegExpExecArray | null;
  // 5/1/2024, 5/1 (m/d), 2024-01-05
  if ((m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(s)))
    return serial(m[3] ? fullYear(m[3]) : THIS_YEAR, Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s)))
    return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  // 1-Mar, 1 Mar, 1-Mar-2024, 1 March 2024
  if ((m = /^(\d{1,2})[- ]([A-Za-z]{3,9}\.?)(?:[- ,]+(\d{2}|\d{4}))?$/.exec(s))) {
    const mo = month(m[2]);
    if (mo) return serial(m[3] ? fullYear(m[3]) : THIS_YEAR, mo, Number(m[1]));
  }
  // Mar 1, March 1 2024, Mar-24 (month-year), Jan 2024, Sep-2024
  if ((m = /^([A-Za-z]{3,9}\.?)[- ](\d{1,4})(?:,? (\d{4}))?$/.exec(s))) {
    const mo = month(m[1]);
    if (mo) {
      const n = m[2];
      if (m[3]) return serial(Number(m[3]), mo, Number(n));
      if (n.length === 4) return serial(Number(n), mo, 1);
      if (Number(n) >= 1 && Number(n) <= 31 && !s.includes("-"))
        return serial(THIS_YEAR, mo, Number(n));
      return serial(fullYear(n), mo, 1);
    }
  }
  return null;
}

function parseTime(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h > 12) return null;
    if (/pm/i.test(m[4]) && h < 12) h += 12;
    if (/am/i.test(m[4]) && h === 12) h = 0;
  }
  if (min > 59 || sec > 59) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/** An en-US number as typed: thousands commas, a decimal point, exponent, %, $, (negative). */
function parseNumber(s: string): { value: number; numberFormat?: string } | null {
  let t = s.trim();
  let negative = false;
  let format: string | undefined;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let sign = 1;
  if (/^[+-]/.test(t)) {
    if (t[0] === "-") sign = -1;
    t = t.slice(1).trim();
  }
  if (t.startsWith("$")) {
    format = "$#,##0.00";
    t = t.slice(1).trim();
  }
  if (/^[+-]/.test(t)) {
    if (t[0] === "-") sign = -sign;
    t = t.slice(1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    format = "0%";
    t = t.slice(0, -1).trim();
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?$/.test(t) || !/\d/.test(t)) return null;
  let v = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(v)) return null;
  if (percent) v /= 100;
  v *= sign;
  if (negative) v = -v;
  return { value: v, numberFormat: format };
}

/**
 * What Excel makes of a value written into a cell. `format` is the cell's number format at that
 * moment: a Text-formatted cell ("@") keeps any string as it is, apostrophe included.
 */
export function parseInput(v: CellValue | undefined, format: string | undefined): Parsed {
  if (v === null || v === undefined) return { kind: "unchanged" }; // null leaves the cell as is
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  const s = String(v);
  if (s === "") return { kind: "clear" };
  if (format === "@") return { kind: "text", text: s, quotePrefix: false };
  if (s.startsWith("'")) return { kind: "text", text: s.slice(1), quotePrefix: true };
  if (s.startsWith("=") && s.length > 1) return { kind: "formula", formula: s };
  const trimmed = s.trim();
  if (/^(true|false)$/i.test(trimmed)) return { kind: "boolean", value: /^true$/i.test(trimmed) };
  const err = ERROR_LITERALS.find((e) => e === trimmed.toUpperCase());
  if (err) return { kind: "error", code: err };
  const n = parseNumber(trimmed);
  if (n) return { kind: "number", value: n.value, numberFormat: n.numberFormat };
  // "0 1/2" is a fraction
  const frac = /^(-?\d+) (\d+)\/(\d+)$/.exec(trimmed);
  if (frac && Number(frac[3]) !== 0) {
    const whole = Number(frac[1]);
    const part = Number(frac[2]) / Number(frac[3]);
    return {
      kind: "number",
      value: whole < 0 ? whole - part : whole + part,
      numberFormat: "# ?/?",
    };
  }
  const d = parseDate(trimmed);
  if (d !== null) return { kind: "number", value: d, numberFormat: "d-mmm-yy" };
  const t = parseTime(trimmed);
  if (t !== null) return { kind: "number", value: t, numberFormat: "h:mm" };
  // "+x" / "-x" that is not a number is taken for a formula, as when typed
  if (/^[+-]./.test(s)) return { kind: "formula", formula: `=${s}` };
  return { kind: "text", text: s, quotePrefix: false };
}

/** Formula limits Excel enforces on entry: 8,192 characters, 255 arguments per function. */
export function formulaLimitError(formula: string): string | null {
  if (formula.length > 8192) return `Rumus lebih dari 8.192 karakter (${formula.length}).`;
  const commas: number[] = [];
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') inString = !inString;
    if (inString) continue;
    if (ch === "(") commas.push(0);
    else if (ch === ")") commas.pop();
    else if (ch === "," && commas.length) {
      commas[commas.length - 1]++;
      if (commas[commas.length - 1] >= 255) return "Fungsi dengan lebih dari 255 argumen.";
    }
  }
  return null;
}
