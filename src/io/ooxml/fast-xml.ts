// A fast scanner for the plain XML that spreadsheet applications write into their parts:
// elements, attributes, text and the five predefined and numeric character references, scanned
// with indexOf instead of saxes' character-by-character state machine (measured ~10× faster on
// a 20,000-row E.81), a worksheet's plain cells taken whole. It reports exactly what saxes would
// (offsets included, on request), and gives up (returns false) on anything else — a DOCTYPE,
// comment, CDATA section, processing instruction, control character or surrogate, an odd name,
// an attribute value that saxes would normalise, any malformation — so the caller then lets
// saxes parse the part, with its checks and its messages. It never decides that a part is
// broken. parseXml: the fast scanner when it takes a part, else saxes.
import {
  branches,
  decodeXml,
  localName,
  xmlStream,
  type Attrs,
  type Span,
  type XmlHandlers,
} from "./xml";

const DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

const NO_SPAN: Span = { start: -1, tagEnd: -1, selfClosing: false };

/** Thrown inside the scanner to give up; never leaves fastXml. */
const GIVE_UP = new Error("left to saxes");

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** ASCII name characters only (a name with others goes to saxes). */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** End of the name starting at `i` (i itself when there is none). */
function nameEnd(text: string, i: number): number {
  if (!isNameStart(text.charCodeAt(i))) return i;
  let j = i + 1;
  while (isNameChar(text.charCodeAt(j))) j++;
  return j;
}

/** A character XML 1.0 allows (for numeric references). */
function isXmlChar(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

const AMP = 1;
const CR = 2;
const BRACKET = 4;

/**
 * Checks the raw characters of text or of an attribute value: a C0 control other than tab,
 * newline and carriage return, a surrogate or U+FFFE/U+FFFF is left to saxes (and in an
 * attribute value also "<" and the tab, newline and carriage return saxes normalises). Returns
 * which of "&", carriage return and "]" occur.
 */
function checkChars(src: string, from: number, to: number, attribute: boolean): number {
  let seen = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 32) {
      if (attribute || (c !== 9 && c !== 10 && c !== 13)) throw GIVE_UP;
      if (c === 13) seen |= CR;
    } else if (c === 38) seen |= AMP;
    else if (c === 93) seen |= BRACKET;
    else if (c === 60 ? attribute : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) throw GIVE_UP;
  }
  return seen;
}

/** Character data as saxes reports it: line ends as "\n", references decoded. */
function charData(src: string, from: number, to: number): string {
  const seen = checkChars(src, from, to, false);
  let s = src.slice(from, to);
  if (seen & BRACKET && s.includes("]]>")) throw GIVE_UP;
  if (seen & CR) s = s.replace(/\r\n?/g, "\n");
  return seen & AMP ? decode(s) : s;
}

/** Text with its references decoded; gives up on an unknown or malformed one. */
function decode(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) throw GIVE_UP;
    const ref = s.slice(amp + 1, semi);
    let ch: string;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw GIVE_UP;
      const code = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(code)) throw GIVE_UP;
      ch = String.fromCodePoint(code);
    } else {
      const named = Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref] : undefined;
      if (named === undefined) throw GIVE_UP;
      ch = named;
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

/** Only spaces, tabs and newlines between `from` and `to`. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

const NO_ATTRS: Attrs = Object.freeze({}) as Attrs;

/** The attributes of the start tag being reported, read by name (valid during the call only). */
export interface TagAttrs {
  get(name: string): string | undefined;
}

/**
 * Handlers that read a tag's attributes by name: the scanner then builds no attribute object
 * per element (measured: the objects were a third of the scan of a worksheet).
 */
export interface LazyHandlers extends XmlHandlers {
  /** `at`: where the tag is (valid during the call only); close() gets the element's end. */
  openTag(local: string, attrs: TagAttrs, at: Span): void;
}

/**
 * A worksheet's plain <c> as the scanner read it (one instance, reused): an unprefixed <c>
 * whose only attributes are r, s and t (without references), and whose content is nothing, or
 * an optional <f> (any attributes, text only) followed by an optional <v> (text only), with
 * nothing in between.
 */
export class PlainCell {
  src = "";
  /** Offsets of the element: its "<" and after its end. */
  start = 0;
  end = 0;
  /** Offsets [from, to) of the values of r, s and t in `src`; from < 0 when absent. */
  rFrom = -1;
  rTo = -1;
  sFrom = -1;
  sTo = -1;
  tFrom = -1;
  tTo = -1;
  hasV = false;
  /** The text of the <v>: at [vFrom, vTo) of `src`, or vText when it had to be decoded. */
  vFrom = 0;
  vTo = 0;
  vText: string | null = null;
  /** The <f>'s attributes (valid during the call only) and text; null without an <f>. */
  f: TagAttrs | null = null;
  fText = "";
  /** The text of the <v> ("" without one). */
  v(): string {
    if (!this.hasV) return "";
    return this.vText ?? this.src.slice(this.vFrom, this.vTo);
  }
}

/**
 * Lazy handlers that also take a worksheet's plain cells (see PlainCell) whole. `cell` must do
 * exactly what the events of that element would (open c, open f, its text, close f, open v, its
 * text, close v, close c; empty text is no text event). Any other <c> comes event by event.
 */
export interface CellHandlers extends LazyHandlers {
  /** Whether a <c> opening now may be reported whole. */
  acceptsCell(): boolean;
  cell(c: PlainCell): void;
}

/** An element or attribute name as written and its local part (one instance per name). */
interface Name {
  qname: string;
  local: string;
}

/** Where the scanner reports an element (one of three kinds, picked once per part). */
interface Sink {
  open(name: Name, attrs: Attrs, tag: TagAttrs, span: Span): void;
  close(name: Name, end: number): void;
  text(t: string): void;
}

/** Through the mc:AlternateContent filter (unless `raw`), with attribute objects. */
function branchSink(h: XmlHandlers, raw: boolean): Sink {
  const ev = branches(h, raw);
  return {
    open: (n, attrs, _tag, span) => ev.open(n.qname, attrs, span),
    close: (n, end) => ev.close(n.qname, end),
    text: ev.text,
  };
}

/** Straight to handlers that read attributes by name. */
class LazySink implements Sink {
  constructor(private readonly h: LazyHandlers) {}
  open(n: Name, _attrs: Attrs, tag: TagAttrs, span: Span): void {
    this.h.openTag(n.local, tag, span);
  }
  close(n: Name, end: number): void {
    this.h.close?.(n.local, end);
  }
  text(t: string): void {
    this.h.text?.(t);
  }
}

/** Straight to plain handlers (without mc:AlternateContent the filter passes everything). */
class PlainSink implements Sink {
  constructor(private readonly h: XmlHandlers) {}
  open(n: Name, attrs: Attrs, _tag: TagAttrs, span: Span): void {
    this.h.open?.(n.local, attrs, span, n.qname);
  }
  close(n: Name, end: number): void {
    this.h.close?.(n.local, end);
  }
  text(t: string): void {
    this.h.text?.(t);
  }
}

/** The scan of one part (see the module header). */
class Scanner implements TagAttrs {
  /** Names seen, by a hash of length and end characters: a sheet has a few dozen. */
  private readonly names: (Name | undefined)[] = new Array(1024);
  private readonly sink: Sink;
  /** After startTag: where the tag ends and whether it closed itself. */
  private next = 0;
  private selfClosing = false;
  /** The current tag's attributes for a LazyHandlers: name, where the value is (sliced when
   * asked for), or its decoded text when it holds references. */
  private readonly lazy: boolean;
  private readonly attrNames: string[] = [];
  private readonly attrFrom: number[] = [];
  private readonly attrTo: number[] = [];
  private readonly attrDecoded: (string | null)[] = [];
  private attrCount = 0;
  /** The handlers, when they take plain cells whole (see CellHandlers). */
  private readonly cells: CellHandlers | null;
  private readonly plain = new PlainCell();
  /** Offsets are reported (as saxes with `position`): spans of start tags, ends of elements. */
  private readonly positions: boolean;
  private readonly tagSpan: Span = { start: -1, tagEnd: -1, selfClosing: false };
  constructor(
    private readonly src: string,
    h: XmlHandlers,
    options: ParseOptions
  ) {
    const branching = !options.raw && src.indexOf("AlternateContent") >= 0;
    this.positions = options.positions === true;
    this.lazy = !branching && !this.positions && "openTag" in h;
    this.cells = this.lazy && "cell" in h ? (h as CellHandlers) : null;
    this.plain.src = src;
    this.sink = branching
      ? branchSink(h, false)
      : this.lazy
        ? new LazySink(h as LazyHandlers)
        : new PlainSink(h);
  }

  /** The name at [start, end), the same instance for the same name (no copy per tag). */
  private name(start: number, end: number): Name {
    const src = this.src;
    const len = end - start;
    const key = (len * 31 + src.charCodeAt(start) * 7 + src.charCodeAt(end - 1)) & 1023;
    const known = this.names[key];
    if (known !== undefined && known.qname.length === len && src.startsWith(known.qname, start))
      return known;
    const qname = src.slice(start, end);
    const name = { qname, local: localName(qname) };
    this.names[key] = name;
    return name;
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++)
      if (this.attrNames[i] === name)
        return this.attrDecoded[i] ?? this.src.slice(this.attrFrom[i], this.attrTo[i]);
    return undefined;
  }

  /** Records an attribute of the current tag (for a LazyHandlers); false for a repeated name. */
  private record(name: string, from: number, to: number, decoded: string | null): boolean {
    for (let i = 0; i < this.attrCount; i++) if (this.attrNames[i] === name) return false;
    const n = this.attrCount++;
    this.attrNames[n] = name;
    this.attrFrom[n] = from;
    this.attrTo[n] = to;
    this.attrDecoded[n] = decoded;
    return true;
  }

  /** The start tag at `lt`, reported; sets next and selfClosing. */
  private startTag(lt: number): Name {
    const end = nameEnd(this.src, lt + 1);
    if (end === lt + 1) throw GIVE_UP;
    const tag = this.name(lt + 1, end);
    this.attrCount = 0;
    const attrs = this.attributes(end);
    let span = NO_SPAN;
    if (this.positions) span = { start: lt, tagEnd: this.next, selfClosing: this.selfClosing };
    else if (this.lazy) {
      // one span, reused: lazy handlers read it during the call
      span = this.tagSpan;
      span.start = lt;
      span.tagEnd = this.next;
      span.selfClosing = this.selfClosing;
    }
    this.sink.open(tag, attrs, this, span);
    return tag;
  }

  /** The tag ends at `k` (">" or "/>"): sets next and selfClosing; a stray "/" gives up. */
  private endsTag(k: number): boolean {
    const c = this.src.charCodeAt(k);
    if (c !== 62 /* > */ && c !== 47 /* / */) return false;
    if (c === 47 && this.src.charCodeAt(k + 1) !== 62) throw GIVE_UP;
    this.selfClosing = c === 47;
    this.next = c === 47 ? k + 2 : k + 1;
    return true;
  }

  /**
   * The attributes of a start tag from `j` (after its name) to its end: recorded for a
   * LazyHandlers, else returned as an object. Sets next and selfClosing.
   */
  private attributes(j: number): Attrs {
    const src = this.src;
    let attrs = NO_ATTRS;
    for (;;) {
      let k = j;
      while (isSpace(src.charCodeAt(k))) k++;
      if (this.endsTag(k)) return attrs;
      // an attribute, after at least one space
      const ne = nameEnd(src, k);
      if (k === j || ne === k) throw GIVE_UP;
      const name = this.name(k, ne).qname;
      k = ne;
      while (isSpace(src.charCodeAt(k))) k++;
      if (src.charCodeAt(k) !== 61 /* = */) throw GIVE_UP;
      k++;
      while (isSpace(src.charCodeAt(k))) k++;
      const q = src.charCodeAt(k);
      if (q !== 34 && q !== 39) throw GIVE_UP;
      const close = src.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0 || name === "__proto__") throw GIVE_UP;
      const amp = checkChars(src, k + 1, close, true) & AMP;
      const decoded = amp ? decode(src.slice(k + 1, close)) : null;
      if (this.lazy) {
        if (!this.record(name, k + 1, close, decoded)) throw GIVE_UP;
      } else {
        if (attrs === NO_ATTRS) attrs = {};
        if (Object.prototype.hasOwnProperty.call(attrs, name)) throw GIVE_UP;
        attrs[name] = decoded ?? src.slice(k + 1, close);
      }
      j = close + 1;
    }
  }

  /**
   * The text from `from` up to the next "<", which must start `close`, into the cell's <v>
   * (`intoV`) or <f>; the offset after `close`, or -1.
   */
  private onlyText(from: number, close: string, intoV: boolean): number {
    const src = this.src;
    const lt = src.indexOf("<", from);
    if (lt < 0 || !src.startsWith(close, lt)) return -1;
    const pc = this.plain;
    if (!intoV) pc.fText = lt > from ? charData(src, from, lt) : "";
    else {
      pc.hasV = true;
      pc.vFrom = from;
      pc.vTo = lt;
      pc.vText = null;
      for (let i = from; i < lt; i++) {
        const c = src.charCodeAt(i);
        if (c < 32 || c === 38 || c === 93 || c >= 0xd800) {
          pc.vText = charData(src, from, lt);
          break;
        }
      }
    }
    return lt + close.length;
  }

  /**
   * The attributes of a plain cell's start tag from `j` (after "<c"): r, s and t into the cell;
   * false for any other attribute, a repeated one or a reference (the tag-by-tag scan then
   * decides). Sets next and selfClosing.
   */
  private cellAttributes(j: number): boolean {
    const src = this.src;
    const pc = this.plain;
    pc.rFrom = pc.sFrom = pc.tFrom = -1;
    for (;;) {
      let k = j;
      while (isSpace(src.charCodeAt(k))) k++;
      if (this.endsTag(k)) return true;
      const name = src.charCodeAt(k);
      if (k === j || isNameChar(src.charCodeAt(k + 1))) return false;
      k++;
      while (isSpace(src.charCodeAt(k))) k++;
      if (src.charCodeAt(k) !== 61 /* = */) return false;
      k++;
      while (isSpace(src.charCodeAt(k))) k++;
      const q = src.charCodeAt(k);
      if (q !== 34 && q !== 39) return false;
      const close = src.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0 || checkChars(src, k + 1, close, true) & AMP) return false;
      if (name === 114 /* r */ && pc.rFrom < 0) {
        pc.rFrom = k + 1;
        pc.rTo = close;
      } else if (name === 115 /* s */ && pc.sFrom < 0) {
        pc.sFrom = k + 1;
        pc.sTo = close;
      } else if (name === 116 /* t */ && pc.tFrom < 0) {
        pc.tFrom = k + 1;
        pc.tTo = close;
      } else return false;
      j = close + 1;
    }
  }

  /**
   * A plain cell at `lt` (see PlainCell) reported whole; the offset after it, or -1 when it is
   * not one (nothing reported then: the caller scans it tag by tag). What it checks and gives up
   * on is what the tag-by-tag scan checks on the same characters.
   */
  private wholeCell(lt: number): number {
    const src = this.src;
    const h = this.cells!;
    const after = src.charCodeAt(lt + 2);
    if (!(isSpace(after) || after === 62 || after === 47) || !h.acceptsCell()) return -1;
    if (!this.cellAttributes(lt + 2)) return -1;
    const pc = this.plain;
    pc.f = null;
    pc.fText = "";
    pc.hasV = false;
    let p = this.next;
    if (!this.selfClosing) {
      if (src.startsWith("<f", p) && !isNameChar(src.charCodeAt(p + 2))) {
        this.attrCount = 0;
        this.attributes(p + 2);
        pc.f = this;
        p = this.selfClosing ? this.next : this.onlyText(this.next, "</f>", false);
        if (p < 0) return -1;
      }
      if (src.startsWith("<v>", p)) {
        p = this.onlyText(p + 3, "</v>", true);
        if (p < 0) return -1;
      }
      if (!src.startsWith("</c>", p)) return -1;
      p += 4;
    }
    pc.start = lt;
    pc.end = p;
    h.cell(pc);
    return p;
  }

  /** The end tag at `lt`, which must close `open`; returns the offset after it. */
  private endTag(lt: number, open: Name | undefined): number {
    const src = this.src;
    const gt = src.indexOf(">", lt + 2);
    if (gt < 0 || open === undefined) throw GIVE_UP;
    let e = gt;
    while (e > lt + 2 && isSpace(src.charCodeAt(e - 1))) e--;
    if (e - (lt + 2) !== open.qname.length || !src.startsWith(open.qname, lt + 2)) throw GIVE_UP;
    this.sink.close(open, this.positions || this.lazy ? gt + 1 : -1);
    return gt + 1;
  }

  run(): void {
    const src = this.src;
    let i = 0;
    if (src.startsWith("<?")) {
      const m = DECLARATION.exec(src);
      if (!m) throw GIVE_UP;
      i = m[0].length;
    }
    const stack: Name[] = [];
    let roots = 0;
    for (;;) {
      const lt = src.indexOf("<", i);
      const stop = lt < 0 ? src.length : lt;
      if (stop > i) {
        // saxes reports the spaces around the root as text too
        if (!stack.length && !blank(src, i, stop)) throw GIVE_UP;
        this.sink.text(charData(src, i, stop));
      }
      if (lt < 0) break;
      const c = src.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        i = this.endTag(lt, stack.pop());
        continue;
      }
      if (c === 99 /* c */ && this.cells && stack.length) {
        const after = this.wholeCell(lt);
        if (after >= 0) {
          i = after;
          continue;
        }
      }
      if (c === 63 /* ? */ || (!stack.length && roots++ > 0)) throw GIVE_UP;
      const tag = this.startTag(lt);
      if (this.selfClosing) this.sink.close(tag, this.positions || this.lazy ? this.next : -1);
      else stack.push(tag);
      i = this.next;
    }
    if (stack.length || roots !== 1) throw GIVE_UP;
  }
}

export interface ParseOptions {
  /** Offsets of the elements (see Span), for patching. */
  positions?: boolean;
  /** Every element as written: no mc:AlternateContent branch left out. */
  raw?: boolean;
}

/**
 * Parses a whole part with the fast scanner. False when it gave up (the handlers may have seen
 * part of the events then: start again with fresh ones and saxes).
 */
export function fastXml(text: string, h: XmlHandlers, options: ParseOptions = {}): boolean {
  try {
    new Scanner(text, h, options).run();
    return true;
  } catch (e) {
    if (e === GIVE_UP) return false;
    throw e;
  }
}

/** Parts up to this size are tried with the fast scanner first (dry run included). */
const FAST_PARSE_CHARS = 4 * 1024 * 1024;
const NO_HANDLERS: XmlHandlers = {};

/**
 * Parses a whole part given as bytes or text, reporting what saxes would: through the fast
 * scanner when it takes the part (a dry run without handlers first — its decision depends on
 * the text alone — so that the handlers never see a part half), else saxes. Returns the text.
 */
export function parseXml(
  bytes: Uint8Array | string,
  part: string,
  fileName: string | undefined,
  h: XmlHandlers,
  options: ParseOptions = {}
): string {
  const text = typeof bytes === "string" ? bytes : decodeXml(bytes);
  if (text.length <= FAST_PARSE_CHARS && fastXml(text, NO_HANDLERS, options)) {
    fastXml(text, h, options);
    return text;
  }
  const s = xmlStream(part, fileName, h, options);
  s.write(text);
  s.close();
  return text;
}
