// Nomenclature versions and the NAMAKODE / CEKKODE functions. The data (≈ 70–120 KB gzip per
// version) is imported dynamically, so webpack puts it in its own chunk that the add-in loads
// only when a code is first looked up.
import { fail, ok, type CalcResult } from "../core/result";
import { genericSupport, readCode } from "./read";
import type { NomenclatureData, Scope } from "./types";

export type VersionId = "kabkota-2024" | "2027";

export interface Nomenclature extends NomenclatureData {
  /** Old code → the new codes that replace it. */
  successors: Map<string, string[]>;
}

const cache = new Map<VersionId, Promise<Nomenclature>>();

export function loadNomenclature(version: VersionId): Promise<Nomenclature> {
  let p = cache.get(version);
  if (!p) {
    p = (
      version === "2027"
        ? import(/* webpackChunkName: "nomenklatur-2027" */ "./data/nomenklatur-2027.json")
        : import(/* webpackChunkName: "nomenklatur-2024" */ "./data/nomenklatur-kabkota-2024.json")
    ).then((m) =>
      prepare(((m as { default?: NomenclatureData }).default ?? m) as NomenclatureData)
    );
    cache.set(version, p);
  }
  return p;
}

export function prepare(data: NomenclatureData): Nomenclature {
  const successors = new Map<string, string[]>();
  for (const [neu, olds] of Object.entries(data.replaces))
    for (const old of olds) successors.set(old, [...(successors.get(old) ?? []), neu]);
  return { ...data, successors };
}

/** The version that applies to a fiscal year (the 2023 list applies from TA 2024 on). */
export function versionForYear(
  year: number | null,
  scope: Scope = "kabkota"
): { version: VersionId; note: string | null } {
  if (scope === "provinsi")
    return {
      version: "2027",
      note:
        year !== null && year < 2027
          ? "daftar provinsi hanya tersedia dari pemutakhiran 2027"
          : null,
    };
  if (year !== null && year >= 2027) return { version: "2027", note: null };
  if (year !== null && year < 2024)
    return {
      version: "kabkota-2024",
      note: `TA ${year} memakai Kepmendagri 050-5889/2021 yang tidak tersedia; diperiksa dengan daftar 900.1.15.5-1317/2023`,
    };
  return { version: "kabkota-2024", note: null };
}

export interface Lookup {
  code: string;
  name: string | null;
  /** The code as found (the X.XX form for a support-programme code). */
  officialCode: string | null;
}

/** Official name of a normalised code, also trying the X.XX.01 support-programme form. */
export function lookup(nom: Nomenclature, code: string): Lookup {
  if (nom.names[code] !== undefined) return { code, name: nom.names[code], officialCode: code };
  const generic = genericSupport(code);
  if (generic && nom.names[generic] !== undefined)
    return { code, name: nom.names[generic], officialCode: generic };
  return { code, name: null, officialCode: null };
}

function parseYear(
  tahun: unknown
): { ok: true; year: number | null } | { ok: false; message: string } {
  if (tahun === null || tahun === undefined || tahun === "") return { ok: true, year: null };
  const n = typeof tahun === "number" ? tahun : Number(String(tahun).trim());
  if (!Number.isInteger(n) || n < 2000 || n > 2100)
    return {
      ok: false,
      message: `Tahun "${String(tahun)}" tidak sah; tulis tahun anggaran, mis. 2025.`,
    };
  return { ok: true, year: n };
}

function readSingle(kode: unknown): CalcResult<ReturnType<typeof readCode> & { kind: "code" }> {
  const r = readCode([typeof kode === "number" || typeof kode === "string" ? kode : null]);
  if (r.kind === "none") return fail("#N/A", "Sel kode kosong atau bukan kode nomenklatur.");
  if (r.kind === "invalid") return fail("#VALUE!", `Format kode tidak sah: ${r.reason}.`);
  return ok(r);
}

export async function namaKode(kode: unknown, tahun?: unknown): Promise<CalcResult<string>> {
  const y = parseYear(tahun);
  if (!y.ok) return fail("#VALUE!", y.message);
  const c = readSingle(kode);
  if (!c.ok) return c;
  const { version } = versionForYear(y.year);
  const nom = await loadNomenclature(version);
  const found = lookup(nom, c.value.code);
  if (found.name !== null) return ok(found.name);
  const succ = nom.successors.get(c.value.code);
  if (succ)
    return fail(
      "#N/A",
      `Kode ${c.value.code} sudah tidak berlaku; penggantinya ${succ.join(", ")}.`
    );
  return fail("#N/A", `Kode ${c.value.code} tidak ditemukan di ${nom.label}.`);
}

export async function cekKode(kode: unknown, tahun?: unknown): Promise<CalcResult<string>> {
  const y = parseYear(tahun);
  if (!y.ok) return fail("#VALUE!", y.message);
  const c = readSingle(kode);
  if (!c.ok) return c.error === "#VALUE!" ? ok(c.message) : c;
  const code = c.value.code;
  if (c.value.placeholder)
    return ok(`Kode ${code} masih memuat X.XX; ganti dengan kode bidang urusan Perangkat Daerah.`);
  const parts = code.split(".");
  if (parts.length >= 4 && parts[3] === "1")
    return ok(`Kode ${code} adalah kegiatan kewenangan provinsi, bukan kabupaten/kota.`);
  const { version } = versionForYear(y.year);
  const nom = await loadNomenclature(version);
  const found = lookup(nom, code);
  if (found.name !== null) return ok(c.value.fixes.length ? `OK (${code})` : "OK");
  const later = await loadNomenclature("2027");
  const succ = later.successors.get(code);
  if (succ)
    return ok(
      `Kode ${code} sudah tidak berlaku; penggantinya ${succ.map((s) => `${s} ${later.names[s] ?? ""}`.trim()).join("; ")}.`
    );
  return ok(`Kode ${code} tidak ditemukan di ${nom.label}.`);
}
