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

/** Memoises a pure function of a list of values (a trie keyed value by value). */
export function memoList<K, V>(fn: (ks: K[]) => V): (ks: K[]) => V {
  type Node = Map<unknown, unknown>;
  const root: Node = new Map();
  const RESULT = root; // result slot marker: the root map is never one of the values
  return (ks: K[]) => {
    let node = root;
    for (const k of ks) {
      let next = node.get(k) as Node | undefined;
      if (!next) node.set(k, (next = new Map()));
      node = next;
    }
    if (!node.has(RESULT)) node.set(RESULT, fn(ks));
    return node.get(RESULT) as V;
  };
}

export interface CodeMemo {
  read(values: CellValue[]): CodeResult;
  lookup(code: string): Lookup;
  parent(code: string): string | null;
  norm(name: string): string;
}

export function codeMemo(nom: Nomenclature): CodeMemo {
  return {
    read: memoList(readCode),
    lookup: memo((code: string) => lookup(nom, code)),
    parent: memo(parentCode),
    norm: memo(normaliseName),
  };
}
