// `kinerja perbaiki` on workbooks, then the three guarantees of issue 15 on each copy: no cell
// changed outside the cells the applied fixes name, none of the fixed findings left when validated
// again, and the report's before/after restoring the input exactly (undo on .xlsx). Returns the
// number of fixes applied per "file / sheet".
import * as path from "path";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readWorkbook, applyPlans } from "../../src/io/files";
import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import { undoWrites } from "../../src/app/perbaiki";
import type { Grid, Issue, PlannedWrite } from "../../src/model";
import { parseA1 } from "../../src/model/grid";
import { changedCells } from "./cells";

const key = (i: { rule: string; cell: string }) => `${i.rule} ${i.cell}`;

interface SheetJson {
  sheet: string;
  applied: { rule: string; cell: string; cells: string[] }[];
  writes: {
    cell: string;
    before: PlannedWrite["previous"];
    after: Pick<PlannedWrite, "value" | "formula" | "numberFormat">;
  }[];
}

/** `kinerja perbaiki` on every fixture, then the checks of the done-when list on the copy. */
export async function cliRound(
  books: { file: string; sheets: Grid[] }[],
  dir: string,
  extra: string[]
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const b of books) {
    const out = path.join(dir, `${extra.length ? "semua" : "aman"}-${path.basename(b.file)}`);
    const io = memoryIO();
    expect(await main(["perbaiki", b.file, "-o", out, "--json", ...extra], io)).toBe(0);
    const json = JSON.parse(io.stdout).files[0] as { sheets: SheetJson[] };
    const copy = (await readWorkbook(out)).sheets;
    const undo: {
      sheetName: string;
      plan: { writes: PlannedWrite[]; decisions: []; changedExisting: 0 };
    }[] = [];
    for (const g of b.sheets) {
      const name = `${path.basename(b.file)} / ${g.name}`;
      const h = copy.find((x) => x.name === g.name)!;
      const s = json.sheets.find((x) => x.sheet === g.name);
      if (s?.applied.length) counts[name] = s.applied.length;
      const named = new Set(s?.applied.flatMap((a) => a.cells) ?? []);
      expect({ sheet: name, outside: changedCells(g, h).filter((c) => !named.has(c)) }).toEqual({
        sheet: name,
        outside: [],
      });
      if (!s) continue;
      const fixed = new Set(s.applied.map(key));
      const again = (await validate(h, recognise(h), DEFAULT_SETTINGS)).issues;
      expect({ sheet: name, left: again.filter((i: Issue) => fixed.has(key(i))).map(key) }).toEqual(
        { sheet: name, left: [] }
      );
      const writes = s.writes.map((w) => ({
        ...parseA1(w.cell),
        cell: w.cell,
        ...w.after,
        previous: w.before,
      }));
      undo.push({
        sheetName: g.name,
        plan: { writes: undoWrites(writes), decisions: [], changedExisting: 0 },
      });
    }
    const restored = path.join(dir, `undo-${path.basename(out)}`);
    await applyPlans(out, restored, undo);
    const back = (await readWorkbook(restored)).sheets;
    for (const g of b.sheets)
      expect([
        g.name,
        changedCells(
          g,
          back.find((x) => x.name === g.name)!
        ),
      ]).toEqual([g.name, []]);
  }
  return counts;
}
