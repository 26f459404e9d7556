// kode.format: a code that cannot be read (error), or one read after normalising its form (info)
// with the fix that writes it in the official form, each split cell keeping its own segments.
import type { Issue } from "../../model/issue";
import { writeRow, where } from "../write";
import { finding, templateFor, type CodeRow, type CodeRule } from "./context";

export function invalidCode(input: CodeRow, raw: string, reason: string): Issue {
  const at = { row: input.row, col: input.codeCells[0].col };
  return finding(at, "kode.format", "error", `Kode "${raw}" tidak sah: ${reason}.`);
}

export const formatNoted: CodeRule = {
  ids: ["kode.format"],
  check(line, ctx) {
    const { reading, code } = line;
    if (!reading.fixes.length) return null;
    const edits = writeRow(line.input, { code }, templateFor(ctx, line, code));
    const fix = edits?.length
      ? { label: `Tulis kode resmi ${code} di ${where(edits)}`, safe: true, edits }
      : null;
    const message = `Kode "${reading.raw}" dibaca sebagai ${code} (${reading.fixes.join("; ")}).`;
    return { issues: [finding(line, "kode.format", "info", message, { fix })] };
  },
};
