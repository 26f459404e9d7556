// The shape of the generated nomenclature data (src/codes/data/*.json).
export type Scope = "kabkota" | "provinsi";

export interface NomenclatureData {
  /** "kabkota-2024" or "2027". */
  version: string;
  /** Which regulation/export, in Indonesian (shown in reports). */
  label: string;
  scopes: Scope[];
  /** Normalised code → official name (whitespace runs of the PDF extraction collapsed). */
  names: Record<string, string>;
  /** New sub-kegiatan code → the codes it replaces ("SUBKEGIATAN SEBELUMNYA"). */
  replaces: Record<string, string[]>;
}
