// Memo of a pure calculation keyed by the identity of its arguments. Readings of repeated cell
// values share one Decimal (sheet/rows.ts reads each distinct value once), so rows with the same
// inputs reuse the result; Decimals are immutable and the calculations pure, so results are
// identical. A cursor walks the keys (`start().key(a).key(b).get() ?? set(compute())`): no array
// or closure per lookup, which matters at 160,000 computed cells. A memo that hardly ever hits
// (every row has its own numbers) switches itself off after a probe: its trie of Maps cost more
// than the calculations it saved (measured: half the garbage collection of a 20,000-row E.81
// with distinct values).
const VALUE = Symbol("value");

export class Memo<R> {
  private root = new Map<unknown, unknown>();
  private node: Map<unknown, unknown> | null = null;
  private size = 0;
  private lookups = 0;
  private hits = 0;
  private off = false;
  constructor(
    private readonly limit = 200000,
    /** Lookups after which a memo hitting less than a quarter of them stops. */
    private readonly probe = 256
  ) {}
  start(): this {
    this.node = this.off ? null : this.root;
    return this;
  }
  key(k: unknown): this {
    const node = this.node;
    if (node === null) return this;
    let next = node.get(k) as Map<unknown, unknown> | undefined;
    if (next === undefined) {
      // full: compute without remembering
      if (this.size > this.limit) {
        this.node = null;
        return this;
      }
      next = new Map();
      node.set(k, next);
      this.size++;
    }
    this.node = next;
    return this;
  }
  get(): R | undefined {
    if (this.node === null) return undefined;
    const r = this.node.get(VALUE) as R | undefined;
    if (r !== undefined) this.hits++;
    if (++this.lookups === this.probe && this.hits * 4 < this.probe) {
      this.off = true;
      this.root = new Map();
    }
    return r;
  }
  set(r: R): R {
    this.node?.set(VALUE, r);
    return r;
  }
}
