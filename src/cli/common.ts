// What `isi`-like commands share: one or more input workbooks, an output file or folder, and the
// rule that the input is never the output.
import * as fs from "fs";
import * as path from "path";
import type { CliIO } from "./io";
import type { ColumnMapping } from "../model";

/** Where the copy of `file` goes: `out` itself for one file, else `out/<name>`. */
export function targetFor(file: string, out: string, several: boolean): string {
  return several || (fs.existsSync(out) && fs.statSync(out).isDirectory())
    ? path.join(out, path.basename(file))
    : out;
}

/** Checks the inputs and the output before any work; an Indonesian message and false when wrong. */
export function checkInOut(
  cmd: string,
  files: string[],
  out: string | null,
  usage: string,
  io: CliIO
): out is string {
  if (!files.length || !out) {
    io.err(
      `kinerja ${cmd}: ${!files.length ? "sebutkan berkas .xlsx" : "sebutkan keluaran dengan -o"}\n${usage}`
    );
    return false;
  }
  if (files.length > 1 && fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
    io.err(`kinerja ${cmd}: untuk beberapa berkas, keluaran (-o) harus berupa folder\n`);
    return false;
  }
  return true;
}

/** The input is never overwritten: an Indonesian message and true when `target` is the input. */
export function sameAsInput(cmd: string, file: string, target: string, io: CliIO): boolean {
  if (path.resolve(target) !== path.resolve(file)) return false;
  io.err(
    `kinerja ${cmd}: keluaran ${target} sama dengan berkas masukan; pilih nama atau folder lain\n`
  );
  return true;
}

/** Reads a `--peta` file; null (message written, then `usage`) when it cannot be used. */
export async function loadPeta(
  cmd: string,
  file: string,
  io: CliIO,
  usage = ""
): Promise<Record<string, ColumnMapping> | null> {
  // the reader validates with zod: loaded only when a map is given
  const { readPeta, PetaError } = await import("../app/peta");
  try {
    return readPeta(fs.readFileSync(file, "utf8"));
  } catch (e) {
    io.err(
      `kinerja ${cmd}: ${e instanceof PetaError ? e.message : `berkas peta ${file} tidak dapat dibaca`}\n${usage}`
    );
    return null;
  }
}

/** The options every writing command reads; unknown ones are reported by the caller. */
export interface WriteArgs {
  files: string[];
  out: string | null;
  json: boolean;
  peta: string | null;
  sheet: string | null;
  /** Options the command reads itself, in order: [name, value or null]. */
  rest: [string, string | null][];
  help: boolean;
  /** An option that needs a value had none. */
  missing: string | null;
}

/** Parses `FILE... -o OUT [--json] [--peta F] [--sheet S]` plus `valued` options of the command. */
export function parseWriteArgs(args: string[], valued: string[]): WriteArgs {
  const r: WriteArgs = {
    files: [],
    out: null,
    json: false,
    peta: null,
    sheet: null,
    rest: [],
    help: false,
    missing: null,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) r.missing ??= a;
      return v ?? null;
    };
    if (a === "-o" || a === "--output" || a === "--keluaran") r.out = value();
    else if (a === "--json") r.json = true;
    else if (a === "--peta") r.peta = value();
    else if (a === "--sheet" || a === "--lembar") r.sheet = value();
    else if (a === "--help" || a === "-h") r.help = true;
    else if (valued.includes(a)) r.rest.push([a, value()]);
    else if (a.startsWith("-")) r.rest.push([a, null]);
    else r.files.push(a);
  }
  return r;
}
