// Bridge to the code checks of src/codes (DOMAIN §6): builds their row input from the row model
// and picks the nomenclature version from the sheet's year (or the user's setting).
import type { Issue } from "./issue";
import type { Recognition, Settings } from "../engine";
import type { SheetModel } from "../sheet/rows";
import { loadNomenclature, versionForYear } from "../codes/api";
import { checkCodes } from "../codes/rules";

export async function runCodeChecks(
  model: SheetModel,
  rec: Recognition,
  settings: Settings
): Promise<{ issues: Issue[]; version: string | null }> {
  if (!Object.keys(rec.columns).some((r) => r.startsWith("kode"))) return { issues: [], version: null };
  const rows = model.rows
    .filter((r) => r.kind === "data" || r.kind === "section")
    .map((r) => ({
      row: r.row,
      codeCells: r.codeCells,
      name: r.name !== null && "uraian" in rec.columns ? { col: rec.columns.uraian, value: r.name } : null,
    }));
  const year = settings.nomenclatureYear ?? rec.year;
  const { version, note } = versionForYear(year, settings.scope);
  const nomenclature = await loadNomenclature(version);
  const previous = version === "2027" && settings.scope === "kabkota" ? await loadNomenclature("kabkota-2024") : undefined;
  const issues = checkCodes(rows, { year, scope: settings.scope, nomenclature, previous });
  return { issues, version: nomenclature.label + (note ? ` — ${note}` : "") };
}
