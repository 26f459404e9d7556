// Table recognition: the header block (header/scan.ts), the role of every column for each
// layout of the registry (match.ts), the best fit, the data rows (extent.ts) and the facts
// later stages need (computations, scale, efficiency method), decided once.
import type { ColumnMapping, Computation, Doubt, Grid, Recognition, RoleId } from "../model";
import { columnLetters } from "../model/grid";
import { scanHeader, type HeaderScan } from "./header/scan";
import { findPdName, findQuarter, findYear } from "./header/title";
import { computationsOf, efficiencyMethodOf, layoutById, LAYOUTS, type LayoutDef } from "./layouts";
import {
  assignByWords,
  canCompute,
  columnsFromNumbering,
  computationsFor,
  matchNumbering,
  type Columns,
  type NumberingMatch,
} from "./match";
import { dataExtent } from "./extent";
import { detectScale, refineByContent } from "./content";
import { roleLabel, stemOf } from "./roles";
import { normTitle } from "./text";

interface Candidate {
  def: LayoutDef;
  columns: Columns;
  numbering: NumberingMatch | null;
  /** Groups whose K/Rp sides came from their order alone (no unit cells). */
  sideDoubts: Doubt[];
  coverage: number;
  titleHit: boolean;
  score: number;
}

const has = (cols: Columns) => (role: RoleId) => cols[role] !== undefined;

function emptyRecognition(note: string): Recognition {
  return {
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
  };
}

function candidate(def: LayoutDef, scan: HeaderScan | null): Candidate {
  const words = scan ? assignByWords(def, scan) : {};
  const numbering = scan?.spans.some((s) => s.formula) ? matchNumbering(def, scan, words) : null;
  const fromNumbering =
    numbering && scan ? columnsFromNumbering(def, scan, words, numbering.stems) : null;
  const columns = fromNumbering?.columns ?? words;
  const coverage = def.required.filter(has(columns)).length / def.required.length;
  // the identifying words may sit in the title rows or in the header ("TINGKAT EFISIENSI (6-9)")
  const titleHit =
    !!scan && def.title.some((t) => scan.titleText.includes(t) || scan.headerWords.includes(t));
  // stated formulas the layout explains count for it; formulas it cannot explain, against it
  const score =
    coverage * 10 +
    (titleHit ? 3 : 0) +
    Object.keys(columns).length * 0.5 +
    (numbering ? numbering.stated.length - 2 * numbering.doubts.length : 0);
  return {
    def,
    columns,
    numbering,
    sideDoubts: fromNumbering?.doubts ?? [],
    coverage,
    titleHit,
    score,
  };
}

/**
 * Acceptable: every required role found, or half of them with the title naming the table and at
 * least one computation possible (Kinerja's own Ringkasan sheet has "Realisasi (Rp)" and
 * "Serapan (%)" headings but is not a capaian table).
 */
function acceptable(c: Candidate, forced: boolean): boolean {
  if (forced || c.coverage === 1) return true;
  const possible = Object.values(c.def.computed).some((comps) =>
    comps.some((k) => canCompute(k, has(c.columns)))
  );
  return c.coverage >= 0.5 && c.titleHit && possible;
}

/** "Tabel tidak dikenali: mirip T-C.29, tetapi …": the nearest layout and what it lacks. */
function notRecognised(grid: Grid, scan: HeaderScan | null, cands: Candidate[]): Recognition {
  const near = [...cands].sort((a, b) => b.coverage - a.coverage || b.score - a.score)[0];
  const missing = near ? near.def.required.filter((r) => !has(near.columns)(r)) : [];
  const note =
    near && near.coverage >= 0.5
      ? `Tabel tidak dikenali: mirip ${near.def.label}, tetapi kolom ${missing.map((m) => `"${roleLabel(m)}"`).join(", ")} tidak ditemukan. Tetapkan tata letak dan kolom secara manual bila ini memang tabel tersebut.`
      : "Jenis tabel tidak dikenali; tetapkan tata letak dan kolom secara manual.";
  const r = emptyRecognition(note);
  if (scan) {
    r.headerRows = [scan.start, scan.end];
    r.year = findYear(scan.titleText);
    r.pdName = findPdName(grid, scan.start);
  }
  return r;
}

/** Recognises the table on a sheet; `mapping` (the user's correction) overrides what it names. */
export function recognise(grid: Grid, mapping?: ColumnMapping): Recognition {
  const scan = scanHeader(grid);
  const forced = mapping?.layout ? layoutById(mapping.layout) : null;
  if (!scan && !forced)
    return emptyRecognition("Baris judul kolom tabel tidak ditemukan di 40 baris pertama.");
  const cands = (forced ? [forced] : LAYOUTS).map((def) => candidate(def, scan));
  let best: Candidate | null = null;
  for (const c of cands) if (acceptable(c, !!forced) && (!best || c.score > best.score)) best = c;
  return best ? finish(grid, scan, best, mapping) : notRecognised(grid, scan, cands);
}

function computationsOfSheet(
  best: Candidate,
  columns: Columns,
  variant: string | null,
  mapped: boolean
): { computations: Computation[]; computedBy: Recognition["computedBy"] } {
  const stated = best.numbering?.stated ?? [];
  const statutory = computationsOf(best.def, variant).filter((c) => canCompute(c, has(columns)));
  if (!stated.length) return { computations: statutory, computedBy: "header" };
  const fromNumbering = computationsFor(best.def, stated, columns);
  if (!mapped) return { computations: fromNumbering, computedBy: "numbering" };
  // a confirmed map settles the doubted columns: they get the layout's own formula
  const doubted = new Set((best.numbering?.doubts ?? []).map((d) => d.role).filter(Boolean));
  const settled = statutory.filter(
    (c) => doubted.has(stemOf(c.out) as never) && !fromNumbering.some((f) => f.out === c.out)
  );
  return { computations: [...fromNumbering, ...settled], computedBy: "numbering" };
}

function finish(
  grid: Grid,
  scan: HeaderScan | null,
  best: Candidate,
  mapping?: ColumnMapping
): Recognition {
  const { def } = best;
  const headerRows =
    mapping?.headerRows ?? (scan ? ([scan.start, scan.end] as [number, number]) : null);
  const nameCols = [best.columns.uraian, best.columns.indikator].filter(
    (c): c is number => c !== undefined
  );
  const dataRows =
    mapping?.dataRows ??
    (headerRows
      ? dataExtent(
          grid,
          headerRows[1],
          Object.values(best.columns) as number[],
          nameCols,
          best.columns.no,
          scan?.texts
        )
      : null);
  const refined =
    scan && !mapping?.columns ? refineByContent(grid, scan, best.columns, dataRows) : null;
  const columns: Columns = { ...(refined?.columns ?? best.columns), ...(mapping?.columns ?? {}) };
  const scale = detectScale(grid, columns.kategori, dataRows);
  // a non-default category scale in the sheet's labels is a variant of its own (Lumajang "lkjip")
  const variant =
    def.detectVariant?.({ grid, scan, columns }) ??
    (scale && scale !== "permendagri86" ? scale : null);
  const { computations, computedBy } = computationsOfSheet(
    best,
    columns,
    variant,
    !!mapping?.columns
  );
  const doubts: Doubt[] = [...(best.numbering?.doubts ?? []), ...best.sideDoubts];
  const titleText = scan?.titleText ?? "";
  const rec: Recognition = {
    layout: def.id,
    variant,
    year:
      findYear(titleText) ??
      (scan ? findYear(normTitle(scan.columns.map((c) => c.path).join(" "))) : null),
    quarter: findQuarter(titleText),
    pdName: scan ? findPdName(grid, scan.start) : null,
    headerRows,
    dataRows,
    columns,
    computations,
    computedBy,
    scale,
    efficiencyMethod:
      columns.efisiensi !== undefined && scan
        ? efficiencyMethodOf(scan.columns[columns.efisiensi]?.path ?? "")
        : null,
    header: scan
      ? {
          numberingRow: scan.numbering,
          texts: [...scan.texts],
          numbering: scan.spans.map((s) => s.text),
        }
      : null,
    doubts,
    confirmed: !!mapping?.confirmed,
    confidence: 0,
    notes: [],
  };
  rec.notes = notesOf(rec, def, best, refined?.notes ?? []);
  rec.confidence =
    Math.round(
      Math.min(
        1,
        best.coverage * 0.7 + (best.titleHit ? 0.2 : 0) + (scan?.numbering !== null ? 0.1 : 0)
      ) * 100
    ) / 100;
  return rec;
}

function notesOf(rec: Recognition, def: LayoutDef, best: Candidate, extra: string[]): string[] {
  const cols = Object.entries(rec.columns) as [string, number][];
  const notes = [
    `Dikenali sebagai ${def.label}${rec.variant ? ` (varian ${rec.variant})` : ""}; ` +
      `judul kolom baris ${rec.headerRows ? rec.headerRows[0] + 1 : "?"}–${rec.headerRows ? rec.headerRows[1] + 1 : "?"}, ` +
      `${cols.length} kolom dikenali (${cols
        .slice(0, 6)
        .map(([r, c]) => `${columnLetters(c)}=${r}`)
        .join(", ")}${cols.length > 6 ? ", …" : ""}).`,
  ];
  if (rec.computedBy === "numbering")
    notes.push(
      `Kolom hitung menurut baris nomor kolom: ${rec.computations.map((c) => `${columnLetters(rec.columns[c.out]!)} (${roleLabel(c.out)})`).join(", ") || "tidak ada"}.`
    );
  for (const m of def.required.filter((r) => !has(rec.columns)(r)))
    notes.push(`Kolom "${roleLabel(m)}" tidak ditemukan.`);
  for (const comp of computationsOf(def, rec.variant))
    if (!has(rec.columns)(comp.out) && rec.computedBy === "header")
      notes.push(`Kolom hitung "${roleLabel(comp.out)}" tidak ada di tabel; tidak diisi.`);
  notes.push(
    ...(best.numbering?.notes ?? []),
    ...extra,
    ...rec.doubts.map((d) => `Ragu: ${d.reason}`)
  );
  return notes;
}
