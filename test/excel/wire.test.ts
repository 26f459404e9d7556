// The gateway through the real office.js client (test/support/officejs-wire.ts): read →
// validate → highlight → fill → undo → colours → remove colours → summary on E.81 sheets of
// 100 and 2,000 rows and on one with 2,000 merged areas (20,000 and 50,000 rows:
// wire-large.test.ts). Every request and response ≤ 5,000,000 bytes as office.js serializes
// them; syncs per operation printed and bounded by the chunk count; fill and undo exact.
import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { mergedE81, syntheticE81 } from "../support/e81";
import { WireExcel, summarise, WIRE_LIMIT_BYTES } from "../support/officejs-wire";
import { checkedFlow } from "./wire-flow";

test("E.81 100 rows", async () => {
  const r = await checkedFlow("E.81 100 baris", syntheticE81(100));
  expect(r.plan.writes.length).toBeGreaterThan(100);
});

test("E.81 2,000 rows", async () => {
  const r = await checkedFlow("E.81 2.000 baris", syntheticE81(2000));
  expect(r.plan.writes.length).toBeGreaterThan(2000);
});

test("E.81 with 2,000 merged areas: every one is read (getMergedAreas returns at most 512 per call)", async () => {
  const grid = mergedE81(2000, 2000);
  expect(grid.merges.length).toBeGreaterThan(2000);
  const r = await checkedFlow("E.81 2.000 baris, 2.007 sel gabungan", grid);
  const host = new FakeExcelHost({
    sheets: [{ name: grid.name, cells: structuredClone(grid.cells), merges: grid.merges }],
  });
  const snap = await new ExcelGateway(new WireExcel(host)).readActiveSheet();
  const key = (m: { top: number; left: number; bottom: number; right: number }) =>
    `${m.top},${m.left},${m.bottom},${m.right}`;
  expect(snap.grid.merges.map(key).sort()).toEqual(grid.merges.map(key).sort());
  expect(r.undoMismatches).toEqual([]);
});

test("the constant operations cost the same syncs at every size", async () => {
  const small = await checkedFlow("E.81 100 baris", syntheticE81(100));
  const large = await checkedFlow("E.81 2.000 baris", syntheticE81(2000));
  for (const op of ["hapus sorotan", "warnai", "hapus warna"]) {
    const a = small.operations.find((o) => o.operation === op)!;
    const b = large.operations.find((o) => o.operation === op)!;
    expect({ op, syncs: b.syncs }).toEqual({ op, syncs: a.syncs });
  }
  expect(small.operations.find((o) => o.operation === "isi")!.syncs).toBe(2);
  expect(small.operations.find((o) => o.operation === "baca")!.syncs).toBe(2);
});

test("highlighting 10,000 cells stays under 5 MB per request (F3)", async () => {
  const grid = syntheticE81(2000);
  const host = new FakeExcelHost({
    sheets: [{ name: grid.name, cells: structuredClone(grid.cells), merges: [] }],
  });
  const wire = new WireExcel(host);
  const gw = new ExcelGateway(wire);
  const cells = [];
  for (let r = 0; r < 2000; r++)
    for (const col of ["E", "G", "I", "U", "Y"])
      cells.push({ cell: `${col}${r + 8}`, color: "#F4B6B6" });
  expect(cells.length).toBe(10000);
  const before = await gw.highlight("E81", cells);
  const on = summarise(wire.take());
  expect(Object.keys(host.activeSheet().fills ?? {})).toHaveLength(10000);
  await gw.clearHighlights("E81", before);
  const off = summarise(wire.take());
  expect(host.activeSheet().fills ?? {}).toEqual({});
  console.log(
    `sorot 10.000 sel: ${on.syncs} sync, permintaan terbesar ${on.largestRequest} B; hapus: ${off.syncs} sync, ${off.largestRequest} B`
  );
  expect(on.largestRequest).toBeLessThanOrEqual(WIRE_LIMIT_BYTES);
  expect(on.largestResponse).toBeLessThanOrEqual(WIRE_LIMIT_BYTES);
  expect(off.largestRequest).toBeLessThanOrEqual(WIRE_LIMIT_BYTES);
  expect(on.syncs).toBeLessThanOrEqual(4);
  expect(off.syncs).toBe(1);
});
