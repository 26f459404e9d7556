// kode.placeholder: the X.XX of the support programme left in. The fix puts in the PD's bidang
// when the sheet's other codes name exactly one; otherwise each bidang of the sheet is a choice.
import type { Fix } from "../../model/issue";
import { withBidang } from "../read";
import { writeRow, where } from "../write";
import { finding, templateFor, type CodeLine, type CodeRule, type RuleContext } from "./context";

function bidangFix(line: CodeLine, ctx: RuleContext, bidang: string, safe: boolean): Fix | null {
  const code = withBidang(line.code, bidang);
  const edits = writeRow(line.input, { code }, templateFor(ctx, line, code));
  return edits?.length
    ? { label: `Tulis kode ${code} (bidang ${bidang}) di ${where(edits)}`, safe, edits }
    : null;
}

export const placeholder: CodeRule = {
  ids: ["kode.placeholder"],
  check(line, ctx) {
    if (!line.reading.placeholder) return null;
    const { bidang, bidangAbove } = ctx.sheet;
    const message = `Kode ${line.code} masih memuat X.XX; ganti dengan kode bidang urusan Perangkat Daerah (mis. ${bidang[0] ?? "2.07"}).`;
    if (!line.code.startsWith("X.XX"))
      return { issues: [finding(line, "kode.placeholder", "error", message)], stop: true };
    const fix = bidang.length === 1 ? bidangFix(line, ctx, bidang[0], true) : null;
    // several bidang (a merged dinas, a multi-PD sheet): the nearest one above comes first
    const near = bidangAbove.get(line.row);
    const ordered = near ? [near, ...bidang.filter((b) => b !== near)] : bidang;
    const choices =
      bidang.length > 1 ? ordered.flatMap((b) => bidangFix(line, ctx, b, false) ?? []) : undefined;
    return {
      issues: [finding(line, "kode.placeholder", "error", message, { fix, choices })],
      stop: true,
    };
  },
};
