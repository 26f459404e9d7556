// Text edits of an XML part, applied in offset order: to a string (small parts), or straight into
// UTF-8 bytes for a worksheet, where an edit's text may be produced only when it is written —
// 160,000 cells of a 20,000-row E.81 then never exist as strings all at once (measured: the
// joined text, the edit strings and their encoding were ~100 MB of a 350 MB peak).

/** A text produced when the output is written. */
export interface LazyText {
  text(): string;
}

export interface Edit {
  at: number;
  cut: number;
  text: string | LazyText;
}

const textOf = (t: string | LazyText) => (typeof t === "string" ? t : t.text());

function sorted(edits: Edit[]): Edit[] {
  return edits.sort((x, y) => x.at - y.at || x.cut - y.cut);
}

export function applyEdits(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted(edits)) {
    if (e.at < pos) continue; // overlapping edit (never produced): keep the first
    parts.push(text.slice(pos, e.at), textOf(e.text));
    pos = e.at + e.cut;
  }
  parts.push(text.slice(pos));
  return parts.join("");
}

const enc = new TextEncoder();

/** UTF-8 output in chunks, grown as needed. */
class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private buf: Uint8Array;
  private at = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 1024));
  }
  write(s: string): void {
    let rest = s;
    for (;;) {
      const { read, written } = enc.encodeInto(rest, this.buf.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.chunks.push(this.buf.subarray(0, this.at));
      this.buf = new Uint8Array(Math.max(this.buf.length, rest.length * 3));
      this.at = 0;
    }
  }
  bytes(): Uint8Array {
    if (!this.chunks.length) return this.buf.subarray(0, this.at);
    this.chunks.push(this.buf.subarray(0, this.at));
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** The edited text as UTF-8 bytes, without building it as a string first. */
export function editedBytes(text: string, edits: Edit[], estimate: number): Uint8Array {
  const out = new ByteSink(text.length + estimate);
  let pos = 0;
  for (const e of sorted(edits)) {
    if (e.at < pos) continue; // overlapping edit (never produced): keep the first
    out.write(text.slice(pos, e.at));
    out.write(textOf(e.text));
    pos = e.at + e.cut;
  }
  out.write(text.slice(pos));
  return out.bytes();
}

/** A growable byte buffer that UTF-8 text is encoded into. */
class Pool {
  buf: Uint8Array;
  at = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 1024));
  }
  write(s: string): void {
    if (this.at + s.length * 3 > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + s.length * 3));
      grown.set(this.buf.subarray(0, this.at));
      this.buf = grown;
    }
    this.at += enc.encodeInto(s, this.buf.subarray(this.at)).written;
  }
}

/**
 * The edits applied to UTF-8 bytes (offsets are byte offsets): the texts of the edits are
 * encoded first, then the output is built at its exact size from the untouched byte ranges and
 * the encoded texts (no other copy of the part).
 */
export function editedUtf8(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  const list = sorted(edits);
  const pool = new Pool(list.length * 64);
  const ends = new Int32Array(list.length);
  let pos = 0;
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (e.at < pos) {
      ends[i] = -1; // overlapping edit (never produced): keep the first
      continue;
    }
    kept += e.at - pos;
    pool.write(textOf(e.text));
    ends[i] = pool.at;
    pos = e.at + e.cut;
  }
  kept += bytes.length - pos;
  const out = new Uint8Array(kept + pool.at);
  let at = 0;
  let from = 0;
  pos = 0;
  for (let i = 0; i < list.length; i++) {
    if (ends[i] < 0) continue;
    const e = list[i];
    out.set(bytes.subarray(pos, e.at), at);
    at += e.at - pos;
    out.set(pool.buf.subarray(from, ends[i]), at);
    at += ends[i] - from;
    from = ends[i];
    pos = e.at + e.cut;
  }
  out.set(bytes.subarray(pos), at);
  return out;
}
