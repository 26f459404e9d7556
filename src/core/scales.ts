// Category scales (DOMAIN §3 KATEGORI). Bands are lower-inclusive and evaluated on the value
// rounded to 2 decimals; anything above the top band stays in the top band. One definition
// serves KATEGORI, the predikat footer rows, conditional formatting and the tests.

import type { ScaleName } from "../model/domain";

export type { ScaleName };

export interface Band {
  /** Lowest value (rounded to 2 decimals) in this band; null = no lower bound. */
  min: number | null;
  label: string;
}

/** Bands from the highest to the lowest. */
export type Scale = Band[];

export const SCALES: Record<ScaleName, Scale> = {
  // Permendagri 86/2017 evaluation scale, read without its printed gaps (90–91 is Tinggi, 002:L1035).
  permendagri86: [
    { min: 91, label: "Sangat Tinggi" },
    { min: 76, label: "Tinggi" },
    { min: 66, label: "Sedang" },
    { min: 51, label: "Rendah" },
    { min: null, label: "Sangat Rendah" },
  ],
  // LKjIP Lumajang (003:L375).
  lkjip: [
    { min: 85, label: "Sangat Baik" },
    { min: 70, label: "Baik" },
    { min: 55, label: "Cukup Baik" },
    { min: null, label: "Kurang Baik" },
  ],
  // Lamongan narrative (000:L138): below, at, above 100 % (on 2 decimals: > 100 means ≥ 100,01).
  target: [
    { min: 100.01, label: "Melebihi" },
    { min: 100, label: "Memenuhi" },
    { min: null, label: "Tidak Memenuhi" },
  ],
};

export const SCALE_LABELS: Record<ScaleName, string> = {
  permendagri86: "Permendagri 86/2017 (Sangat Tinggi … Sangat Rendah)",
  lkjip: "LKjIP (Sangat Baik … Kurang Baik)",
  target: "Terhadap target (Melebihi / Memenuhi / Tidak Memenuhi)",
};

/** The band a value (already rounded to 2 decimals) falls in. */
export function bandOf(value: number, scale: Scale): Band {
  for (const band of scale) if (band.min === null || value >= band.min) return band;
  return scale[scale.length - 1];
}

/** Sorts user bands (any order) from the highest bound down; one band may have no bound. */
export function normaliseScale(bands: Band[]): Scale {
  return [...bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
}
