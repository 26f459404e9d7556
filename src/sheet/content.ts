// What the data say about the columns, where the header cannot: a "Satuan" column hidden under a
// K or Target header ("Target | Target" with the unit words left, the values right; Sukabumi's
// K | satuan | Rp), and the category scale the sheet's own labels use.
import type { Grid, ScaleName } from "../model";
import { cellAt } from "../model/grid";
import { SCALES } from "../core/scales";
import { readNumber } from "../core/numbers";
import type { HeaderScan } from "./header/scan";
import type { Columns } from "./match";
import { isNumericRole } from "./roles";
import { textOf } from "./text";

const SAMPLE = 200;
const EMPTY_MARKS = new Set(["-", "–", "—", "~"]);

interface Profile {
  numbers: number;
  /** Short texts without digits: unit words ("Dokumen", "persen", "Orang/bulan"). */
  words: number;
  other: number;
}

function profile(grid: Grid, col: number, first: number, last: number): Profile {
  const p: Profile = { numbers: 0, words: 0, other: 0 };
  for (let r = first; r <= Math.min(last, first + SAMPLE); r++) {
    const v = cellAt(grid, r, col).value;
    if (v === null || v === "") continue;
    if (typeof v === "number") {
      p.numbers++;
      continue;
    }
    const t = textOf(v);
    if (!t || EMPTY_MARKS.has(t)) continue;
    if (/^[\p{L}][\p{L}\s./()-]{0,30}$/u.test(t) && !/\d/.test(t)) p.words++;
    // a number typed as text ("1.234,5", "90 %") is a number of the column all the same
    else if (/\d/.test(t) && readNumber(t).kind === "number") p.numbers++;
    else p.other++;
  }
  return p;
}

const isUnitColumn = (p: Profile) =>
  p.words >= 2 && p.words >= 0.7 * (p.words + p.numbers + p.other);
const isNumberColumn = (p: Profile) =>
  p.numbers >= 1 && p.numbers >= 0.5 * (p.words + p.numbers + p.other);

/**
 * Moves a numeric role off a column of unit words onto its numeric neighbour under the same
 * header, and names unit-word columns inside a numeric group "satuan".
 */
export function refineByContent(
  grid: Grid,
  scan: HeaderScan,
  columns: Columns,
  rows: [number, number] | null
): { columns: Columns; notes: string[] } {
  if (!rows) return { columns, notes: [] };
  // a working copy keyed by the role strings built here (stems + sides), typed again on return
  const cols: Record<string, number> = { ...(columns as Record<string, number>) };
  const notes: string[] = [];
  const taken = () => new Set(Object.values(cols));
  // a column's profile is read once (the same columns are asked about again below)
  const profiles = new Map<number, Profile>();
  const prof = (c: number) => {
    let p = profiles.get(c);
    if (!p) profiles.set(c, (p = profile(grid, c, rows[0], rows[1])));
    return p;
  };
  const samePath = (a: number, b: number) =>
    scan.columns[a]?.path === scan.columns[b]?.path && !!scan.columns[a]?.path.trim();
  for (const [role, col] of Object.entries(cols)) {
    if (!isNumericRole(role) || !isUnitColumn(prof(col))) continue;
    const next = col + 1;
    if (taken().has(next) || !samePath(col, next) || !isNumberColumn(prof(next))) continue;
    cols[role] = next;
    if (cols.satuan === undefined) cols.satuan = col;
    notes.push(`Kolom ${role} berisi satuan; angkanya di kolom sebelah kanannya.`);
  }
  if (cols.satuan === undefined) {
    const sameGroup = (a: number, b: number) =>
      samePath(a, b) ||
      (scan.columns[b]?.label != null && scan.columns[b]?.label === scan.columns[a]?.label);
    const numeric = Object.entries(cols)
      .filter(([r]) => isNumericRole(r))
      .map(([, c]) => c);
    const unitCol = numeric
      .flatMap((col) => [col + 1, col - 1].filter((c) => c >= 0 && sameGroup(col, c)))
      .find((c) => !taken().has(c) && isUnitColumn(prof(c)));
    if (unitCol !== undefined) cols.satuan = unitCol;
  }
  return { columns: cols as Columns, notes };
}

/**
 * The category scale of the sheet's own labels (Lumajang writes "Sangat Baik … Kurang Baik",
 * 003:L375), when at least 60 % of the labelled cells belong to one scale.
 */
export function detectScale(
  grid: Grid,
  col: number | undefined,
  rows: [number, number] | null
): ScaleName | null {
  if (col === undefined || !rows) return null;
  const votes = new Map<ScaleName, number>();
  let labelled = 0;
  for (let r = rows[0]; r <= Math.min(rows[1], rows[0] + 300); r++) {
    const v = cellAt(grid, r, col).value;
    if (typeof v !== "string" || !v.trim()) continue;
    labelled++;
    const t = v.trim().toLowerCase();
    for (const name of Object.keys(SCALES) as ScaleName[])
      if (SCALES[name].some((b) => b.label.toLowerCase() === t))
        votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  let best: ScaleName | null = null;
  for (const [name, n] of votes) if (!best || n > votes.get(best)!) best = name;
  return best && votes.get(best)! >= labelled * 0.6 ? best : null;
}
