// Small domain vocabularies shared by every layer (types only).

/** Category scale for KATEGORI / Predikat. */
export type ScaleName = "permendagri86" | "lkjip" | "target";

/** Budget efficiency method (EFISIENSI). */
export type EfficiencyMethod = "sisa" | "selisih" | "rasio";

/** How period values add up to a year-to-date realisation. */
export type Accumulation = "jumlah" | "terakhir" | "rata";

/** naik: higher is better; turun: lower is better (LKjIP Formulasi 2); turun-rasio: T/R. */
export type Direction = "naik" | "turun" | "turun-rasio";

/** Hierarchy level of a row, from its code (or, failing that, its name). */
export type Level = "urusan" | "bidang" | "program" | "kegiatan" | "subkegiatan";

/** Nomenclature scope of a document. */
export type Scope = "kabkota" | "provinsi";
