// `kinerja isi FILE... -o KELUARAN [--nilai] [--json]`: fill the computed columns into a new
// workbook (KELUARAN is a file for one input, a folder for several). The input is never modified.
import * as path from "path";
import * as fs from "fs";
import type { CliIO } from "./io";
import {
  readWorkbook,
  applyPlans,
  WorkbookError,
  type SheetPlan,
  type VisualExtras,
} from "../io/files";
import { predikatFor, summaryFor } from "../app/visuals";
import { recognise, planFill, layoutLabel } from "../engine";
import { DEFAULT_SETTINGS } from "../model/settings";
import type { ColumnMapping, Settings } from "../model";

const USAGE =
  "Penggunaan: kinerja isi FILE... -o KELUARAN [--nilai] [--json] [--ringkasan] [--peta PETA.json]\n" +
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

interface Options {
  files: string[];
  out: string;
  json: boolean;
  ringkasan: boolean;
  peta: Record<string, ColumnMapping>;
  settings: Settings;
}

/** The options, or the exit code when they are wrong (the message is written). */
async function parseArgs(args: string[], io: CliIO): Promise<Options | number> {
  const files: string[] = [];
  let out: string | null = null;
  let valuesOnly = false;
  let json = false;
  let ringkasan = false;
  let petaFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--peta") {
      petaFile = args[++i] ?? null;
      if (petaFile === null) {
        io.err(`kinerja isi: --peta memerlukan nama berkas JSON\n${USAGE}`);
        return 2;
      }
    } else if (a === "-o" || a === "--output" || a === "--keluaran") {
      out = args[++i] ?? null;
      if (out === null) {
        io.err(`kinerja isi: -o memerlukan nama berkas atau folder keluaran\n${USAGE}`);
        return 2;
      }
    } else if (a === "--nilai") valuesOnly = true;
    else if (a === "--json") json = true;
    else if (a === "--ringkasan") ringkasan = true;
    else if (a === "--abaikan-grafik")
      io.err(
        "catatan: --abaikan-grafik tidak diperlukan lagi; grafik, pivot, bentuk dan makro kini ikut tersalin utuh\n"
      );
    else if (a === "--help" || a === "-h") {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith("-")) {
      io.err(`kinerja isi: opsi tidak dikenal: ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (!files.length || !out) {
    io.err(
      `kinerja isi: ${!files.length ? "sebutkan berkas .xlsx" : "sebutkan keluaran dengan -o"}\n${USAGE}`
    );
    return 2;
  }
  if (files.length > 1 && fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
    io.err(`kinerja isi: untuk beberapa berkas, keluaran (-o) harus berupa folder\n`);
    return 2;
  }
  const peta = petaFile ? await readPetaFile(petaFile, io) : {};
  if (peta === null) return 2;
  return { files, out, json, ringkasan, peta, settings: { ...DEFAULT_SETTINGS, valuesOnly } };
}

/** The --peta file's maps, or null when it cannot be used (the message is written). */
async function readPetaFile(
  petaFile: string,
  io: CliIO
): Promise<Record<string, ColumnMapping> | null> {
  // the reader validates with zod: loaded only for --peta
  const { readPeta, PetaError } = await import("../app/peta");
  try {
    return readPeta(fs.readFileSync(petaFile, "utf8"));
  } catch (e) {
    io.err(
      `kinerja isi: ${e instanceof PetaError ? e.message : `berkas peta ${petaFile} tidak dapat dibaca`}\n`
    );
    return null;
  }
}

/** What one workbook's sheets will get written. */
interface FilePlan {
  plans: SheetPlan[];
  extras: VisualExtras[];
  summary: string[];
  refused: number;
}

/**
 * Reads a workbook and plans every recognised sheet. Only the plans leave this function: the
 * grids are released before the copy is written (a 20,000-row sheet's grid and analysis are
 * ~100 MB).
 */
async function planFile(file: string, o: Options, io: CliIO, written: Written[]): Promise<FilePlan> {
  const { sheets } = await readWorkbook(file);
  const fp: FilePlan = { plans: [], extras: [], summary: [], refused: 0 };
  for (const grid of sheets) {
    const rec = recognise(grid, o.peta[grid.name]);
    if (!rec.layout) continue;
    const plan = planFill(grid, rec, o.settings);
    if (plan.refused) {
      // a doubtful recognition writes nothing until the planner confirms the columns
      io.err(
        `kinerja isi: lembar "${grid.name}" tidak diisi. ${plan.refused}\n` +
          rec.doubts.map((d) => `  ragu: ${d.reason}\n`).join("")
      );
      fp.refused++;
      continue;
    }
    fp.plans.push({ sheetName: grid.name, plan });
    if (o.ringkasan)
      fp.extras.push({
        sheetName: grid.name,
        rules: predikatFor(grid, rec, o.settings),
        summary: summaryFor(grid, rec, plan, o.settings),
      });
    fp.summary.push(
      `  lembar "${grid.name}" (${layoutLabel(rec.layout)}): ${plan.writes.length} sel ditulis` +
        (plan.changedExisting ? `, ${plan.changedExisting} nilai lama diganti` : "")
    );
    if (o.json)
      for (const w of plan.writes)
        written.push({
          file,
          sheet: grid.name,
          cell: w.cell,
          ...(w.formula ? { formula: w.formula } : {}),
          value: w.value,
        });
  }
  return fp;
}

/** Fills one workbook into `target`; returns the exit code of this file. */
async function fillFile(
  file: string,
  target: string,
  o: Options,
  io: CliIO,
  written: Written[]
): Promise<number> {
  const fp = await planFile(file, o, io, written);
  const code = fp.refused ? 1 : 0;
  if (fp.refused && !fp.plans.length) {
    // nothing may be written: no copy either, so nobody takes it for a filled workbook
    if (!o.json)
      io.out(
        `${file}: tidak ada yang ditulis (${fp.refused} lembar menunggu konfirmasi peran kolom)\n`
      );
    return code;
  }
  const { output } = await applyPlans(file, target, fp.plans, fp.extras);
  if (!o.json) {
    io.out(`${file} → ${output}\n`);
    io.out(
      (fp.summary.length
        ? fp.summary.join("\n")
        : "  tidak ada tabel yang dikenali; salinan ditulis tanpa perubahan") + "\n"
    );
  }
  return code;
}

export async function isi(args: string[], io: CliIO): Promise<number> {
  const o = await parseArgs(args, io);
  if (typeof o === "number") return o;
  const several = o.files.length > 1;
  const written: Written[] = [];
  let code = 0;
  for (const [fi, file] of o.files.entries()) {
    if (io.isTTY && several) io.err(`[${fi + 1}/${o.files.length}] ${file}\n`);
    const target =
      several || (fs.existsSync(o.out) && fs.statSync(o.out).isDirectory())
        ? path.join(o.out, path.basename(file))
        : o.out;
    if (path.resolve(target) === path.resolve(file)) {
      io.err(
        `kinerja isi: keluaran ${target} sama dengan berkas masukan; pilih nama atau folder lain\n`
      );
      code = 2;
      continue;
    }
    try {
      code = Math.max(code, await fillFile(file, target, o, io, written));
    } catch (e) {
      io.err(
        `kinerja isi: ${e instanceof WorkbookError ? e.message : `gagal memproses ${file}: ${(e as Error).message}`}\n`
      );
      code = 2;
    }
  }
  if (o.json) io.out(JSON.stringify({ written }) + "\n");
  return code;
}
