// The one number reader (DOMAIN §2). Cells arrive as Excel numbers (maybe percent-formatted)
// or as text typed by Indonesian planners, often pasted from PDFs: "8.636 lembar",
// "1.837,5%", "Rp. 5.301.034.240,-", "759.126.7 75", "83,50 (A)". Everything that reads a
// number — custom functions, validation, fill planning, the CLI — goes through readNumber.
import Decimal from "decimal.js";
import type { CellValue } from "../model/grid";

export interface NumberReading {
  kind: "number";
  /** In display units: a 0.9 cell formatted as % reads 90. */
  value: Decimal;
  /** A % sign in the text, or a percent number format on a number cell. */
  isPercent: boolean;
  /** Unit after the number ("dokumen", "orang/bulan"), lower-cased with spaces collapsed. */
  unit: string | null;
  /** Grade or category in brackets after the number ("A" in "83,50 (A)"). */
  grade: string | null;
  /** One separator followed by exactly 3 digits, decided without evidence. */
  ambiguous: boolean;
  text: string;
}

export type Reading =
  | NumberReading
  | { kind: "empty"; text: string }
  | { kind: "excel-error"; code: string; text: string }
  | { kind: "compound"; text: string }
  | { kind: "invalid"; text: string; reason: string };

export interface ReadOptions {
  /** The cell's number format; a "%" in it means the number is a fraction. */
  numberFormat?: string;
  /** Style of the surrounding column: "id" = 1.234,5 ; "en" = 1,234.5 (see inferDecimalStyle). */
  decimalHint?: "id" | "en";
}

const EMPTY_MARKERS = new Set([
  "",
  "-",
  "–",
  "—",
  "--",
  "---",
  "~",
  "nihil",
  "n/a",
  "na",
  "-,-",
  "–,–",
  "tidak ada",
]);
const EXCEL_ERROR =
  /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** True for an Excel error value as cells report it ("#DIV/0!", "#N/A", …). */
export function isExcelError(v: unknown): boolean {
  return typeof v === "string" && EXCEL_ERROR.test(v);
}

// a sheet uses a handful of formats, asked about once per numeric cell: answer each once
const percentFormats = new Map<string, boolean>();

/** True when a number format shows the value as a percentage (ignoring quoted literals). */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  let yes = percentFormats.get(numberFormat);
  if (yes === undefined) {
    const unquoted = numberFormat.replace(/"[^"]*"/g, "").replace(/\\./g, "");
    yes = unquoted.includes("%");
    if (percentFormats.size < 1000) percentFormats.set(numberFormat, yes);
  }
  return yes;
}

/**
 * The format shows a zero as a dash (the accounting format's third section, `"-"`): the cell
 * looks empty to the planner although it holds 0.
 */
export function showsZeroAsDash(numberFormat: string | undefined): boolean {
  const zero = numberFormat?.split(";")[2];
  return !!zero && /"\s*[-–]\s*"/.test(zero) && !/[0#]/.test(zero.replace(/"[^"]*"/g, ""));
}

export function readNumber(value: CellValue | undefined, options: ReadOptions = {}): Reading {
  if (value === null || value === undefined) return { kind: "empty", text: "" };
  if (typeof value === "boolean")
    return {
      kind: "invalid",
      text: String(value),
      reason: "nilai logika (TRUE/FALSE), bukan angka",
    };
  if (typeof value === "number") return readNumberCell(value, options);
  return readText(String(value), options);
}

function readNumberCell(value: number, options: ReadOptions): Reading {
  const text = String(value);
  if (!Number.isFinite(value)) return { kind: "invalid", text, reason: "angka tidak terhingga" };
  const percent = isPercentFormat(options.numberFormat);
  // new Decimal(0.9) uses the shortest round-trip string "0.9", so ×100 is exact (90, not 90.00000000000001).
  const d = new Decimal(value);
  return {
    kind: "number",
    value: percent ? d.times(100) : d,
    isPercent: percent,
    unit: null,
    grade: null,
    ambiguous: false,
    text,
  };
}

function readText(raw: string, options: ReadOptions): Reading {
  const text = raw;
  let s = raw.replace(/[\u00a0\u2007\u202f\t\r\n]/g, " ").trim();
  if (EMPTY_MARKERS.has(s.toLowerCase())) return { kind: "empty", text };
  if (EXCEL_ERROR.test(s)) return { kind: "excel-error", code: s.toUpperCase(), text };

  // Rupiah prefix and the ",-" / ",-." trailers of written amounts.
  s = s
    .replace(/^rp\.?\s*/i, "")
    .replace(/\s*[,.]-+\.?$/, "")
    .trim();
  // Sign written in brackets: "(+)11", "(-)17,1%".
  let sign = "";
  const bracketSign = /^\(([+-])\)\s*/.exec(s);
  if (bracketSign) {
    sign = bracketSign[1] === "-" ? "-" : "";
    s = s.slice(bracketSign[0].length);
  } else if (/^[+-]\s*\d/.test(s) || /^[+-]\s*[.,]\d/.test(s)) {
    sign = s[0] === "-" ? "-" : "";
    s = s.slice(1).trimStart();
  } else if (/^[−–]\s*\d/.test(s)) {
    sign = "-";
    s = s.slice(1).trimStart();
  }

  // The numeric token: digits and separators, with the stray spaces of PDF exports inside
  // ("759.126.7 75", "44,6 8", "14.094 ,8"). A space followed by letters ends the token.
  const m = /^((?:\d|[.,](?=\s?\d))(?:[\d.,]|\s(?=[\d.,])|(?<=[\d.,])\s(?=\d))*)/.exec(s);
  if (!m) {
    if (/^[-–—]+\s*\p{L}/u.test(s)) return { kind: "empty", text }; // "-- dokumen": a placeholder
    return {
      kind: "invalid",
      text,
      reason: /\d/.test(s) ? "angka tidak berada di awal isian" : "tidak berisi angka",
    };
  }
  const token = m[1];
  let rest = s.slice(token.length).trim();
  const spaced = /\d\s+\d/.test(token);
  const compact = token.replace(/\s+/g, "");

  let isPercent = false;
  if (rest.startsWith("%")) {
    isPercent = true;
    rest = rest.slice(1).trim();
  }
  let grade: string | null = null;
  const gradeMatch = /^\(\s*([A-Za-z][A-Za-z +-]{0,20}?)\s*\)\s*$/.exec(rest);
  if (gradeMatch) {
    grade = gradeMatch[1];
    rest = "";
  }
  if (/\d/.test(rest)) return { kind: "compound", text };
  // A trailing "%" after a unit-less value, e.g. "100 % " already handled; a unit with "%" is odd.
  if (rest.includes("%")) {
    isPercent = true;
    rest = rest.replace(/%/g, "").trim();
  }
  const unit = rest
    ? rest
        .toLowerCase()
        .replace(/\s*\/\s*/g, "/")
        .replace(/\s+/g, " ")
    : null;

  const parsed = parseToken(compact, isPercent, options.decimalHint);
  if (!parsed.ok) return { kind: "invalid", text, reason: parsed.reason };
  let ambiguous = parsed.ambiguous;
  // "2774 0" (digits split by a space with no separator) cannot be told apart from two numbers.
  if (spaced && !/[.,]/.test(token)) ambiguous = true;
  let value = new Decimal(parsed.digits);
  if (sign === "-") value = value.negated();
  return { kind: "number", value, isPercent, unit, grade, ambiguous, text };
}

type TokenResult = { ok: true; digits: string; ambiguous: boolean } | { ok: false; reason: string };

function parseToken(t: string, isPercent: boolean, hint: "id" | "en" | undefined): TokenResult {
  const dots = count(t, ".");
  const commas = count(t, ",");
  if (dots === 0 && commas === 0) return { ok: true, digits: t, ambiguous: false };
  if (/[.,]{2,}/.test(t) || /[.,]$/.test(t))
    return { ok: false, reason: `pemisah angka ganda atau menggantung pada "${t}"` };

  if (dots > 0 && commas > 0) {
    // Both kinds: the last one is the decimal mark, the other groups thousands.
    const decimalMark = t.lastIndexOf(".") > t.lastIndexOf(",") ? "." : ",";
    const groupMark = decimalMark === "." ? "," : ".";
    const at = t.lastIndexOf(decimalMark);
    const intPart = t.slice(0, at);
    const frac = t.slice(at + 1);
    if (intPart.includes(decimalMark))
      return { ok: false, reason: `pemisah desimal ganda pada "${t}"` };
    const grouped = checkGroups(intPart, groupMark);
    if (!grouped) return { ok: false, reason: `pengelompokan ribuan tidak sah pada "${t}"` };
    return { ok: true, digits: `${grouped}.${frac}`, ambiguous: false };
  }

  const mark = dots > 0 ? "." : ",";
  const n = dots + commas;
  if (n > 1) {
    const grouped = checkGroups(t, mark);
    if (!grouped)
      return {
        ok: false,
        reason: `pengelompokan ribuan tidak sah pada "${t}" (kelompok harus 3 angka)`,
      };
    return { ok: true, digits: grouped, ambiguous: false };
  }
  const [intPart, frac] = t.split(mark);
  if (frac.length !== 3 || intPart === "" || intPart === "0" || intPart.length > 3) {
    // 1–2 (or 4+) digits after a single separator: a decimal mark. "0,500" / ".500" also decimal.
    return { ok: true, digits: `${intPart || "0"}.${frac}`, ambiguous: false };
  }
  // One separator and exactly 3 digits: "1.637" (companies) or "48,372" (%)?
  const asThousands = `${intPart}${frac}`;
  const asDecimal = `${intPart}.${frac}`;
  const markIsDecimalIn = (style: "id" | "en") => (style === "id" ? mark === "," : mark === ".");
  if (hint)
    return { ok: true, digits: markIsDecimalIn(hint) ? asDecimal : asThousands, ambiguous: false };
  if (isPercent) return { ok: true, digits: asDecimal, ambiguous: false }; // ≥ 1000 % is implausible
  return { ok: true, digits: markIsDecimalIn("id") ? asDecimal : asThousands, ambiguous: true };
}

/** "1.234.567" with mark "." → "1234567"; null when the groups are not 1–3 then 3-digit groups. */
function checkGroups(s: string, mark: string): string | null {
  const parts = s.split(mark);
  if (parts[0].length < 1 || parts[0].length > 3) return null;
  for (let i = 1; i < parts.length; i++) if (parts[i].length !== 3) return null;
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.join("");
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * The separator style of a column or sheet from its unambiguous texts: "1.234,5" or "12,5"
 * say Indonesian, "1,234.5" or "0.76" say English. Null when there is no evidence or a tie.
 */
export function inferDecimalStyle(texts: string[]): "id" | "en" | null {
  let id = 0;
  let en = 0;
  for (const raw of texts) {
    const m = /\d[\d.,\s]*\d|\d/.exec(raw.replace(/^rp\.?\s*/i, ""));
    if (!m) continue;
    const t = m[0].replace(/\s+/g, "");
    const dots = count(t, ".");
    const commas = count(t, ",");
    if (dots && commas) {
      if (t.lastIndexOf(",") > t.lastIndexOf(".")) id++;
      else en++;
    } else if (dots > 1) id++;
    else if (commas > 1) en++;
    else if (dots === 1 || commas === 1) {
      const frac = t.split(/[.,]/)[1];
      if (frac.length === 3) continue; // the ambiguous case itself is no evidence
      if (commas) id++;
      else en++;
    }
  }
  if (id === en) return null;
  return id > en ? "id" : "en";
}

/** Convenience: the Decimal of a reading, or null when it holds no single number. */
export function decimalOf(reading: Reading): Decimal | null {
  return reading.kind === "number" ? reading.value : null;
}
