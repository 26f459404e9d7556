// kode.indikator-beda and kode.satuan-beda (info): since Kepmendagri 900.1.15.5-1317/2023 every
// sub kegiatan has an official indikator and satuan. A row (with the indicator rows below it)
// whose indicator or unit does not match its code's official one is reported with the official
// text, compared tolerantly (src/codes/text.ts).
// The fixes are never "safe": rewriting an indicator or a unit leaves the numbers in place but
// changes what they are said to measure (a target of 12 "Bulan" is not 12 "Dokumen"), so the
// planner must look at the numbers when accepting one.
import type { CellValue } from "../../model/grid";
import type { CellEdit, Fix, Issue } from "../../model/issue";
import { a1 } from "../../model/grid";
import { sameIndicator, sameUnit } from "../text";
import { where } from "../write";
import { finding, type CodeRow, type CodeRule } from "./context";

const text = (c: { value: CellValue } | null | undefined): string =>
  c && typeof c.value === "string" ? c.value.replace(/\s+/g, " ").trim() : "";

function setText(cell: { col: number }, row: number, value: string): CellEdit {
  return { row, col: cell.col, value };
}

/** Documents before TA 2024 predate the official metadata (Kepmendagri 900.1.15.5-1317/2023). */
function since(year: number | null): string {
  return year !== null && year < 2024 ? " (indikator dan satuan resmi berlaku sejak TA 2024)" : "";
}

function unitFinding(r: CodeRow, code: string, official: string, note: string): Issue | null {
  const written = text(r.unit);
  if (!r.unit || !written || !official || sameUnit(written, official)) return null;
  const edits = [setText(r.unit, r.row, official)];
  const fix: Fix = {
    label: `Tulis satuan resmi "${official}" di ${where(edits)}`,
    safe: false,
    edits,
  };
  const message = `Satuan "${written}" berbeda dengan satuan resmi sub kegiatan ${code}: "${official}"${note}.`;
  return finding({ row: r.row, col: r.unit.col }, "kode.satuan-beda", "info", message, { fix });
}

export const indicatorDiffers: CodeRule = {
  ids: ["kode.indikator-beda", "kode.satuan-beda"],
  check(line, ctx) {
    const table = ctx.options.indicators;
    if (!table || line.reading.level !== "subkegiatan" || !line.found.officialCode) return null;
    const official = table.get(line.found.officialCode);
    if (!official) return null;
    const [indikator, satuan] = official;
    const rows = [line.input, ...line.more];
    const withText = rows.filter((r) => r.indicator && text(r.indicator));
    // any of the row's indicators may be the official one; its unit is then compared
    const match = withText.find((r) => sameIndicator(text(r.indicator), indikator));
    if (match || !withText.length || !indikator) {
      const note = since(ctx.options.year);
      const units = (match ? [match] : rows).map((r) => unitFinding(r, line.code, satuan, note));
      const issues = units.filter((u): u is Issue => !!u).slice(0, 1);
      return issues.length ? { issues } : null;
    }
    const first = withText[0];
    const cell = first.indicator!;
    const edits = [setText(cell, first.row, indikator)];
    if (first.unit && !sameUnit(text(first.unit), satuan))
      edits.push(setText(first.unit, first.row, satuan));
    const label = `Tulis indikator resmi di ${a1(first.row, cell.col)}${edits.length > 1 ? ` dan satuan "${satuan}" di ${a1(first.row, first.unit!.col)}` : ""}`;
    const message = `Indikator "${text(cell)}" berbeda dengan indikator resmi sub kegiatan ${line.code}: "${indikator}" (satuan ${satuan})${since(ctx.options.year)}.`;
    const fix: Fix = { label, safe: false, edits };
    return {
      issues: [
        finding({ row: first.row, col: cell.col }, "kode.indikator-beda", "info", message, { fix }),
      ],
    };
  },
};
