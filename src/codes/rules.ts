// Code checks of a recognised table (DOMAIN §6): kode.format, kode.tidak-dikenal, kode.nama-beda,
// kode.hierarki, kode.kewenangan, kode.kadaluarsa, kode.placeholder.
import type { CellValue } from "../model/grid";
import { a1 } from "../model/grid";
import type { Issue, Severity } from "../model/issue";
import { lookup, type Nomenclature } from "./api";
import {
  normaliseName,
  normaliseName as normaliseNameOf,
  parentCode as parentCodeOf,
  readCode,
  type CodeLevel,
  type CodeResult,
} from "./read";
import type { Scope } from "./types";

export interface CodeRow {
  row: number;
  codeCells: { col: number; value: CellValue }[];
  name: { col: number; value: CellValue } | null;
}

export interface CodeCheckOptions {
  year: number | null;
  scope: Scope;
  nomenclature: Nomenclature;
  /** The previous version: a code found only there has been retired (optional). */
  previous?: Nomenclature;
}

const LEVEL_LABEL: Record<CodeLevel, string> = {
  urusan: "urusan",
  bidang: "bidang urusan",
  program: "program",
  kegiatan: "kegiatan",
  subkegiatan: "sub kegiatan",
};

export function checkCodes(rows: CodeRow[], options: CodeCheckOptions): Issue[] {
  const { nomenclature: nom } = options;
  const issues: Issue[] = [];
  const add = (row: number, col: number, rule: string, severity: Severity, message: string) =>
    issues.push({ cell: a1(row, col), row, col, rule, severity, message });

  // Names of every official code under a prefix, for "the name is a child's name" (wrong depth).
  let lastProgram: string | null = null;
  let lastKegiatan: string | null = null;

  // Codes and official names repeat down a sheet; reading, lookup and normalisation are pure,
  // so each distinct input is worked out once per call.
  const readings = new Map<unknown, unknown>();
  const READING = readings; // result slot marker: the root map is never a cell value
  const readCached = (values: CellValue[]): CodeResult => {
    let node = readings;
    for (const v of values) {
      let next = node.get(v) as Map<unknown, unknown> | undefined;
      if (!next) node.set(v, (next = new Map()));
      node = next;
    }
    let res = node.get(READING) as CodeResult | undefined;
    if (!res) node.set(READING, (res = readCode(values)));
    return res;
  };
  const found_ = new Map<string, ReturnType<typeof lookup>>();
  const lookupCached = (code: string) => {
    let f = found_.get(code);
    if (!f) found_.set(code, (f = lookup(nom, code)));
    return f;
  };
  const parents = new Map<string, string | null>();
  const parentCode = (code: string): string | null => {
    let p = parents.get(code);
    if (p === undefined) parents.set(code, (p = parentCodeOf(code)));
    return p;
  };
  const normalised = new Map<string, string>();
  const normaliseName = (name: string): string => {
    let n = normalised.get(name);
    if (n === undefined) {
      n = normaliseNameOf(name);
      if (normalised.size < 50000) normalised.set(name, n);
    }
    return n;
  };

  for (const r of rows) {
    if (r.codeCells.length === 0) continue;
    const col = r.codeCells[0].col;
    const reading = readCached(r.codeCells.map((c) => c.value));
    if (reading.kind === "none") continue;
    if (reading.kind === "invalid") {
      add(
        r.row,
        col,
        "kode.format",
        "error",
        `Kode "${reading.raw}" tidak sah: ${reading.reason}.`
      );
      continue;
    }
    const code = reading.code;
    if (reading.fixes.length)
      add(
        r.row,
        col,
        "kode.format",
        "info",
        `Kode "${reading.raw}" dibaca sebagai ${code} (${reading.fixes.join("; ")}).`
      );
    if (reading.placeholder) {
      add(
        r.row,
        col,
        "kode.placeholder",
        "error",
        `Kode ${code} masih memuat X.XX; ganti dengan kode bidang urusan Perangkat Daerah (mis. 2.07).`
      );
      continue;
    }
    const parts = code.split(".");
    if (parts.length >= 4 && parts[3] === "1" && options.scope === "kabkota") {
      add(
        r.row,
        col,
        "kode.kewenangan",
        "error",
        `Kode ${code} adalah kegiatan kewenangan provinsi (digit tingkat 1); dokumen kabupaten/kota hanya memuat kegiatan tingkat 2.`
      );
      continue;
    }

    const nameText =
      r.name && typeof r.name.value === "string" ? r.name.value.trim() : reading.name;
    const found = lookupCached(code);

    // Hierarchy: position under the nearest program/kegiatan row, and depth vs name.
    if (reading.level === "program") {
      lastProgram = code;
      lastKegiatan = null;
    } else if (reading.level === "kegiatan") {
      if (lastProgram && parentCode(code) !== lastProgram)
        add(
          r.row,
          col,
          "kode.hierarki",
          "warning",
          `Kegiatan ${code} berada di bawah program ${lastProgram}, padahal induknya ${parentCode(code)}.`
        );
      lastKegiatan = code;
    } else if (reading.level === "subkegiatan") {
      const parent = parentCode(code)!;
      if (
        lastKegiatan &&
        parentCode(lastKegiatan) === parentCode(parent) &&
        lastKegiatan !== parent
      )
        add(
          r.row,
          col,
          "kode.hierarki",
          "warning",
          `Sub kegiatan ${code} berada di bawah kegiatan ${lastKegiatan}, padahal induknya ${parent}.`
        );
      else if (lastProgram && !lastKegiatan && parentCode(parent) !== lastProgram)
        add(
          r.row,
          col,
          "kode.hierarki",
          "warning",
          `Sub kegiatan ${code} berada di bawah program ${lastProgram}, padahal programnya ${parentCode(parent)}.`
        );
    }

    if (nameText && found.name !== null && normaliseName(nameText) !== normaliseName(found.name)) {
      const child = childWithName(nom, found.officialCode ?? code, nameText);
      if (child) {
        add(
          r.row,
          col,
          "kode.hierarki",
          "error",
          `Nama "${nameText}" adalah ${LEVEL_LABEL[levelOfCode(child)]} ${localise(child, code)}, tetapi kodenya hanya sampai ${LEVEL_LABEL[reading.level]} (${code}).`
        );
        continue;
      }
    }

    if (found.name === null) {
      const succ = nom.successors.get(code);
      if (succ) {
        add(
          r.row,
          col,
          "kode.kadaluarsa",
          "warning",
          `Kode ${code} sudah tidak berlaku; penggantinya ${succ.map((s) => `${s} "${nom.names[s] ?? ""}"`).join(", ")}.`
        );
      } else if (options.previous && lookup(options.previous, code).name !== null) {
        add(
          r.row,
          col,
          "kode.kadaluarsa",
          "warning",
          `Kode ${code} tidak ada lagi di ${nom.label}.`
        );
      } else {
        // Before TA 2024 the applicable list (050-5889/2021) is not available: only a warning.
        const older = options.year !== null && options.year < 2024;
        add(
          r.row,
          col,
          "kode.tidak-dikenal",
          older ? "warning" : "error",
          `Kode ${code} tidak ditemukan di ${nom.label}${older ? ` (dokumen TA ${options.year} mungkin memakai nomenklatur lama)` : ""}.`
        );
      }
      continue;
    }
    if (
      nameText &&
      normaliseName(nameText) !== normaliseName(found.name) &&
      !containsName(nameText, found.name)
    ) {
      add(
        r.row,
        col,
        "kode.nama-beda",
        "warning",
        `Nama "${nameText}" berbeda dengan nomenklatur resmi untuk ${code}: "${found.name}".`
      );
    }
  }
  return issues;
}

function levelOfCode(code: string): CodeLevel {
  const n = code.split(".").length;
  return (["urusan", "bidang", "program", "kegiatan", "kegiatan", "subkegiatan"] as CodeLevel[])[
    n - 1
  ];
}

/** The support-programme children are stored as X.XX; show them with the sheet's bidang. */
function localise(official: string, asWritten: string): string {
  return official.startsWith("X.XX")
    ? asWritten.split(".").slice(0, 2).join(".") + official.slice(4)
    : official;
}

// Normalised official name → codes, built once per nomenclature version (not per row).
const nameIndex = new WeakMap<Nomenclature, Map<string, string[]>>();

function codesNamed(nom: Nomenclature, name: string): string[] {
  let index = nameIndex.get(nom);
  if (!index) {
    index = new Map();
    for (const [code, official] of Object.entries(nom.names)) {
      const key = normaliseName(official);
      index.set(key, [...(index.get(key) ?? []), code]);
    }
    nameIndex.set(nom, index);
  }
  return index.get(normaliseName(name)) ?? [];
}

/** An official descendant of `prefix` whose name equals `name` (normalised). */
function childWithName(nom: Nomenclature, prefix: string, name: string): string | null {
  return (
    codesNamed(nom, name).find(
      (code) => code.length > prefix.length && code.startsWith(prefix + ".")
    ) ?? null
  );
}

/** The official name may be followed by the indicator text in the same cell (000 L227). */
function containsName(written: string, official: string): boolean {
  const w = normaliseName(written);
  const o = normaliseName(official);
  return w.startsWith(o) && w.length > o.length;
}
