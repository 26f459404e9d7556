// Which column plays which role in one layout: first by the header words of the layout's
// column rules, then — where the numbering row states computations ("12 = 8+9+10+11",
// "k = ( j / i ) * 100") — by matching those formulas against the layout's computations.
// Where the numbering row speaks, it decides; what it states is exactly what gets computed.
import type { Computation, Doubt, RoleId, Side } from "../model";
import { columnLetters } from "../model/grid";
import type { HeaderColumn, HeaderScan, LabelSpan } from "./header/scan";
import type { StatedFormula } from "./header/numbering";
import type { ColumnRule, LayoutDef } from "./layouts";
import { hasPhrase } from "./text";
import { roleLabel, sideOf, stemOf } from "./roles";

export type Columns = Partial<Record<RoleId, number>>;

/** Every phrase occurs in the path. */
function allPhrases(path: string, phrases: string[]): boolean {
  for (let i = 0; i < phrases.length; i++) if (!hasPhrase(path, phrases[i])) return false;
  return true;
}

/** The rank of the first alternative a column matches (lower is better), or -1 for no match. */
function matchRank(rule: ColumnRule, col: HeaderColumn): number {
  const path = col.path;
  if (!path.trim()) return -1;
  if (rule.words && !allPhrases(path, rule.words)) return -1;
  if (rule.none) for (const w of rule.none) if (hasPhrase(path, w)) return -1;
  if (rule.leaf && !rule.leaf.some((w) => col.leaf.startsWith(w))) return -1;
  if (!rule.any) return 0;
  for (let i = 0; i < rule.any.length; i++) if (allPhrases(path, rule.any[i])) return i;
  return -1;
}

// Layouts share rules (code, name, indicator …) and every layout is tried on each sheet: a
// rule's ranks over a scan's columns are worked out once (the header matching was most of the
// recognition of a small sheet, measured on 100 Mojokerto workbooks).
const ranks = new WeakMap<HeaderScan, Map<ColumnRule, Int16Array>>();

/** matchRank of the rule for every column of the scan. */
function ranksOf(rule: ColumnRule, scan: HeaderScan): Int16Array {
  let byRule = ranks.get(scan);
  if (!byRule) ranks.set(scan, (byRule = new Map()));
  let r = byRule.get(rule);
  if (!r) {
    r = new Int16Array(scan.columns.length);
    for (let i = 0; i < scan.columns.length; i++) r[i] = matchRank(rule, scan.columns[i]);
    byRule.set(rule, r);
  }
  return r;
}

function sideAt(col: HeaderColumn, index: number): Side {
  if (col.unit === "k" || col.unit === "rp" || col.unit === "pct") return col.unit;
  return index % 2 === 0 ? "k" : "rp";
}

class Claims {
  readonly columns: Columns = {};
  private readonly taken = new Set<number>();
  has(role: RoleId): boolean {
    return this.columns[role] !== undefined;
  }
  free(col: number): boolean {
    return !this.taken.has(col);
  }
  claim(role: RoleId, col: number): void {
    if (this.has(role) || this.taken.has(col)) return;
    this.columns[role] = col;
    this.taken.add(col);
  }
}

/** Quarter columns: by the quarter label above them, else in order (a repeated side starts the next quarter). */
function claimQuarters(rule: ColumnRule, all: HeaderColumn[], claims: Claims): void {
  // where quarters are labelled, only the labelled columns are quarters
  const labelled = all.filter((c) => c.quarter !== null);
  // unlabelled quarters in order only inside a K/Rp group (E.81 from PDF); a plain "Target |
  // Target" pair is no quarter series
  if (!labelled.length && !rule.sides) return;
  const matches = labelled.length ? labelled : all;
  let q = 0;
  let seen = new Set<Side>();
  matches.slice(0, 12).forEach((col, i) => {
    const side = rule.sides ? sideAt(col, i) : null;
    if (col.quarter) q = col.quarter;
    else if (!rule.sides || seen.has(side!) || q === 0) q++;
    if (side === null || seen.has(side) || col.quarter) seen = new Set();
    if (side) seen.add(side);
    if (q < 1 || q > 4) return;
    claims.claim(`${rule.role}${q}${side ? `.${side}` : ""}` as RoleId, col.col);
  });
}

/** Roles from the header words of the layout's rules, in rule order (earlier rules claim first). */
export function assignByWords(def: LayoutDef, scan: HeaderScan): Columns {
  const claims = new Claims();
  for (const rule of def.columns) {
    if (!rule.sides && !rule.quarters && claims.has(rule.role as RoleId)) continue;
    const rank = ranksOf(rule, scan);
    // the free columns that match, with the best rank among them
    let best = -1;
    for (let i = 0; i < scan.columns.length; i++)
      if (rank[i] >= 0 && claims.free(scan.columns[i].col) && (best < 0 || rank[i] < best))
        best = rank[i];
    if (best < 0) continue;
    if (rule.quarters) {
      claimQuarters(
        rule,
        scan.columns.filter((c, i) => rank[i] >= 0 && claims.free(c.col)),
        claims
      );
      continue;
    }
    const matches = scan.columns.filter((c, i) => rank[i] === best && claims.free(c.col));
    if (rule.sides) {
      // the group is the first matching column and its adjacent matching neighbours
      const group = [matches[0]];
      for (const m of matches.slice(1))
        if (m.col === group[group.length - 1].col + 1 && group.length < 3) group.push(m);
      group.forEach((c, i) => claims.claim(`${rule.role}.${sideAt(c, i)}` as RoleId, c.col));
    } else claims.claim(rule.role as RoleId, matches[0].col);
  }
  claimCodeParts(scan, claims);
  return claims.columns;
}

/** A code split over several cells: the free columns right of the code under the same header. */
function claimCodeParts(scan: HeaderScan, claims: Claims): void {
  const k = claims.columns.kode;
  if (k === undefined) return;
  const kp = scan.columns[k].path;
  let part = 2;
  for (let c = k + 1; c < scan.columns.length && part <= 6 && claims.free(c); c++) {
    const p = scan.columns[c].path;
    if (p.trim() && p !== kp) break;
    claims.claim(`kode.${part++ as 2 | 3 | 4 | 5 | 6}`, c);
  }
}

/** A layout computation reduced to role stems (one entry for the K and Rp sides together). */
interface StemComputation {
  kind: Computation["kind"];
  out: string;
  inputs: string[];
}

/** The inputs a numbering row would name: efficiency "(6-9)" is capaian − serapan. */
function stemOfComputation(c: Computation): StemComputation {
  const inputs =
    c.kind === "realisasi"
      ? c.inputs
      : c.kind === "capaian"
        ? [c.r, c.t]
        : c.kind === "serapan"
          ? [c.r, c.pagu]
          : c.kind === "efisiensi"
            ? [c.capaian, "anggaran.capaian"]
            : [c.from];
  return { kind: c.kind, out: stemOf(c.out), inputs: inputs.map(stemOf) };
}

const keyOf = (s: StemComputation) => `${s.kind}|${s.out}|${s.inputs.join(",")}`;

function stemComputations(def: LayoutDef): StemComputation[] {
  const seen = new Map<string, StemComputation>();
  for (const comps of Object.values(def.computed))
    for (const c of comps) {
      const s = stemOfComputation(c);
      if (!seen.has(keyOf(s))) seen.set(keyOf(s), s);
    }
  return [...seen.values()];
}

/** The stated formula as (kind, out, inputs) in the layout's vocabulary of kinds. */
function statedShape(f: StatedFormula): { kinds: Computation["kind"][]; inputs: string[] } | null {
  switch (f.kind) {
    case "sum":
      return { kinds: ["realisasi"], inputs: f.inputs };
    case "ratio":
      return { kinds: ["capaian", "serapan"], inputs: [f.num, f.den] };
    case "copy":
      return { kinds: ["salin"], inputs: [f.from] };
    case "diff":
      return { kinds: ["efisiensi"], inputs: [f.a, f.b] };
    default:
      return null;
  }
}

const ORDER: Record<StatedFormula["kind"], number> = {
  sum: 0,
  copy: 1,
  ratio: 2,
  diff: 3,
  other: 4,
};

export interface NumberingMatch {
  /** label → role stem, as the numbering row's formulas establish them. */
  stems: Map<string, string>;
  /** Stem computations the numbering row states. */
  stated: StemComputation[];
  doubts: Doubt[];
  notes: string[];
}

function describe(span: LabelSpan): string {
  return `"${span.text}" (kolom ${columnLetters(span.first)})`;
}

const MONEY_WORDS = ["rp", "anggaran", "alokasi", "pagu", "keuangan", "dana", "rupiah"];
const isMoneyRole = (stem: string) => stem.startsWith("anggaran.");

/** Whether a column under the label is about money (Rp, anggaran, alokasi, pagu …). */
function moneyLabel(span: LabelSpan | undefined, scan: HeaderScan): boolean | null {
  if (!span) return null;
  const col = scan.columns[span.first];
  if (!col?.path.trim()) return null;
  return col.unit === "rp" || MONEY_WORDS.some((w) => hasPhrase(col.path, w));
}

/** Matches every stated formula against the layout's computations (see the module header). */
export function matchNumbering(def: LayoutDef, scan: HeaderScan, words: Columns): NumberingMatch {
  const comps = stemComputations(def);
  const byLabel = new Map(scan.spans.map((s) => [s.label, s]));
  // K/Rp layouts split money by sub-column; elsewhere a kinerja role never lands on a money column
  const sided = def.columns.some((r) => r.sides);
  const compatible = (label: string, stem: string): boolean => {
    if (sided || stem === "capaian" || stem === "anggaran.capaian") return true;
    const money = moneyLabel(byLabel.get(label), scan);
    return money === null || money === isMoneyRole(stem);
  };
  const wordStem = (label: string): string | null => {
    const span = byLabel.get(label);
    if (!span) return null;
    for (const [role, col] of Object.entries(words))
      if (col !== undefined && col >= span.first && col <= span.last) return stemOf(role);
    return null;
  };
  const out: NumberingMatch = { stems: new Map(), stated: [], doubts: [], notes: [] };
  const formulas = scan.spans
    .filter((s) => s.formula)
    .sort((a, b) => ORDER[a.formula!.kind] - ORDER[b.formula!.kind]);
  for (const span of formulas) {
    const shape = statedShape(span.formula!);
    const outRole = wordStem(span.label);
    if (!shape) {
      if (outRole && comps.some((c) => c.out === outRole))
        out.doubts.push({
          col: span.first,
          role: outRole as RoleId,
          reason: `Baris nomor kolom menulis ${describe(span)}; rumus ini tidak dikenali, jadi kolom "${roleLabel(outRole)}" tidak diisi.`,
        });
      continue;
    }
    const scored = comps
      .filter((c) => shape.kinds.includes(c.kind) && c.inputs.length === shape.inputs.length)
      .map((c) => ({
        c,
        score: scoreCandidate(c, span.label, shape.inputs, out.stems, wordStem, compatible),
      }))
      .filter((x) => x.score !== null)
      .sort((a, b) => b.score! - a.score!);
    if (!scored.length || (scored.length > 1 && scored[0].score === scored[1].score)) {
      const usual = comps.find((c) => c.out === outRole);
      out.doubts.push({
        col: span.first,
        ...(outRole ? { role: outRole as RoleId } : {}),
        reason:
          `Baris nomor kolom menulis ${describe(span)}, yang tidak cocok dengan tabel ${def.label}` +
          (usual
            ? ` (kolom "${roleLabel(usual.out)}" biasanya dihitung dari ${usual.inputs.map(roleLabel).join(", ")})`
            : "") +
          "; kolom ini tidak diisi sampai peran kolom dikonfirmasi.",
      });
      continue;
    }
    const best = scored[0].c;
    [span.label, ...shape.inputs].forEach((label, i) =>
      out.stems.set(label, i === 0 ? best.out : best.inputs[i - 1])
    );
    out.stated.push(best);
    if (outRole && outRole !== best.out)
      out.notes.push(
        `Kolom ${columnLetters(span.first)}: baris nomor ${describe(span)} menentukan peran "${roleLabel(best.out)}" (judul kolom menyarankan "${roleLabel(outRole)}").`
      );
  }
  return out;
}

/** How well a layout computation explains a stated formula; null when it contradicts it. */
function scoreCandidate(
  c: StemComputation,
  outLabel: string,
  inputs: string[],
  known: Map<string, string>,
  wordStem: (label: string) => string | null,
  compatible: (label: string, stem: string) => boolean
): number | null {
  let score = 0;
  const pairs: [string, string][] = [
    [outLabel, c.out],
    ...inputs.map((l, i): [string, string] => [l, c.inputs[i]]),
  ];
  for (const [label, stem] of pairs) {
    if (!compatible(label, stem)) return null;
    const k = known.get(label);
    if (k !== undefined) {
      if (k !== stem) return null; // e.g. "16 = 14/6" where 14 is already a capaian
      score += 2;
      continue;
    }
    for (const [l, s] of known) if (s === stem && l !== label) return null;
    const w = wordStem(label);
    if (w === stem) score += 1;
    else if (w) score -= 1;
  }
  return score;
}

/**
 * Roles of the columns under the labels the numbering row established (they override the
 * words), and the doubts of the spans whose sides had to be guessed from their order.
 */
export function columnsFromNumbering(
  def: LayoutDef,
  scan: HeaderScan,
  words: Columns,
  stems: Map<string, string>
): { columns: Columns; doubts: Doubt[] } {
  const sided = def.columns.some((r) => r.sides);
  // a working copy keyed by the role strings built here (stems + sides), typed again on return
  const cols: Record<string, number> = { ...(words as Record<string, number>) };
  const byLabel = new Map(scan.spans.map((s) => [s.label, s]));
  const doubts: Doubt[] = [];
  for (const [label, stem] of stems) {
    const span = byLabel.get(label);
    if (!span) continue;
    // the units the span's unit cells name: an unlabelled column there (a Satuan column of
    // values, a merge lost in an export) does not take one of them by its position
    const named = new Set<string>();
    for (let c = span.first; c <= span.last; c++) {
      const unit = scan.columns[c].unit;
      if (unit !== null) named.add(unit);
    }
    // K | Rp in order is the convention; three or more columns without unit cells
    // (K | % | Rp, K | Satuan | Rp) cannot be told apart by their order
    if (sided && span.last - span.first >= 2 && named.size === 0)
      doubts.push({
        col: span.first,
        reason: `Kolom ${columnLetters(span.first)}–${columnLetters(span.last)} (nomor ${describe(span)}) tidak punya baris satuan (K, %, Rp); kolom kinerja dan anggarannya tidak dapat dibedakan dari urutannya saja.`,
      });
    const targets: [string, number][] = [];
    for (let c = span.first, i = 0; c <= span.last; c++, i++) {
      const side = sideAt(scan.columns[c], i);
      if (!sided) {
        targets.push([stem, c]);
        break;
      }
      if (scan.columns[c].unit === "satuan") continue;
      if (scan.columns[c].unit === null && named.has(side)) continue;
      if (!targets.some(([r]) => sideOf(r) === side)) targets.push([`${stem}.${side}`, c]);
    }
    const placed = new Set(targets.map(([, c]) => c));
    for (const [r, c] of Object.entries(cols))
      if (placed.has(c) || stemOf(r) === stem) delete cols[r];
    for (const [role, col] of targets) cols[role] = col;
  }
  return { columns: cols as Columns, doubts };
}

/** The concrete computations (per side) of the stated stem computations, where their columns exist. */
export function computationsFor(
  def: LayoutDef,
  stated: StemComputation[],
  columns: Columns
): Computation[] {
  const has = (r: RoleId) => columns[r] !== undefined;
  const wanted = new Set(stated.map(keyOf));
  // the variant that states most of them gives the evaluation order
  const variants = Object.values(def.computed).sort(
    (a, b) =>
      b.filter((c) => wanted.has(keyOf(stemOfComputation(c)))).length -
      a.filter((c) => wanted.has(keyOf(stemOfComputation(c)))).length
  );
  const out: Computation[] = [];
  for (const comps of variants)
    for (const c of comps) {
      // a category label is never stated as arithmetic: the header decides it
      if (c.kind !== "kategori" && !wanted.has(keyOf(stemOfComputation(c)))) continue;
      if (out.some((o) => o.out === c.out) || !canCompute(c, has)) continue;
      out.push(c);
    }
  return out;
}

/** The output and the inputs a computation needs are among the columns. */
export function canCompute(c: Computation, has: (role: RoleId) => boolean): boolean {
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
    case "kategori":
    case "salin":
      return has(c.from);
  }
}
