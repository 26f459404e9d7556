// Predikat colours, the Ringkasan sheet and the capaian chart, as pure data: the Excel gateway
// and the .xlsx writer turn these into native conditional formats, cells and charts.
export { PALETTE, CAPAIAN_ROLES, predikatRules, ruleFormula, type PredikatRule } from "./predikat";
export { summaryPlan, predikatFormula, type SummaryCell, type SummaryPlan } from "./summary";
export { chartPlan, type ChartPlan } from "./chart";
export { SUMMARY_SHEET, CHART_SHEET, visualSheetName, sheetRef } from "./names";
