// The numbering row is the table's own formula sheet: "1 | 2 | … | 12 = 8+9+10+11 | 13 = 12/7
// x 100%", "(a) (b) © (d)", "-1 … -7", "a | c | … | k = ( j / i ) * 100", "6a | 6b". This module
// reads one cell of such a row: its logical label and, when it states one, its computation.
// Pure string work; which physical columns a label covers is decided by the header scan.

/** A computation stated by a numbering-row cell, over logical labels. */
export type StatedFormula =
  | { kind: "sum"; inputs: string[] }
  | { kind: "ratio"; num: string; den: string }
  | { kind: "copy"; from: string }
  | { kind: "diff"; a: string; b: string }
  /** Something the table states but Kinerja cannot reduce to one of the above. */
  | { kind: "other"; inputs: string[]; text: string };

export interface NumberingCell {
  /** Logical label, lower case: "12", "6a", "k". */
  label: string;
  formula: StatedFormula | null;
  /** The cell as written (trimmed). */
  text: string;
}

/** "©" is what Excel's AutoCorrect makes of "(c)". */
const LETTER = "[a-z]|©";
const LABEL = `(?:\\d{1,2}[a-z]?|${LETTER})`;
const LABEL_ONLY = new RegExp(`^[(\\-–]?\\s*(${LABEL})\\s*\\)?\\s*[.*]?\\s*\\*?$`, "i");
const WITH_FORMULA = new RegExp(`^[(]?\\s*(${LABEL})\\s*\\)?\\s*=\\s*(.+?)\\s*\\**\\s*$`, "i");

function normLabel(s: string): string {
  const t = s.trim().toLowerCase();
  return t === "©" ? "c" : t;
}

/** The ordinal of a label, for "mostly increasing" tests: 12 → 12, "6a" → 6, "k" → 11. */
export function labelOrder(label: string): number {
  if (/^\d/.test(label)) return parseInt(label, 10);
  return label.charCodeAt(0) - 96;
}

type Tok = { t: "lab"; v: string } | { t: "num"; v: number } | { t: "op"; v: string };

function tokens(expr: string, lettered: boolean): Tok[] | null {
  const out: Tok[] = [];
  const s = expr.toLowerCase().replace(/×/g, "*").replace(/,/g, ".");
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ("+-*/:()%".includes(ch)) {
      out.push({ t: "op", v: ch === ":" ? "/" : ch });
      i++;
      continue;
    }
    const num = /^\d+(?:\.\d+)?[a-z]?/.exec(s.slice(i));
    if (num) {
      const text = num[0];
      // two digits at most make a column label; 100 is the percent factor
      if (/^\d{1,2}[a-z]?$/.test(text)) out.push({ t: "lab", v: text });
      else out.push({ t: "num", v: parseFloat(text) });
      i += text.length;
      continue;
    }
    // "x" between operands multiplies ("14/5 x 100"), unless the row is lettered and x is a label
    if (ch === "x" && !(lettered && !/^\s*\d/.test(s.slice(i + 1)))) {
      out.push({ t: "op", v: "*" });
      i++;
      continue;
    }
    if (/[a-z©]/.test(ch) && !/[a-z]/.test(s[i + 1] ?? "")) {
      out.push({ t: "lab", v: normLabel(ch) });
      i++;
      continue;
    }
    return null; // words: not a formula we can read
  }
  return out;
}

/** Drops the percent scaling: "… x 100%", "* 100", "%". */
function withoutPercent(toks: Tok[]): Tok[] {
  let t = toks.filter((x) => !(x.t === "op" && x.v === "%"));
  const n = t.length;
  if (
    n >= 2 &&
    t[n - 1].t === "num" &&
    (t[n - 1] as { v: number }).v === 100 &&
    t[n - 2].t === "op"
  )
    t = t.slice(0, n - 2);
  return t;
}

function stripParens(toks: Tok[]): Tok[] {
  const isOp = (x: Tok | undefined, v: string) => x?.t === "op" && x.v === v;
  while (toks.length >= 2 && isOp(toks[0], "(") && isOp(toks[toks.length - 1], ")")) {
    // only when the outer pair encloses everything
    let depth = 0;
    let encloses = true;
    for (let i = 0; i < toks.length - 1; i++) {
      if (isOp(toks[i], "(")) depth++;
      else if (isOp(toks[i], ")")) depth--;
      if (depth === 0) {
        encloses = false;
        break;
      }
    }
    if (!encloses) break;
    toks = toks.slice(1, -1);
  }
  return toks;
}

/** Reads the right-hand side of "12 = …" into a stated computation. */
export function parseStated(expr: string, lettered = false): StatedFormula | null {
  const raw = tokens(expr, lettered);
  if (!raw || !raw.some((t) => t.t === "lab")) return null;
  const toks = stripParens(withoutPercent(raw));
  const labels = toks.filter((t): t is { t: "lab"; v: string } => t.t === "lab").map((t) => t.v);
  const ops = toks.filter((t) => t.t === "op").map((t) => (t as { v: string }).v);
  const plain = toks.every((t) => t.t !== "num");
  const noParens = !ops.includes("(") && !ops.includes(")");
  if (plain && noParens) {
    if (labels.length === 1 && ops.length === 0) return { kind: "copy", from: labels[0] };
    if (labels.length >= 2 && ops.every((o) => o === "+") && ops.length === labels.length - 1)
      return { kind: "sum", inputs: labels };
    if (labels.length === 2 && ops.length === 1 && ops[0] === "/")
      return { kind: "ratio", num: labels[0], den: labels[1] };
    if (labels.length === 2 && ops.length === 1 && ops[0] === "-")
      return { kind: "diff", a: labels[0], b: labels[1] };
  }
  return { kind: "other", inputs: labels, text: expr.trim() };
}

/** Reads one non-empty numbering-row cell; null when it is not a numbering token. */
export function readNumberingCell(text: string, lettered = false): NumberingCell | null {
  const t = text.trim();
  if (!t || t.length > 60) return null;
  const only = LABEL_ONLY.exec(t);
  if (only) return { label: normLabel(only[1]), formula: null, text: t };
  const withF = WITH_FORMULA.exec(t);
  if (withF) {
    const formula = parseStated(withF[2], lettered);
    if (formula) return { label: normLabel(withF[1]), formula, text: t };
  }
  return null;
}

/** Unit, quarter and sub-header words that may share a numbering row ("K", "Rp"). */
const ALLOWED_OTHER = /^(k|rp\.?|%|satuan)$/i;

/**
 * The cells of a numbering row, or null when the row is not one: at least three labels, the
 * first of them 1 or a, mostly increasing from left to right, and little else.
 */
export function readNumberingRow(texts: string[]): Map<number, NumberingCell> | null {
  // a label typed with a line break (Alt+Enter) or stray spaces reads as its one-line form
  const filled = texts
    .map((t, c) => [c, t.replace(/\s+/g, " ").trim()] as const)
    .filter(([, t]) => t !== "");
  if (filled.length < 3) return null;
  // lettered rows run a, b, c …; a bare "K" is the Kinerja unit, not the letter k
  const letters = new Set(
    filled
      .map(([, t]) => /^[(]?\s*([a-z]|©)\s*\)?\s*(=|$)/i.exec(t))
      .filter((m): m is RegExpExecArray => !!m && m[0] !== "K")
      .map((m) => normLabel(m[1]))
  );
  const lettered = letters.size >= 3 && letters.has("a");
  const cells = new Map<number, NumberingCell>();
  let other = 0;
  for (const [c, t] of filled) {
    const cell = t === "K" ? null : readNumberingCell(t, lettered);
    if (cell && (lettered || /^\d/.test(cell.label))) cells.set(c, cell);
    else if (!ALLOWED_OTHER.test(t)) other++;
  }
  const labels = [...cells.values()];
  if (labels.length < 3 || other > Math.max(1, labels.length * 0.15)) return null;
  const orders = labels.map((l) => labelOrder(l.label));
  if (Math.min(...orders) !== 1) return null;
  let rising = 0;
  for (let i = 1; i < orders.length; i++) if (orders[i] > orders[i - 1]) rising++;
  if (rising < (orders.length - 1) * 0.8) return null;
  // a row of small integers that are data (a stray "1 2 3") has no run longer than its values
  if (new Set(orders).size < 3) return null;
  return cells;
}
