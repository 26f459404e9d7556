// Excel formula text for category labels, generated from the core scale bands so the written
// formula and the engine's KATEGORI always agree (lower-inclusive bounds on the value rounded
// to 2 decimals).
import { SCALES, type ScaleName } from "../core/scales";

export function kategoriFormula(ref: string, scale: ScaleName): string {
  const bare = ref.charCodeAt(0) === 40 ? ref.slice(1, -5) : ref; // "(A1*100)" → "A1"
  const v = `ROUND(${ref},2)`;
  const bands = SCALES[scale] ?? SCALES.permendagri86;
  let inner = `"${bands[bands.length - 1].label}"`;
  for (let i = bands.length - 2; i >= 0; i--) {
    const b = bands[i];
    if (b.min !== null) inner = `IF(${v}>=${b.min},"${b.label}",${inner})`;
  }
  return `=IF(${bare}="","",${inner})`;
}
