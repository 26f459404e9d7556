// `kinerja migrasi FILE... --ke 2027 -o KELUARAN [--json]`: every code of the sheet mapped through
// the successor links of the TA 2027 update (code and name cells only) into a new workbook, with
// the report: mapped, retired without a successor, several successors, names changed, and the new
// 2027 sub kegiatan of the sheet's programmes that the sheet lacks. The input is never modified.
// Exit 0 = done, 1 = a sheet was refused (doubtful recognition), 2 = usage or file error.
import type { CliIO } from "./io";
import { readWorkbook, applyPlans, WorkbookError, type SheetPlan } from "../io/files";
import { recognise, layoutLabel } from "../engine";
import { DEFAULT_SETTINGS } from "../model/settings";
import type { ColumnMapping, Grid } from "../model";
import { changeText } from "../app/perbaiki";
import {
  MIGRATION_TARGETS,
  migrationSections,
  migrationSummary,
  planMigration,
  type MigrationPlan,
  type MigrationReport,
} from "../app/migrasi";
import { checkInOut, loadPeta, parseWriteArgs, sameAsInput, targetFor } from "./common";

const USAGE =
  "Penggunaan: kinerja migrasi FILE... --ke 2027 -o KELUARAN [--sheet NAMA] [--peta PETA.json] [--json]\n" +
  "  Kode dan nama ditulis ulang menurut pemutakhiran nomenklatur TA 2027 (hanya sel kode dan\n" +
  "  nama); kode yang dihapus tanpa pengganti atau punya beberapa pengganti hanya dilaporkan.\n" +
  "  Berkas masukan tidak diubah.\n";

/** The report as `--json` prints it: 1-based rows, choices without their cell edits. */
function reportJson(r: MigrationReport) {
  const baris = (row: number) => row + 1;
  return {
    dari: r.from,
    ke: r.to,
    rezim: r.regime.regime,
    diganti: r.mapped.map((m) => ({ baris: baris(m.row), dari: m.from, ke: m.to })),
    dihapus: r.retired.map((x) => ({ baris: baris(x.row), kode: x.from })),
    pilihan: r.choices.map((c) => ({
      baris: baris(c.row),
      dari: c.from,
      ke: c.to,
      perbaikan: c.fixes.map((f) => f.label),
    })),
    namaBerubah: r.renamed.map((x) => ({
      baris: baris(x.row),
      kode: x.code,
      dari: x.from,
      ke: x.to,
      ditulis: x.written,
    })),
    baru: r.added,
    tidakDikenal: r.unknown.map((u) => ({ baris: baris(u.row), kode: u.code })),
    tetap: r.unchanged,
  };
}

function printSheet(io: CliIO, grid: Grid, layout: string, m: MigrationPlan): void {
  const lines = [`  lembar "${grid.name}" (${layoutLabel(layout)})`];
  if (m.report) lines.push(`    ${migrationSummary(m.report)}`);
  if (m.reason) lines.push(`    ${m.reason}`);
  if (m.plan.blocked) lines.push(`    tidak ditulis: ${m.plan.blocked}`);
  if (m.report)
    for (const sec of migrationSections(m.report)) {
      lines.push(`    ${sec.title} (${sec.lines.length}):`);
      for (const l of sec.lines) lines.push(`      ${l}`);
    }
  if (m.plan.writes.length) lines.push(`    Sel yang ditulis (${m.plan.writes.length}):`);
  for (const w of m.plan.writes) lines.push(`      ${w.cell}: ${changeText(w)}`);
  io.out(lines.join("\n") + "\n");
}

interface Ctx {
  sheet: string | null;
  peta: Record<string, ColumnMapping>;
  json: boolean;
  out: object[];
}

async function migrateFile(file: string, target: string, ctx: Ctx, io: CliIO): Promise<number> {
  const { sheets } = await readWorkbook(file);
  const chosen = ctx.sheet === null ? sheets : sheets.filter((g) => g.name === ctx.sheet);
  if (ctx.sheet !== null && !chosen.length) {
    io.err(`kinerja migrasi: lembar "${ctx.sheet}" tidak ada di ${file}\n`);
    return 2;
  }
  let code = 0;
  const plans: SheetPlan[] = [];
  const done: { grid: Grid; layout: string; m: MigrationPlan }[] = [];
  for (const grid of chosen) {
    const rec = recognise(grid, ctx.peta[grid.name]);
    if (!rec.layout) continue;
    const m = await planMigration(grid, rec, DEFAULT_SETTINGS);
    done.push({ grid, layout: rec.layout, m });
    if (m.plan.blocked) {
      code = 1;
      io.err(`kinerja migrasi: lembar "${grid.name}" tidak dimigrasi. ${m.plan.blocked}\n`);
    }
    const writes = m.plan.writes;
    if (writes.length)
      plans.push({
        sheetName: grid.name,
        plan: { writes, decisions: [], changedExisting: writes.length },
      });
  }
  const blockedOnly = !plans.length && done.some((d) => d.m.plan.blocked);
  const output = blockedOnly ? null : (await applyPlans(file, target, plans)).output;
  ctx.out.push({
    file,
    output,
    sheets: done.map(({ grid, layout, m }) => ({
      sheet: grid.name,
      layout,
      report: m.report && reportJson(m.report),
      reason: m.reason,
      blocked: m.plan.blocked,
      writes: m.plan.writes.map((w) => ({ cell: w.cell, change: changeText(w) })),
    })),
  });
  if (!ctx.json) {
    io.out(output ? `${file} → ${output}\n` : `${file}: tidak ada yang ditulis\n`);
    if (!done.length) io.out("  tidak ada tabel yang dikenali; salinan ditulis tanpa perubahan\n");
    for (const d of done) printSheet(io, d.grid, d.layout, d.m);
  }
  return code;
}

export async function migrasi(args: string[], io: CliIO): Promise<number> {
  const a = parseWriteArgs(args, ["--ke"]);
  if (a.help) {
    io.out(USAGE);
    return 0;
  }
  const bad = a.rest.find(([name]) => name !== "--ke");
  if (a.missing || bad) {
    io.err(
      `kinerja migrasi: ${bad ? `opsi tidak dikenal: ${bad[0]}` : `${a.missing} memerlukan nilai`}\n${USAGE}`
    );
    return 2;
  }
  const ke = a.rest.find(([name]) => name === "--ke")?.[1];
  if (!ke || !MIGRATION_TARGETS.some((t) => String(t) === ke.trim())) {
    io.err(
      `kinerja migrasi: ${ke ? `tidak ada daftar pengganti untuk TA ${ke}` : "sebutkan tujuan dengan --ke 2027"}; yang tersedia: ${MIGRATION_TARGETS.join(", ")}\n${USAGE}`
    );
    return 2;
  }
  if (!checkInOut("migrasi", a.files, a.out, USAGE, io)) return 2;
  const peta = a.peta ? await loadPeta("migrasi", a.peta, io) : {};
  if (!peta) return 2;
  const ctx: Ctx = { sheet: a.sheet, peta, json: a.json, out: [] };
  let code = 0;
  for (const file of a.files) {
    const target = targetFor(file, a.out, a.files.length > 1);
    if (sameAsInput("migrasi", file, target, io)) {
      code = 2;
      continue;
    }
    try {
      code = Math.max(code, await migrateFile(file, target, ctx, io));
    } catch (e) {
      io.err(
        `kinerja migrasi: ${e instanceof WorkbookError ? e.message : `gagal memproses ${file}: ${(e as Error).message}`}\n`
      );
      code = 2;
    }
  }
  if (a.json) io.out(JSON.stringify({ files: ctx.out }) + "\n");
  return code;
}
