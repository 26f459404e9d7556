// The header block, whole: every row between the first header row and the first data row —
// group headers, sub-headers, unit rows (K, Rp, Rp (000), %, Satuan), quarter rows (I–IV,
// TW I–IV, Jan–Mar), the numbering row in any of its forms — and what each column is called.
// Scanned once per sheet; only the first rows are read, so the cost does not grow with the data.
import type { Grid } from "../../model/grid";
import { cellAt, colCount, rowCount } from "../../model/grid";
import { hasPhrase, headerKey, normHeader, normTitle, textOf } from "../text";
import { readNumberingRow, type StatedFormula } from "./numbering";
import { quarterCell, quarterInText } from "./quarters";

export type Unit = "k" | "rp" | "pct" | "satuan";

export interface HeaderColumn {
  col: number;
  /** Normalised header texts from the top down (numbering row excluded), padded with spaces. */
  path: string;
  /** The lowest header text of the column (normalised, trimmed). */
  leaf: string;
  /** Sub-column unit from a K / Rp / % / Satuan cell above it. */
  unit: Unit | null;
  /** Quarter from an I–IV / TW / month-range cell above it. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** Logical label of the numbering-row span over this column ("12", "k"). */
  label: string | null;
}

/** A numbering-row label and the physical columns under it. */
export interface LabelSpan {
  label: string;
  first: number;
  last: number;
  formula: StatedFormula | null;
  text: string;
}

export interface HeaderScan {
  /** 0-based inclusive header block. */
  start: number;
  end: number;
  numbering: number | null;
  /** The numbering row's labels sit over the header's column groups (a pasted page break may shift them). */
  numberingAligned: boolean;
  columns: HeaderColumn[];
  /** Numbering labels in column order. */
  spans: LabelSpan[];
  /** Title rows above the header, lower case. */
  titleText: string;
  /** Every header text, lower case, one string (layout keywords). */
  headerWords: string;
  /** The header cells' texts as headerKey compares them (a header repeated among the data). */
  texts: Set<string>;
}

const SCAN_ROWS = 40;
const MAX_COLS = 300;
const ANCHORS = [
  "kode",
  "indikator",
  "uraian",
  "program",
  "kegiatan",
  "sasaran",
  "target",
  "realisasi",
  "no",
  "capaian",
  "anggaran",
  "kinerja",
  "satuan",
];

const UNIT: [RegExp, Unit][] = [
  [/^k$/, "k"],
  [/^\(?rp\.?\s*(\(?000\)?|\(?ribuan\)?|\(?juta\)?)?\)?$/, "rp"],
  [/^%$/, "pct"],
  [/^satuan$/, "satuan"],
];

/** K, Rp, Rp., Rp (000), (Rp), %, Satuan. */
export function unitOf(text: string): Unit | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  for (const [re, u] of UNIT) if (re.test(t)) return u;
  return null;
}

// Words a sub-header row is made of; a row of other texts is where the data begins.
const CONTINUATION =
  /^(?:(?:k|rp|target|realisasi|real|capaian|tingkat|alokasi|pagu|lokasi|kebutuhan|serapan|efisiensi|i|ii|iii|iv|triwulan|tw|tahun|satuan|sumber|indikator|kode|uraian|sasaran|keterangan|ket|rancangan|hasil|perkiraan|prakiraan|rencana|kum|ttb|sisa|volume|vol|fisik|keuangan|nilai|persentase|dana|rumus)\b|\d{1,2}\s*=|%|\(rp\)|\(%\))/i;

type TextAt = (r: number, c: number) => string;

/** Text of a cell, or of the top-left cell of the merge that covers it (header area only). */
function mergedTextFn(
  grid: Grid,
  limit: number
): { text: TextAt; covered: (r: number) => boolean } {
  const owner = new Map<number, number>();
  const W = 1 << 15;
  const coveredRows = new Set<number>();
  for (const m of grid.merges) {
    if (m.top >= limit) continue;
    for (let r = m.top; r <= Math.min(m.bottom, limit); r++) {
      if (r > m.top) coveredRows.add(r);
      for (let c = m.left; c <= Math.min(m.right, MAX_COLS); c++)
        if (r !== m.top || c !== m.left) owner.set(r * W + c, m.top * W + m.left);
    }
  }
  return {
    text: (r, c) => {
      const o = owner.get(r * W + c);
      return textOf(
        o === undefined ? cellAt(grid, r, c).value : cellAt(grid, Math.floor(o / W), o % W).value
      );
    },
    covered: (r) => coveredRows.has(r),
  };
}

function findStart(grid: Grid, cols: number): number {
  const rows = Math.min(rowCount(grid), SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    let hits = 0;
    for (let c = 0; c < cols; c++) {
      const t = textOf(cellAt(grid, r, c).value);
      if (!t || t.length > 300) continue;
      const n = normHeader(t);
      if (ANCHORS.some((a) => hasPhrase(n, a))) hits++;
    }
    if (hits >= 2) return r;
  }
  return -1;
}

type RowKind = "numbering" | "unit" | "quarter" | "text" | "covered" | null;

/** What a row right under the header start is, or null when the data begin there. */
function headerRowKind(grid: Grid, r: number, cols: number, covered: boolean): RowKind {
  const texts: string[] = [];
  let numbers = 0;
  for (let c = 0; c < cols; c++) {
    const v = cellAt(grid, r, c).value;
    texts.push(textOf(v));
    if (typeof v === "number") numbers++;
  }
  const filled = texts.filter((t) => t);
  if (readNumberingRow(texts)) return "numbering";
  if (!filled.length) return covered ? "covered" : null;
  if (filled.every((t) => unitOf(t) !== null)) return "unit";
  if (filled.every((t) => quarterCell(t) !== null || unitOf(t) !== null)) return "quarter";
  if (numbers) return null;
  return filled.every((t) => CONTINUATION.test(t.trim())) ? "text" : null;
}

function findEnd(
  grid: Grid,
  start: number,
  cols: number,
  covered: (r: number) => boolean
): { end: number; numbering: number | null } {
  let end = start;
  let numbering: number | null = null;
  for (let r = start + 1; r <= Math.min(start + 8, rowCount(grid) - 1); r++) {
    const kind = headerRowKind(grid, r, cols, covered(r));
    if (!kind) break;
    if (kind === "numbering") {
      if (numbering !== null) break; // a second numbering row is a repeated header in the data
      numbering = r;
    }
    end = r;
  }
  return { end, numbering };
}

/** Label spans of the numbering row: a label covers its merge, or the empty cells after it. */
function labelSpans(grid: Grid, row: number, cols: number): LabelSpan[] {
  const texts = Array.from({ length: cols }, (_, c) => textOf(cellAt(grid, row, c).value));
  const cells = readNumberingRow(texts);
  if (!cells) return [];
  const placed = [...cells.entries()].sort((a, b) => a[0] - b[0]);
  const spans: LabelSpan[] = [];
  placed.forEach(([c, cell], i) => {
    const merge = grid.merges.find((m) => m.top <= row && m.bottom >= row && m.left === c);
    const nextLabelled = i + 1 < placed.length ? placed[i + 1][0] : cols;
    let last = merge ? merge.right : c;
    if (!merge) while (last + 1 < nextLabelled && !texts[last + 1]) last++;
    spans.push({
      label: cell.label,
      first: c,
      last: Math.min(last, nextLabelled - 1),
      formula: cell.formula,
      text: cell.text,
    });
  });
  return spans;
}

/** Per header text row, each column's text; an empty cell under a wide header inherits from the left. */
function inheritedTexts(text: TextAt, textRows: number[], cols: number): string[][] {
  const rows = textRows.map((r) => Array.from({ length: cols }, (_, c) => text(r, c)));
  const lowerHas = (ri: number, c: number) => {
    for (let k = ri + 1; k < rows.length; k++) if (rows[k][c]) return true;
    return false;
  };
  return rows.map((line, ri) => {
    let last = "";
    return line.map((t, c) => {
      if (t) return (last = t);
      // unmerged PDF exports: a group header written once over several sub-headers
      if (last && lowerHas(ri, c)) return last;
      last = "";
      return "";
    });
  });
}

function buildColumns(inherited: string[][], spans: LabelSpan[], cols: number): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  for (let c = 0; c < cols; c++) {
    const parts: string[] = [];
    let leaf = "";
    let unit: Unit | null = null;
    let quarter: 1 | 2 | 3 | 4 | null = null;
    for (const line of inherited) {
      const t = line[c];
      if (!t) continue;
      const n = normHeader(t);
      if (parts[parts.length - 1] !== n) parts.push(n);
      const u = unitOf(t);
      if (u) unit = u;
      else leaf = n.trim();
      quarter = quarterCell(t) ?? quarterInText(t) ?? quarter;
    }
    const span = spans.find((s) => s.first <= c && s.last >= c);
    const path = parts.join(" ").replace(/\s+/g, " ").trim();
    out.push({
      col: c,
      path: path ? ` ${path} ` : "",
      leaf,
      unit,
      quarter,
      label: span?.label ?? null,
    });
  }
  return out;
}

/** The header text of a column without its unit cells (K, Rp): the group it belongs to. */
function groupOf(inherited: string[][], c: number): string {
  return inherited
    .map((line) => line[c])
    .filter((t) => t && unitOf(t) === null)
    .map(normHeader)
    .join("|");
}

/**
 * A numbering row is aligned when no label boundary cuts through a header group: Mojokerto's
 * page break pasted "1 … 17" into 17 consecutive cells under 28 columns (002:L1371), so 5 and 6
 * sit under the K and Rp halves of one group.
 */
function aligned(inherited: string[][], spans: LabelSpan[]): boolean {
  let cuts = 0;
  for (let i = 1; i < spans.length; i++) {
    const a = groupOf(inherited, spans[i - 1].last);
    if (a && a === groupOf(inherited, spans[i].first)) cuts++;
  }
  return cuts < 2 && cuts <= spans.length * 0.1;
}

function titleOf(grid: Grid, start: number, cols: number): string {
  const title: string[] = [];
  for (let r = Math.max(0, start - 12); r < start; r++)
    for (let c = 0; c < Math.min(cols, 40); c++) {
      const t = textOf(cellAt(grid, r, c).value);
      if (t) title.push(t);
    }
  return normTitle(title.join(" | "));
}

/** The header block of the sheet, or null when no header row is found in the first 40 rows. */
export function scanHeader(grid: Grid): HeaderScan | null {
  const cols = Math.min(colCount(grid), MAX_COLS);
  const start = findStart(grid, cols);
  if (start < 0) return null;
  const merged = mergedTextFn(grid, start + 10);
  const { end, numbering } = findEnd(grid, start, cols, merged.covered);
  let spans = numbering === null ? [] : labelSpans(grid, numbering, cols);
  const textRows: number[] = [];
  for (let r = start; r <= end; r++) if (r !== numbering) textRows.push(r);
  const inherited = inheritedTexts(merged.text, textRows, cols);
  const numberingAligned = aligned(inherited, spans);
  // an unaligned numbering row names no column: the header words decide
  if (!numberingAligned) spans = [];
  const texts = new Set<string>();
  for (let r = start; r <= end; r++)
    for (let c = 0; c < cols; c++) {
      const t = textOf(cellAt(grid, r, c).value);
      if (t) texts.add(headerKey(t));
    }
  return {
    start,
    end,
    numbering,
    numberingAligned,
    columns: buildColumns(inherited, spans, cols),
    spans,
    titleText: titleOf(grid, start, cols),
    headerWords: normTitle([...texts].join(" | ")),
    texts,
  };
}
