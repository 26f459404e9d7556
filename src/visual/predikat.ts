// Predikat colours as pure data: one conditional-format rule per band on every capaian and
// kategori column over the data rows. The Excel gateway and the .xlsx writer turn these into
// native conditional formats, so colours follow the numbers when they change.
import Decimal from "decimal.js";
import type { Recognition, RoleId, ScaleName } from "../model";
import { columnLetters } from "../model/grid";
import { SCALES, type Scale } from "../core/scales";

/**
 * Palette, from the best band to the worst: a diverging blue → orange scale (ColorBrewer
 * "PuOr"/"RdBu"-like hues) whose lightness also steps, so the bands stay distinct for
 * deuteranopia/protanopia and when printed in grey. Dark fills get white text.
 *   1 #2166AC dark blue (white text)   2 #92C5DE light blue   3 #F7F7F7 near white
 *   4 #FDB863 light orange             5 #B35806 dark orange (white text)
 * Scales with fewer bands take the ends first (4 bands: 1,2,4,5; 3 bands: 1,3,5).
 */
export const PALETTE: ReadonlyArray<{ fill: string; font: string }> = [
  { fill: "#2166AC", font: "#FFFFFF" },
  { fill: "#92C5DE", font: "#000000" },
  { fill: "#F7F7F7", font: "#000000" },
  { fill: "#FDB863", font: "#000000" },
  { fill: "#B35806", font: "#FFFFFF" },
];

function paletteFor(n: number): number[] {
  if (n === 5) return [0, 1, 2, 3, 4];
  if (n === 4) return [0, 1, 3, 4];
  if (n === 3) return [0, 2, 4];
  if (n === 2) return [0, 4];
  return Array.from({ length: n }, (_, i) => Math.min(i, 4));
}

/** One conditional-format rule on one column range. */
export type PredikatRule =
  | {
      kind: "between";
      /** Range on the table sheet, e.g. "U12:U40". */
      range: string;
      /** Lower bound (inclusive) or null; applied to the value as shown on 2 decimals. */
      min: number | null;
      /** Upper bound (exclusive) or null. */
      below: number | null;
      label: string;
      fill: string;
      font: string;
    }
  | { kind: "text"; range: string; text: string; label: string; fill: string; font: string };

/** Columns that carry a capaian percentage (numbers) in a recognised table. */
export const CAPAIAN_ROLES: RoleId[] = [
  "capaian",
  "capaian.tahun.k",
  "capaian.renstra.k",
  "capaian.n2",
  "capaian.renstra",
];

/** The first capaian column of a table, or null. */
export function capaianColumn(recognition: Recognition): number | null {
  const cols = recognition.columns;
  const role = CAPAIAN_ROLES.find((x) => cols[x] !== undefined);
  return role === undefined ? null : cols[role]!;
}

// Bands are judged on the value rounded to 2 decimals (half away from zero): x rounds to ≥ m
// exactly when x ≥ m − 0.005, so the raw-value rules use that bound.
export function rawBound(min: number): number {
  return new Decimal(min).minus("0.005").toNumber();
}

/** Conditional-format rules, one per band, for every capaian and kategori column over the data rows. */
export function predikatRules(recognition: Recognition, scale: Scale | ScaleName): PredikatRule[] {
  const bands = typeof scale === "string" ? SCALES[scale] : scale;
  if (!recognition.dataRows) return [];
  const [top, bottom] = recognition.dataRows;
  const colours = paletteFor(bands.length).map((i) => PALETTE[i]);
  const range = (col: number) =>
    `${columnLetters(col)}${top + 1}:${columnLetters(col)}${bottom + 1}`;
  const cols = recognition.columns;
  const rules: PredikatRule[] = [];
  for (const role of CAPAIAN_ROLES) {
    const col = cols[role];
    if (col === undefined) continue;
    bands.forEach((b, i) => {
      const upper = i === 0 ? null : bands[i - 1].min;
      rules.push({
        kind: "between",
        range: range(col),
        min: b.min === null ? null : rawBound(b.min),
        below: upper === null ? null : rawBound(upper),
        label: b.label,
        ...colours[i],
      });
    });
  }
  const kat = cols.kategori;
  if (kat !== undefined)
    bands.forEach((b, i) =>
      rules.push({ kind: "text", range: range(kat), text: b.label, label: b.label, ...colours[i] })
    );
  return rules;
}

/** Excel formula condition (en-US) of a rule for the top-left cell of its range. */
export function ruleFormula(rule: PredikatRule): string {
  const first = rule.range.split(":")[0];
  if (rule.kind === "text") return `=TRIM(${first})="${rule.text.replace(/"/g, '""')}"`;
  const parts = [`ISNUMBER(${first})`];
  if (rule.min !== null) parts.push(`${first}>=${rule.min}`);
  if (rule.below !== null) parts.push(`${first}<${rule.below}`);
  return `=AND(${parts.join(",")})`;
}
