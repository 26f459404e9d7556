// Nomenclature versions and the NAMAKODE / CEKKODE functions (DOMAIN §6). The data is imported
// dynamically, so webpack puts each part in its own chunk that the add-in loads only when it is
// first needed (sizes in data/README.md and the build test).
import { fail, ok, type CalcResult } from "../core/result";
import { genericSupport, localise, readCode } from "./read";
import type { DetailData, IndicatorData, NomenclatureData, Scope } from "./types";

export type VersionId = "kabkota-2024" | "2027";

export interface Nomenclature extends NomenclatureData {
  /** The scope of the list (kab/kota or provinsi). */
  scope: Scope;
  /** Old code → the new codes that replace it. */
  successors: Map<string, string[]>;
}

/** Official indikator and satuan of the sub kegiatan of one version and scope. */
export interface IndicatorTable {
  version: string;
  /** Sub-kegiatan code (X.XX form for the support programme) → [indikator, satuan]. */
  get(code: string): readonly [string, string] | undefined;
}

/** Kinerja and definisi operasional of the sub kegiatan (for display only). */
export interface DetailTable {
  version: string;
  get(code: string): { kinerja: string; definisi: string | null } | undefined;
}

type Json<T> = Promise<{ default?: T } | T>;
const unwrap = <T>(m: { default?: T } | T): T => ((m as { default?: T }).default ?? m) as T;

/** One list: kabkota-2024 (the 900/2023 list is kab/kota only), kabkota-2027, provinsi-2027. */
type ListId = "kabkota-2024" | "kabkota-2027" | "provinsi-2027";

interface Source {
  names: () => Json<NomenclatureData>;
  indicators: () => Json<IndicatorData>;
  details: () => Json<DetailData>;
}

// Three chunks per list: names and successor links (every code check), indikator/satuan (only
// the indicator/unit rule), kinerja/definisi (only when a caller asks).
const SOURCES: Record<ListId, Source> = {
  "kabkota-2024": {
    names: () =>
      import(
        /* webpackChunkName: "nomenklatur-2024" */ "./data/nomenklatur-kabkota-2024.json"
      ) as Json<NomenclatureData>,
    indicators: () =>
      import(
        /* webpackChunkName: "indikator-2024" */ "./data/indikator-kabkota-2024.json"
      ) as unknown as Json<IndicatorData>,
    details: () =>
      import(
        /* webpackChunkName: "uraian-2024" */ "./data/uraian-kabkota-2024.json"
      ) as Json<DetailData>,
  },
  "kabkota-2027": {
    names: () =>
      import(
        /* webpackChunkName: "nomenklatur-2027" */ "./data/nomenklatur-kabkota-2027.json"
      ) as Json<NomenclatureData>,
    indicators: () =>
      import(
        /* webpackChunkName: "indikator-2027" */ "./data/indikator-kabkota-2027.json"
      ) as unknown as Json<IndicatorData>,
    details: () =>
      import(
        /* webpackChunkName: "uraian-2027" */ "./data/uraian-kabkota-2027.json"
      ) as Json<DetailData>,
  },
  "provinsi-2027": {
    names: () =>
      import(
        /* webpackChunkName: "nomenklatur-2027-provinsi" */ "./data/nomenklatur-provinsi-2027.json"
      ) as Json<NomenclatureData>,
    indicators: () =>
      import(
        /* webpackChunkName: "indikator-2027-provinsi" */ "./data/indikator-provinsi-2027.json"
      ) as unknown as Json<IndicatorData>,
    details: () =>
      import(
        /* webpackChunkName: "uraian-2027-provinsi" */ "./data/uraian-provinsi-2027.json"
      ) as Json<DetailData>,
  },
};

/** The list of a version for a scope (the 2024 version has only the kab/kota list). */
function listOf(version: VersionId, scope: Scope): ListId {
  return version === "kabkota-2024" ? "kabkota-2024" : `${scope}-2027`;
}

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make();
    cache.set(key, p);
    // a failed load (missing chunk, offline) may be retried later
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** The names and successor links of a version, for a kab/kota or a provincial document. */
export function loadNomenclature(
  version: VersionId,
  scope: Scope = "kabkota"
): Promise<Nomenclature> {
  const list = listOf(version, scope);
  return once(`names:${list}`, async () => prepare(unwrap(await SOURCES[list].names())));
}

export function prepare(data: NomenclatureData): Nomenclature {
  const successors = new Map<string, string[]>();
  for (const [neu, olds] of Object.entries(data.replaces))
    for (const old of olds) successors.set(old, [...(successors.get(old) ?? []), neu]);
  return { ...data, scope: data.scopes[0] ?? "kabkota", successors };
}

/** Official indikator and satuan (a separate chunk: only the indicator/unit checks load it). */
export function loadIndicators(
  version: VersionId,
  scope: Scope = "kabkota"
): Promise<IndicatorTable> {
  const list = listOf(version, scope);
  return once(`indicators:${list}`, async () =>
    indicatorTable(unwrap(await SOURCES[list].indicators()))
  );
}

export function indicatorTable(data: IndicatorData): IndicatorTable {
  return { version: data.version, get: (code) => data.indicators[code] };
}

/** Kinerja and definisi operasional per sub kegiatan (the largest chunks; load only to show them). */
export function loadDetails(version: VersionId, scope: Scope = "kabkota"): Promise<DetailTable> {
  const list = listOf(version, scope);
  return once(`details:${list}`, async () => {
    const data = unwrap(await SOURCES[list].details());
    return {
      version: data.version,
      get: (code: string) => {
        const d = data.details[code] ?? data.details[genericSupport(code) ?? ""];
        return d ? { kinerja: d[0], definisi: d[1] || null } : undefined;
      },
    };
  });
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

/**
 * The codes that replace `code` in `nom` (empty when none). A support-programme code written
 * with the PD's bidang ("2.07.01.2.01.0004") is followed through its X.XX form and the
 * successors are written with the same bidang.
 */
export function successorsOf(nom: Nomenclature, code: string): string[] {
  const direct = nom.successors.get(code);
  if (direct) return direct;
  const generic = genericSupport(code);
  const viaGeneric = generic ? nom.successors.get(generic) : undefined;
  return viaGeneric ? viaGeneric.map((c) => localise(c, code)) : [];
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
  // NAMAKODE has no scope argument: a code of the provincial 2027 list still has a name
  if (version === "2027") {
    const prov = lookup(await loadNomenclature("2027", "provinsi"), c.value.code);
    if (prov.name !== null) return ok(prov.name);
  }
  const succ = successorsOf(nom, c.value.code);
  if (succ.length)
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
  const succ = successorsOf(later, code);
  if (succ.length)
    return ok(
      `Kode ${code} sudah tidak berlaku; penggantinya ${succ.map((s) => `${s} ${lookup(later, s).name ?? ""}`.trim()).join("; ")}.`
    );
  return ok(`Kode ${code} tidak ditemukan di ${nom.label}.`);
}
