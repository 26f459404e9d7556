// What every kode.* rule sees: one coded row read once (CodeLine), the sheet facts the fixes
// need (bidang, how codes are split over cells), the row-order position for kode.hierarki, and
// the shared memo of readings and lookups.
import type { CellValue } from "../../model/grid";
import type { Fix, Issue, Severity } from "../../model/issue";
import { a1 } from "../../model/grid";
import type { IndicatorTable, Lookup, Nomenclature } from "../api";
import type { CodeMemo } from "../lookups";
import type { CodeLevel, CodeReading } from "../read";
import type { Scope } from "../types";
import { layoutOf, type SplitLayout } from "../write";

/** One row of a table as the code checks read it (0-based row and columns). */
export interface CodeRow {
  row: number;
  /** The non-empty cells of the code column(s), left to right. */
  codeCells: { col: number; value: CellValue }[];
  /** The name (uraian) cell, when the table has one. */
  name: { col: number; value: CellValue } | null;
  /** The indicator cell, when the table has an indicator column. */
  indicator?: { col: number; value: CellValue } | null;
  /** The unit (satuan) cell, when the table has a unit column. */
  unit?: { col: number; value: CellValue } | null;
}

export interface CodeCheckOptions {
  /** The fiscal year the codes are checked for (settings or the sheet's title). */
  year: number | null;
  scope: Scope;
  nomenclature: Nomenclature;
  /** The previous version: a code found only there has been retired (optional). */
  previous?: Nomenclature;
  /**
   * The next version (2027 when checking with the 2024 list): a code missing from the list but
   * present in the next one comes from a later update (3406/2024, 2850/2025 …, not available),
   * so it is a warning that names the code, not an error.
   */
  next?: Nomenclature;
  /** The year in the sheet's own title, for recognising old code regimes (default: `year`). */
  sheetYear?: number | null;
  /** Official indikator/satuan: when given, kode.indikator-beda and kode.satuan-beda run. */
  indicators?: IndicatorTable;
}

/** A row whose code was read (a valid code, possibly with notes on its form). */
export interface CodeLine {
  input: CodeRow;
  row: number;
  /** Column of the first code cell: where findings about the code are placed. */
  col: number;
  reading: CodeReading;
  code: string;
  /** The row's name: its name cell, or the name written after the code. */
  nameText: string | null;
  found: Lookup;
  /** Rows right below with no code and no name: more indicators of the same entity. */
  more: CodeRow[];
}

export interface SheetFacts {
  /** Distinct bidang (U.BB) of the sheet's own codes, in order of first appearance. */
  bidang: string[];
  /** For each X.XX row: the bidang of the nearest coded row above it (its choices' order). */
  bidangAbove: Map<number, string>;
  /** How the sheet splits codes of each length over cells (first row that does). */
  layouts: Map<number, SplitLayout>;
}

export interface RuleContext {
  options: CodeCheckOptions;
  nom: Nomenclature;
  memo: CodeMemo;
  sheet: SheetFacts;
  /** Nearest programme / kegiatan row above, in row order (kode.hierarki). */
  position: { program: string | null; kegiatan: string | null };
  /** Per-sheet scratch memo of the rules (each rule keys it by objects of its own). */
  cache: Map<unknown, unknown>;
}

/** A rule's word on one row: its findings, and whether the later rules skip the row. */
export interface Verdict {
  issues: Issue[];
  stop?: boolean;
}

export interface CodeRule {
  /** The rule ids this function reports. */
  ids: string[];
  check(line: CodeLine, ctx: RuleContext): Verdict | null;
}

export function finding(
  line: { row: number; col: number },
  rule: string,
  severity: Severity,
  message: string,
  fixes?: { fix?: Fix | null; choices?: Fix[] }
): Issue {
  const issue: Issue = {
    cell: a1(line.row, line.col),
    row: line.row,
    col: line.col,
    rule,
    severity,
    message,
  };
  if (fixes?.fix) issue.fix = fixes.fix;
  if (fixes?.choices?.length) issue.choices = fixes.choices;
  return issue;
}

export const LEVEL_LABEL: Record<CodeLevel, string> = {
  urusan: "urusan",
  bidang: "bidang urusan",
  program: "program",
  kegiatan: "kegiatan",
  subkegiatan: "sub kegiatan",
};

/** The sheet's split layout for a code of `length` segments (null when the row is one cell). */
export function templateFor(ctx: RuleContext, line: CodeLine, code: string): SplitLayout | null {
  const split = line.input.codeCells.length > 1;
  return split ? (ctx.sheet.layouts.get(code.split(".").length) ?? null) : null;
}

const SEGMENTS: Record<CodeLevel, number> = {
  urusan: 1,
  bidang: 2,
  program: 3,
  kegiatan: 5,
  subkegiatan: 6,
};

export function sheetFacts(lines: CodeLine[]): SheetFacts {
  const bidang: string[] = [];
  const bidangAbove = new Map<number, string>();
  const layouts = new Map<number, SplitLayout>();
  let above: string | null = null;
  for (const l of lines) {
    if (l.reading.placeholder) {
      if (above) bidangAbove.set(l.row, above);
    } else if (l.code.length >= 4) {
      above = l.code.slice(0, 4); // normalised: "2.07…" → "2.07"
      if (above !== bidang[bidang.length - 1] && !bidang.includes(above)) bidang.push(above);
    }
    if (l.input.codeCells.length > 1) {
      const n = SEGMENTS[l.reading.level];
      if (!layouts.has(n)) {
        const layout = layoutOf(l.input);
        if (layout) layouts.set(n, layout);
      }
    }
  }
  return { bidang, bidangAbove, layouts };
}
