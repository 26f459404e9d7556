// kode.format: a code that cannot be read (error), or one read after normalising its form (info)
// with the fix that writes it in the official form, each split cell keeping its own segments.
import type { CellEdit, Issue } from "../../model/issue";
import { writeRow, where } from "../write";
import {
  finding,
  templateFor,
  type CodeLine,
  type CodeRow,
  type CodeRule,
  type RuleContext,
} from "./context";

export function invalidCode(input: CodeRow, raw: string, reason: string): Issue {
  const at = { row: input.row, col: input.codeCells[0].col };
  return finding(at, "kode.format", "error", `Kode "${raw}" tidak sah: ${reason}.`);
}

type Recipe = { cols: string; edits: CellEdit[] | null; message: string };

/**
 * The finding's text and the edits writing the row's code in official form. The same code text
 * in the same columns gives the same edits on every row (a long sheet repeats its codes), so
 * they are worked out once per reading and column layout and only the row is filled in.
 */
function recipeFor(line: CodeLine, ctx: RuleContext): Recipe {
  const cache = ctx.cache as Map<object, Recipe>;
  const cols =
    line.input.codeCells.length === 1 ? "" : line.input.codeCells.map((c) => c.col).join(",");
  let recipe = cache.get(line.reading);
  if (!recipe || recipe.cols !== cols) {
    const { reading, code } = line;
    const edits = writeRow(line.input, { code }, templateFor(ctx, line, code));
    const message = `Kode "${reading.raw}" dibaca sebagai ${code} (${reading.fixes.join("; ")}).`;
    recipe = { cols, edits: edits?.length ? edits : null, message };
    cache.set(line.reading, recipe);
  }
  return recipe;
}

export const formatNoted: CodeRule = {
  ids: ["kode.format"],
  check(line, ctx) {
    if (!line.reading.fixes.length) return null;
    const recipe = recipeFor(line, ctx);
    const row = line.row;
    const edits =
      recipe.edits &&
      recipe.edits.map((e): CellEdit =>
        e.numberFormat
          ? { row, col: e.col, value: e.value, numberFormat: e.numberFormat }
          : { row, col: e.col, value: e.value }
      );
    const fix = edits && {
      label: `Tulis kode resmi ${line.code} di ${where(edits)}`,
      safe: true,
      edits,
    };
    return { issues: [finding(line, "kode.format", "info", recipe.message, { fix })] };
  },
};
