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
import type { ColumnMapping } from "../model";

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

export async function isi(args: string[], io: CliIO): Promise<number> {
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
      continue;
    }
    if (a === "-o" || a === "--output" || a === "--keluaran") {
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
  const several = files.length > 1;
  if (several && fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
    io.err(`kinerja isi: untuk beberapa berkas, keluaran (-o) harus berupa folder\n`);
    return 2;
  }
  let peta: Record<string, ColumnMapping> = {};
  if (petaFile) {
    // the reader validates with zod: loaded only for --peta
    const { readPeta, PetaError } = await import("../app/peta");
    try {
      peta = readPeta(fs.readFileSync(petaFile, "utf8"));
    } catch (e) {
      io.err(
        `kinerja isi: ${e instanceof PetaError ? e.message : `berkas peta ${petaFile} tidak dapat dibaca`}\n`
      );
      return 2;
    }
  }
  const settings = { ...DEFAULT_SETTINGS, valuesOnly };
  const written: Written[] = [];
  let code = 0;
  for (const [fi, file] of files.entries()) {
    if (io.isTTY && several) io.err(`[${fi + 1}/${files.length}] ${file}\n`);
    const target =
      several || (fs.existsSync(out) && fs.statSync(out).isDirectory())
        ? path.join(out, path.basename(file))
        : out;
    if (path.resolve(target) === path.resolve(file)) {
      io.err(
        `kinerja isi: keluaran ${target} sama dengan berkas masukan; pilih nama atau folder lain\n`
      );
      code = 2;
      continue;
    }
    try {
      const { sheets } = await readWorkbook(file);
      const plans: SheetPlan[] = [];
      const extras: VisualExtras[] = [];
      const summary: string[] = [];
      let refused = 0;
      for (const grid of sheets) {
        const rec = recognise(grid, peta[grid.name]);
        if (!rec.layout) continue;
        const plan = planFill(grid, rec, settings);
        if (plan.refused) {
          // a doubtful recognition writes nothing until the planner confirms the columns
          io.err(
            `kinerja isi: lembar "${grid.name}" tidak diisi. ${plan.refused}\n` +
              rec.doubts.map((d) => `  ragu: ${d.reason}\n`).join("")
          );
          code = Math.max(code, 1);
          refused++;
          continue;
        }
        plans.push({ sheetName: grid.name, plan });
        if (ringkasan)
          extras.push({
            sheetName: grid.name,
            rules: predikatFor(grid, rec, settings),
            summary: summaryFor(grid, rec, plan, settings),
          });
        summary.push(
          `  lembar "${grid.name}" (${layoutLabel(rec.layout)}): ${plan.writes.length} sel ditulis` +
            (plan.changedExisting ? `, ${plan.changedExisting} nilai lama diganti` : "")
        );
        for (const w of plan.writes)
          written.push({
            file,
            sheet: grid.name,
            cell: w.cell,
            ...(w.formula ? { formula: w.formula } : {}),
            value: w.value,
          });
      }
      if (refused && !plans.length) {
        // nothing may be written: no copy either, so nobody takes it for a filled workbook
        if (!json)
          io.out(
            `${file}: tidak ada yang ditulis (${refused} lembar menunggu konfirmasi peran kolom)\n`
          );
        continue;
      }
      const { output } = await applyPlans(file, target, plans, extras);
      if (!json) {
        io.out(`${file} → ${output}\n`);
        io.out(
          (summary.length
            ? summary.join("\n")
            : "  tidak ada tabel yang dikenali; salinan ditulis tanpa perubahan") + "\n"
        );
      }
    } catch (e) {
      io.err(
        `kinerja isi: ${e instanceof WorkbookError ? e.message : `gagal memproses ${file}: ${(e as Error).message}`}\n`
      );
      code = 2;
    }
  }
  if (json) io.out(JSON.stringify({ written }) + "\n");
  return code;
}
