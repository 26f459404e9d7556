// anggaran.jumlah: a kegiatan's (or program's) budget must equal the sum of its children
// (000 T-C.33 program 2.07.01).
import Decimal from "decimal.js";
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { RoleId } from "../model/roles";
import type { SheetModel, RowRecord, Level } from "../sheet/rows";
import type { Num } from "../sheet/numeric";
import { issue, fmt } from "./make";

const BUDGET_ROLES: RoleId[] = [
  "anggaran.pagu",
  "anggaran.maju",
  "anggaran.rkpd",
  "anggaran.analisis",
  "target.tahun.rp",
  "target.renstra.rp",
  "anggaran.realisasi",
];
const CHILD: Partial<Record<Level, Level>> = { program: "kegiatan", kegiatan: "subkegiatan" };
const RANK: Record<Level, number> = {
  urusan: 0,
  bidang: 1,
  program: 2,
  kegiatan: 3,
  subkegiatan: 4,
};

export function checkBudgets(rec: Recognition, model: SheetModel): Issue[] {
  const out: Issue[] = [];
  const entities = model.rows.filter((r) => r.kind === "data" && !r.continuation && r.level);
  for (const role of BUDGET_ROLES) {
    if (!(role in rec.columns)) continue;
    for (let i = 0; i < entities.length; i++) {
      const parent = entities[i];
      const childLevel = CHILD[parent.level!];
      const pv = parent.nums[role];
      if (!childLevel || pv?.kind !== "number") continue;
      const kids: RowRecord[] = [];
      for (
        let j = i + 1;
        j < entities.length && RANK[entities[j].level!] > RANK[parent.level!];
        j++
      )
        if (entities[j].level === childLevel) kids.push(entities[j]);
      const vals = kids.map((k) => k.nums[role]).filter((n): n is Num => n?.kind === "number");
      if (!vals.length) continue;
      const sum = vals.reduce((a, n) => a.plus(n.value!), new Decimal(0));
      if (!sum.eq(pv.value!))
        out.push(
          issue(
            parent.row,
            rec.columns[role]!,
            "anggaran.jumlah",
            // levels read from the names' casing are a guess: only a warning then
            parent.levelByCode && kids.every((k) => k.levelByCode) ? "error" : "warning",
            `Anggaran ${parent.level} ${fmt(pv.value!.toNumber())} tidak sama dengan jumlah ${vals.length} ${childLevel === "subkegiatan" ? "sub kegiatan" : childLevel} di bawahnya (${fmt(sum.toNumber())}); selisih ${fmt(pv.value!.minus(sum).toNumber())}.`
          )
        );
    }
  }
  return out;
}
