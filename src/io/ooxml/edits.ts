// Text edits of an XML part, applied in offset order: to a string (small parts), or to the UTF-8
// bytes of a worksheet, written out piece by piece, where an edit's text may be produced only
// when it is written — 160,000 cells of a 20,000-row E.81 then never exist as strings all at
// once (measured: the joined text, the edit strings and their encoding were ~100 MB of a 350 MB
// peak).

/** A text produced when the output is written (straight into it with writeTo). */
export interface LazyText {
  produce(): string;
  writeTo?(out: ByteWriter): void;
}

export interface Edit {
  at: number;
  cut: number;
  text: string | LazyText;
}

const textOf = (t: string | LazyText) => (typeof t === "string" ? t : t.produce());

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

/** Where edited bytes go: untouched ranges of the part, and the texts of the edits. */
export interface ByteWriter {
  /** The bytes [from, to) of `b`. */
  bytes(b: Uint8Array, from: number, to: number): void;
  text(s: string): void;
  /** A text of ASCII characters only. */
  ascii(s: string): void;
  /** A number as String() writes it. */
  number(v: number): void;
  /** Element text, "&", "<" and ">" escaped. */
  escaped(s: string): void;
}

/** The edits applied to UTF-8 bytes (offsets are byte offsets), written to `out` in order. */
export function writeEdited(bytes: Uint8Array, edits: Edit[], out: ByteWriter): void {
  let pos = 0;
  for (const e of sorted(edits)) {
    if (e.at < pos) continue; // overlapping edit (never produced): keep the first
    if (e.at > pos) out.bytes(bytes, pos, e.at);
    const t = e.text;
    if (typeof t === "string") out.text(t);
    else if (t.writeTo) t.writeTo(out);
    else out.text(t.produce());
    pos = e.at + e.cut;
  }
  out.bytes(bytes, pos, bytes.length);
}
