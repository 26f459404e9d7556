// The shape of the generated nomenclature data (src/codes/data/*.json, scripts/make-nomenklatur.ts).
import type { Scope } from "../model/domain";

export type { Scope };

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
  /**
   * Where the provincial list differs: the 2027 export reuses some codes (Otsus kegiatan with
   * level digit 3–8, a few programmes) for different things in provinsi and kab/kota. `names`
   * and `replaces` above hold the kab/kota meaning.
   */
  provinsi?: { names: Record<string, string>; replaces: Record<string, string[]> };
  /**
   * Codes listed for one scope only, where the level digit does not say so (programmes, Otsus
   * and special-region kegiatan with level digit 3–8): left out of the other scope's view.
   * Level 1 (provinsi) and level 2 (kab/kota) kegiatan stay in both views; kode.kewenangan
   * reports a provincial kegiatan in a kab/kota document.
   */
  only?: { provinsi: string[]; kabkota: string[] };
}

/** indikator-<v>.json: the official measure of each sub kegiatan (Kepmendagri 900/2023 on). */
export interface IndicatorData {
  version: string;
  /** Sub-kegiatan code → [official indikator, official satuan]. */
  indicators: Record<string, [string, string]>;
  /** Provincial entries that differ (see NomenclatureData.provinsi). */
  provinsi?: Record<string, [string, string]>;
}

/** uraian-<v>.json: descriptive texts, loaded only when a caller asks for them. */
export interface DetailData {
  version: string;
  /** Sub-kegiatan code → [kinerja] or [kinerja, definisi operasional] (2027). */
  details: Record<string, string[]>;
  provinsi?: Record<string, string[]>;
}
