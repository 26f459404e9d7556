// "Perbarui ke nomenklatur TA 2027" and `kinerja migrasi --ke 2027`: the migration of
// src/codes/migrate.ts as writes with `previous` (preview and exact undo as for a fill), one fix
// per migrated row so that the preview names each row's cells, and the report as Indonesian
// sections that the pane and the CLI show alike.
import type { Grid } from "../model/grid";
import { a1 } from "../model/grid";
import type { CellEdit } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import type { MigrationReport } from "../codes";
import { runCodeMigration } from "../checks/kode";
import { analyseSheet } from "../engine";
import { planFixes, type ChosenFix, type FixPlan } from "./perbaiki";

export type { MigrationReport } from "../codes";

/** The target years `--ke` accepts (the only update with successor links so far). */
export const MIGRATION_TARGETS = [2027] as const;

export interface MigrationPlan {
  /** Null when there is nothing to migrate (then `reason` says why). */
  report: MigrationReport | null;
  plan: FixPlan;
  /** Why nothing is migrated (no codes, provincial list, old code regime), in Indonesian. */
  reason: string | null;
}

const EMPTY: FixPlan = { writes: [], applied: [], refused: [], blocked: null };

/** One fix per row the migration writes, labelled with what the report says of that row. */
function rowFixes(edits: CellEdit[], report: MigrationReport): ChosenFix[] {
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  return [...byRow].map(([row, rowEdits]) => {
    const cells = rowEdits.map((e) => a1(e.row, e.col)).join(", ");
    const mapped = report.mapped.find((m) => m.row === row);
    const renamed = report.renamed.find((r) => r.row === row);
    const label = mapped
      ? `Ganti ${mapped.from.code} dengan ${mapped.to.code} "${mapped.to.name ?? ""}" di ${cells}`
      : renamed
        ? `Tulis nama baru ${renamed.code} "${renamed.to}" di ${cells}`
        : `Tulis kode dan nama TA 2027 di ${cells}`;
    return {
      rule: mapped ? "migrasi.kode" : "migrasi.nama",
      cell: a1(row, rowEdits[0].col),
      fix: { label, safe: false, edits: rowEdits },
    };
  });
}

/** The migration of a recognised sheet to the TA 2027 list, ready to preview and write. */
export async function planMigration(
  grid: Grid,
  rec: Recognition,
  settings: Settings
): Promise<MigrationPlan> {
  if (!rec.layout)
    return {
      report: null,
      plan: EMPTY,
      reason: "Tata letak tabel belum dikenali; atur peran kolom di bagian Kenali tabel.",
    };
  const model = analyseSheet(grid, rec, settings).model;
  const { result, reason } = await runCodeMigration(model, rec, settings);
  if (!result) return { report: null, plan: EMPTY, reason };
  const { report } = result;
  if (report.regime.regime !== "current")
    return {
      report,
      plan: EMPTY,
      reason:
        "Kode lembar ini memakai kodefikasi lama (sebelum Permendagri 90/2019); kode lama tidak punya padanan langsung di daftar TA 2027, jadi tidak ada yang dimigrasi.",
    };
  return { report, plan: planFixes(grid, rec, rowFixes(result.edits, report)), reason: null };
}

/** One part of the report: a title and one line per item. */
export interface ReportSection {
  id: "mapped" | "retired" | "choices" | "renamed" | "added" | "unknown";
  title: string;
  lines: string[];
}

const named = (c: { code: string; name: string | null }) =>
  c.name ? `${c.code} ${c.name}` : c.code;

/** The report as sections (only the non-empty ones), in the order a planner reads them. */
export function migrationSections(report: MigrationReport): ReportSection[] {
  const row = (r: number) => `baris ${r + 1}: `;
  const sections: ReportSection[] = [
    {
      id: "mapped",
      title: "Diganti dengan kode penggantinya",
      lines: report.mapped.map((m) => `${row(m.row)}${named(m.from)} → ${named(m.to)}`),
    },
    {
      id: "retired",
      title: "Dihapus di TA 2027 tanpa pengganti (Anda yang memutuskan)",
      lines: report.retired.map((r) => `${row(r.row)}${named(r.from)}`),
    },
    {
      id: "choices",
      title: "Punya beberapa pengganti (pilih salah satu)",
      lines: report.choices.map(
        (c) => `${row(c.row)}${named(c.from)} → ${c.to.map(named).join(" atau ")}`
      ),
    },
    {
      id: "renamed",
      title: "Nama resmi berubah",
      lines: report.renamed.map(
        (r) =>
          `${row(r.row)}${r.code}: "${r.from}" → "${r.to}"` +
          (r.written ? "" : " (nama di sheet tidak diubah: berbeda dari nama resmi lama)")
      ),
    },
    {
      id: "added",
      title: "Sub kegiatan baru TA 2027 pada program Anda yang belum ada di sheet",
      lines: report.added.map((a) => `${a.code} ${a.name} (kegiatan ${a.under})`),
    },
    {
      id: "unknown",
      title: "Kode yang tidak ada di daftar 2024 maupun 2027 (dibiarkan)",
      lines: report.unknown.map((u) => `${row(u.row)}${u.code}`),
    },
  ];
  return sections.filter((s) => s.lines.length > 0);
}

/** One line that sums the report up. */
export function migrationSummary(report: MigrationReport): string {
  return (
    `${report.from} → ${report.to}: ${report.mapped.length} kode diganti, ` +
    `${report.renamed.length} nama berubah, ${report.retired.length} dihapus tanpa pengganti, ` +
    `${report.choices.length} perlu dipilih, ${report.added.length} sub kegiatan baru belum ada di sheet, ` +
    `${report.unchanged} baris tetap.`
  );
}
