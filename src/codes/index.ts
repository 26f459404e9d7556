// The public face of src/codes (DOMAIN §6) for the engine, the app layer and the doors.
//  - reading:    readCode, splitCodeCell, normaliseName
//  - lists:      versionForYear, loadNomenclature, loadIndicators, loadDetails, lookup, successorsOf
//  - checks:     checkCodes (kode.* findings with fixes), CODE_RULES, CODE_RULE_IDS
//  - regimes:    detectRegime, regimeFinding
//  - migration:  migrateCodes
//  - writing:    writeRow, where (cell edits of a code/name in the sheet's own layout)
// The functions bundle imports ./api directly, so that the checks stay out of it.
export { readCode, splitCodeCell, normaliseName, parentCode, levelOf } from "./read";
export type { CodeReading, CodeResult, CodeLevel } from "./read";
export {
  versionForYear,
  loadNomenclature,
  loadIndicators,
  loadDetails,
  lookup,
  successorsOf,
  namaKode,
  cekKode,
} from "./api";
export type { VersionId, Nomenclature, IndicatorTable, DetailTable, Lookup } from "./api";
export { checkCodes, CODE_RULES, CODE_RULE_IDS, regimeFinding } from "./rules";
export type { CodeRow, CodeCheckOptions } from "./rules";
export { detectRegime } from "./regime";
export type { Regime, RegimeVerdict } from "./regime";
export { migrateCodes } from "./migrate";
export type { MigrationReport, MigrationResult, MigrationOptions, CodeAndName } from "./migrate";
export { writeRow, where } from "./write";
export type { SplitLayout } from "./write";
export type { Scope } from "./types";
