// XML as UTF-8 bytes, for patching a worksheet without decoding it: its markup is ASCII, so tags,
// names and attribute values are found on the bytes themselves (offsets are byte offsets), and
// only what is read for its meaning is decoded. Pure (no Node built-ins).
import { decodeEntities } from "./xml";

const utf8 = new TextDecoder("utf-8");

/** The text of bytes [from, to) (UTF-8). */
export function textOf(b: Uint8Array, from: number, to: number): string {
  return utf8.decode(b.subarray(from, to));
}

/**
 * The first offset ≥ `from` of the byte `c`, or -1: a loop, faster than indexOf between the
 * tags of a sheet, a few bytes apart (measured: the call costs more than the search).
 */
export function next(b: Uint8Array, c: number, from: number, to = b.length): number {
  for (let i = from; i < to; i++) if (b[i] === c) return i;
  return -1;
}

/** The ASCII string `s` is at `at`. */
export function startsWith(b: Uint8Array, s: string, at: number): boolean {
  if (at < 0 || at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * The first offset ≥ `from` where the ASCII string `s` is, or -1; found through its character
 * at `anchor`, best one that is rare in the text.
 */
export function indexOf(b: Uint8Array, s: string, from = 0, anchor = 0): number {
  const c = s.charCodeAt(anchor);
  for (let i = b.indexOf(c, from + anchor); i >= 0; i = b.indexOf(c, i + 1))
    if (startsWith(b, s, i - anchor)) return i - anchor;
  return -1;
}

/** The last "</" that starts before `before`, or -1. */
export function lastEndTag(b: Uint8Array, before: number): number {
  for (let i = b.lastIndexOf(60, before - 1); i >= 0; i = b.lastIndexOf(60, i - 1))
    if (b[i + 1] === 47) return i;
  return -1;
}

/** Where attrSpan found a value: [from, to) of its bytes, as written. */
export const span = { from: 0, to: 0 };

/** The value of an attribute of the start tag at [start, end) into `span`; false without one. */
export function attrSpan(b: Uint8Array, start: number, end: number, name: string): boolean {
  const first = name.charCodeAt(0);
  for (let k = next(b, first, start, end); k >= 0; k = next(b, first, k + 1, end)) {
    if (!startsWith(b, name, k)) continue;
    const before = b[k - 1];
    if (!(before === 32 || before === 9 || before === 10 || before === 13)) continue;
    let j = k + name.length;
    while (b[j] === 32) j++;
    if (b[j] !== 61 /* = */) continue;
    j++;
    while (b[j] === 32) j++;
    const q = b[j];
    if (q !== 34 && q !== 39) continue;
    const close = next(b, q, j + 1);
    span.from = j + 1;
    span.to = close < 0 ? b.length : close;
    return true;
  }
  return false;
}

/** One attribute (decoded) of the start tag at [start, end), or undefined. */
export function attrIn(
  b: Uint8Array,
  start: number,
  end: number,
  name: string
): string | undefined {
  return attrSpan(b, start, end, name) ? valueText(b, span.from, span.to) : undefined;
}

/** An attribute value's text: references decoded; a short ASCII one without a decoder. */
export function valueText(b: Uint8Array, from: number, to: number): string {
  if (to - from > 16) return decodeEntities(textOf(b, from, to));
  let s = "";
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c > 127 || c === 38) return decodeEntities(textOf(b, from, to));
    s += String.fromCharCode(c);
  }
  return s;
}

/**
 * The offset after the end tag of the element whose start tag is at [start, tagEnd) and whose
 * name ends at `nameEnd`: the first end tag of its name, exactly "</name>"; 0 when an element of
 * the same name opens before it (never in a valid sheet) or there is none.
 */
export function endOf(b: Uint8Array, start: number, nameEnd: number, tagEnd: number): number {
  const len = nameEnd - start - 1;
  for (let i = next(b, 60, tagEnd); i >= 0; i = next(b, 60, i + 1)) {
    const close = b[i + 1] === 47;
    const at = close ? i + 2 : i + 1;
    let same = true;
    for (let k = 0; k < len && same; k++) same = b[at + k] === b[start + 1 + k];
    if (!same) continue;
    const next = b[at + len];
    if (close) {
      if (next === 62) return at + len + 1;
      if (!isNameByte(next)) return 0; // "</name >": scanned tag by tag
      continue;
    }
    // the same name opening again (a longer name is another element)
    if (!isNameByte(next)) return 0;
  }
  return 0;
}

/** A byte of an XML name (any byte of a non-ASCII character counts). */
function isNameByte(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 58 ||
    c === 45 ||
    c === 46 ||
    c > 127
  );
}

/** The offset after the name of the element whose tag starts at `lt`. */
export function nameEndAt(b: Uint8Array, lt: number): number {
  let k = lt + 1;
  for (; k < b.length; k++) {
    const ch = b[k];
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
  }
  return k;
}

/** The offset where the local part of the name of the element at `lt` starts (after a prefix). */
export function localAt(b: Uint8Array, lt: number, nameEnd: number): number {
  for (let k = lt + 1; k < nameEnd; k++) if (b[k] === 58) return k + 1;
  return lt + 1;
}

/** The offset after the start tag at `lt` (quoted attribute values honoured), or -1. */
export function tagEndAt(b: Uint8Array, lt: number): number {
  let quote = 0;
  for (let j = lt + 1; j < b.length; j++) {
    const ch = b[j];
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return j + 1;
  }
  return -1;
}

/** What scanTags reports: offsets only, no strings. */
export interface TagHandlers {
  /**
   * A start tag at [start, tagEnd) whose name is at [start + 1, nameEnd) and its local part at
   * [local, nameEnd). Returns 0 to go on with the element's content, or the offset after the
   * element when the handler skips it (it then reported the element's end itself).
   */
  openTag(
    start: number,
    local: number,
    nameEnd: number,
    tagEnd: number,
    selfClosing: boolean
  ): number;
  /** An end tag at [start, end) (for an empty element: start = end = after "/>"). */
  closeTag(start: number, end: number): void;
}

/**
 * The tags of an XML text (already parsed, and so checked, by saxes on reading), reported by
 * their offsets: comments, CDATA, PIs and the DOCTYPE skipped, quoted attribute values honoured,
 * no entity interpreted.
 */
export function scanTags(b: Uint8Array, h: TagHandlers): void {
  const n = b.length;
  let i = next(b, 60, 0);
  while (i >= 0 && i < n) {
    const c = b[i + 1];
    if (c === 33 /* ! */ || c === 63 /* ? */) i = afterMarkup(b, i);
    else if (c === 47 /* / */) {
      const end = next(b, 62, i);
      if (end < 0) throw new Error("unterminated end tag");
      h.closeTag(i, end + 1);
      i = end + 1;
    } else {
      let k = i + 1;
      let local = k;
      for (; k < n; k++) {
        const ch = b[k];
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
        if (ch === 58 /* : */ && local === i + 1) local = k + 1;
      }
      let j = k;
      let quote = 0;
      for (; j < n; j++) {
        const ch = b[j];
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (j >= n) throw new Error("unterminated start tag");
      const selfClosing = b[j - 1] === 47;
      const skipTo = h.openTag(i, local, k, j + 1, selfClosing);
      if (skipTo > 0) i = skipTo;
      else {
        if (selfClosing) h.closeTag(j + 1, j + 1);
        i = j + 1;
      }
    }
    i = next(b, 60, i);
  }
}

/** The offset after a comment, CDATA section, processing instruction or DOCTYPE at `i`. */
function afterMarkup(b: Uint8Array, i: number): number {
  if (b[i + 1] === 63) return after(b, "?>", i + 2);
  if (startsWith(b, "<!--", i)) return after(b, "-->", i + 4);
  if (startsWith(b, "<![CDATA[", i)) return after(b, "]]>", i + 9);
  // a DOCTYPE, with or without an internal subset
  const close = b.indexOf(62, i);
  const bracket = b.indexOf(91, i);
  return bracket >= 0 && bracket < close ? after(b, ">", after(b, "]", bracket)) : close + 1;
}

function after(b: Uint8Array, needle: string, from: number): number {
  const k = indexOf(b, needle, from);
  if (k < 0) throw new Error(`missing ${needle}`);
  return k + needle.length;
}
