// Cheap text helpers for recognition: one normalisation per cell, no regex storms.
import type { CellValue } from "../model/grid";

/** Display text of a value ("" for empty). */
export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  return String(v);
}

/** Lower case, punctuation (except % = + - .) to spaces, single spaces, padded with spaces for token matching. */
export function normHeader(s: string): string {
  const t = s
    .toLowerCase()
    .replace(/[^a-z0-9%=+\-.,]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return t ? ` ${t} ` : "";
}

/** True when `phrase` occurs in a normHeader text on token boundaries. */
export function hasPhrase(path: string, phrase: string): boolean {
  // " phrase " / " phrase." / " phrase," without building the three needles (called for every
  // header column × layout rule word)
  const end = phrase.length;
  for (let i = path.indexOf(phrase); i >= 0; i = path.indexOf(phrase, i + 1)) {
    if (path.charCodeAt(i - 1) !== 32) continue;
    const c = path.charCodeAt(i + end);
    if (c === 32 || c === 46 || c === 44) return true;
  }
  return false;
}

/** Plain lower-case text with single spaces (titles). */
export function normTitle(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ").trim();
}

/** A header text as repeated copies of the header are compared: case, wrapping and spaces aside. */
export function headerKey(t: string): string {
  const lower = t.toLowerCase();
  return /\s\s|[\n\r\t]/.test(lower) ? lower.replace(/\s+/g, " ") : lower;
}
