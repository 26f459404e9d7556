// The one memo helper of the code checks and the migration: codes, official names and their
// normalised forms repeat down a sheet, and reading, lookup and normalisation are pure, so each
// distinct input is worked out once per call (per sheet).
import type { CellValue } from "../model/grid";
import { lookup, type Lookup, type Nomenclature } from "./api";
import { normaliseName, parentCode, readCode, type CodeResult } from "./read";

/** Memoises a pure function of one key; stops adding entries after `limit` (memory bound). */
export function memo<K, V>(fn: (k: K) => V, limit = 50000): (k: K) => V {
  const cache = new Map<K, V>();
  return (k: K) => {
    let v = cache.get(k);
    if (v === undefined && !cache.has(k)) {
      v = fn(k);
      if (cache.size < limit) cache.set(k, v);
    }
    return v as V;
  };
}

/**
 * Memoises a pure function of the values of a row's cells (a trie keyed value by value); the
 * value list is built only on a miss.
 */
export function memoCells<V>(fn: (values: CellValue[]) => V): (cells: { value: CellValue }[]) => V {
  type Node = Map<unknown, unknown>;
  const root: Node = new Map();
  const RESULT = root; // result slot marker: the root map is never one of the values
  return (cells) => {
    let node = root;
    for (let i = 0; i < cells.length; i++) {
      const k = cells[i].value;
      let next = node.get(k) as Node | undefined;
      if (!next) node.set(k, (next = new Map()));
      node = next;
    }
    if (!node.has(RESULT)) node.set(RESULT, fn(cells.map((c) => c.value)));
    return node.get(RESULT) as V;
  };
}

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
