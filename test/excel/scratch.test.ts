import { ExcelGateway } from "../../src/excel/gateway";
import { FakeExcelHost } from "../../dev/fake-excel/fake-excel";
import { syntheticE81 } from "../support/e81";
import { WireExcel } from "../support/officejs-wire";
test("x", async () => {
  const grid = syntheticE81(2000);
  const host = new FakeExcelHost({
    sheets: [{ name: grid.name, cells: structuredClone(grid.cells), merges: [] }],
  });
  const wire = new WireExcel(host);
  const gw = new ExcelGateway(wire);
  const cells = [];
  for (let r = 0; r < 2000; r++)
    for (const col of ["E"]) cells.push({ cell: `${col}${r + 8}`, color: "#F4B6B6" });
  await gw.highlight("E81", cells);
  console.log(
    wire.take().map((s) => [s.requestBytes, s.responseBytes, s.actions]),
    host.requestSizes,
    host.responseSizes
  );
});
