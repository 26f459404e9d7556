// Which coding regime a sheet's codes belong to (DOMAIN §6). The 2024/2027 lists only apply to
// codes of the current U.BB.PP.K.KK.SSSS regime (Permendagri 90/2019 and its updates). Older
// documents use other codes, and comparing them with the current lists makes every row "wrong":
//  - Permendagri 13/2006 (amended by 59/2007 and 21/2011; Renja forms of 54/2010), up to TA 2020:
//    urusan.bidang[.unit.subunit].program.kegiatan with 2-digit program and kegiatan numbers
//    ("1.01.1.1.01.01" in Muna Barat, split "3 | 1 | 01 | 01" in Sukabumi) and the programmes
//    every SKPD had ("Program Pelayanan Administrasi Perkantoran" = 01);
//  - the 2020–2021 form with a three-digit kegiatan (level digit and number without the dot) and a
//    two-digit sub kegiatan ("1.01.02.202.06", "X.XX.01.201.01", Seram Bagian Barat e-LKPJ).
// Indicator numbering such as BPS's "1.1.1.1" is not a nomenclature code at all.
// The decision is per sheet, from the shapes of its codes, the names and the sheet's year.
import type { CellValue } from "../model/grid";
import { memoCells } from "./memo";
import { cellCodeText, normaliseName, splitCodeCell } from "./read";

export type Regime =
  /** U.BB.PP.K.KK.SSSS: checked against the 2024/2027 lists. */
  | "current"
  /** Permendagri 13/2006 (59/2007, 21/2011; 54/2010 forms), TA ≤ 2020. */
  | "permendagri13"
  /** 2020–2021 codes with a three-digit kegiatan ("1.01.02.202.06"). */
  | "kegiatan3"
  /** Not nomenclature codes (indicator numbering "1.1.1.1"). */
  | "bukan-kode";

/** A row as the code checks get it (CodeRow fits): code cells and the name cell, if any. */
export interface RegimeRow {
  row: number;
  codeCells: { col: number; value: CellValue }[];
  name: { value: CellValue } | null;
}

export interface RegimeVerdict {
  regime: Regime;
  /** The row that shows it best (first row of that regime), for the finding's cell. */
  example: { row: number; col: number; text: string; current?: string } | null;
  /** True when the year, not the shapes, decided (no code of the sheet is distinctive). */
  byYear: boolean;
}

/** Permendagri 13/2006 ran up to TA 2020; Permendagri 90/2019 codes apply from TA 2021. */
export const LAST_YEAR_PERMENDAGRI13 = 2020;

// The programmes every SKPD had under Permendagri 13/2006 (Lampiran A.VII, program 01–06) and
// typical kegiatan of program 01; none of these names exists in the current lists.
const OLD_NAMES = [
  "program pelayanan administrasi perkantoran",
  "program peningkatan sarana dan prasarana aparatur",
  "program peningkatan disiplin aparatur",
  "program fasilitasi pindah purna tugas pns",
  "program peningkatan kapasitas sumber daya aparatur",
  "program peningkatan pengembangan sistem pelaporan capaian kinerja dan keuangan",
  "pelayanan administrasi perkantoran",
  "penyediaan jasa surat menyurat",
  "penyediaan jasa komunikasi sumber daya air dan listrik",
  "penyediaan alat tulis kantor",
  "rapat rapat koordinasi dan konsultasi",
];

function oldName(name: string | null): boolean {
  if (!name) return false;
  const n = normaliseName(name);
  return OLD_NAMES.some((o) => n.startsWith(o));
}

type Vote = Regime | "neutral" | "unit";

interface Shape {
  tokens: string[];
  oneCell: boolean;
  text: string;
  /** A name written after the code in the same cell ("1.01.1.1.01 - Program …"). */
  name: string | null;
}

function shapeOf(values: CellValue[]): Shape | null {
  const texts = values.map(cellCodeText).filter(Boolean);
  const tokens: string[] = [];
  let name: string | null = null;
  for (const t of texts) {
    const p = splitCodeCell(t);
    if (!p.tokens.length) break;
    tokens.push(...p.tokens.map((x) => x.toUpperCase()));
    if ((name = p.name)) break;
  }
  if (tokens.length < 2 || tokens.some((t) => !/^(\d+|X|XX)$/.test(t))) return null;
  return { tokens, oneCell: texts.length === 1, text: texts.join(" | "), name };
}

const D1 = /^\d$/;
const D2 = /^\d{2}$/;
const BIDANG = /^(\d{2}|XX)$/;

/** One row's evidence. "unit" = U.BB.S.S… (Permendagri 13 unit prefix), decided per sheet. */
function vote(s: Shape, name: string | null): Vote {
  const v = shapeVote(s);
  // an old programme name outweighs an ambiguous shape ("1.01.01" Program Pelayanan …)
  return v !== "current" && v !== "kegiatan3" && oldName(name) ? "permendagri13" : v;
}

function shapeVote(s: Shape): Vote {
  const t = s.tokens;
  if (s.oneCell && t.length >= 3 && t.length <= 5 && t.every((x) => D1.test(x)))
    return "bukan-kode";
  if (
    t.length >= 4 &&
    t.length <= 5 &&
    BIDANG.test(t[1]) &&
    D2.test(t[2]) &&
    /^[1-8]\d{2}$/.test(t[3])
  )
    return "kegiatan3";
  if (
    t.length >= 4 &&
    BIDANG.test(t[1]) &&
    D1.test(t[2]) &&
    D1.test(t[3]) &&
    (t.length === 4 || D2.test(t[4]))
  )
    return "unit";
  const current =
    BIDANG.test(t[1]) &&
    D2.test(t[2] ?? "") &&
    ((t.length === 5 && D1.test(t[3]) && D2.test(t[4])) ||
      (t.length === 6 && /^0?\d$/.test(t[3]) && D2.test(t[4]) && /^\d{2}(\d{2})?$/.test(t[5])));
  return current ? "current" : "neutral";
}

type Shaped = { r: RegimeRow; s: Shape; v: Vote };

/**
 * Votes per regime and the first row of each. U.BB.S.S unit prefixes count as Permendagri 13
 * only when other codes hang under them ("1.01.1.1" → "1.01.1.1.01 …"); a lone 4-part code is a
 * current code written incompletely. Rows are not copied: a long current sheet only counts.
 */
function tally(rows: RegimeRow[], shapeOfCells: (c: RegimeRow["codeCells"]) => Shape | null) {
  const counts: Record<Regime, number> = {
    current: 0,
    permendagri13: 0,
    kegiatan3: 0,
    "bukan-kode": 0,
  };
  const first: Partial<Record<Regime | "any", Shaped>> = {};
  const shapes = new Set<Shape>();
  const units: Shaped[] = [];
  let total = 0;
  for (const r of rows) {
    const s = shapeOfCells(r.codeCells);
    if (!s) continue;
    total++;
    shapes.add(s);
    const name = typeof r.name?.value === "string" ? r.name.value : null;
    const v = vote(s, name ?? s.name);
    first.any ??= { r, s, v };
    if (v === "unit") units.push({ r, s, v });
    else if (v !== "neutral") {
      counts[v]++;
      first[v] ??= { r, s, v };
    }
  }
  const prefixes = new Set<string>();
  const parents = new Set<string>();
  for (const shape of shapes) {
    const t = shape.tokens;
    if (t.length === 4) prefixes.add(t.join("."));
    for (let n = 1; n < t.length; n++) parents.add(t.slice(0, n).join("."));
  }
  for (const x of units) {
    const t = x.s.tokens;
    if (!(t.length > 4 ? prefixes.has(t.slice(0, 4).join(".")) : parents.has(t.join("."))))
      continue;
    counts.permendagri13++;
    if (!first.permendagri13 || first.permendagri13.r.row > x.r.row) first.permendagri13 = x;
  }
  // one "2.7.4" is a current code with lost zeros; a list of them is indicator numbering
  if (counts["bukan-kode"] < 2) counts["bukan-kode"] = 0;
  return { counts, first, total };
}

/**
 * The regime of a sheet's codes: an old one when most distinctive codes are old, or when the
 * sheet's year is up to 2020 and its codes do not clearly say otherwise.
 */
export function detectRegime(rows: RegimeRow[], year: number | null): RegimeVerdict {
  const { counts, first, total } = tally(rows, memoCells(shapeOf));
  const old: Regime[] = ["bukan-kode", "kegiatan3", "permendagri13"];
  const top = old.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  let regime: Regime = counts[top] > counts.current ? top : "current";
  let byYear = false;
  const fewCurrent = total > 0 && counts.current * 2 <= total;
  if (regime === "current" && year !== null && year <= LAST_YEAR_PERMENDAGRI13 && fewCurrent) {
    regime = "permendagri13";
    byYear = !first.permendagri13;
  }
  const ex = first[regime] ?? first.any;
  if (regime === "current" || !ex) return { regime, example: null, byYear };
  const name = typeof ex.r.name?.value === "string" ? ex.r.name.value : null;
  const example = {
    row: ex.r.row,
    col: ex.r.codeCells[0].col,
    text: exampleText(ex.s, name ?? ex.s.name),
    ...(regime === "kegiatan3" ? { current: currentForm(ex.s.tokens) } : {}),
  };
  return { regime, example, byYear };
}

/** "1.01.02.202.06" in today's form "1.01.02.2.02.0006" (same numbers, current layout). */
function currentForm(t: string[]): string {
  const parts = [...t.slice(0, 3), t[3][0], t[3].slice(1)];
  if (t[4]) parts.push(t[4].padStart(4, "0"));
  return parts.join(".");
}

function exampleText(s: Shape, name: string | null): string {
  const text = name && !s.text.includes(name) ? `${s.text} ${name}` : s.text;
  return text.length > 70 ? text.slice(0, 67) + "…" : text;
}
