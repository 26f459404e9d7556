// Kinerja's own .xlsx layer, usable in a browser as is (bytes in, bytes out; no Node built-ins):
//   readGrids(bytes, options?) → { sheets: Grid[], date1904, skipped }
//   patch(bytes, writes, extras?, options?) → bytes of the written copy
// File problems are WorkbookError with an Indonesian message and a `kind`.
export { readGrids, openPackage, type ReadOptions, type ReadResult } from "./read";
export {
  patch,
  isMacroEnabled,
  type CellWrite,
  type SheetWrites,
  type VisualExtras,
  type PatchOptions,
} from "./patch";
export { WorkbookError, type WorkbookProblem } from "./errors";
export { DEFAULT_LIMITS, type ZipLimits, type Codec } from "./zip";
