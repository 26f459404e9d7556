// Generates the versioned nomenclature data in src/codes/data/ from the official exports in
// data/nomenklatur/ (see data/README.md; $KINERJA_NOMENKLATUR names another folder).
// Deterministic: sorted keys, no dates.
//   npx ts-node --transpile-only scripts/make-nomenklatur.ts [outDir]
// Per version it writes nomenklatur-<v>.json (names, successor links), indikator-<v>.json
// (official indikator and satuan per sub kegiatan) and uraian-<v>.json (kinerja and, for 2027,
// definisi operasional). Texts keep the official spelling and casing; only the runs of spaces
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

/**
 * One table for both scopes: kabupaten/kota wins where the two differ (most documents are
 * kab/kota), and the provincial entries that differ from it are kept apart.
 */
function splitScopes<T>(
  kab: Record<string, T>,
  prov: Record<string, T>
): { base: Record<string, T>; provinsi: Record<string, T> } {
  const base: Record<string, T> = { ...prov, ...kab };
  const provinsi: Record<string, T> = {};
  for (const [code, value] of Object.entries(prov))
    if (JSON.stringify(base[code]) !== JSON.stringify(value)) provinsi[code] = value;
  return { base: sortKeys(base), provinsi: sortKeys(provinsi) };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]])
  );
}

interface Generated {
  nomenclature: NomenclatureData;
  indicators: IndicatorData;
  details: DetailData;
}

function version2024(p: Parsed): Generated {
  const version = "kabkota-2024";
  return {
    nomenclature: {
      version,
      label: "Kepmendagri 900.1.15.5-1317/2023 (kabupaten/kota, TA 2024–2026)",
      scopes: ["kabkota"],
      names: sortKeys(p.names),
      replaces: {},
    },
    indicators: { version, indicators: sortKeys(p.indicators) },
    details: { version, details: sortKeys(p.details) },
  };
}

function version2027(p: Record<Scope, Parsed>): Generated {
  const version = "2027";
  const names = splitScopes(p.kabkota.names, p.provinsi.names);
  const replaces = splitScopes(p.kabkota.replaces, p.provinsi.replaces);
  // a provincial code with no predecessor must not inherit the kab/kota links of the same code
  for (const code of Object.keys(replaces.base))
    if (code in p.provinsi.names && !(code in p.provinsi.replaces) && code in p.kabkota.replaces)
      replaces.provinsi[code] = [];
  const only = (a: Parsed, b: Parsed) =>
    Object.keys(a.names)
      .filter((c) => !(c in b.names) && !/^[^.]+\.[^.]+\.[^.]+\.[12](\.|$)/.test(c))
      .sort();
  const indicators = splitScopes(p.kabkota.indicators, p.provinsi.indicators);
  const details = splitScopes(p.kabkota.details, p.provinsi.details);
  return {
    nomenclature: {
      version,
      label: "Pemutakhiran nomenklatur TA 2027 (provinsi dan kabupaten/kota, sementara)",
      scopes: ["provinsi", "kabkota"],
      names: names.base,
      replaces: replaces.base,
      provinsi: { names: names.provinsi, replaces: sortKeys(replaces.provinsi) },
      only: { provinsi: only(p.provinsi, p.kabkota), kabkota: only(p.kabkota, p.provinsi) },
    },
    indicators: { version, indicators: indicators.base, provinsi: indicators.provinsi },
    details: { version, details: details.base, provinsi: details.provinsi },
  };
}

export async function generate(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const g of [version2024(await read2023()), version2027(await read2027())]) {
    const v = g.nomenclature.version;
    for (const [prefix, data] of [
      ["nomenklatur", g.nomenclature],
      ["indikator", g.indicators],
      ["uraian", g.details],
    ] as const) {
      const file = path.join(outDir, `${prefix}-${v}.json`);
      fs.writeFileSync(file, JSON.stringify(data) + "\n");
      written.push(file);
    }
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
