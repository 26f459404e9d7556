// kode.hierarki: (1) a kegiatan or sub kegiatan under a row that is not its parent (row order);
// (2) a name that is the official name of a deeper code than the one written (a sub kegiatan
// carrying its parent's code). Only (2) has a fix, when exactly one deeper code has that name;
// it is not "safe": the row changes level, and with it the roll-ups it takes part in.
import type { Fix } from "../../model/issue";
import type { Nomenclature } from "../api";
import { levelOf, localise, normaliseName } from "../read";
import { writeRow, where } from "../write";
import {
  finding,
  LEVEL_LABEL,
  templateFor,
  type CodeLine,
  type CodeRule,
  type RuleContext,
} from "./context";

export const hierarchyPosition: CodeRule = {
  ids: ["kode.hierarki"],
  check(line, ctx) {
    const { code, reading } = line;
    const pos = ctx.position;
    const parentOf = ctx.memo.parent;
    let message: string | null = null;
    if (reading.level === "program") {
      pos.program = code;
      pos.kegiatan = null;
    } else if (reading.level === "kegiatan") {
      if (pos.program && parentOf(code) !== pos.program)
        message = `Kegiatan ${code} berada di bawah program ${pos.program}, padahal induknya ${parentOf(code)}.`;
      pos.kegiatan = code;
    } else if (reading.level === "subkegiatan") {
      const parent = parentOf(code)!;
      const k = pos.kegiatan;
      if (k && parentOf(k) === parentOf(parent) && k !== parent)
        message = `Sub kegiatan ${code} berada di bawah kegiatan ${k}, padahal induknya ${parent}.`;
      else if (pos.program && !k && parentOf(parent) !== pos.program)
        message = `Sub kegiatan ${code} berada di bawah program ${pos.program}, padahal programnya ${parentOf(parent)}.`;
    }
    return message ? { issues: [finding(line, "kode.hierarki", "warning", message)] } : null;
  },
};

// Normalised official name → codes, built once per nomenclature version (not per row).
const nameIndex = new WeakMap<Nomenclature, Map<string, string[]>>();

function codesNamed(nom: Nomenclature, name: string): string[] {
  let index = nameIndex.get(nom);
  if (!index) {
    index = new Map();
    for (const [code, official] of Object.entries(nom.names)) {
      const key = normaliseName(official);
      index.set(key, [...(index.get(key) ?? []), code]);
    }
    nameIndex.set(nom, index);
  }
  return index.get(normaliseName(name)) ?? [];
}

/** Official descendants of `prefix` whose name equals `name` (normalised). */
export function childrenNamed(nom: Nomenclature, prefix: string, name: string): string[] {
  return codesNamed(nom, name).filter(
    (code) => code.length > prefix.length && code.startsWith(prefix + ".")
  );
}

function deeperFix(line: CodeLine, ctx: RuleContext, code: string): Fix | null {
  const edits = writeRow(line.input, { code }, templateFor(ctx, line, code));
  return edits?.length
    ? { label: `Tulis kode ${code} di ${where(edits)}`, safe: false, edits }
    : null;
}

export const hierarchyDepth: CodeRule = {
  ids: ["kode.hierarki"],
  check(line, ctx) {
    const { nameText, found, code, reading } = line;
    const norm = ctx.memo.norm;
    if (!nameText || found.name === null || norm(nameText) === norm(found.name)) return null;
    const children = childrenNamed(ctx.nom, found.officialCode ?? code, nameText).map((c) =>
      localise(c, code)
    );
    if (!children.length) return null;
    const child = children[0];
    const message = `Nama "${nameText}" adalah ${LEVEL_LABEL[levelOf(child)]} ${child}, tetapi kodenya hanya sampai ${LEVEL_LABEL[reading.level]} (${code}).`;
    const fixes = children.map((c) => deeperFix(line, ctx, c)).filter((f): f is Fix => !!f);
    const one = children.length === 1 && fixes.length === 1;
    return {
      issues: [
        finding(
          line,
          "kode.hierarki",
          "error",
          message,
          one ? { fix: fixes[0] } : { choices: fixes }
        ),
      ],
      stop: true,
    };
  },
};
