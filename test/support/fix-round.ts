// The three guarantees of a fix on whole workbooks — no cell changed outside the cells the
// applied fixes name, none of the fixed findings left when validated again, an exact undo — on
// .xlsx through `kinerja perbaiki` (undo = the report's before/after written back) and on the fake
// Excel host through the pane's controller. Both return the fixes applied per "file / sheet".
import * as path from "path";
import { main } from "../../src/cli/main";
import { memoryIO } from "../../src/cli/io";
import { readWorkbook, applyPlans } from "../../src/io/files";
import { recognise, validate, DEFAULT_SETTINGS } from "../../src/engine";
import { undoWrites } from "../../src/app/perbaiki";
import type { Grid, Issue, PlannedWrite } from "../../src/model";
import { parseA1 } from "../../src/model/grid";
import { changedCells } from "./cells";
import { TaskpaneController } from "../../src/taskpane/controller";
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { documentStore } from "../../src/excel/helpers";

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

function hostFor(grids: Grid[]) {
  const host = new FakeExcelHost({
    sheets: grids.map((g) => ({ name: g.name, cells: structuredClone(g.cells), merges: g.merges })),
  });
  return { host, ctl: new TaskpaneController(new ExcelGateway(host.excel()), documentStore(null)) };
}

/**
 * "Perbaiki semua yang aman" in the pane on the fake Excel host, sheet by sheet: the preview writes
 * nothing, the write changes only the named cells, the findings are gone when validated again,
 * Batalkan restores the sheet exactly. Returns the fixes applied per "file / sheet".
 */
export async function hostRound(
  books: { file: string; sheets: Grid[] }[]
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const b of books)
    for (let s = 0; s < b.sheets.length; s++) {
      if (!recognise(b.sheets[s]).layout) continue;
      const { host, ctl } = hostFor(b.sheets);
      host.book.active = s;
      const before = structuredClone(host.activeSheet().cells);
      await ctl.validate();
      const safe = ctl.state.issues!.filter((i) => i.fix?.safe);
      await ctl.previewSafeFixes();
      const plan = ctl.state.fixPreview!.plan;
      const name = `${path.basename(b.file)} / ${b.sheets[s].name}`;
      if (!safe.length) {
        expect({ sheet: name, writes: plan.writes }).toEqual({ sheet: name, writes: [] });
        continue;
      }
      counts[name] = plan.applied.length;
      expect(host.activeSheet().cells).toEqual(before);
      await ctl.writeFixes();
      const named = new Set(plan.applied.flatMap((a) => a.cells));
      const outside = changedCells({ cells: before }, host.activeSheet()).filter(
        (c) => !named.has(c)
      );
      expect({ sheet: name, outside }).toEqual({ sheet: name, outside: [] });
      const left = new Set(ctl.state.issues!.map(key));
      expect({ sheet: name, left: safe.map(key).filter((k) => left.has(k)) }).toEqual({
        sheet: name,
        left: [],
      });
      await ctl.undo();
      expect({ sheet: name, restored: host.activeSheet().cells }).toEqual({
        sheet: name,
        restored: before,
      });
    }
  return counts;
}
