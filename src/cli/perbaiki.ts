// `kinerja perbaiki FILE... -o KELUARAN [--aturan A,B] [--semua-aman] [--json]`: applies the fixes
// of the findings into a new workbook (the input is never modified) and reports every fix, cell by
// cell (before → after). Without --aturan only the safe fixes (code form, official names, predikat
// labels); findings with several choices are listed for the pane. Exit 0 = done, 1 = a sheet or a
// fix was refused (doubtful recognition, conflicting fixes), 2 = usage or file error.
import type { CliIO } from "./io";
import { readWorkbook, applyPlans, WorkbookError, type SheetPlan } from "../io/files";
import { recognise, validate, layoutLabel } from "../engine";
import { DEFAULT_SETTINGS } from "../model/settings";
import type { ColumnMapping, Grid, Issue, PlannedWrite } from "../model";
import {
  FIXABLE_RULES,
  changeText,
  planFixRounds,
  selectFixes,
  type FixPlan,
} from "../app/perbaiki";
import { checkInOut, loadPeta, parseWriteArgs, sameAsInput, targetFor } from "./common";

const USAGE =
  "Penggunaan: kinerja perbaiki FILE... -o KELUARAN [--aturan ATURAN,...] [--semua-aman] [--sheet NAMA] [--peta PETA.json] [--json]\n" +
  "  tanpa --aturan  hanya perbaikan yang aman: bentuk kode, nama resmi, label predikat\n" +
  "  --aturan        perbaikan aturan ini saja, mis. kode.format,kode.nama-beda; juga yang\n" +
  "                  mengubah angka (hitung.beda, excel.galat, persen.campur) — periksa laporannya\n" +
  "  --semua-aman    bersama --aturan: hanya yang aman di antara aturan itu\n" +
  "  Temuan dengan beberapa pilihan tidak diperbaiki di sini (pilih di panel Kinerja).\n" +
  "  Berkas masukan tidak diubah; hanya sel yang disebut perbaikan yang berubah di salinannya.\n";

interface Options {
  rules: string[] | null;
  safeOnly: boolean;
  sheet: string | null;
  peta: Record<string, ColumnMapping>;
  json: boolean;
}

const shown = (c: { value: unknown; formula?: string; numberFormat?: string }) => ({
  value: c.value ?? null,
  ...(c.formula ? { formula: c.formula } : {}),
  ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
});

/** One sheet's result, as `--json` prints it. */
export interface SheetFixes {
  sheet: string;
  layout: string;
  applied: { rule: string; cell: string; label: string; safe: boolean; cells: string[] }[];
  writes: { cell: string; before: object; after: object }[];
  refused: { rule: string; cell: string; label: string; reason: string }[];
  /** Findings of the chosen rules that offer several fixes: for the planner to choose. */
  choices: { rule: string; cell: string; message: string; options: string[] }[];
  blocked: string | null;
}

function sheetResult(grid: Grid, layout: string, plan: FixPlan, choices: Issue[]): SheetFixes {
  return {
    sheet: grid.name,
    layout,
    applied: plan.applied,
    writes: plan.writes.map((w: PlannedWrite) => ({
      cell: w.cell,
      before: shown(w.previous),
      after: shown({ ...w, numberFormat: w.numberFormat }),
    })),
    refused: plan.refused,
    choices: choices.map((i) => ({
      rule: i.rule,
      cell: i.cell,
      message: i.message,
      options: (i.choices ?? []).map((c) => c.label),
    })),
    blocked: plan.blocked,
  };
}

function printSheet(io: CliIO, r: SheetFixes, plan: FixPlan): void {
  const lines = [
    `  lembar "${r.sheet}" (${layoutLabel(r.layout)}): ${r.applied.length} perbaikan, ${r.writes.length} sel ditulis`,
  ];
  if (r.blocked) lines.push(`    tidak ditulis: ${r.blocked}`);
  // each fix, then the cells it changes (a cell shared by two fixes under the first)
  const writes = new Map(plan.writes.map((w) => [w.cell, w]));
  for (const a of r.applied) {
    const note = a.safe ? "" : " (mengubah angka/isi: periksa)";
    lines.push(`    ${a.cell.padEnd(6)} [${a.rule}] ${a.label}${note}`);
    for (const cell of a.cells) {
      const w = writes.get(cell);
      if (w) lines.push(`      ${cell}: ${changeText(w)}`);
      writes.delete(cell);
    }
  }
  for (const x of r.refused)
    lines.push(`    DILEWATI ${x.cell} [${x.rule}] ${x.label}: ${x.reason}`);
  for (const c of r.choices)
    lines.push(
      `    PILIH  ${c.cell} [${c.rule}] ${c.options.length} pilihan: ${c.options.join(" | ")}`
    );
  io.out(lines.join("\n") + "\n");
}

async function fixSheet(
  grid: Grid,
  opts: Options
): Promise<{ result: SheetFixes; plan: FixPlan } | null> {
  const rec = recognise(grid, opts.peta[grid.name]);
  if (!rec.layout) return null;
  const select = (issues: Issue[]) =>
    selectFixes(issues, { rules: opts.rules ?? undefined, safeOnly: opts.safeOnly });
  const plan = await planFixRounds(grid, rec, DEFAULT_SETTINGS, select);
  const { issues } = await validate(grid, rec, DEFAULT_SETTINGS);
  const rules = opts.rules ? new Set(opts.rules) : null;
  const choices = issues.filter(
    (i) => !i.fix && i.choices?.length && (!rules || rules.has(i.rule))
  );
  return { result: sheetResult(grid, rec.layout, plan, choices), plan };
}

/** One workbook: plan every sheet, write the copy, report. Returns the exit code. */
async function fixFile(
  file: string,
  target: string,
  opts: Options,
  io: CliIO,
  json: { file: string; output: string | null; sheets: SheetFixes[] }[]
): Promise<number> {
  const { sheets } = await readWorkbook(file);
  const chosen = opts.sheet === null ? sheets : sheets.filter((g) => g.name === opts.sheet);
  if (opts.sheet !== null && !chosen.length) {
    io.err(`kinerja perbaiki: lembar "${opts.sheet}" tidak ada di ${file}\n`);
    return 2;
  }
  let code = 0;
  const plans: SheetPlan[] = [];
  const done: { result: SheetFixes; plan: FixPlan }[] = [];
  for (const grid of chosen) {
    const r = await fixSheet(grid, opts);
    if (!r) continue;
    done.push(r);
    if (r.plan.blocked || r.plan.refused.length) code = 1;
    // a doubtful table writes nothing until the planner confirms the columns (as for isi)
    if (r.plan.blocked)
      io.err(`kinerja perbaiki: lembar "${grid.name}" tidak diperbaiki. ${r.plan.blocked}\n`);
    if (r.plan.writes.length)
      plans.push({
        sheetName: grid.name,
        plan: { writes: r.plan.writes, decisions: [], changedExisting: r.plan.writes.length },
      });
  }
  const blockedOnly = !plans.length && done.some((d) => d.result.blocked);
  const output = blockedOnly ? null : (await applyPlans(file, target, plans)).output;
  json.push({ file, output, sheets: done.map((d) => d.result) });
  if (!opts.json) {
    io.out(output ? `${file} → ${output}\n` : `${file}: tidak ada yang ditulis\n`);
    if (!done.length) io.out("  tidak ada tabel yang dikenali; salinan ditulis tanpa perubahan\n");
    for (const d of done) printSheet(io, d.result, d.plan);
  }
  return code;
}

/** --aturan and --semua-aman; null (message written) on a wrong option. */
function readOptions(
  rest: [string, string | null][],
  io: CliIO
): Pick<Options, "rules" | "safeOnly"> | null {
  let rules: string[] | null = null;
  let safeOnly = false;
  for (const [name, value] of rest) {
    if (name === "--semua-aman") safeOnly = true;
    else if (name === "--aturan") {
      rules = (value ?? "")
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean);
      const unknown = rules.filter((r) => !FIXABLE_RULES.includes(r));
      if (!rules.length || unknown.length) {
        io.err(
          `kinerja perbaiki: aturan ${unknown.length ? `"${unknown.join(", ")}" tidak dikenal atau tidak punya perbaikan` : "belum disebut"}; pilihan: ${FIXABLE_RULES.join(", ")}\n`
        );
        return null;
      }
    } else {
      io.err(`kinerja perbaiki: opsi tidak dikenal: ${name}\n${USAGE}`);
      return null;
    }
  }
  return { rules, safeOnly: safeOnly || rules === null };
}

export async function perbaiki(args: string[], io: CliIO): Promise<number> {
  const a = parseWriteArgs(args, ["--aturan"]);
  if (a.help) {
    io.out(USAGE);
    return 0;
  }
  if (a.missing) {
    io.err(`kinerja perbaiki: ${a.missing} memerlukan nilai\n${USAGE}`);
    return 2;
  }
  const picked = readOptions(a.rest, io);
  if (!picked || !checkInOut("perbaiki", a.files, a.out, USAGE, io)) return 2;
  const peta = a.peta ? await loadPeta("perbaiki", a.peta, io) : {};
  if (!peta) return 2;
  const opts: Options = { ...picked, sheet: a.sheet, peta, json: a.json };
  const json: { file: string; output: string | null; sheets: SheetFixes[] }[] = [];
  let code = 0;
  for (const file of a.files) {
    const target = targetFor(file, a.out, a.files.length > 1);
    if (sameAsInput("perbaiki", file, target, io)) {
      code = 2;
      continue;
    }
    try {
      code = Math.max(code, await fixFile(file, target, opts, io, json));
    } catch (e) {
      io.err(
        `kinerja perbaiki: ${e instanceof WorkbookError ? e.message : `gagal memproses ${file}: ${(e as Error).message}`}\n`
      );
      code = 2;
    }
  }
  if (a.json) io.out(JSON.stringify({ files: json }) + "\n");
  return code;
}
