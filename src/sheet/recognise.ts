// Table recognition: finds the header block, the numbering row, the data rows and the role of
// every column, trying each declarative layout of layouts.ts and keeping the best fit.
// Only the first rows are scanned for headers, so the cost does not grow with the data.
import type { Grid } from "../model/grid";
import { cellAt, colCount, rowCount, columnLetters } from "../model/grid";
import type { ColumnMapping, Recognition, LayoutId } from "../model/recognition";
import { LAYOUTS, layoutById, type LayoutDef, type ColumnRule } from "./layouts";
import { hasPhrase, normHeader, normTitle, textOf } from "./text";
import { roleLabel } from "./roles";
import { SCALES, type ScaleName } from "../core/scales";

const SCAN_ROWS = 40;
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
];
const CONTINUATION =
  /^(?:(?:k|rp|target|realisasi|capaian|tingkat|alokasi|pagu|lokasi|kebutuhan|serapan|efisiensi|i|ii|iii|iv|triwulan|tw|tahun|satuan|sumber|indikator|kode|uraian|sasaran|keterangan|ket|rancangan|hasil|perkiraan|prakiraan)\b|\d{1,2}\s*=|%|\(rp\))/i;

/** Header facts independent of the layout. */
export interface HeaderScan {
  start: number;
  end: number;
  /** Numbering row (0-based) or null. */
  numbering: number | null;
  /** Per column: normalised header path and lowest header text. */
  paths: string[];
  leaves: string[];
  /** Logical number → column, from the numbering row. */
  numbers: Map<number, number>;
  /** Texts with "=" (numbering-row formulas, formulas in headers). */
  formulas: string[];
  titleText: string;
  /** Normalised texts of every header cell. */
  headerTexts: Set<string>;
  /** All header texts, lower case, one string (for layout keywords). */
  headerWords: string;
  /** Trimmed raw texts of the header rows (to spot repeated headers among the data cheaply). */
  rawHeaderTexts: Set<string>;
}

/** Text of a cell, or of the top-left cell of the merge that covers it (header area only). */
function mergedTextFn(grid: Grid, limit: number): (r: number, c: number) => string {
  const owner = new Map<number, [number, number]>();
  const W = 100000;
  for (const m of grid.merges) {
    if (m.top >= limit) continue;
    for (let r = m.top; r <= Math.min(m.bottom, limit); r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) owner.set(r * W + c, [m.top, m.left]);
  }
  return (r, c) => {
    const o = owner.get(r * W + c);
    return textOf(o ? cellAt(grid, o[0], o[1]).value : cellAt(grid, r, c).value);
  };
}

const NUM_CELL = /^[(-]?\s*(\d{1,2})\s*\)?\s*(?:[=(].*)?\*?\.?$/;

function numberingNumber(t: string): number | null {
  const m = NUM_CELL.exec(t);
  return m ? Number(m[1]) : null;
}

export function isNumberingRow(texts: string[]): boolean {
  let nums = 0;
  let other = 0;
  const seen = new Set<number>();
  for (const t of texts) {
    if (!t) continue;
    const n = numberingNumber(t);
    if (n !== null) {
      nums++;
      seen.add(n);
    } else if (/^(k|rp)$/i.test(t)) continue;
    else other++;
  }
  return (
    nums >= 3 && other <= Math.max(1, nums * 0.15) && seen.has(1) && seen.has(2) && seen.has(3)
  );
}

export function scanHeader(grid: Grid): HeaderScan | null {
  const rows = Math.min(rowCount(grid), SCAN_ROWS);
  const cols = Math.min(colCount(grid), 300);
  const mt = mergedTextFn(grid, rows + 8);
  const own = (r: number, c: number) => textOf(cellAt(grid, r, c).value);
  let start = -1;
  for (let r = 0; r < rows && start < 0; r++) {
    let hits = 0;
    for (let c = 0; c < cols; c++) {
      const t = own(r, c);
      if (!t || t.length > 300) continue;
      const n = normHeader(t);
      if (ANCHORS.some((a) => hasPhrase(n, a))) hits++;
    }
    if (hits >= 2) start = r;
  }
  if (start < 0) return null;
  let end = start;
  let numbering: number | null = null;
  for (let r = start + 1; r <= Math.min(start + 6, rowCount(grid) - 1); r++) {
    const texts: string[] = [];
    let hasNumberValue = false;
    for (let c = 0; c < cols; c++) {
      const v = cellAt(grid, r, c).value;
      texts.push(textOf(v));
      if (typeof v === "number") hasNumberValue = true;
    }
    if (isNumberingRow(texts)) {
      numbering = r;
      end = r;
      break;
    }
    const nonEmpty = texts.filter((t) => t);
    if (hasNumberValue || nonEmpty.length === 0) {
      // a row wholly covered by vertical merges from above still belongs to the header
      const covered = grid.merges.some((m) => m.top < r && m.bottom >= r && m.top >= start);
      if (nonEmpty.length === 0 && covered) {
        end = r;
        continue;
      }
      break;
    }
    if (!nonEmpty.every((t) => CONTINUATION.test(t.trim()))) break;
    end = r;
  }
  // Paths: per header row, a column's own text, the merge owner's text, or — when a lower
  // header row has text there — the nearest text to its left (unmerged PDF exports).
  const lastTextRow = numbering !== null ? numbering - 1 : end;
  const grid2: string[][] = [];
  for (let r = start; r <= end; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) line.push(mt(r, c));
    grid2.push(line);
  }
  const paths: string[] = [];
  const leaves: string[] = [];
  const lowerHas = (ri: number, c: number) => {
    for (let k = ri + 1; k <= lastTextRow - start; k++) if (grid2[k][c]) return true;
    return false;
  };
  const inherited: string[][] = grid2.map((line, ri) => {
    let last = "";
    return line.map((t, c) => {
      if (t) {
        last = t;
        return t;
      }
      if (r0(ri) <= lastTextRow && last && lowerHas(ri, c)) return last;
      last = "";
      return "";
    });
  });
  function r0(ri: number) {
    return start + ri;
  }
  const headerTexts = new Set<string>();
  for (let c = 0; c < cols; c++) {
    const parts: string[] = [];
    let leaf = "";
    for (let ri = 0; ri < inherited.length; ri++) {
      const t = inherited[ri][c];
      if (!t) continue;
      const n = normHeader(t);
      headerTexts.add(n);
      if (parts[parts.length - 1] !== n) parts.push(n);
      if (numberingNumber(t) === null) leaf = n.trim();
    }
    paths.push(
      parts
        .join(" ")
        .replace(/\s+/g, " ")
        .replace(/^(?! )/, " ")
        .replace(/(?<! )$/, " ")
    );
    leaves.push(leaf);
  }
  const rawHeaderTexts = new Set<string>();
  for (let r = start; r <= end; r++)
    for (let c = 0; c < cols; c++) {
      const t = own(r, c);
      if (t) rawHeaderTexts.add(t);
    }
  const numbers = new Map<number, number>();
  const formulas: string[] = [];
  if (numbering !== null) {
    for (let c = 0; c < cols; c++) {
      const t = own(numbering, c);
      if (!t) continue;
      const n = numberingNumber(t);
      if (n !== null && !numbers.has(n)) numbers.set(n, c);
      if (t.includes("=")) formulas.push(normTitle(t));
    }
  }
  for (let r = start; r <= end; r++)
    for (let c = 0; c < cols; c++) {
      const t = own(r, c);
      if (t.includes("=") || /\(\d+\s*[-/+x×]\s*\d+\)/.test(t)) formulas.push(normTitle(t));
    }
  const title: string[] = [];
  for (let r = Math.max(0, start - 12); r < start; r++)
    for (let c = 0; c < Math.min(cols, 40); c++) {
      const t = own(r, c);
      if (t) title.push(t);
    }
  return {
    start,
    end,
    numbering,
    paths,
    leaves,
    numbers,
    formulas,
    titleText: normTitle(title.join(" | ")),
    headerTexts,
    rawHeaderTexts,
    headerWords: normTitle([...rawHeaderTexts].join(" | ")),
  };
}

function ruleMatches(rule: ColumnRule, path: string, leaf: string): boolean {
  if (!path.trim()) return false;
  if (rule.words && !rule.words.every((w) => hasPhrase(path, w))) return false;
  if (rule.any && !rule.any.some((alt) => alt.every((w) => hasPhrase(path, w)))) return false;
  if (rule.none && rule.none.some((w) => hasPhrase(path, w))) return false;
  if (rule.leaf && !rule.leaf.some((w) => leaf.startsWith(w))) return false;
  return true;
}

function kRpSuffix(leaf: string, index: number): "k" | "rp" {
  if (/^rp\b|^\(rp\)/.test(leaf)) return "rp";
  if (/^k$/.test(leaf)) return "k";
  return index % 2 === 0 ? "k" : "rp";
}

/** Assigns roles to columns for one layout. */
export function assignColumns(def: LayoutDef, h: HeaderScan): Record<string, number> {
  const cols: Record<string, number> = {};
  const claimed = new Set<number>();
  const claim = (role: string, c: number) => {
    if (role in cols || claimed.has(c)) return;
    cols[role] = c;
    claimed.add(c);
  };
  if (def.byNumber && h.numbers.size >= 5) {
    for (const rule of def.columns) {
      if (rule.num === undefined) continue;
      const c = h.numbers.get(rule.num);
      if (c !== undefined) claim(rule.role, c);
    }
  }
  for (const rule of def.columns) {
    if (!rule.kRp && rule.role in cols) continue;
    const matches: number[] = [];
    for (let c = 0; c < h.paths.length; c++) {
      if (claimed.has(c)) continue;
      if (ruleMatches(rule, h.paths[c], h.leaves[c])) matches.push(c);
    }
    if (!matches.length) continue;
    if (rule.quarters) {
      matches
        .slice(0, 8)
        .forEach((c, i) =>
          claim(`realisasi.tw${Math.floor(i / 2) + 1}.${kRpSuffix(h.leaves[c], i)}`, c)
        );
    } else if (rule.kRp) {
      // the group is the first matching column and its matching neighbour
      const group = matches[1] === matches[0] + 1 ? matches.slice(0, 2) : matches.slice(0, 1);
      group.forEach((c, i) => claim(`${rule.role}.${kRpSuffix(h.leaves[c], i)}`, c));
    } else claim(rule.role, matches[0]);
  }
  // Code split over several cells: unclaimed columns between the code and the next claimed column.
  if ("kode" in cols) {
    const k = cols.kode;
    const kp = h.paths[k];
    let part = 2;
    for (let c = k + 1; c < h.paths.length && part <= 6 && !claimed.has(c); c++) {
      if (h.paths[c].trim() && h.paths[c] !== kp) break;
      cols[`kode.${part++}`] = c;
      claimed.add(c);
    }
  }
  return cols;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/** "Triwulan II" for 2. */
export function quarterLabel(q: number): string {
  return `Triwulan ${["", "I", "II", "III", "IV"][q] ?? q}`;
}

/** The last quarter a report covers, from its title ("… TAHUN 2024 TRIWULAN II" → 2). */
export function findQuarter(text: string): number | null {
  const tw = /\b(?:triwulan|tw)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b/i.exec(text);
  if (tw) return ROMAN[tw[1].toLowerCase()];
  const sem = /\bsemester\s*[-.]?\s*(ii|i|[12])\b/i.exec(text);
  if (sem) return ROMAN[sem[1].toLowerCase()] * 2;
  return null;
}

function findYear(text: string): number | null {
  const m = /tahun\s*(?:anggaran\s*)?(20\d\d)/.exec(text) ?? /\b(20\d\d)\b/.exec(text);
  return m ? Number(m[1]) : null;
}

function findPdName(grid: Grid, before: number): string | null {
  for (let r = 0; r < before; r++)
    for (let c = 0; c < Math.min(colCount(grid), 30); c++) {
      const t = textOf(cellAt(grid, r, c).value);
      const m = /nama\s+(?:perangkat daerah|pd|skpd|opd)\s*:\s*(.+)/i.exec(t);
      if (m) return m[1].trim();
      if (/^(dinas|badan|sekretariat|kantor|inspektorat)\b/i.test(t))
        return t.replace(/\s+tahun\s+20\d\d.*$/i, "").trim();
    }
  return null;
}

function firstText(grid: Grid, row: number): string {
  for (const c of grid.cells[row] ?? [])
    if (c && typeof c.value === "string" && c.value.trim()) return c.value;
  return "";
}

/** Last row with a value in a recognised column (signature blocks further right or below are left out). */
function lastDataRow(grid: Grid, columns: Record<string, number>): number {
  const cols = Object.values(columns);
  for (let r = rowCount(grid) - 1; r >= 0; r--) {
    const line = grid.cells[r];
    if (!line) continue;
    for (const c of cols) {
      const v = line[c]?.value;
      if (v !== null && v !== undefined && v !== "") return r;
    }
  }
  return -1;
}

const EMPTY_RECOGNITION = (note: string): Recognition => ({
  layout: null,
  variant: null,
  year: null,
  quarter: null,
  pdName: null,
  headerRows: null,
  dataRows: null,
  columns: {},
  computations: [],
  computedBy: null,
  scale: null,
  efficiencyMethod: null,
  header: null,
  doubts: [],
  confirmed: false,
  confidence: 0,
  notes: [note],
});

const LAYOUT_LABEL: Record<LayoutId, string> = {
  E81: "Tabel E.81 (evaluasi hasil Renja)",
  TC29: "Tabel T-C.29 (rekapitulasi evaluasi Renja)",
  TC33: "Tabel T-C.33 (rumusan rencana program dan kegiatan)",
  TC31: "Tabel T-C.31 (review rancangan awal RKPD)",
  LKJIP_CAPAIAN: "LKjIP pengukuran kinerja",
  LKJIP_EFISIENSI: "LKjIP efisiensi anggaran",
  LKJIP_PROGRAM: "LKjIP capaian kinerja dan anggaran program",
};

export function layoutLabel(id: LayoutId): string {
  return LAYOUT_LABEL[id];
}

/**
 * The variant within a layout: T-C.29 column 10 formula, E.81 with or without the 12/7 column,
 * the efficiency method named by the header, a non-default category scale in the labels.
 */
function variantOf(
  def: LayoutDef,
  grid: Grid,
  h: HeaderScan | null,
  columns: Record<string, number>,
  dataRows: [number, number] | null
): string | null {
  if (def.variant) return def.variant(h?.formulas ?? []);
  if (def.id === "E81")
    return "capaian.tahun.k" in columns || "capaian.tahun.rp" in columns ? "12/7" : "13=6+12";
  if (def.id === "LKJIP_EFISIENSI") {
    const path = h && columns.efisiensi !== undefined ? (h.paths[columns.efisiensi] ?? "") : "";
    return /6\s*-\s*9|tingkat efisiensi/.test(path) ? "selisih" : "sisa";
  }
  if (columns.kategori !== undefined && dataRows) {
    const votes: Record<string, number> = {};
    for (let r = dataRows[0]; r <= Math.min(dataRows[1], dataRows[0] + 300); r++) {
      const v = cellAt(grid, r, columns.kategori).value;
      if (typeof v !== "string") continue;
      const t = v.trim().toLowerCase();
      for (const name of Object.keys(SCALES) as ScaleName[])
        if (SCALES[name].some((b) => b.label.toLowerCase() === t))
          votes[name] = (votes[name] ?? 0) + 1;
    }
    const best = (Object.keys(votes) as ScaleName[]).sort((a, b) => votes[b] - votes[a])[0];
    if (best && best !== "permendagri86") return best;
  }
  return null;
}

/** Some computed column of the layout has its output and all its inputs among the columns found. */
function canCompute(def: LayoutDef, cols: Record<string, number>): boolean {
  const has = (role: string) => role in cols;
  return Object.values(def.computed).some((comps) =>
    comps.some((c) => {
      if (!has(c.out)) return false;
      switch (c.kind) {
        case "realisasi":
          return c.inputs.some(has);
        case "capaian":
          return has(c.r) && has(c.t);
        case "serapan":
          return has(c.r) && has(c.pagu);
        case "efisiensi":
          return has(c.r) && has(c.pagu);
        default:
          return has(c.from);
      }
    })
  );
}

/** Recognises the table on a sheet; `mapping` (a saved user correction) overrides what it names. */
export function recognise(grid: Grid, mapping?: ColumnMapping): Recognition {
  const h = scanHeader(grid);
  if (!h) {
    if (!mapping?.layout)
      return EMPTY_RECOGNITION("Baris judul kolom tabel tidak ditemukan di 40 baris pertama.");
  }
  let best: {
    def: LayoutDef;
    cols: Record<string, number>;
    score: number;
    coverage: number;
  } | null = null;
  const candidates = mapping?.layout ? [layoutById(mapping.layout)!].filter(Boolean) : LAYOUTS;
  for (const def of candidates) {
    const cols = h ? assignColumns(def, h) : {};
    const found = def.required.filter((r) => r in cols).length;
    const coverage = found / def.required.length;
    // the identifying words may sit in the title rows or in the header itself ("TINGKAT EFISIENSI (6-9)")
    const titleHit =
      h && def.title.some((t) => h.titleText.includes(t) || h.headerWords.includes(t)) ? 1 : 0;
    const score = coverage * 10 + titleHit * 3 + Object.keys(cols).length * 0.5;
    // a partial match must at least allow one computation: Kinerja's own Ringkasan sheet has
    // "Realisasi (Rp)" and "Serapan (%)" headings but is not a capaian table
    const acceptable =
      coverage === 1 || (coverage >= 0.5 && titleHit && canCompute(def, cols)) || !!mapping?.layout;
    if (acceptable && (!best || score > best.score)) best = { def, cols, score, coverage };
  }
  const notes: string[] = [];
  if (!best) {
    const r = EMPTY_RECOGNITION(
      "Jenis tabel tidak dikenali; tetapkan tata letak dan kolom secara manual."
    );
    if (h) {
      r.headerRows = [h.start, h.end];
      r.year = findYear(h.titleText);
      r.pdName = findPdName(grid, h.start);
    }
    return r;
  }
  const { def } = best;
  const columns = { ...best.cols, ...(mapping?.columns ?? {}) };
  const headerRows: [number, number] | null = mapping?.headerRows ?? (h ? [h.start, h.end] : null);
  let last = lastDataRow(grid, columns);
  // closing "TOTAL …" rows below the table are not data rows
  while (last > (headerRows?.[1] ?? -1) && /^\s*total\b/i.test(firstText(grid, last))) last--;
  const dataRows: [number, number] | null =
    mapping?.dataRows ?? (headerRows && last > headerRows[1] ? [headerRows[1] + 1, last] : null);
  const variant = variantOf(def, grid, h, columns, dataRows);
  const missing = def.required.filter((r) => !(r in columns));
  for (const m of missing) notes.push(`Kolom "${roleLabel(m)}" tidak ditemukan.`);
  for (const comp of Object.values(def.computed)[0] ?? [])
    if (!(comp.out in columns))
      notes.push(`Kolom hitung "${roleLabel(comp.out)}" tidak ada di tabel; tidak diisi.`);
  notes.unshift(
    `Dikenali sebagai ${LAYOUT_LABEL[def.id]}${variant ? ` (varian ${variant})` : ""}; ` +
      `judul kolom baris ${headerRows ? headerRows[0] + 1 : "?"}–${headerRows ? headerRows[1] + 1 : "?"}, ` +
      `${Object.keys(columns).length} kolom dikenali (${Object.entries(columns)
        .slice(0, 6)
        .map(([r, c]) => `${columnLetters(c)}=${r}`)
        .join(", ")}${Object.keys(columns).length > 6 ? ", …" : ""}).`
  );
  const confidence = Math.min(
    1,
    best.coverage * 0.7 +
      (h && def.title.some((t) => h.titleText.includes(t)) ? 0.2 : 0) +
      (h?.numbering !== null ? 0.1 : 0)
  );
  return {
    layout: def.id,
    variant,
    year: h ? (findYear(h.titleText) ?? findYear(normTitle(h.paths.join(" ")))) : null,
    quarter: h ? findQuarter(h.titleText) : null,
    pdName: h ? findPdName(grid, h.start) : null,
    headerRows,
    dataRows,
    columns,
    computations: (def.computed[variant ?? ""] ?? Object.values(def.computed)[0] ?? []).filter(
      (c) => c.out in columns
    ),
    computedBy: h?.numbering !== null && h?.formulas.length ? "numbering" : "header",
    scale: null,
    efficiencyMethod: null,
    header: h
      ? {
          numberingRow: h.numbering,
          texts: [...h.rawHeaderTexts],
          numbering: [],
        }
      : null,
    doubts: [],
    confirmed: !!mapping?.confirmed,
    confidence: Math.round(confidence * 100) / 100,
    notes,
  };
}
