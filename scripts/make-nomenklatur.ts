// Generates the versioned nomenclature data in src/codes/data/ from the official exports in
// data/nomenklatur/ (see data/README.md; $KINERJA_NOMENKLATUR names another folder).
// Deterministic: sorted keys, no dates.
//   npx ts-node --transpile-only scripts/make-nomenklatur.ts [outDir]
// Per list (kabkota-2024, kabkota-2027, provinsi-2027) it writes nomenklatur-<id>.json (names,
// successor links), indikator-<id>.json (official indikator and satuan per sub kegiatan) and
// uraian-<id>.json (kinerja and, for 2027, definisi operasional). Texts keep the official spelling and casing; only the runs of spaces
// and line breaks left by the PDF extraction are collapsed to one space.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { DetailData, IndicatorData, NomenclatureData, Scope } from "../src/codes/types";

const root = path.resolve(__dirname, "..");
const source = process.env.KINERJA_NOMENKLATUR ?? path.join(root, "data", "nomenklatur");

const clean = (v: unknown): string => cellText(v).replace(/\s+/g, " ").trim();

/** Multi-line texts (definisi operasional): lines kept, spaces inside a line collapsed. */
const cleanLines = (v: unknown): string =>
  cellText(v)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && v !== null && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  return String(v);
}

const pad = (v: unknown, n: number) => String(v).trim().padStart(n, "0");

/** Everything one export says, per scope, before it is split into the generated files. */
interface Parsed {
  names: Record<string, string>;
  replaces: Record<string, string[]>;
  indicators: Record<string, [string, string]>;
  details: Record<string, string[]>;
}

const emptyParsed = (): Parsed => ({ names: {}, replaces: {}, indicators: {}, details: {} });

async function firstSheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(source, file));
  return wb.worksheets[0];
}

/** Kepmendagri 900.1.15.5-1317/2023: code parts in columns A–E, name F, kinerja/indikator/satuan G–I. */
async function read2023(): Promise<Parsed> {
  const ws = await firstSheet("subkeg-900-2023.xlsx");
  const out = emptyParsed();
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
    const code = parts.join(".");
    out.names[code] = clean(v[6]);
    if (s) {
      out.indicators[code] = [clean(v[8]), clean(v[9])];
      out.details[code] = [clean(v[7])];
    }
  });
  return out;
}

const CODE = /^([0-9X]\.[0-9X]{2}(?:\.\d{2}(?:\.\d\.\d{2}(?:\.\d{4})?)?)?)\s+([\s\S]*)$/;
const SUB = /[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}\.\d{4}/g;

/**
 * TA 2027 update: "code name" in columns B–E per level, then kinerja, indikator, satuan, tag,
 * definisi operasional …, predecessor codes in column N. Rows are PROV or KABKOT (column A).
 */
async function read2027(): Promise<Record<Scope, Parsed>> {
  const ws = await firstSheet("subkeg-pemutakhiran-2027.xlsx");
  const out: Record<Scope, Parsed> = { kabkota: emptyParsed(), provinsi: emptyParsed() };
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const v = row.values as unknown[];
    const p = out[cellText(v[1]).trim() === "PROV" ? "provinsi" : "kabkota"];
    let sub = "";
    for (const i of [2, 3, 4, 5]) {
      const m = CODE.exec(cellText(v[i]).trim());
      if (m) {
        p.names[m[1]] = clean(m[2]);
        if (i === 5) sub = m[1];
      }
    }
    if (!sub) return;
    p.indicators[sub] = [clean(v[7]), clean(v[8])];
    p.details[sub] = [clean(v[6]), cleanLines(v[10])];
    const olds = [...cellText(v[14]).matchAll(SUB)].map((m) => m[0]).filter((c) => c !== sub);
    if (olds.length) p.replaces[sub] = [...new Set([...(p.replaces[sub] ?? []), ...olds])].sort();
  });
  return out;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]])
  );
}

interface Generated {
  /** File id: "kabkota-2024", "kabkota-2027", "provinsi-2027". */
  id: string;
  nomenclature: NomenclatureData;
  indicators: IndicatorData;
  details: DetailData;
}

function generated(
  id: string,
  p: Parsed,
  n: Omit<NomenclatureData, "names" | "replaces">
): Generated {
  const version = n.version;
  return {
    id,
    nomenclature: { ...n, names: sortKeys(p.names), replaces: sortKeys(p.replaces) },
    indicators: { version, indicators: sortKeys(p.indicators) },
    details: { version, details: sortKeys(p.details) },
  };
}

/**
 * The 2027 export lists provinsi and kab/kota rows, and reuses some codes (Otsus kegiatan with
 * level digit 3–8, a few programmes) for different things in the two: one file per scope.
 */
function version2027(p: Record<Scope, Parsed>): Generated[] {
  return (["kabkota", "provinsi"] as Scope[]).map((scope) =>
    generated(`${scope}-2027`, p[scope], {
      version: "2027",
      label: `Pemutakhiran nomenklatur TA 2027 (${scope === "provinsi" ? "provinsi" : "kabupaten/kota"}, sementara)`,
      scopes: [scope],
    })
  );
}

export async function generate(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const all = [
    generated("kabkota-2024", await read2023(), {
      version: "kabkota-2024",
      label: "Kepmendagri 900.1.15.5-1317/2023 (kabupaten/kota, TA 2024–2026)",
      scopes: ["kabkota"],
    }),
    ...version2027(await read2027()),
  ];
  for (const g of all)
    for (const [prefix, data] of [
      ["nomenklatur", g.nomenclature],
      ["indikator", g.indicators],
      ["uraian", g.details],
    ] as const) {
      const file = path.join(outDir, `${prefix}-${g.id}.json`);
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
