// XML parts: decoding (UTF-8, UTF-16 with or without BOM, 8-bit encodings from the declaration),
// a thin streaming layer over saxes that reports local names (any namespace prefix, strict or
// transitional), takes the first branch of mc:AlternateContent, refuses DTDs (no entity is ever
// expanded) and, on request, gives the string offsets of elements for patching.
import { SaxesParser } from "saxes";
import { WorkbookError, corrupt } from "./errors";

export interface Encoding {
  label: string;
  bom: number;
}

/** The encoding of an XML part from its first bytes. */
export function sniffEncoding(b: Uint8Array): Encoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: "utf-8", bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: "utf-16le", bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: "utf-16be", bom: 2 };
  if (b[0] === 0x3c && b[1] === 0x00) return { label: "utf-16le", bom: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c) return { label: "utf-16be", bom: 0 };
  let head = "";
  for (let i = 0; i < Math.min(b.length, 120); i++) head += String.fromCharCode(b[i]);
  const m = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  const label = m ? m[1].toLowerCase() : "utf-8";
  if (/^utf-?16/.test(label) || !supported(label)) return { label: "utf-8", bom: 0 };
  return { label, bom: 0 };
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a whole part to a string (without BOM). */
export function decodeXml(b: Uint8Array): string {
  const enc = sniffEncoding(b);
  return new TextDecoder(enc.label).decode(b.subarray(enc.bom));
}

/** Decodes a part chunk by chunk (the encoding is sniffed on the first bytes). */
export class XmlDecoder {
  private decoder: TextDecoder | null = null;
  private head: Uint8Array | null = null;

  push(chunk: Uint8Array): string {
    if (!this.decoder) {
      const all = this.head ? concat(this.head, chunk) : chunk;
      if (all.length < 4) {
        this.head = all;
        return "";
      }
      this.head = null;
      const enc = sniffEncoding(all);
      this.decoder = new TextDecoder(enc.label);
      return this.decoder.decode(all.subarray(enc.bom), { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (!this.decoder) {
      const rest = this.head ?? new Uint8Array(0);
      this.head = null;
      return rest.length ? decodeXml(rest) : "";
    }
    return this.decoder.decode();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  /** An element opens: its local name and attributes (as written, prefixes kept). */
  open?(local: string, attrs: Attrs, at: Span, qname: string): void;
  /** The element closes; `end` is the offset after its last character. */
  close?(local: string, end: number): void;
  /** Character data (text or CDATA) of the current element. */
  text?(t: string): void;
}

/** Offsets (string indices) of a start tag; only with `positions`. */
export interface Span {
  /** Offset of "<". */
  start: number;
  /** Offset after the start tag's ">" (after "/>" for an empty element). */
  tagEnd: number;
  selfClosing: boolean;
}

const NO_SPAN: Span = { start: -1, tagEnd: -1, selfClosing: false };

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The value of an attribute whatever its prefix ("r:id", "x:id" … for local "id"), or undefined. */
export function prefixedAttr(attrs: Attrs, local: string): string | undefined {
  for (const k in attrs) if (k === local || k.endsWith(":" + local)) return attrs[k];
  return undefined;
}

export interface XmlStream {
  write(text: string): void;
  close(): void;
}

/** The events of a parser before mc:AlternateContent is filtered (element names as written). */
export interface RawEvents {
  open(qname: string, attrs: Attrs, span: Span): void;
  close(qname: string, end: number): void;
  text(t: string): void;
}

/**
 * Reports a parser's events to `h` with local names. Elements inside the second and later
 * branches of an mc:AlternateContent (and the mc: wrappers themselves) are not reported, unless
 * `raw` (every element as written).
 */
export function branches(h: XmlHandlers, raw: boolean): RawEvents {
  let depth = 0;
  let skipBelow = -1; // depth at which a skipped subtree started
  const ac: { depth: number; taken: boolean }[] = [];
  return {
    open(qname, attrs, span) {
      depth++;
      if (skipBelow >= 0) return;
      const local = localName(qname);
      if (local === "AlternateContent" && !raw) {
        ac.push({ depth, taken: false });
        return;
      }
      const top = ac[ac.length - 1];
      if (top && top.depth === depth - 1 && (local === "Choice" || local === "Fallback")) {
        if (top.taken) skipBelow = depth;
        top.taken = true;
        return;
      }
      if (h.open) h.open(local, attrs, span, qname);
    },
    close(qname, end) {
      const d = depth--;
      if (skipBelow >= 0) {
        if (d === skipBelow) skipBelow = -1;
        return;
      }
      const local = localName(qname);
      const top = ac[ac.length - 1];
      if (top && top.depth === d && local === "AlternateContent") {
        ac.pop();
        return;
      }
      if (top && top.depth === d - 1 && (local === "Choice" || local === "Fallback")) return;
      if (h.close) h.close(local, end);
    },
    text(t) {
      if (skipBelow < 0 && h.text) h.text(t);
    },
  };
}

/** A streaming parse of one part (saxes), reported through `branches`. */
export function xmlStream(
  part: string,
  fileName: string | undefined,
  h: XmlHandlers,
  options: { positions?: boolean; raw?: boolean } = {}
): XmlStream {
  const positions = options.positions === true;
  const p = new SaxesParser({ xmlns: false, position: positions });
  const ev = branches(h, options.raw === true);
  let tagStart = -1;
  const fail = (msg: string): never => {
    throw corrupt(fileName, `XML bagian ${part} tidak valid (${msg})`);
  };
  // Tolerated as LibreOffice does: stray text before or after the root element.
  p.on("error", (e) => {
    if (!/text data outside of root node/.test(e.message)) fail(e.message);
  });
  // A DTD is never processed: every entity it declares reads as empty text (no expansion, no
  // external fetch), so an entity bomb costs nothing.
  p.on("doctype", (dtd) => {
    const declared: Record<string, string> = {};
    for (const m of dtd.matchAll(/<!ENTITY\s+(?:%\s+)?([^\s"'>%]+)/g)) declared[m[1]] = "";
    p.ENTITIES = Object.assign(Object.create(p.ENTITIES), declared);
  });
  if (positions)
    p.on("opentagstart", (t) => {
      tagStart = p.position - t.name.length - 2;
    });
  p.on("opentag", (t) =>
    ev.open(
      t.name,
      t.attributes as Attrs,
      positions ? { start: tagStart, tagEnd: p.position, selfClosing: t.isSelfClosing } : NO_SPAN
    )
  );
  p.on("closetag", (t) => ev.close(t.name, positions ? p.position : -1));
  if (h.text) {
    p.on("text", ev.text);
    p.on("cdata", ev.text);
  }
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      fail((e as Error).message);
    }
  };
  return {
    write: (s: string) => guard(() => p.write(s)),
    close: () => guard(() => p.close()),
  };
}

const TEXT_SPECIAL = /[&<>]/;

export function escapeText(s: string): string {
  // three plain replaces beat one with a callback (measured on the formulas of a fill)
  return TEXT_SPECIAL.test(s)
    ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    : s;
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === "&"
      ? "&amp;"
      : c === "<"
        ? "&lt;"
        : c === ">"
          ? "&gt;"
          : c === '"'
            ? "&quot;"
            : `&#${c.charCodeAt(0)};`
  );
}

/** Text that XML 1.0 cannot carry (control characters) written as Excel's _xHHHH_ escapes. */
export function excelEscape(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

/** Excel's _xHHHH_ escapes in text (ST_Xstring) back to characters. */
export function excelUnescape(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** Character and predefined entity references decoded. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
    e === "lt"
      ? "<"
      : e === "gt"
        ? ">"
        : e === "amp"
          ? "&"
          : e === "quot"
            ? '"'
            : e === "apos"
              ? "'"
              : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
  );
}
