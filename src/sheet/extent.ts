// The table's end: data stop at a signature block, a place-and-date line, "Keterangan", notes,
// "Faktor pendorong/penghambat", "Tindak lanjut", or a long run of empty rows. Closing total
// rows are not data rows either.
import type { Grid } from "../model/grid";
import { rowCount } from "../model/grid";
import { headerKey, textOf } from "./text";

const MONTH =
  "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember";
/** Notes and closing sections: they end the table wherever they stand. */
const NOTES: RegExp[] = [
  /^faktor\s+(pendorong|penghambat|pendukung)/,
  /^tindak\s*lanjut/,
  /^(keterangan|catatan|sumber(\s+data)?)\s*:/,
  /^keterangan$/,
  /^(\*+\s*\)|\(\s*\*+\s*\))/,
  /^diisi\s+(dengan|oleh)/,
];

/** Signature block and place-and-date line: they end the table outside the name columns. */
const SIGNATURE: RegExp[] = [
  /^(mengetahui|menyetujui|disetujui|disahkan|disusun|dibuat|dievaluasi|diperiksa)\b/,
  /^kepala\b/,
  /^nip\b[.\s:]*/,
  /^(pembina|penata|pengatur|juru)(\s+(tk\.?\s*i|utama|muda|madya))?\s*$/,
  new RegExp(`^[a-z][a-z .'-]*,\\s*(tanggal\\s+)?\\d{0,2}\\s*(${MONTH})\\b`),
  /^[.…_\s]*,?\s*tanggal\b/,
  /^\(\s*[.…_\s]+\s*\)$/,
];

const norm = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** ASCII first characters (lower case) the patterns can start with. */
function starts(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}
const NOTE_START = starts("ftkcsd*(");
const SIGNATURE_START = starts("mdknpjt.,_(");

/**
 * Whether a pattern of the list can match, from the text's first character alone (a text
 * starting with whitespace or a non-ASCII character always goes through the patterns).
 * `anyLetterWithComma`: the place-and-date pattern starts with any letter and needs a comma.
 */
function mayStart(text: string, table: Uint8Array, anyLetterWithComma: boolean): boolean {
  const c = text.charCodeAt(0);
  if (c <= 32 || c >= 128 || Number.isNaN(c)) return true;
  const lower = c >= 65 && c <= 90 ? c | 32 : c;
  if (table[lower]) return true;
  return anyLetterWithComma && lower >= 97 && lower <= 122 && text.includes(",");
}

/** A note or closing section ("Faktor penghambat …", "*) Diisi oleh …", "Keterangan:"). */
export function isNoteText(text: string): boolean {
  if (!mayStart(text, NOTE_START, false)) return false;
  const t = norm(text);
  return NOTES.some((re) => re.test(t));
}

/** A signature-block or place-and-date text ("Kepala Dinas …", "NIP. …", "Banjarmasin, 28 Februari"). */
export function isSignatureText(text: string): boolean {
  if (!mayStart(text, SIGNATURE_START, true)) return false;
  const t = norm(text);
  return SIGNATURE.some((re) => re.test(t));
}

const TOTAL = /^\s*total\b/i;

/** Longest run of empty rows inside a table before it is taken to have ended. */
const EMPTY_RUN = 12;

interface RowSummary {
  first: string;
  filled: number;
  numbers: number;
  /** The row holds a note, or a signature text outside the name columns. */
  stop: boolean;
}

function summarise(
  grid: Grid,
  r: number,
  maxCol: number,
  nameCols: Set<number>,
  header: ReadonlySet<string>
): RowSummary {
  const line = grid.cells[r] ?? [];
  const out: RowSummary = { first: "", filled: 0, numbers: 0, stop: false };
  const end = Math.min(line.length, maxCol + 1);
  for (let c = 0; c < end; c++) {
    const v = line[c]?.value ?? null;
    if (v === null || v === "") continue;
    // a number or boolean always has a text
    if (typeof v !== "string") {
      if (typeof v === "number") out.numbers++;
      out.filled++;
      continue;
    }
    const t = textOf(v);
    if (!t) continue;
    out.filled++;
    if (!out.first) out.first = t;
  }
  // a row with a number never stops the table: the texts are only looked at without one
  if (!out.numbers)
    for (let c = 0; c < end && !out.stop; c++) {
      const v = line[c]?.value ?? null;
      if (typeof v !== "string") continue;
      const t = textOf(v);
      // a column title repeated at a page break ("Keterangan") is no closing note
      if (header.has(headerKey(t))) continue;
      if (t && (isNoteText(t) || (!nameCols.has(c) && isSignatureText(t)))) out.stop = true;
    }
  return out;
}

/**
 * First and last data row after the header (0-based, inclusive), or null when there are none.
 * `tableCols` are the recognised columns; `nameCols` those where a name may start like a
 * signature ("Kepala keluarga …"); in `noCol` a bare number is an empty template row's number;
 * `headerKeys` are the header's own texts in headerKey form (a copy of them among the data ends
 * nothing).
 */
export function dataExtent(
  grid: Grid,
  headerEnd: number,
  tableCols: number[],
  nameCols: number[],
  noCol?: number,
  headerKeys: ReadonlySet<string> = new Set()
): [number, number] | null {
  const maxCol = Math.max(...tableCols, 0) + 2;
  const names = new Set(nameCols);
  let first = -1;
  let last = -1;
  let empty = 0;
  for (let r = headerEnd + 1; r < rowCount(grid); r++) {
    const row = summarise(grid, r, maxCol, names, headerKeys);
    if (!row.filled) {
      if (++empty >= EMPTY_RUN && last >= 0) break;
      continue;
    }
    empty = 0;
    if (row.stop) break;
    const content = (c: number) => {
      const v = grid.cells[r]?.[c]?.value ?? null;
      if (typeof v === "number") return c !== noCol;
      const t = textOf(v);
      return t !== "" && !(c === noCol && /^\d{1,4}\.?$/.test(t));
    };
    if (tableCols.some(content)) {
      if (first < 0) first = r;
      last = r;
    }
  }
  // closing "TOTAL …" rows below the table are not data rows
  while (
    first >= 0 &&
    last >= first &&
    TOTAL.test(summarise(grid, last, maxCol, names, headerKeys).first)
  )
    last--;
  return first >= 0 && last >= first ? [first, last] : null;
}
