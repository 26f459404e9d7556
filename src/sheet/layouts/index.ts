// The layout registry: every table type Kinerja recognises, in order of specificity (the more
// required roles, the earlier). Adding a table type = one file in this folder + one entry here
// (+ its fixture spec); docs/ARCHITECTURE.md has the recipe.
import { CAPAIAN_TW } from "./capaian-tw";
import { E81 } from "./e81";
import { LKJIP_CAPAIAN, LKJIP_EFISIENSI, LKJIP_PROGRAM } from "./lkjip";
import { TC29 } from "./tc29";
import { TC31 } from "./tc31";
import { TC33 } from "./tc33";
import type { LayoutDef } from "./types";

export const LAYOUTS: readonly LayoutDef[] = [
  E81,
  TC29,
  LKJIP_EFISIENSI,
  LKJIP_PROGRAM,
  CAPAIAN_TW,
  TC33,
  TC31,
  LKJIP_CAPAIAN,
];

/** Ids of the registry (saved mappings and `--peta` files are checked against them). */
export function layoutIds(): string[] {
  return LAYOUTS.map((l) => l.id);
}

export function layoutById(id: string | null | undefined): LayoutDef | null {
  return LAYOUTS.find((l) => l.id === id) ?? null;
}

/** Indonesian name of a layout id (the id itself when unknown). */
export function layoutLabel(id: string): string {
  return layoutById(id)?.label ?? id;
}

/** The computations of the layout's variant (default variant when unknown). */
export function computationsOf(def: LayoutDef, variant: string | null) {
  return def.computed[variant ?? ""] ?? Object.values(def.computed)[0] ?? [];
}

export type { LayoutDef, ColumnRule, VariantContext, QuarterStem } from "./types";
export { efficiencyMethodOf } from "./lkjip";
