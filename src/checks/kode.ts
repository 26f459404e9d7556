// Bridge to the code checks of src/codes (DOMAIN §6): builds their row input from the row model
// and says which nomenclature version was used.
import type { Issue } from "../model/issue";
import type { Recognition } from "../model/recognition";
import type { Settings } from "../model/settings";
import type { SheetModel } from "../sheet/rows";
import { checkCodes, type CodeRow } from "../codes/rules";
import { loadNomenclature, versionForYear } from "../codes/api";

export async function runCodeChecks(
  model: SheetModel,
  rec: Recognition,
  settings: Settings
): Promise<{ issues: Issue[]; version: string | null }> {
  if (!Object.keys(rec.columns).some((r) => r.startsWith("kode")))
    return { issues: [], version: null };
  const rows: CodeRow[] = model.rows
    .filter(
      (r) =>
        (r.kind === "data" || r.kind === "section") && (r.codeCells.length > 0 || r.name !== null)
    )
    .map((r) => ({
      row: r.row,
      codeCells: r.codeCells,
      name:
        r.name !== null && "uraian" in rec.columns
          ? { col: rec.columns.uraian, value: r.name }
          : null,
    }));
  if (!rows.some((r) => r.codeCells.length)) return { issues: [], version: null };
  try {
    const year = settings.nomenclatureYear ?? rec.year;
    const { version, note } = versionForYear(year, settings.scope);
    const nomenclature = await loadNomenclature(version);
    // Against 2027, a code found only in the 2024 list has been retired (kode.kadaluarsa).
    const previous =
      version === "2027" && settings.scope === "kabkota"
        ? await loadNomenclature("kabkota-2024")
        : undefined;
    const issues = checkCodes(rows, { year, scope: settings.scope, nomenclature, previous });
    return { issues, version: note ? `${nomenclature.label} (${note})` : nomenclature.label };
  } catch (e) {
    // a missing data chunk must not stop the sheet checks
    return {
      issues: [],
      version: `daftar nomenklatur tidak dapat dimuat: ${(e as Error).message}`,
    };
  }
}
