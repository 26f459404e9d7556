// The per-sheet caches of the code checks and the migration (built on the memo helper): the
// reading of a row's code cells, the lookup in a nomenclature, parents, normalised names.
import type { CellValue } from "../model/grid";
import { lookup, type Lookup, type Nomenclature } from "./api";
import { memo, memoCells } from "./memo";
import { normaliseName, parentCode, readCode, type CodeResult } from "./read";

export interface CodeMemo {
  /** The code read from a row's code cells. */
  read(cells: { value: CellValue }[]): CodeResult;
  lookup(code: string): Lookup;
  parent(code: string): string | null;
  norm(name: string): string;
}

export function codeMemo(nom: Nomenclature): CodeMemo {
  return {
    read: memoCells(readCode),
    lookup: memo((code: string) => lookup(nom, code)),
    parent: memo(parentCode),
    norm: memo(normaliseName),
  };
}
