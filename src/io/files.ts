// The command line's file access around the pure .xlsx layer (src/io/ooxml): reads the file,
// checks the obvious (missing, folder, empty, too big), and writes the patched copy. Reading never
// changes the file; writing always goes to a different path.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { Grid } from "../model/grid";
import type { FillPlan } from "../model/plan";
// the reading side only: the writer (./ooxml/patch, with the visuals) is loaded by applyPlans
import { readGrids, type OpenedPackage } from "./ooxml/read";
import { WorkbookError } from "./ooxml/errors";
import { DEFAULT_LIMITS } from "./ooxml/zip";
import type { Codec, VisualExtras, ZipLimits } from "./ooxml";

export { WorkbookError };
export type { VisualExtras };

export interface SheetPlan {
  sheetName: string;
  plan: FillPlan;
}

function limits(): ZipLimits {
  const mb = Number(process.env.KINERJA_MAX_UNZIP_MB);
  return mb > 0 ? { ...DEFAULT_LIMITS, maxTotalBytes: mb * 1024 * 1024 } : DEFAULT_LIMITS;
}

/** The bytes of a workbook file, after the checks that need no parsing. */
export function loadBytes(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new WorkbookError(`Berkas tidak ditemukan: ${file}`, "not-found");
  const stat = fs.statSync(file);
  if (stat.isDirectory())
    throw new WorkbookError(`${file} adalah folder, bukan berkas .xlsx`, "not-workbook");
  if (stat.size === 0) throw new WorkbookError(`Berkas ${file} kosong (0 byte).`, "empty");
  // Real Renja/LKjIP workbooks are a few MB; a huge file would exhaust memory before any report.
  const limit = Number(process.env.KINERJA_MAX_MB ?? 40) * 1024 * 1024;
  if (stat.size > limit)
    throw new WorkbookError(
      `Berkas ${file} terlalu besar (${(stat.size / 1048576).toFixed(0)} MB; batas ${(limit / 1048576).toFixed(0)} MB). Pisahkan tabelnya ke workbook yang lebih kecil atau atur KINERJA_MAX_MB.`,
      "too-large"
    );
  const buf = fs.readFileSync(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** A workbook as read, kept for its copy (see readWorkbook's `forCopy`). */
export interface ReadSource {
  file: string;
  bytes: Uint8Array;
  opened: OpenedPackage;
}

/**
 * Reads every worksheet as a Grid. Rejects with a WorkbookError (Indonesian message) on file
 * problems. With `forCopy`, also what applyPlans can reuse: the bytes read, the package opened
 * and its parts inflated (the copy then reads nothing twice).
 */
export async function readWorkbook(
  file: string,
  options: { forCopy?: boolean } = {}
): Promise<{ sheets: Grid[]; source?: ReadSource }> {
  const bytes = loadBytes(file);
  const keep = options.forCopy === true;
  const { sheets, opened } = readGrids(bytes, { name: file, limits: limits(), codec, keep });
  return opened ? { sheets, source: { file, bytes, opened } } : { sheets };
}

function pieceOptions(data: Uint8Array, last: boolean): zlib.ZlibOptions {
  return {
    level: 1,
    finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    chunkSize: Math.min(Math.max(data.length >> 2, 1024), 16 * 1024 * 1024),
  };
}

/** Node's zlib instead of the pure layer's fflate: inflate bounded by the declared size. */
export const codec: Codec = {
  inflate: (data, size) =>
    zlib.inflateRawSync(data, {
      maxOutputLength: Math.max(1, size),
      chunkSize: Math.min(Math.max(size, 1024), 16 * 1024 * 1024),
    }),
  deflate: (data) =>
    zlib.deflateRawSync(data, {
      level: 1,
      chunkSize: Math.min(Math.max(data.length >> 2, 1024), 16 * 1024 * 1024),
    }),
  deflatePiece: (data, last) => zlib.deflateRawSync(data, pieceOptions(data, last)),
  ...(typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? {
        crc32: (data: Uint8Array, crc?: number) =>
          (zlib as unknown as { crc32(d: Uint8Array, c?: number): number }).crc32(data, crc),
      }
    : {}),
};

/**
 * Writes the plans (and the `--ringkasan` extras) into a copy of the input workbook. The input is
 * never modified. A macro-enabled workbook keeps its .xlsm extension (Excel refuses an .xlsx that
 * holds VBA); returns the path actually written.
 */
export async function applyPlans(
  inputPath: string,
  outputPath: string,
  plans: SheetPlan[],
  extras: VisualExtras[] = [],
  source?: ReadSource
): Promise<{ output: string }> {
  if (path.resolve(inputPath) === path.resolve(outputPath))
    throw new WorkbookError(
      "Berkas keluaran tidak boleh sama dengan berkas masukan (berkas asli tidak diubah).",
      "write"
    );
  // what the plans were made from, when it was kept
  const reuse = source && source.file === inputPath ? source : undefined;
  const bytes = reuse ? reuse.bytes : loadBytes(inputPath);
  const { patchPackage } = await import("./ooxml/patch");
  const asXlsx = /\.xlsx$/i.test(outputPath);
  const { bytes: out, macroEnabled } = patchPackage(
    bytes,
    plans.map((p) => ({ sheetName: p.sheetName, writes: p.plan.writes })),
    extras,
    { name: inputPath, limits: limits(), codec, ...(reuse ? { opened: reuse.opened } : {}) },
    asXlsx
  );
  let output = outputPath;
  if (asXlsx && macroEnabled) output = output.replace(/\.xlsx$/i, ".xlsm");
  if (path.resolve(inputPath) === path.resolve(output))
    throw new WorkbookError(
      "Berkas keluaran tidak boleh sama dengan berkas masukan (berkas asli tidak diubah).",
      "write"
    );
  try {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, out);
  } catch (e) {
    throw new WorkbookError(`Tidak dapat menulis ${output}: ${(e as Error).message}`, "write");
  }
  return { output };
}

export async function applyPlan(
  inputPath: string,
  outputPath: string,
  sheetName: string,
  plan: FillPlan
): Promise<{ output: string }> {
  return applyPlans(inputPath, outputPath, [{ sheetName, plan }]);
}
