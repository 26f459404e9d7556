// LibreOffice headless as a formula oracle: recalculates an .xlsx (forcing recalculation of
// every formula, even ones with a cached result) and reads the results back with ExcelJS.
// Used to prove that the native Excel formulas the engine writes compute what the engine says.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
// jszip comes with exceljs

const JSZip = require("jszip") as {
  loadAsync(
    data: Buffer
  ): Promise<{ file(name: string): { async(t: "string"): Promise<string> } | null }>;
};

export type OracleValue = number | string | boolean | null;

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
];

/** Path of the soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const env = process.env.SOFFICE_PATH;
  if (env && fs.existsSync(env)) return env;
  for (const c of CANDIDATES) if (fs.existsSync(c)) return c;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, "soffice");
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

// OOXMLRecalcMode 0 = always recalculate on load; without it LibreOffice keeps cached results
// (office-addin-anchors.md §4.5).
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

// One conversion at a time per process; separate processes use separate profiles.
let queue: Promise<unknown> = Promise.resolve();

export interface RecalcOptions {
  /** Folder for the output file (default: the input's folder; the file is NAME.recalc.xlsx). */
  outDir?: string;
  /** Milliseconds before soffice is killed (default 120 s: the first start builds a profile). */
  timeoutMs?: number;
}

/**
 * Opens xlsxPath in LibreOffice headless with forced recalculation and saves it as .xlsx.
 * Returns the path of the recalculated copy (the input is not modified).
 */
export function recalculate(xlsxPath: string, opts: RecalcOptions = {}): Promise<string> {
  const run = queue.then(() => recalculateNow(xlsxPath, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function recalculateNow(xlsxPath: string, opts: RecalcOptions): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) not found: install libreoffice-calc-nogui or set SOFFICE_PATH"
    );
  }
  const input = path.resolve(xlsxPath);
  if (!fs.existsSync(input)) throw new Error(`file not found: ${input}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kinerja-lo-"));
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), REGISTRY);
  // default: next to the input, so callers that clean their temp folder clean this too
  const outDir = path.resolve(opts.outDir ?? path.dirname(input));
  fs.mkdirSync(outDir, { recursive: true });
  // convert into a private folder first: same base name as the input would otherwise clash
  const stage = path.join(work, "stage");
  fs.mkdirSync(stage);
  const args = [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    stage,
    input,
  ];
  const timeout = opts.timeoutMs ?? 120_000;
  try {
    return await convert(soffice, args, timeout, work, stage, input, outDir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function convert(
  soffice: string,
  args: string[],
  timeout: number,
  work: string,
  stage: string,
  input: string,
  outDir: string
): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    execFile(
      soffice,
      args,
      { timeout, killSignal: "SIGKILL", env: { ...process.env, HOME: work } },
      (err, stdout, stderr) => {
        if (err) {
          const why = (err as NodeJS.ErrnoException & { killed?: boolean }).killed
            ? `timed out after ${timeout} ms`
            : err.message;
          reject(new Error(`soffice failed (${why}): ${String(stderr || stdout).trim()}`));
        } else resolve();
      }
    );
  });
  const produced = path.join(stage, path.basename(input).replace(/\.[^.]+$/, "") + ".xlsx");
  if (!fs.existsSync(produced)) throw new Error(`soffice produced no output for ${input}`);
  const target = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + ".recalc.xlsx");
  fs.copyFileSync(produced, target);
  return target;
}

/**
 * A1 → value of every non-empty cell of a sheet; formula cells give their result, errors their
 * text ("#DIV/0!"), an empty-string result gives "". Reads the sheet XML directly: ExcelJS drops
 * a formula's cached result when it is 0 (it reads `<v>0</v>` as "no result").
 */
export async function readValues(
  xlsxPath: string,
  sheet: string
): Promise<Map<string, OracleValue>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(xlsxPath));
  const text = async (name: string): Promise<string | null> => {
    const f = zip.file(name);
    return f ? f.async("string") : null;
  };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ["sheet", "Relationship", "si", "r", "row", "c"].includes(name),
  });
  const workbook = parser.parse((await text("xl/workbook.xml")) ?? "");
  const entry = (workbook.workbook?.sheets?.sheet ?? []).find(
    (s: Record<string, string>) => s["@name"] === sheet
  );
  if (!entry) throw new Error(`sheet not found: ${sheet} in ${xlsxPath}`);
  const rels = parser.parse((await text("xl/_rels/workbook.xml.rels")) ?? "");
  const rel = (rels.Relationships?.Relationship ?? []).find(
    (r: Record<string, string>) => r["@Id"] === entry["@r:id"]
  );
  if (!rel) throw new Error(`sheet part not found: ${sheet}`);
  const target = String(rel["@Target"]).replace(/^\/?(xl\/)?/, "");
  const shared: string[] = [];
  const sst = await text("xl/sharedStrings.xml");
  if (sst) {
    for (const si of parser.parse(sst).sst?.si ?? []) shared.push(stringItem(si));
  }
  const ws = parser.parse((await text(`xl/${target}`)) ?? "");
  const out = new Map<string, OracleValue>();
  for (const row of ws.worksheet?.sheetData?.row ?? []) {
    for (const c of row.c ?? []) {
      const v = cellXmlValue(c, shared);
      if (v !== null) out.set(String(c["@r"]), v);
    }
  }
  return out;
}

type XmlNode = Record<string, unknown>;

function textOf(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "object") return String((node as XmlNode)["#text"] ?? "");
  return String(node);
}

function stringItem(si: XmlNode): string {
  if (si.t !== undefined) return textOf(si.t);
  return ((si.r as XmlNode[] | undefined) ?? []).map((r) => textOf(r.t)).join("");
}

function cellXmlValue(c: XmlNode, shared: string[]): OracleValue {
  const t = (c["@t"] as string | undefined) ?? "n";
  const hasFormula = c.f !== undefined;
  if (t === "inlineStr") return stringItem((c.is as XmlNode) ?? {});
  if (c.v === undefined) return hasFormula && t === "str" ? "" : null;
  const raw = textOf(c.v);
  switch (t) {
    case "s":
      return shared[Number(raw)] ?? "";
    case "str":
      return raw;
    case "e":
      return raw;
    case "b":
      return raw === "1";
    default:
      return raw === "" ? null : Number(raw);
  }
}

export interface Mismatch {
  cell: string;
  expected: number | string | null;
  actual: OracleValue;
}

/**
 * Recalculates xlsxPath with LibreOffice and compares sheet cells with the engine's values.
 * Numbers match within 1e-9 (LibreOffice writes 15 significant digits); null expects an empty
 * cell or an empty-string formula result. Returns the mismatches (empty = all agree).
 */
export async function checkFormulasAgainstEngine(
  xlsxPath: string,
  sheet: string,
  expected: Record<string, number | string | null>
): Promise<Mismatch[]> {
  const recalculated = await recalculate(xlsxPath);
  const values = await readValues(recalculated, sheet);
  const out: Mismatch[] = [];
  for (const [cell, exp] of Object.entries(expected)) {
    const act = values.get(cell) ?? null;
    if (!sameValue(exp, act)) out.push({ cell, expected: exp, actual: act });
  }
  return out;
}

export function sameValue(exp: number | string | null, act: OracleValue): boolean {
  if (exp === null) return act === null || act === "";
  if (typeof exp === "number")
    return typeof act === "number" && Math.abs(act - exp) <= 1e-9 * Math.max(1, Math.abs(exp));
  return act === exp;
}
