// Bridge to the code checks of src/codes (DOMAIN §6): builds their row input from the row model
// and says which nomenclature version was used. The official indikator/satuan (a separate data
// chunk) are loaded only when the table has an indicator or unit column.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import type { SheetModel } from "../sheet/rows";
import { checkCodes, type CodeRow } from "../codes/rules";
import { loadIndicators, loadNomenclature, versionForYear } from "../codes/api";

export async function runCodeChecks(
  model: SheetModel,
  rec: Recognition,
  settings: Settings
): Promise<{ issues: Issue[]; version: string | null }> {
  const cols = rec.columns;
  if (!Object.keys(cols).some((r) => r.startsWith("kode"))) return { issues: [], version: null };
  // a table with a code column but no code in it (a long E.81 without codes): nothing to build
  if (!model.rows.some((r) => r.codeCells.length > 0)) return { issues: [], version: null };
  const withIndicator = "indikator" in cols || "satuan" in cols;
  const rows: CodeRow[] = model.rows
    .filter(
      (r) =>
        (r.kind === "data" || r.kind === "section") &&
        (r.codeCells.length > 0 || r.name !== null || (withIndicator && r.continuation))
    )
    .map((r) => ({
      row: r.row,
      codeCells: r.codeCells,
      name: r.name !== null && "uraian" in cols ? { col: cols.uraian, value: r.name } : null,
      indicator:
        r.indicator !== null && "indikator" in cols
          ? { col: cols.indikator, value: r.indicator }
          : null,
      // the row model's unit may come from a target text ("4 Dokumen"); only a unit column is checked
      unit: r.unit !== null && "satuan" in cols ? { col: cols.satuan, value: r.unit } : null,
    }));
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
