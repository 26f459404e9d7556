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
  if (!rows.some((r) => r.codeCells.length)) return { issues: [], version: null };
  try {
    const year = settings.nomenclatureYear ?? rec.year;
    const { version, note } = versionForYear(year, settings.scope);
    const nomenclature = await loadNomenclature(version, settings.scope);
    // Against 2027, a code found only in the 2024 list has been retired (kode.kadaluarsa).
    const previous =
      version === "2027" && settings.scope === "kabkota"
        ? await loadNomenclature("kabkota-2024")
        : undefined;
    const hasMeasures = rows.some((r) => r.indicator || r.unit);
    // without the indicator chunk (offline, not built) the other code checks still run
    const indicators = hasMeasures
      ? await loadIndicators(version, settings.scope).catch(() => undefined)
      : undefined;
    const options = {
      year,
      sheetYear: rec.year,
      scope: settings.scope,
      nomenclature,
      previous,
      indicators,
    };
    let issues = checkCodes(rows, options);
    // unknown codes against the 2024 list: the 2027 list may know them (later updates)
    if (version !== "2027" && issues.some((i) => i.rule === "kode.tidak-dikenal")) {
      const next = await loadNomenclature("2027", settings.scope).catch(() => undefined);
      if (next) issues = checkCodes(rows, { ...options, next });
    }
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
