// The column map a planner edits: what `kinerja periksa --json` reports per sheet ("peta") and
// what `--peta BERKAS.json` and the pane's "Koreksi peran kolom" give back. Human form: 1-based
// rows and column letters; internally a ColumnMapping (0-based). Bad input gets an Indonesian
// message naming what is wrong, and nothing is used from it.
// The map itself (petaOf) is in peta-map.ts, without zod: `kinerja periksa` loads this module
// only for --peta.
import { z } from "zod";
import type { ColumnMapping } from "../model";
import { columnIndex } from "../model/grid";
import { layoutIds } from "../sheet/layouts";
import { isRoleId, roleLabel } from "../sheet/roles";

export { petaOf, type Peta, type PetaSheet } from "./peta-map";

const rows = z.tuple([z.number().int().positive(), z.number().int().positive()]);
const SHEET = z.object({
  layout: z.string(),
  judul: rows.optional(),
  data: rows.optional(),
  kolom: z.record(z.string(), z.string()),
  dikonfirmasi: z.boolean().optional(),
});
const PETA = z.record(z.string(), SHEET);

export class PetaError extends Error {}

function toMapping(sheet: string, p: z.infer<typeof SHEET>): ColumnMapping {
  if (!layoutIds().includes(p.layout))
    throw new PetaError(
      `Lembar "${sheet}": tata letak "${p.layout}" tidak dikenal (pilihan: ${layoutIds().join(", ")}).`
    );
  const columns: Record<string, number> = {};
  for (const [role, letters] of Object.entries(p.kolom)) {
    if (!isRoleId(role))
      throw new PetaError(`Lembar "${sheet}": peran kolom "${role}" tidak dikenal.`);
    if (!/^[A-Z]{1,3}$/i.test(letters.trim()))
      throw new PetaError(
        `Lembar "${sheet}": kolom untuk "${roleLabel(role)}" harus huruf kolom (mis. "W"), bukan "${letters}".`
      );
    columns[role] = columnIndex(letters.trim().toUpperCase());
  }
  const range = (r?: [number, number]) =>
    r ? ([r[0] - 1, r[1] - 1] as [number, number]) : undefined;
  return {
    layout: p.layout,
    ...(p.judul ? { headerRows: range(p.judul) } : {}),
    ...(p.data ? { dataRows: range(p.data) } : {}),
    columns,
    confirmed: p.dikonfirmasi ?? false,
  };
}

/** Reads a `--peta` file's content: sheet name → mapping. Throws PetaError with an Indonesian message. */
export function readPeta(text: string): Record<string, ColumnMapping> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PetaError("Berkas peta bukan JSON yang sah.");
  }
  const parsed = PETA.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") ?? "";
    throw new PetaError(
      `Berkas peta tidak sesuai bentuknya${where ? ` (di "${where}")` : ""}: tiap lembar memerlukan "layout", "kolom" dan boleh "judul", "data", "dikonfirmasi".`
    );
  }
  const out: Record<string, ColumnMapping> = {};
  for (const [sheet, p] of Object.entries(parsed.data)) out[sheet] = toMapping(sheet, p);
  return out;
}
