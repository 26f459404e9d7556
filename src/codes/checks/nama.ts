// kode.nama-beda: the name differs from the official name of the code (ignoring case, spacing,
// hyphens and punctuation). The fix writes the official name into the name cell only.
// It is "safe" when the written name is recognisably the same name (a variant, a typo); when it
// is a different text altogether, the code may be the wrong part, so the fix is offered but not
// applied by "Perbaiki semua yang aman". When the written name is the official name of another
// code under the same kegiatan, both readings are offered as choices.
import type { Fix } from "../../model/issue";
import { editDistance } from "../text";
import { writeRow, where } from "../write";
import { replaceFix } from "./dikenal";
import { childrenNamed } from "./hierarki";
import { parentCode, localise } from "../read";
import { finding, type CodeLine, type CodeRule, type RuleContext } from "./context";

/** The official name may be followed by the indicator text in the same cell (000 L227). */
function containsName(w: string, o: string): boolean {
  return w.startsWith(o) && w.length > o.length;
}

/** Same words mostly: a variant of the official name rather than another activity. */
function similar(w: string, o: string): boolean {
  const a = new Set(w.split(" "));
  const b = o.split(" ");
  const common = b.filter((t) => a.has(t)).length;
  if (common * 2 >= Math.max(a.size, b.length)) return true;
  return editDistance(w, o, Math.max(2, Math.floor(o.length / 8))) <= Math.floor(o.length / 8);
}

function nameFix(line: CodeLine, official: string, safe: boolean): Fix | null {
  const edits = writeRow(line.input, { name: official });
  return edits?.length
    ? { label: `Tulis nama resmi "${official}" di ${where(edits)}`, safe, edits }
    : null;
}

/** Another code of the same kegiatan whose official name is the written one. */
function sibling(line: CodeLine, ctx: RuleContext): string | null {
  const parent = parentCode(line.found.officialCode ?? line.code);
  if (!parent || line.reading.level !== "subkegiatan") return null;
  const other = childrenNamed(ctx.nom, parent, line.nameText!).find(
    (c) => c !== line.found.officialCode
  );
  return other ? localise(other, line.code) : null;
}

export const nameDiffers: CodeRule = {
  ids: ["kode.nama-beda"],
  check(line, ctx) {
    const { nameText, found, code } = line;
    if (!nameText || found.name === null) return null;
    const w = ctx.memo.norm(nameText);
    const o = ctx.memo.norm(found.name);
    // spacing ignored altogether: "LayananPemberdayaan" (a lost space) is the same name
    if (w === o || containsName(w, o) || w.replace(/ /g, "") === o.replace(/ /g, "")) return null;
    const message = `Nama "${nameText}" berbeda dengan nomenklatur resmi untuk ${code}: "${found.name}".`;
    const other = sibling(line, ctx);
    if (other) {
      const choices = [nameFix(line, found.name, false), replaceFix(line, ctx, other, ctx.nom)];
      const usable = choices.filter((f): f is Fix => !!f);
      return { issues: [finding(line, "kode.nama-beda", "warning", message, { choices: usable })] };
    }
    const fix = nameFix(line, found.name, similar(w, o));
    return { issues: [finding(line, "kode.nama-beda", "warning", message, { fix })] };
  },
};
