// The shape of the generated nomenclature data (src/codes/data/*.json, scripts/make-nomenklatur.ts):
// one set of files per list, kabkota-2024, kabkota-2027 and provinsi-2027 (the 2027 export reuses
// some codes for different things in provinsi and kab/kota, so the scopes are kept apart).
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
}

/** indikator-<v>.json: the official measure of each sub kegiatan (Kepmendagri 900/2023 on). */
export interface IndicatorData {
  version: string;
  /** Sub-kegiatan code → [official indikator, official satuan]. */
  indicators: Record<string, [string, string]>;
}

/** uraian-<v>.json: descriptive texts, loaded only when a caller asks for them. */
export interface DetailData {
  version: string;
  /** Sub-kegiatan code → [kinerja] or [kinerja, definisi operasional] (2027). */
  details: Record<string, string[]>;
}
