// Writes dist-playground/samples/sample.json: the workbook the playground (npm start on Linux) opens —
// the Mojokerto E.81 table from the fixture specs of the real documents, plus the other
// fixture sheets so a newcomer can try each layout.
//   npx ts-node --transpile-only scripts/make-samples.ts [outFile]
import * as fs from "fs";
import * as path from "path";
import { parseRange, type Cell } from "../src/model/grid";
import type { FakeBookData, FakeSheet } from "../dev/fake-excel/fake-excel";
import type { RawCell, SheetSpec } from "../test/fixtures/specs/types";

const root = path.resolve(__dirname, "..");

function toCell(raw: RawCell): Cell {
  if (raw === null || typeof raw !== "object") return { value: raw ?? null };
  const cell: Cell = { value: raw.err ?? (typeof raw.v === "boolean" ? String(raw.v) : raw.v) };
  if (raw.f) cell.formula = raw.f.startsWith("=") ? raw.f : `=${raw.f}`;
  if (raw.fmt) cell.numberFormat = raw.fmt;
  return cell;
}

const mergeRect = parseRange;

/** One fixture sheet spec as a sheet of the fake Excel host. */
export function sampleSheet(s: SheetSpec, name = s.name): FakeSheet {
  return { name, cells: s.rows.map((r) => r.map(toCell)), merges: s.merges.map(mergeRect) };
}

export function sampleBook(): FakeBookData {
  const supportFile = path.join(root, "test", "support", "fixtures.ts");
  if (fs.existsSync(supportFile)) {
    const specs = require(supportFile).loadFixtureSpecs() as {
      file: string;
      sheets: SheetSpec[];
    }[];
    const sheets: FakeSheet[] = [];
    for (const spec of specs)
      for (const s of spec.sheets)
        sheets.push(
          sampleSheet(
            s,
            sheets.some((x) => x.name === s.name) ? `${s.name} (${spec.file.slice(0, 3)})` : s.name
          )
        );
    const e81 = sheets.findIndex(
      (s, i) => specs.flatMap((x) => x.sheets)[i]?.expected?.layout === "E81"
    );
    if (sheets.length) return { sheets, active: Math.max(0, e81) };
  }

  const { e81Grid, e81Row } = require(path.join(root, "test", "engine", "helpers.ts"));
  const grid = e81Grid([
    e81Row(
      "Penyediaan Bahan Logistik Kantor",
      "Jumlah paket bahan logistik kantor yang disediakan",
      {
        t5: [25, 66107390],
        r6: [22, 37574000],
        t7: [7, 8600000],
        tw: [
          [0, null],
          [2, 3675000],
          [0, null],
          [0, null],
        ],
      }
    ),
  ]);
  return { sheets: [{ name: grid.name, cells: grid.cells, merges: grid.merges }], active: 0 };
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(root, "dist", "samples", "sample.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(sampleBook()));
  console.log(`contoh workbook: ${path.relative(root, out)}`);
}
