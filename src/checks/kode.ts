// Bridge from the row model to src/codes (DOMAIN §6): builds the code rows of a recognised table,
// runs the kode.* checks (saying which nomenclature version was used) and the TA 2027 migration.
// The official indikator/satuan (a separate data chunk) are loaded only when the table has an
// indicator or unit column.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import type { SheetModel } from "../sheet/rows";
import { checkCodes, type CodeRow } from "../codes/rules";
import { migrateCodes, type MigrationResult } from "../codes/migrate";
import { loadIndicators, loadNomenclature, versionForYear } from "../codes/api";

/** The code rows of a recognised table (code, name, indicator and unit cells of each row). */
export function codeRowsOf(model: SheetModel, rec: Recognition): CodeRow[] {
  const cols = rec.columns;
  const withIndicator = "indikator" in cols || "satuan" in cols;
  return model.rows
    .filter(
      (r) =>
        (r.kind === "data" || r.kind === "section") &&
        (r.codeCells.length > 0 || r.name !== null || (withIndicator && r.continuation))
    )
    .map((r) => ({
      row: r.row,
      codeCells: r.codeCells,
      name:
        r.name !== null && cols.uraian !== undefined ? { col: cols.uraian, value: r.name } : null,
      indicator:
        r.indicator !== null && cols.indikator !== undefined
          ? { col: cols.indikator, value: r.indicator }
          : null,
      // the row model's unit may come from a target text ("4 Dokumen"); only a unit column is checked
      unit:
        r.unit !== null && cols.satuan !== undefined ? { col: cols.satuan, value: r.unit } : null,
    }));
}

/** The table has a code column with at least one code in it. */
function hasCodes(model: SheetModel, rec: Recognition): boolean {
  return (
    Object.keys(rec.columns).some((r) => r.startsWith("kode")) &&
    model.rows.some((r) => r.codeCells.length > 0)
  );
}

export async function runCodeChecks(
  model: SheetModel,
  rec: Recognition,
  settings: Settings
): Promise<{ issues: Issue[]; version: string | null }> {
  // no code column, or one with no code in it (a long E.81 without codes): nothing to check
  if (!hasCodes(model, rec)) return { issues: [], version: null };
  const rows = codeRowsOf(model, rec);
  try {
    const year = settings.nomenclatureYear ?? rec.year;
    const { version, note } = versionForYear(year, settings.scope);
    const hasMeasures = rows.some((r) => r.indicator || r.unit);
    // the lists are separate chunks, loaded once per session and in parallel:
    //  - against 2027, a code found only in the 2024 list has been retired (kode.kadaluarsa);
    //  - against 2024, a code only the 2027 list knows comes from a later update (a warning);
    //  - the official indikator/satuan only when the table has such a column; without that chunk
    //    (offline, not built) the other code checks still run.
    const [nomenclature, previous, next, indicators] = await Promise.all([
      loadNomenclature(version, settings.scope),
      version === "2027" && settings.scope === "kabkota"
        ? loadNomenclature("kabkota-2024")
        : undefined,
      version !== "2027"
        ? loadNomenclature("2027", settings.scope).catch(() => undefined)
        : undefined,
      hasMeasures ? loadIndicators(version, settings.scope).catch(() => undefined) : undefined,
    ]);
    const issues = checkCodes(rows, {
      year,
      sheetYear: rec.year,
      scope: settings.scope,
      nomenclature,
      previous,
      next,
      indicators,
    });
    if (issues.some((i) => i.rule === "kode.rezim"))
      return { issues, version: "tidak dipakai: kode lembar ini memakai kodefikasi lama" };
    return { issues, version: note ? `${nomenclature.label} (${note})` : nomenclature.label };
  } catch (e) {
    // a missing data chunk must not stop the sheet checks
    return {
      issues: [],
      version: `daftar nomenklatur tidak dapat dimuat: ${(e as Error).message}`,
    };
  }
}

/**
 * The TA 2027 migration of a kab/kota sheet built from the 900/2023 list (`kinerja migrasi`,
 * "Perbarui ke nomenklatur TA 2027"): the edits and the report of src/codes/migrate.ts. Null with
 * a reason when there is nothing to migrate (no codes, a provincial document: the 2027 update is
 * the first provincial list).
 */
export async function runCodeMigration(
  model: SheetModel,
  rec: Recognition,
  settings: Settings
): Promise<{ result: MigrationResult | null; reason: string | null }> {
  if (!hasCodes(model, rec))
    return { result: null, reason: "Tabel ini tidak memuat kode nomenklatur." };
  if (settings.scope === "provinsi")
    return {
      result: null,
      reason: "Daftar provinsi hanya tersedia dari pemutakhiran TA 2027; tidak ada yang dimigrasi.",
    };
  const [from, to] = await Promise.all([
    loadNomenclature("kabkota-2024"),
    loadNomenclature("2027", "kabkota"),
  ]);
  return {
    result: migrateCodes(codeRowsOf(model, rec), { from, to, sheetYear: rec.year }),
    reason: null,
  };
}
