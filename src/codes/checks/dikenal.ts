// kode.kadaluarsa and kode.tidak-dikenal: a code that is not in the list of the sheet's year.
// A retired code with one successor gets the fix "successor code and official name" (not safe:
// the row then stands for another sub kegiatan); several successors are offered as choices.
import type { Fix } from "../../model/issue";
import { lookup, successorsOf, type Nomenclature } from "../api";
import { writeRow, where } from "../write";
import { finding, templateFor, type CodeLine, type CodeRule, type RuleContext } from "./context";

/** Fix writing `code` and its official name into the row (name only where the row has one). */
export function replaceFix(
  line: CodeLine,
  ctx: RuleContext,
  code: string,
  nom: Nomenclature
): Fix | null {
  const name = lookup(nom, code).name ?? undefined;
  const withName = line.nameText !== null && name !== undefined;
  const edits = writeRow(
    line.input,
    { code, name: withName ? name : undefined },
    templateFor(ctx, line, code)
  );
  if (!edits?.length) return null;
  const label = `Ganti dengan ${code}${withName ? ` "${name}"` : ""} di ${where(edits)}`;
  return { label, safe: false, edits };
}

export const knownCode: CodeRule = {
  ids: ["kode.kadaluarsa", "kode.tidak-dikenal"],
  check(line, ctx) {
    if (line.found.name !== null) return null;
    const { code } = line;
    const { nom, options } = ctx;
    const succ = successorsOf(nom, code);
    if (succ.length) {
      const named = succ.map((s) => `${s} "${lookup(nom, s).name ?? ""}"`).join(", ");
      const fixes = succ.map((s) => replaceFix(line, ctx, s, nom)).filter((f): f is Fix => !!f);
      const message = `Kode ${code} sudah tidak berlaku; penggantinya ${named}.`;
      const f = succ.length === 1 ? { fix: fixes[0] } : { choices: fixes };
      return { issues: [finding(line, "kode.kadaluarsa", "warning", message, f)], stop: true };
    }
    if (options.previous && lookup(options.previous, code).name !== null) {
      const message = `Kode ${code} tidak ada lagi di ${nom.label}.`;
      return { issues: [finding(line, "kode.kadaluarsa", "warning", message)], stop: true };
    }
    const later = options.next ? lookup(options.next, code).name : null;
    if (later !== null) {
      const message = `Kode ${code} tidak ditemukan di ${nom.label}, tetapi ada di ${options.next!.label} ("${later}"); kode ini mungkin berasal dari perubahan nomenklatur sesudahnya yang tidak tersedia.`;
      return { issues: [finding(line, "kode.tidak-dikenal", "warning", message)], stop: true };
    }
    // Before TA 2024 the applicable list (050-5889/2021) is not available: only a warning.
    const older = options.year !== null && options.year < 2024;
    const note = older ? ` (dokumen TA ${options.year} mungkin memakai nomenklatur lama)` : "";
    const message = `Kode ${code} tidak ditemukan di ${nom.label}${note}.`;
    const issue = finding(line, "kode.tidak-dikenal", older ? "warning" : "error", message);
    return { issues: [issue], stop: true };
  },
};
