// styles.xml: the number format of each cell style (custom and built-in ids) for reading, and
// appending the few styles a fill needs (number formats, bold, conditional-format colours)
// without touching the existing ones.
import { escapeAttr } from "./xml";
import { parseXml } from "./fast-xml";

/** Built-in number formats (ECMA-376 Part 1, 18.8.30), as Excel reports them. */
export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Number format of each cellXfs index (undefined = General / none). */
export function readNumberFormats(
  bytes: Uint8Array,
  part: string,
  fileName?: string
): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inXfs = 0;
  let depth = 0;
  let xfsDepth = -1;
  parseXml(bytes, part, fileName, {
    open(local, a) {
      depth++;
      if (local === "numFmt" && a.numFmtId !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (local === "cellXfs") {
        inXfs = 1;
        xfsDepth = depth;
      } else if (inXfs && local === "xf" && depth === xfsDepth + 1)
        xfIds.push(Number(a.numFmtId ?? 0));
    },
    close(local) {
      depth--;
      if (local === "cellXfs") inXfs = 0;
    },
  });
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILTIN_NUMFMTS[id]) || undefined : undefined));
}

// ---------------------------------------------------------------------------------------------
// Appending styles
// ---------------------------------------------------------------------------------------------

interface Block {
  /** Offset of the start tag, after its ">", and after the end tag. */
  start: number;
  tagEnd: number;
  end: number;
  selfClosing: boolean;
  /** Raw text of the direct children (xf, font …), in order. */
  children: { start: number; end: number }[];
}

const BLOCKS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
] as const;
type BlockName = (typeof BLOCKS)[number];

/** A new number format, bold or cf colours on top of an existing style sheet. */
export class StyleSheetEditor {
  private readonly text: string;
  private readonly blocks = new Map<BlockName, Block>();
  private rootEnd = -1;
  private rootTagEnd = -1;
  private prefix = "";
  private readonly numFmtIds = new Map<string, number>();
  private readonly numFmtCodes = new Map<number, string>();
  private nextNumFmtId = 164;
  private readonly added: Record<"numFmts" | "fonts" | "cellXfs" | "dxfs", string[]> = {
    numFmts: [],
    fonts: [],
    cellXfs: [],
    dxfs: [],
  };
  private readonly xfCache = new Map<string, number>();
  private boldFont = -1;

  constructor(bytes: Uint8Array | null, part: string, fileName?: string) {
    this.text = bytes
      ? parseXml(bytes, part, fileName, this.collector(), { positions: true })
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        "</styleSheet>";
    if (!bytes) parseXml(this.text, part, fileName, this.collector(), { positions: true });
  }

  private collector() {
    let depth = 0;
    let current: { name: BlockName; block: Block; depth: number } | null = null;
    let child: { start: number; depth: number } | null = null;
    return {
      open: (
        local: string,
        a: Record<string, string>,
        at: { start: number; tagEnd: number; selfClosing: boolean },
        qname?: string
      ) => {
        depth++;
        if (depth === 1) {
          this.rootTagEnd = at.tagEnd;
          const q = qname ?? "";
          this.prefix = q.includes(":") ? q.slice(0, q.indexOf(":") + 1) : "";
          return;
        }
        if (depth === 2 && (BLOCKS as readonly string[]).includes(local)) {
          current = {
            name: local as BlockName,
            depth,
            block: {
              start: at.start,
              tagEnd: at.tagEnd,
              end: at.tagEnd,
              selfClosing: at.selfClosing,
              children: [],
            },
          };
          return;
        }
        if (current && depth === current.depth + 1) child = { start: at.start, depth };
        if (local === "numFmt" && a.numFmtId !== undefined) {
          const id = Number(a.numFmtId);
          if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
          if (a.formatCode !== undefined) {
            this.numFmtCodes.set(id, a.formatCode);
            if (!this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
          }
        }
      },
      close: (local: string, end: number) => {
        if (child && depth === child.depth && current) {
          current.block.children.push({ start: child.start, end });
          child = null;
        }
        if (current && depth === current.depth) {
          current.block.end = end;
          if (!this.blocks.has(current.name)) this.blocks.set(current.name, current.block);
          current = null;
        }
        if (depth === 1) this.rootEnd = end;
        depth--;
      },
    };
  }

  private raw(block: BlockName, i: number): string | null {
    const b = this.blocks.get(block);
    const c = b?.children[i];
    return c ? this.text.slice(c.start, c.end) : null;
  }

  private count(block: "numFmts" | "fonts" | "cellXfs" | "dxfs"): number {
    return (this.blocks.get(block)?.children.length ?? 0) + this.added[block].length;
  }

  /** Id of a number format code (built-in, existing or appended). */
  numFmtId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_NUMFMTS)) if (c === code) return Number(id);
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.added.numFmts.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`
    );
    return id;
  }

  private boldFontId(): number {
    if (this.boldFont >= 0) return this.boldFont;
    const base = this.raw("fonts", 0) ?? `<${this.prefix}font/>`;
    const m = /^<([^\s/>]+)([^>]*?)(\/?)>/.exec(base)!;
    const font = m[3]
      ? `<${m[1]}${m[2]}><${this.prefix}b/></${m[1]}>`
      : base
          .replace(/^<[^>]*>/, (tag) => `${tag}<${this.prefix}b/>`)
          .replace(/<([\w:]*)b\s+val="(0|false)"\s*\/>/, "");
    if (this.count("fonts") === 0) this.added.fonts.push(`<${this.prefix}font/>`);
    this.boldFont = this.count("fonts");
    this.added.fonts.push(font);
    return this.boldFont;
  }

  /** The cellXfs index of style `s` with a number format and/or bold. */
  xf(s: number, change: { numberFormat?: string; bold?: boolean }): number {
    const key = `${s}|${change.numberFormat ?? ""}|${change.bold ? 1 : 0}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    let xf =
      this.raw("cellXfs", s) ??
      this.raw("cellXfs", 0) ??
      `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const current = Number(
      /\snumFmtId\s*=\s*["'](\d+)/.exec(xf.slice(0, xf.indexOf(">")))?.[1] ?? 0
    );
    const code = this.numFmtCodes.get(current) ?? BUILTIN_NUMFMTS[current];
    if (
      change.numberFormat !== undefined &&
      code === change.numberFormat &&
      this.raw("cellXfs", s)
    ) {
      if (!change.bold) {
        this.xfCache.set(key, s);
        return s;
      }
      change = { bold: true };
    }
    if (change.numberFormat !== undefined) {
      xf = setAttr(xf, "numFmtId", String(this.numFmtId(change.numberFormat)));
      xf = setAttr(xf, "applyNumberFormat", "1");
    }
    if (change.bold) {
      xf = setAttr(xf, "fontId", String(this.boldFontId()));
      xf = setAttr(xf, "applyFont", "1");
    }
    // a style sheet without cell styles: index 0 must stay the default style
    if (this.count("cellXfs") === 0)
      this.added.cellXfs.push(
        `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
      );
    const id = this.count("cellXfs");
    this.added.cellXfs.push(xf);
    this.xfCache.set(key, id);
    return id;
  }

  /** A differential format (font colour and solid fill) for a conditional format; its dxfId. */
  dxf(fill: string, font: string): number {
    const p = this.prefix;
    const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();
    this.added.dxfs.push(
      `<${p}dxf><${p}font><${p}color rgb="${argb(font)}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`
    );
    return this.count("dxfs") - 1;
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** The style sheet with the appended styles. */
  toString(): string {
    const edits: { at: number; cut: number; text: string }[] = [];
    const p = this.prefix;
    const append = (name: "numFmts" | "fonts" | "cellXfs" | "dxfs", before: BlockName[]) => {
      const items = this.added[name];
      if (!items.length) return;
      const b = this.blocks.get(name);
      const total = this.count(name);
      if (b) {
        const tag = this.text.slice(b.start, b.tagEnd);
        const open = setAttr(tag.replace(/\/>$/, ">"), "count", String(total));
        if (b.selfClosing)
          edits.push({
            at: b.start,
            cut: b.end - b.start,
            text: `${open}${items.join("")}</${p}${name}>`,
          });
        else {
          edits.push({ at: b.start, cut: b.tagEnd - b.start, text: open });
          const close = this.text.lastIndexOf("</", b.end - 1);
          edits.push({ at: close, cut: 0, text: items.join("") });
        }
        return;
      }
      const next = before.map((n) => this.blocks.get(n)).find((x) => x);
      const at = next ? next.start : this.text.lastIndexOf("</", this.rootEnd - 1);
      edits.push({
        at,
        cut: 0,
        text: `<${p}${name} count="${total}">${items.join("")}</${p}${name}>`,
      });
    };
    append("numFmts", [
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
    ]);
    append("fonts", ["fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]);
    append("cellXfs", ["cellStyles", "dxfs"]);
    append("dxfs", []);
    if (!this.blocks.has("dxfs") && this.added.dxfs.length) {
      // dxfs goes after cellStyles, before tableStyles/colors/extLst
      const last = edits.pop()!;
      const after = this.blocks.get("cellStyles") ?? this.blocks.get("cellXfs");
      const m = /<([\w]+:)?(tableStyles|colors|extLst)\b/.exec(
        this.text.slice(after ? after.end : this.rootTagEnd)
      );
      last.at = m
        ? (after ? after.end : this.rootTagEnd) + m.index
        : this.text.lastIndexOf("</", this.rootEnd - 1);
      edits.push(last);
    }
    edits.sort((x, y) => x.at - y.at);
    let out = "";
    let pos = 0;
    for (const e of edits) {
      out += this.text.slice(pos, e.at) + e.text;
      pos = e.at + e.cut;
    }
    return out + this.text.slice(pos);
  }
}

/** Sets (or adds) an attribute on the start tag at the beginning of `xml`. */
export function setAttr(xml: string, name: string, value: string): string {
  const tagEnd = xml.indexOf(">");
  const tag = xml.slice(0, tagEnd + 1);
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const next = re.test(tag)
    ? tag.replace(re, `$1"${value}"`)
    : tag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${value}"`);
  return next + xml.slice(tagEnd + 1);
}
