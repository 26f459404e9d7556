// Generates the versioned nomenclature data in src/codes/data/ from the official exports in
// ../shared/nomenklatur (or $KINERJA_SHARED/nomenklatur). Deterministic: sorted keys, no dates.
//   npx ts-node --transpile-only scripts/make-nomenklatur.ts [outDir]
// Names keep the official spelling and casing; only the runs of spaces and line breaks left by
// the PDF extraction are collapsed to one space.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { NomenclatureData } from "../src/codes/types";

const root = path.resolve(__dirname, "..");
const shared = process.env.KINERJA_SHARED ?? path.resolve(root, "..", "shared");
const source = path.join(shared, "nomenklatur");

const clean = (v: unknown): string => cellText(v).replace(/\s+/g, " ").trim();

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && v !== null && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  return String(v);
}

const pad = (v: unknown, n: number) => String(v).trim().padStart(n, "0");

async function read2023(): Promise<NomenclatureData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(source, "subkeg-900-2023.xlsx"));
  const ws = wb.worksheets[0];
  const names: Record<string, string> = {};
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const v = row.values as unknown[];
    const [u, b, p, k, s] = [1, 2, 3, 4, 5].map((i) => cellText(v[i]).trim());
    if (!u) return;
    const parts = [u === "X" ? "X" : u];
    if (b) parts.push(b === "XX" ? "XX" : pad(b, 2));
    if (p) parts.push(pad(p, 2));
    if (k) {
      // kegiatan arrives as text "2.01" (level digit + number)
      const [lvl, num] = k.split(".");
      parts.push(lvl, pad(num, 2));
    }
    if (s) parts.push(pad(s, 4));
    names[parts.join(".")] = clean(v[6]);
  });
  return {
    version: "kabkota-2024",
    label: "Kepmendagri 900.1.15.5-1317/2023 (kabupaten/kota, TA 2024–2026)",
    scopes: ["kabkota"],
    names: sortKeys(names),
    replaces: {},
  };
}

async function read2027(): Promise<NomenclatureData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(source, "subkeg-pemutakhiran-2027.xlsx"));
  const ws = wb.worksheets[0];
  const names: Record<string, string> = {};
  const replaces: Record<string, string[]> = {};
  const CODE = /^([0-9X]\.[0-9X]{2}(?:\.\d{2}(?:\.\d\.\d{2}(?:\.\d{4})?)?)?)\s+([\s\S]*)$/;
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const v = row.values as unknown[];
    let sub = "";
    for (const i of [2, 3, 4, 5]) {
      const m = CODE.exec(cellText(v[i]).trim());
      if (m) {
        names[m[1]] = clean(m[2]);
        if (i === 5) sub = m[1];
      }
    }
    const previous = cellText(v[14]);
    const olds = [...previous.matchAll(/[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}\.\d{4}/g)]
      .map((m) => m[0])
      .filter((c) => c !== sub);
    if (sub && olds.length)
      replaces[sub] = [...new Set([...(replaces[sub] ?? []), ...olds])].sort();
  });
  return {
    version: "2027",
    label: "Pemutakhiran nomenklatur TA 2027 (provinsi dan kabupaten/kota, sementara)",
    scopes: ["provinsi", "kabkota"],
    names: sortKeys(names),
    replaces: sortKeys(replaces),
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]])
  );
}

export async function generate(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const data of [await read2023(), await read2027()]) {
    const file = path.join(outDir, `nomenklatur-${data.version}.json`);
    fs.writeFileSync(file, JSON.stringify(data) + "\n");
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(root, "src", "codes", "data");
  generate(out).then(
    (files) => {
      for (const f of files) console.log(`${path.relative(root, f)}: ${fs.statSync(f).size} byte`);
    },
    (e) => {
      console.error(`Gagal membuat data nomenklatur: ${(e as Error).message}`);
      process.exit(1);
    }
  );
}
