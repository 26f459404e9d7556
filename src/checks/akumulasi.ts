// akumulasi.ragu: the quarterly values contradict the accumulation rule used for the row
// (Mojokerto enters "persentase realisasi anggaran" as increments 25/25/25/25).
import Decimal from "decimal.js";
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { DetailedPlan } from "../fill/plan";
import { Memo } from "../fill/memo";
import { issue } from "./make";

const QUARTERS = ([1, 2, 3, 4] as const).map((q) => `realisasi.tw${q}.k` as const);

export function checkAccumulation(rec: Recognition, plan: DetailedPlan): Issue[] {
  const out: Issue[] = [];
  if (!QUARTERS.some((q) => q in rec.columns) || !("realisasi.tahun.k" in rec.columns)) return out;
  // readings of repeated values share one Decimal: judge each distinct combination once
  const memo = new Memo<string | null>();
  // indexed loops: they run for every row (for…of allocated here, measured)
  for (let ri = 0; ri < plan.rows.length; ri++) {
    const rp = plan.rows[ri];
    const vals: Decimal[] = [];
    for (let qi = 0; qi < QUARTERS.length; qi++) {
      const n = rp.record.nums[QUARTERS[qi]];
      if (n?.kind === "number") vals.push(n.value!);
    }
    const t = rp.record.nums["target.tahun.k"];
    if (vals.length < 2 || t?.kind !== "number" || t.value!.isZero()) continue;
    const acc = rp.decision.accumulation;
    memo.start().key(acc).key(t.value);
    for (const v of vals) memo.key(v);
    let why = memo.get();
    if (why === undefined) why = memo.set(judge(vals, t.value!, acc));
    if (why)
      out.push(
        issue(
          rp.record.row,
          rec.columns["realisasi.tahun.k"]!,
          "akumulasi.ragu",
          "warning",
          `${why} Aturan yang dipakai: ${acc} (${rp.decision.accumulationReason ?? ""}). Pilih aturan yang benar untuk baris ini.`
        )
      );
  }
  return out;
}

function judge(vals: Decimal[], target: Decimal, acc: string | undefined): string | null {
  const sum = vals.reduce((a, v) => a.plus(v), new Decimal(0));
  const last = vals[vals.length - 1];
  const near = (a: Decimal, b: Decimal) => a.minus(b).abs().lte(b.abs().mul(0.05));
  if (acc !== "jumlah" && near(sum, target) && !near(last, target))
    return `Nilai triwulan tampak sebagai tambahan per triwulan (jumlahnya ${sum.toString().replace(".", ",")} ≈ target), tetapi yang dipakai nilai terakhir.`;
  if (
    acc === "jumlah" &&
    vals.every((v, i) => i === 0 || v.gte(vals[i - 1])) &&
    near(last, target) &&
    sum.gt(target.mul(1.5))
  )
    return "Nilai triwulan tampak kumulatif (naik terus, nilai terakhir ≈ target), tetapi yang dipakai jumlah.";
  return null;
}
