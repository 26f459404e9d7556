// `kinerja isi FILE... -o KELUARAN [--nilai] [--json] [--ringkasan] [--sheet S] [--peta F]`: fill the computed columns into a new
// workbook (KELUARAN is a file for one input, a folder for several). The input is never modified.
import type { CliIO } from "./io";
import {
  readWorkbook,
  applyPlans,
  WorkbookError,
  type ReadSource,
  type SheetPlan,
  type VisualExtras,
} from "../io/files";
import { predikatFor, summaryFor } from "../app/visuals";
import { recognise, planFill, layoutLabel } from "../engine";
import { DEFAULT_SETTINGS } from "../model/settings";
import type { ColumnMapping, Grid, Settings } from "../model";
import { checkInOut, loadPeta, parseWriteArgs, sameAsInput, targetFor } from "./common";

const USAGE =
  "Penggunaan: kinerja isi FILE... -o KELUARAN [--nilai] [--json] [--ringkasan] [--sheet NAMA] [--peta PETA.json]\n" +
  "  --nilai      tulis nilai, bukan rumus Excel\n" +
  "  --sheet      isi lembar ini saja\n" +
  '  --peta       peran kolom yang sudah diperiksa (bagian "peta" dari kinerja periksa --json,\n' +
  '               dengan "dikonfirmasi": true); diperlukan bila pengenalan tabel diragukan\n' +
  '  --ringkasan  warnai kolom capaian/kategori menurut predikat dan tambahkan lembar "Ringkasan"\n' +
  "               (grafik capaian belum dibuat dari baris perintah; gunakan tombol\n" +
  '               "Grafik capaian" di add-in Excel)\n' +
  "  Salinan memuat semua isi berkas asli (grafik, pivot, bentuk, komentar, validasi, makro);\n" +
  "  hanya sel yang diisi yang berubah. Berkas .xlsm tetap .xlsm.\n";

interface Written {
  file: string;
  sheet: string;
  cell: string;
  formula?: string;
  value: number | string | null;
}

/** What `isi` was asked to do. */
interface IsiOptions {
  settings: Settings;
  json: boolean;
  ringkasan: boolean;
  sheet: string | null;
  peta: Record<string, ColumnMapping>;
}

/** The options of `isi`, or the exit code when they cannot be used (message written). */
async function isiOptions(args: string[], io: CliIO): Promise<number | (IsiOptions & InOut)> {
  const a = parseWriteArgs(args, []);
  if (a.help) {
    io.out(USAGE);
    return 0;
  }
  if (a.missing) {
    io.err(`kinerja isi: ${a.missing} memerlukan nilai\n${USAGE}`);
    return 2;
  }
  let valuesOnly = false;
  let ringkasan = false;
  for (const [name] of a.rest) {
    if (name === "--nilai") valuesOnly = true;
    else if (name === "--ringkasan") ringkasan = true;
    else if (name === "--abaikan-grafik")
      io.err(
        "catatan: --abaikan-grafik tidak diperlukan lagi; grafik, pivot, bentuk dan makro kini ikut tersalin utuh\n"
      );
    else {
      io.err(`kinerja isi: opsi tidak dikenal: ${name}\n${USAGE}`);
      return 2;
    }
  }
  if (!checkInOut("isi", a.files, a.out, USAGE, io)) return 2;
  const peta = a.peta ? await loadPeta("isi", a.peta, io) : {};
  if (!peta) return 2;
  return {
    files: a.files,
    out: a.out,
    settings: { ...DEFAULT_SETTINGS, valuesOnly },
    json: a.json,
    ringkasan,
    sheet: a.sheet,
    peta,
  };
}

interface InOut {
  files: string[];
  out: string;
}

export async function isi(args: string[], io: CliIO): Promise<number> {
  const opts = await isiOptions(args, io);
  if (typeof opts === "number") return opts;
  const written: Written[] = [];
  let code = 0;
  const several = opts.files.length > 1;
  for (const [fi, file] of opts.files.entries()) {
    if (io.isTTY && several) io.err(`[${fi + 1}/${opts.files.length}] ${file}\n`);
    const target = targetFor(file, opts.out, several);
    if (sameAsInput("isi", file, target, io)) {
      code = 2;
      continue;
    }
    try {
      code = Math.max(code, await fillFile(file, target, opts, written, io));
    } catch (e) {
      io.err(
        `kinerja isi: ${e instanceof WorkbookError ? e.message : `gagal memproses ${file}: ${(e as Error).message}`}\n`
      );
      code = 2;
    }
  }
  if (opts.json) io.out(JSON.stringify({ written }) + "\n");
  return code;
}

/** What one sheet gives the copy: its plan and visuals, or the reason it was refused. */
type SheetFill =
  | { kind: "none" }
  | { kind: "refused" }
  | { kind: "plan"; plan: SheetPlan; extra: VisualExtras | null; line: string };

function fillSheet(grid: Grid, opts: IsiOptions, io: CliIO): SheetFill {
  const rec = recognise(grid, opts.peta[grid.name]);
  if (!rec.layout) return { kind: "none" };
  const plan = planFill(grid, rec, opts.settings);
  if (plan.refused) {
    // a doubtful recognition writes nothing until the planner confirms the columns
    io.err(
      `kinerja isi: lembar "${grid.name}" tidak diisi. ${plan.refused}\n` +
        rec.doubts.map((d) => `  ragu: ${d.reason}\n`).join("")
    );
    return { kind: "refused" };
  }
  const extra = opts.ringkasan
    ? {
        sheetName: grid.name,
        rules: predikatFor(grid, rec, opts.settings),
        summary: summaryFor(grid, rec, plan, opts.settings),
      }
    : null;
  const line =
    `  lembar "${grid.name}" (${layoutLabel(rec.layout)}): ${plan.writes.length} sel ditulis` +
    (plan.changedExisting ? `, ${plan.changedExisting} nilai lama diganti` : "");
  return { kind: "plan", plan: { sheetName: grid.name, plan }, extra, line };
}

/** What the sheets of one workbook give its copy. */
interface FilePlans {
  plans: SheetPlan[];
  extras: VisualExtras[];
  summary: string[];
  refused: number;
  /** The workbook as read, for its copy. */
  source?: ReadSource;
}

/** The plans of a workbook's sheets; its grids are released when this returns, before the copy. */
async function planFile(
  file: string,
  opts: IsiOptions,
  written: Written[],
  io: CliIO
): Promise<FilePlans> {
  const { sheets, source } = await readWorkbook(file, { forCopy: true });
  const out: FilePlans = { plans: [], extras: [], summary: [], refused: 0, source };
  for (const grid of sheets) {
    if (opts.sheet !== null && grid.name !== opts.sheet) continue;
    const r = fillSheet(grid, opts, io);
    if (r.kind === "refused") out.refused++;
    if (r.kind !== "plan") continue;
    out.plans.push(r.plan);
    if (r.extra) out.extras.push(r.extra);
    out.summary.push(r.line);
    if (opts.json)
      for (const w of r.plan.plan.writes)
        written.push({
          file,
          sheet: grid.name,
          cell: w.cell,
          ...(w.formula ? { formula: w.formula } : {}),
          value: w.value,
        });
  }
  return out;
}

/** Fills one workbook into `target`; its exit code (0, or 1 when a sheet was refused). */
async function fillFile(
  file: string,
  target: string,
  opts: IsiOptions,
  written: Written[],
  io: CliIO
): Promise<number> {
  const { plans, extras, summary, refused, source } = await planFile(file, opts, written, io);
  if (refused && !plans.length) {
    // nothing may be written: no copy either, so nobody takes it for a filled workbook
    if (!opts.json)
      io.out(
        `${file}: tidak ada yang ditulis (${refused} lembar menunggu konfirmasi peran kolom)\n`
      );
    return 1;
  }
  const { output } = await applyPlans(file, target, plans, extras, source);
  if (!opts.json) {
    io.out(`${file} → ${output}\n`);
    io.out(
      (summary.length
        ? summary.join("\n")
        : "  tidak ada tabel yang dikenali; salinan ditulis tanpa perubahan") + "\n"
    );
  }
  return refused ? 1 : 0;
}
