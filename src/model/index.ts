// The leaf of the import graph: types (and the default settings) every layer shares.
// Imports nothing from the rest of src/ (test/architecture.test.ts holds it to that).
export * from "./grid";
export type * from "./domain";
export type * from "./roles";
export type * from "./recognition";
export type * from "./issue";
export type * from "./plan";
export type * from "./analysis";
export type { Settings } from "./settings";
export { DEFAULT_SETTINGS } from "./settings";
