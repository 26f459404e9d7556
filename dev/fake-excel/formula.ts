// A small evaluator for the native formulas Kinerja writes (IF, IFERROR, OR, AND, ROUND, SUM,
// AVERAGE, COUNT, COUNTIFS, N, ISNUMBER, ISBLANK, arithmetic, comparisons, &, "" and cell
// references, also to other sheets: 'E81'!$U$11:$U$20), so the fake Excel host shows computed
// values in the playground and the tests can compare them with the engine's own numbers.
// It is not a general spreadsheet engine; anything else evaluates to "#NAME?".

import { isExcelError } from "../../src/core/numbers";
import { columnIndex as colIndex } from "../../src/model/grid";

export type FValue = number | string | boolean | null;
/** A cell's value; `sheet` is set for references to another sheet ('E81'!A1). */
type Getter = (row: number, col: number, sheet?: string) => FValue;

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; r: number; c: number; sheet?: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    // a sheet prefix: 'Sheet name'!A1 (quotes doubled inside) or Sheet1!A1
    let sheet: string | undefined;
    let at = i;
    const quoted = /^'((?:[^']|'')+)'!/.exec(src.slice(i));
    const bare = quoted ? null : /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(src.slice(i));
    if (quoted) {
      sheet = quoted[1].replace(/''/g, "'");
      at += quoted[0].length;
    } else if (bare) {
      sheet = bare[1];
      at += bare[0].length;
    }
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z(])/.exec(src.slice(at));
    if (ref) {
      out.push({ t: "ref", r: Number(ref[2]) - 1, c: colIndex(ref[1]), sheet });
      i = at + ref[0].length;
      continue;
    }
    if (sheet !== undefined) throw new FormulaError("#REF!");
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    out.push({ t: "op", v: ch });
    i++;
  }
  return out;
}

class FormulaError extends Error {
  constructor(public code: string) {
    super(code);
  }
}

type Val = FValue | FValue[];

export function evaluateFormula(formula: string, get: Getter): FValue {
  try {
    const toks = tokenize(formula.replace(/^=/, ""));
    let p = 0;
    const peek = () => toks[p];
    const isOp = (t: Tok | undefined, v: string) => t !== undefined && t.t === "op" && t.v === v;
    const take = () => toks[p++];
    const expectOp = (v: string) => {
      const t = take();
      if (!t || t.t !== "op" || t.v !== v) throw new FormulaError("#NAME?");
    };

    const scalar = (v: Val): FValue => (Array.isArray(v) ? (v[0] ?? null) : v);
    const num = (v: Val): number => {
      const s = scalar(v);
      if (typeof s === "string" && /^#/.test(s)) throw new FormulaError(s);
      if (s === null || s === "") return 0;
      if (typeof s === "boolean") return s ? 1 : 0;
      if (typeof s === "number") return s;
      const n = Number(s);
      if (Number.isNaN(n)) throw new FormulaError("#VALUE!");
      return n;
    };
    const truthy = (v: Val) => {
      const s = scalar(v);
      return typeof s === "boolean" ? s : num(s) !== 0;
    };

    function primary(): Val {
      const t = take();
      if (!t) throw new FormulaError("#NAME?");
      if (t.t === "num") return t.v;
      if (t.t === "str") return t.v;
      if (t.t === "ref") {
        const nx = peek();
        if (nx && nx.t === "op" && nx.v === ":") {
          take();
          const end = take();
          if (!end || end.t !== "ref") throw new FormulaError("#REF!");
          const vals: FValue[] = [];
          for (let r = Math.min(t.r, end.r); r <= Math.max(t.r, end.r); r++)
            for (let c = Math.min(t.c, end.c); c <= Math.max(t.c, end.c); c++)
              vals.push(get(r, c, t.sheet));
          return vals;
        }
        const v = get(t.r, t.c, t.sheet);
        return v === null ? null : v;
      }
      if (t.t === "op" && t.v === "(") {
        const v = expr();
        expectOp(")");
        return v;
      }
      if (t.t === "op" && t.v === "-") return -num(primary());
      if (t.t === "op" && t.v === "+") return num(primary());
      if (t.t === "id") {
        if (t.v === "TRUE") return true;
        if (t.v === "FALSE") return false;
        expectOp("(");
        const raw: Val[] = [];
        // IF evaluates lazily so the branch not taken (often a #DIV/0!) does not escape.
        if (t.v === "IF") {
          const cond = truthy(expr());
          let result: Val = false;
          expectOp(",");
          if (cond) result = expr();
          else skipExpr();
          if (isOp(peek(), ",")) {
            take();
            if (!cond) result = expr();
            else skipExpr();
          }
          expectOp(")");
          return result;
        }
        // IFERROR: the fallback only when the value is an error (thrown or a cell's error text)
        if (t.v === "IFERROR") {
          const start = p;
          let result: Val;
          let failed = false;
          try {
            result = expr();
            failed = isExcelError(scalar(result));
          } catch (e) {
            if (!(e instanceof FormulaError)) throw e;
            failed = true;
            result = null;
          }
          if (failed) {
            p = start;
            skipExpr();
          }
          expectOp(",");
          if (failed) result = expr();
          else skipExpr();
          expectOp(")");
          return result;
        }
        if (!isOp(peek(), ")")) {
          raw.push(expr());
          while (isOp(peek(), ",")) {
            take();
            raw.push(expr());
          }
        }
        expectOp(")");
        const flat = raw.flatMap((v) => (Array.isArray(v) ? v : [v]));
        const numbers = flat.filter((v): v is number => typeof v === "number");
        switch (t.v) {
          case "OR":
            return raw.some(truthy);
          case "AND":
            return raw.every(truthy);
          case "ROUND": {
            const x = num(raw[0]);
            const d = num(raw[1] ?? 0);
            const f = Math.pow(10, d);
            const y = Math.abs(x) * f;
            const r = Math.round(Number(y.toPrecision(15)));
            return (Math.sign(x) * r) / f;
          }
          case "SUM":
            return numbers.reduce((a, b) => a + b, 0);
          case "COUNT":
            return numbers.length;
          case "AVERAGE":
            if (!numbers.length) throw new FormulaError("#DIV/0!");
            return numbers.reduce((a, b) => a + b, 0) / numbers.length;
          case "ISNUMBER":
            return typeof scalar(raw[0]) === "number";
          case "ISBLANK": {
            const v = scalar(raw[0]);
            return v === null || v === "";
          }
          case "ABS":
            return Math.abs(num(raw[0]));
          case "N": {
            const v = scalar(raw[0]);
            if (isExcelError(v)) throw new FormulaError(v as string);
            return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
          }
          case "COUNTIFS": {
            if (raw.length % 2 !== 0 || raw.length === 0) throw new FormulaError("#VALUE!");
            const ranges = raw
              .filter((_, k) => k % 2 === 0)
              .map((v) => (Array.isArray(v) ? v : [v]));
            const tests = raw.filter((_, k) => k % 2 === 1).map((v) => criterion(scalar(v)));
            if (ranges.some((r) => r.length !== ranges[0].length))
              throw new FormulaError("#VALUE!");
            let n = 0;
            for (let k = 0; k < ranges[0].length; k++)
              if (tests.every((test, j) => test(ranges[j][k]))) n++;
            return n;
          }
          default:
            throw new FormulaError("#NAME?");
        }
      }
      throw new FormulaError("#NAME?");
    }

    // Skips one expression without evaluating it (for the IF branch not taken).
    function skipExpr(): void {
      let depth = 0;
      while (p < toks.length) {
        const t = toks[p];
        if (t.t === "op" && t.v === "(") depth++;
        if (t.t === "op" && t.v === ")") {
          if (depth === 0) return;
          depth--;
        }
        if (t.t === "op" && t.v === "," && depth === 0) return;
        p++;
      }
    }

    function power(): Val {
      return primary();
    }
    function term(): Val {
      let v = power();
      for (;;) {
        const t = peek();
        if (t?.t === "op" && (t.v === "*" || t.v === "/")) {
          take();
          const r = num(power());
          if (t.v === "/" && r === 0) throw new FormulaError("#DIV/0!");
          v = t.v === "*" ? num(v) * r : num(v) / r;
        } else return v;
      }
    }
    function sum(): Val {
      let v = term();
      for (;;) {
        const t = peek();
        if (t?.t === "op" && (t.v === "+" || t.v === "-")) {
          take();
          const r = num(term());
          v = t.v === "+" ? num(v) + r : num(v) - r;
        } else if (t?.t === "op" && t.v === "&") {
          take();
          v = String(scalar(v) ?? "") + String(scalar(term()) ?? "");
        } else return v;
      }
    }
    function expr(): Val {
      const left = sum();
      const t = peek();
      if (t?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
        take();
        const right = sum();
        const a = scalar(left);
        const b = scalar(right);
        // Excel: an empty cell equals "" and 0.
        const norm = (x: FValue, other: FValue) =>
          x === null ? (typeof other === "string" ? "" : 0) : x;
        const x = norm(a, b);
        const y = norm(b, a);
        const cmp =
          typeof x === "number" && typeof y === "number"
            ? x - y
            : String(x).localeCompare(String(y));
        switch (t.v) {
          case "=":
            return typeof x === typeof y ? cmp === 0 : false;
          case "<>":
            return typeof x === typeof y ? cmp !== 0 : true;
          case "<":
            return cmp < 0;
          case ">":
            return cmp > 0;
          case "<=":
            return cmp <= 0;
          default:
            return cmp >= 0;
        }
      }
      return left;
    }
    const v = expr();
    return scalar(v);
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    return "#VALUE!";
  }
}

/** A COUNTIFS criterion (">=90.995", "<50", "Tinggi", 5) as a test of one cell value. */
function criterion(c: FValue): (v: FValue) => boolean {
  const text = c === null ? "" : String(c);
  const m = /^(>=|<=|<>|>|<|=)?(.*)$/s.exec(text)!;
  const op = m[1] ?? "=";
  const rest = m[2];
  const n = rest.trim() === "" ? NaN : Number(rest);
  if (!Number.isNaN(n)) {
    return (v) => {
      if (typeof v !== "number") return op === "<>";
      switch (op) {
        case ">=":
          return v >= n;
        case "<=":
          return v <= n;
        case ">":
          return v > n;
        case "<":
          return v < n;
        case "<>":
          return v !== n;
        default:
          return v === n;
      }
    };
  }
  const want = rest.toLowerCase();
  if (op === "<>") return (v) => (v === null ? "" : String(v)).toLowerCase() !== want;
  if (op === "=" && want === "") return (v) => v === null || v === "";
  return (v) => typeof v === "string" && v.toLowerCase() === want;
}
