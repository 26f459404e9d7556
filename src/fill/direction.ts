// Direction (naik/turun) and accumulation proposals per indicator row, with the reason shown in
// the preview. `turun` only on strong evidence: keyword heuristics can only suggest.
import type { Accumulation, Direction } from "../model/domain";
import { defaultAccumulation } from "../sheet/numeric";

export function proposeDirection(indicator: string | null): {
  direction: Direction;
  reason: string;
} {
  const t = (indicator ?? "").toLowerCase().replace(/\s+/g, " ");
  if (/tingkat pengangguran terbuka|\(tpt\)|^tpt\b/.test(t))
    return {
      direction: "turun",
      reason: "Tingkat Pengangguran Terbuka: makin rendah makin baik (Formulasi 2).",
    };
  if (
    /perselisihan/.test(t) &&
    !/diselesaikan|dicegah|penyelesaian|ditangani|tertangani/.test(t) &&
    /di perusahaan|tingkat perselisihan/.test(t)
  )
    return {
      direction: "turun",
      reason: "Tingkat perselisihan di perusahaan: makin rendah makin baik (Formulasi 2).",
    };
  return { direction: "naik", reason: "Bawaan: makin tinggi makin baik." };
}

export function proposeAccumulation(
  unit: string | null,
  indicator: string | null
): { accumulation: Accumulation; reason: string } {
  return defaultAccumulation(unit, indicator ?? "");
}
