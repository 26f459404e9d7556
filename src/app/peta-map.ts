// The column map of a recognised sheet in the form a planner edits (see peta.ts, which reads it
// back): 1-based rows and column letters.
import type { Recognition } from "../model";
import { columnLetters } from "../model/grid";

/** One sheet's map as a planner reads and writes it. */
export interface PetaSheet {
  layout: string;
  /** 1-based, inclusive. */
  judul?: [number, number];
  data?: [number, number];
  /** role id → column letter. */
  kolom: Record<string, string>;
  /** The planner has checked the map: Kinerja may write. */
  dikonfirmasi: boolean;
}

export type Peta = Record<string, PetaSheet>;

/** The map of a recognised sheet, ready to be saved and edited. */
export function petaOf(rec: Recognition): PetaSheet | null {
  if (!rec.layout) return null;
  const kolom: Record<string, string> = {};
  for (const [role, col] of Object.entries(rec.columns) as [string, number][])
    kolom[role] = columnLetters(col);
  return {
    layout: rec.layout,
    ...(rec.headerRows
      ? { judul: [rec.headerRows[0] + 1, rec.headerRows[1] + 1] as [number, number] }
      : {}),
    ...(rec.dataRows
      ? { data: [rec.dataRows[0] + 1, rec.dataRows[1] + 1] as [number, number] }
      : {}),
    kolom,
    dikonfirmasi: rec.confirmed,
  };
}
