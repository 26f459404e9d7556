// The one memo helper of src/codes: codes, cell texts, official names, indicator texts repeat
// down a sheet, and reading, lookup and normalisation are pure, so each distinct input is worked
// out once (per sheet for the checks' caches, per session for the bounded text caches).
import type { CellValue } from "../model/grid";

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
