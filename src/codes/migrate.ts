// Migration of a sheet's codes from one nomenclature version to the next (TA 2027 update,
// "SUBKEGIATAN SEBELUMNYA" successor links), pure: it returns the cell edits and a report; the
// app layer previews them, writes them undoably and shows the report. Only code and name cells
// are written; the row's other cells are untouched.
//  - a code with one successor: code and official name of the successor (mapped);
//  - several successors: listed with one fix per successor (the planner chooses);
//  - absent from the new list without a successor: listed (retired; the planner decides);
//  - same code, new official name: the name is rewritten where the row had the old official name;
//  - sub kegiatan new in the target list under the sheet's programmes and absent from the sheet:
//    listed (added), so the planner can consider them for the new Renja.
import type { CellEdit, Fix } from "../model/issue";
import { lookup, successorsOf, type Nomenclature } from "./api";
import { codeMemo, type CodeMemo } from "./lookups";
import { localise, type CodeReading } from "./read";
import { detectRegime, type RegimeVerdict } from "./regime";
import type { CodeRow } from "./checks/context";
import { layoutOf, writeRow, where, type SplitLayout } from "./write";

export interface CodeAndName {
  code: string;
  name: string | null;
}

export interface MigrationReport {
  /** Labels of the two versions, for the report's title. */
  from: string;
  to: string;
  /** The sheet's code regime; an old one is not migrated (nothing mapped). */
  regime: RegimeVerdict;
  mapped: { row: number; from: CodeAndName; to: CodeAndName }[];
  /** Several successors: not mapped, one fix per successor in `fixes`. */
  choices: { row: number; from: CodeAndName; to: CodeAndName[]; fixes: Fix[] }[];
  /** Not in the new list and no successor: the planner decides. */
  retired: { row: number; from: CodeAndName }[];
  /** Same code, another official name; `written` when the migration rewrote the name cell. */
  renamed: { row: number; code: string; from: string; to: string; written: boolean }[];
  /** New sub kegiatan under the sheet's programmes, absent from the sheet (`under` = kegiatan). */
  added: { code: string; name: string; under: string }[];
  /** Codes in neither list: left as they are (validation reports them). */
  unknown: { row: number; code: string }[];
  /** Rows whose code and name stay as they are. */
  unchanged: number;
}

export interface MigrationResult {
  /** Every cell the migration writes (code and name cells only), in row order. */
  edits: CellEdit[];
  report: MigrationReport;
}

export interface MigrationOptions {
  /** The list the sheet was built from (e.g. kabkota-2024). */
  from: Nomenclature;
  /** The list to migrate to (e.g. 2027, for the same scope). */
  to: Nomenclature;
  /** The sheet's year, for recognising an old code regime. */
  sheetYear?: number | null;
}

interface Coded {
  input: CodeRow;
  reading: CodeReading;
  name: string | null;
}

function codedRows(rows: CodeRow[], memo: CodeMemo): Coded[] {
  const out: Coded[] = [];
  for (const r of rows) {
    if (!r.codeCells.length) continue;
    const reading = memo.read(r.codeCells);
    if (reading.kind !== "code" || reading.placeholder) continue;
    const name = r.name && typeof r.name.value === "string" ? r.name.value.trim() : reading.name;
    out.push({ input: r, reading, name: name || null });
  }
  return out;
}

function emptyReport(opts: MigrationOptions, regime: RegimeVerdict): MigrationReport {
  const [from, to] = [opts.from.label, opts.to.label];
  return {
    from,
    to,
    regime,
    mapped: [],
    choices: [],
    retired: [],
    renamed: [],
    added: [],
    unknown: [],
    unchanged: 0,
  };
}

/** Maps every code of the sheet through the successor links of `opts.to`. */
export function migrateCodes(rows: CodeRow[], opts: MigrationOptions): MigrationResult {
  const regime = detectRegime(rows, opts.sheetYear ?? null);
  const report = emptyReport(opts, regime);
  if (regime.regime !== "current") return { edits: [], report };
  const memo = codeMemo(opts.to);
  const coded = codedRows(rows, memo);
  const layouts = new Map<number, SplitLayout>();
  for (const c of coded) {
    const l = layoutOf(c.input);
    if (l && !layouts.has(c.reading.code.split(".").length))
      layouts.set(c.reading.code.split(".").length, l);
  }
  const edits: CellEdit[] = [];
  const present = new Set<string>();
  for (const c of coded) {
    const code = migrateRow(c, opts, memo, layouts, report, edits);
    present.add(code);
  }
  report.added = addedUnder(present, opts);
  edits.sort((a, b) => a.row - b.row || a.col - b.col);
  return { edits, report };
}

/** One row: what it becomes, its edits and its line in the report; returns the code it ends with. */
function migrateRow(
  c: Coded,
  opts: MigrationOptions,
  memo: CodeMemo,
  layouts: Map<number, SplitLayout>,
  report: MigrationReport,
  edits: CellEdit[]
): string {
  const { code } = c.reading;
  const row = c.input.row;
  const from = { code, name: c.name };
  const template = (to: string) =>
    layoutOf(c.input) ? (layouts.get(to.split(".").length) ?? null) : null;
  const now = memo.lookup(code);
  if (now.name !== null) {
    const before = lookup(opts.from, code).name;
    if (before !== null && memo.norm(before) !== memo.norm(now.name)) {
      const written = c.name !== null && memo.norm(c.name) === memo.norm(before);
      if (written) edits.push(...(writeRow(c.input, { name: now.name }) ?? []));
      report.renamed.push({ row, code, from: before, to: now.name, written });
    } else report.unchanged++;
    return code;
  }
  const succ = successorsOf(opts.to, code);
  const named = succ.map((s) => ({ code: s, name: lookup(opts.to, s).name }));
  const write = (to: CodeAndName) =>
    writeRow(
      c.input,
      { code: to.code, name: c.name !== null ? (to.name ?? undefined) : undefined },
      template(to.code)
    );
  if (named.length === 1) {
    const e = write(named[0]);
    if (e) {
      edits.push(...e);
      report.mapped.push({ row, from, to: named[0] });
      return named[0].code;
    }
  }
  if (named.length) {
    const fixes = named.flatMap((to) => {
      const e = write(to);
      return e?.length
        ? [
            {
              label: `Ganti dengan ${to.code} "${to.name ?? ""}" di ${where(e)}`,
              safe: false,
              edits: e,
            },
          ]
        : [];
    });
    report.choices.push({ row, from, to: named, fixes });
  } else if (lookup(opts.from, code).name !== null) report.retired.push({ row, from });
  else report.unknown.push({ row, code });
  return code;
}

/** Sub kegiatan of `opts.to` under the sheet's programmes that `opts.from` lacks and the sheet too. */
function addedUnder(present: Set<string>, opts: MigrationOptions): MigrationReport["added"] {
  const programmes = new Map<string, string>(); // official programme (X.XX form too) → as written
  const levels = new Set<string>();
  for (const code of present) {
    const p = code.split(".");
    if (p.length < 3) continue;
    const programme = p.slice(0, 3).join(".");
    programmes.set(programme, programme);
    if (p[2] === "01") programmes.set(`X.XX.01`, programme);
    if (p.length >= 4) levels.add(p[3]);
  }
  if (!levels.size) levels.add(opts.to.scope === "provinsi" ? "1" : "2");
  const out: MigrationReport["added"] = [];
  for (const [official, name] of Object.entries(opts.to.names)) {
    const p = official.split(".");
    if (p.length !== 6 || !levels.has(p[3])) continue;
    const written = programmes.get(p.slice(0, 3).join("."));
    if (!written) continue;
    const code = localise(official, written);
    if (present.has(code) || lookup(opts.from, code).name !== null) continue;
    out.push({ code, name, under: code.split(".").slice(0, 5).join(".") });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
