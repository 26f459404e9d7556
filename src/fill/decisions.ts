// Per data row: direction (naik/turun) and accumulation, proposed per indicator, with the reason shown in
// the preview. `turun` only on strong evidence: keyword heuristics can only suggest.
import type { Accumulation, Direction, RowDecision, RowOverride } from "../model";
import { defaultAccumulation } from "../sheet/numeric";
import type { RowRecord } from "../sheet/rows";

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

type Proposal = {
  acc: ReturnType<typeof proposeAccumulation>;
  dir: ReturnType<typeof proposeDirection>;
};

/**
 * Per-row decisions (accumulation and direction, with the reason, or the user's override).
 * Proposals depend only on unit and text, which repeat down a sheet: each pair once.
 */
export class RowDecisions {
  private readonly proposals = new Map<string, Map<string, Proposal>>();
  private lastCode: string | null = null;
  constructor(private readonly overrides: Record<number, RowOverride>) {}
  decide(record: RowRecord): RowDecision {
    if (record.code) this.lastCode = record.code;
    const text = record.indicator ?? record.name;
    let byText = this.proposals.get(record.unit ?? "");
    if (!byText) this.proposals.set(record.unit ?? "", (byText = new Map()));
    let p = byText.get(text ?? "");
    if (!p)
      byText.set(
        text ?? "",
        (p = { acc: proposeAccumulation(record.unit, text), dir: proposeDirection(text) })
      );
    const ov = this.overrides[record.row] ?? {};
    return {
      row: record.row,
      code: record.code ?? (record.continuation ? this.lastCode : null),
      indicator: record.indicator,
      accumulation: ov.accumulation ?? p.acc.accumulation,
      accumulationReason: ov.accumulation ? "Dipilih pengguna." : p.acc.reason,
      direction: ov.direction ?? p.dir.direction,
      directionReason: ov.direction ? "Dipilih pengguna." : p.dir.reason,
    };
  }
}
