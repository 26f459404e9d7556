// Reading kodefikasi codes as planners type them (DOMAIN §6): one cell or 1–6 adjacent cells,
// dots or spaces, lost leading zeros, 2-digit sub-kegiatan, zero-padded level digit, the name
// in the same cell, X.XX placeholders. Output is the normalised U.BB.PP.K.KK.SSSS form.
import type { CellValue } from "../model/grid";
import { memo } from "./memo";

export type CodeLevel = "urusan" | "bidang" | "program" | "kegiatan" | "subkegiatan";

export interface CodeReading {
  kind: "code";
  /** Normalised code, e.g. "2.07.01.2.01.0001". */
  code: string;
  level: CodeLevel;
  /** Raw text as seen (cells joined with " | "). */
  raw: string;
  /** Name written after the code in the same cell, if any. */
  name: string | null;
  /** Contains the X / XX placeholder. */
  placeholder: boolean;
  /** Notes on what was normalised (e.g. "angka nol di depan hilang"), Indonesian. */
  fixes: string[];
}

export type CodeResult =
  | CodeReading
  | { kind: "none" } // no code here (empty, or a bare row number)
  | { kind: "invalid"; raw: string; reason: string };

const LEVELS: CodeLevel[] = ["urusan", "bidang", "program", "kegiatan", "kegiatan", "subkegiatan"];

/** Text of a code cell; numbers keep what Excel shows for codes like 2.01 (2.1 means 2.10). */
export function cellCodeText(v: CellValue): string {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    const s = String(v);
    return /^\d+\.\d$/.test(s) ? `${s}0` : s;
  }
  return v.replace(/[\u00a0\t\r\n]/g, " ").trim();
}

/** One code cell taken apart: its code tokens and the text after them (a name), if any. */
export interface CodeCellParts {
  /** The leading code part as written (dots and spaces included, trailing ones dropped). */
  codeText: string;
  tokens: readonly string[];
  /** What follows the code ("PROGRAM …", "- Dinas Pendidikan"), with its separator; "" if none. */
  tail: string;
  /** The name in the tail (separator " - " / ": " removed), or null. */
  name: string | null;
}

// A leading run of code tokens, ended by the end of the text or by a word (optionally after a
// dash or colon: "1.01.1.1 - Dinas Pendidikan").
const CODE_PART = /^((?:[0-9Xx]{1,4}[.\s]*)+?)(?=\s*[-–—:]?\s+\p{L}{2}|$)/u;

/** A code cell taken apart (memoised: code cells repeat down a sheet; the parts are frozen). */
export const splitCodeCell: (text: string) => Readonly<CodeCellParts> = memo((text: string) =>
  Object.freeze(splitOnce(text))
);

function splitOnce(text: string): CodeCellParts {
  const m = CODE_PART.exec(text);
  if (!m) return { codeText: "", tokens: [], tail: text, name: text.trim() || null };
  const codeText = m[1].replace(/[.\s]+$/, "");
  const tail = text.slice(codeText.length);
  const name = tail.replace(/^\s*[-–—:]?\s*/, "").trim();
  return {
    codeText,
    tokens: codeText.split(/[.\s]+/).filter(Boolean),
    tail,
    name: name || null,
  };
}

/** Reads a code from one cell or several adjacent cells. */
export function readCode(cells: CellValue[]): CodeResult {
  const texts = cells.map(cellCodeText).filter((t) => t !== "");
  if (texts.length === 0) return { kind: "none" };
  const raw = texts.join(" | ");
  const tokens: string[] = [];
  let name: string | null = null;
  for (let i = 0; i < texts.length; i++) {
    const parts = splitCodeCell(texts[i]);
    if (!parts.codeText) {
      if (tokens.length && i === texts.length - 1)
        name = parts.name; // a name cell right after the code cells
      else if (!tokens.length) return { kind: "none" };
      break;
    }
    tokens.push(...parts.tokens);
    if (parts.name) {
      name = parts.name;
      break;
    }
  }
  if (tokens.length < 2) return { kind: "none" }; // "2" alone is a row number, not an urusan
  if (tokens.length > 6)
    return {
      kind: "invalid",
      raw,
      reason: `terlalu banyak bagian (${tokens.length}); kode paling panjang U.BB.PP.K.KK.SSSS`,
    };

  const fixes: string[] = [];
  const widths = [1, 2, 2, 1, 2, 4];
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i].toUpperCase();
    const w = widths[i];
    if (/X/.test(t)) {
      parts.push(i === 0 ? "X" : "XX");
      continue;
    }
    if (!/^\d+$/.test(t))
      return { kind: "invalid", raw, reason: `bagian "${tokens[i]}" bukan angka` };
    if (i === 3 && t.length === 2 && t[0] === "0") {
      fixes.push("digit tingkat kegiatan ditulis dengan nol di depan");
      t = t.slice(1);
    }
    if (t.length > w)
      return {
        kind: "invalid",
        raw,
        reason: `bagian ke-${i + 1} "${tokens[i]}" terlalu panjang (maks. ${w} digit)`,
      };
    if (t.length < w) {
      if (i === 5 && t.length === 2) fixes.push("sub kegiatan 2 digit dilengkapi menjadi 4 digit");
      else if (i !== 3) fixes.push("angka nol di depan hilang");
      t = t.padStart(w, "0");
    }
    parts.push(t);
  }
  if (parts.length === 4)
    return { kind: "invalid", raw, reason: "kode kegiatan tidak lengkap: nomor kegiatan hilang" };
  const placeholder = parts.some((p) => /X/.test(p));
  return {
    kind: "code",
    code: parts.join("."),
    level: LEVELS[parts.length - 1],
    raw,
    name,
    placeholder,
    fixes: [...new Set(fixes)],
  };
}

/** Parent of a normalised code ("2.07.01.2.01.0001" → "2.07.01.2.01"), null for an urusan. */
export function parentCode(code: string): string | null {
  const p = code.split(".");
  if (p.length <= 1) return null;
  if (p.length === 5) return p.slice(0, 3).join(".");
  return p.slice(0, p.length - 1).join(".");
}

export function levelOf(code: string): CodeLevel {
  return LEVELS[code.split(".").length - 1];
}

/** The support-programme children are stored as X.XX; show them with the sheet's bidang. */
export function localise(official: string, asWritten: string): string {
  return official.startsWith("X.XX")
    ? asWritten.split(".").slice(0, 2).join(".") + official.slice(4)
    : official;
}

/** "X.XX.01…" with the sheet's bidang put in, for lookups in a PD's document. */
export function withBidang(code: string, bidang: string): string {
  return code.replace(/^X\.XX/, bidang);
}

/** The generic X.XX form of a support-programme code written with the PD's bidang ("2.07.01…"). */
export function genericSupport(code: string): string | null {
  // normalised codes have fixed widths: the programme is characters 5–6 ("2.07.01…")
  return code.length >= 7 && code[5] === "0" && code[6] === "1" && code[1] === "."
    ? "X.XX" + code.slice(4)
    : null;
}

/** Name comparison ignoring case, spacing, hyphens and punctuation. */
export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[-‐–—_/.,;:()"'’]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface HierarchyRow<T = unknown> {
  /** The code read on this row (kind "none" for a continuation row with an empty code cell). */
  reading: CodeResult;
  data?: T;
}

export interface PlacedRow<T = unknown> extends HierarchyRow<T> {
  /** Code this row stands for: its own, or (continuation row) the one of the row it continues. */
  code: string | null;
  /** Nearest row above at a higher level whose code is a prefix parent, by row order. */
  parent: string | null;
  /** True when the row has no code of its own and inherits the one above. */
  continuation: boolean;
}

/**
 * Hierarchy from row order: each coded row's parent is the nearest coded row above it at a higher
 * level; a row with an empty code cell continues the row above (wrapped names, extra indicators).
 */
export function assignHierarchy<T>(rows: HierarchyRow<T>[]): PlacedRow<T>[] {
  const DEPTH: Record<CodeLevel, number> = {
    urusan: 0,
    bidang: 1,
    program: 2,
    kegiatan: 3,
    subkegiatan: 4,
  };
  const stack: { code: string; depth: number }[] = [];
  let last: string | null = null;
  let lastParent: string | null = null;
  return rows.map((r) => {
    if (r.reading.kind !== "code") {
      // Invalid codes break the chain: their rows neither inherit nor become parents.
      if (r.reading.kind === "invalid") {
        last = null;
        lastParent = null;
        return { ...r, code: null, parent: null, continuation: false };
      }
      return { ...r, code: last, parent: lastParent, continuation: last !== null };
    }
    const depth = DEPTH[r.reading.level];
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].code : null;
    stack.push({ code: r.reading.code, depth });
    last = r.reading.code;
    lastParent = parent;
    return { ...r, code: r.reading.code, parent, continuation: false };
  });
}
