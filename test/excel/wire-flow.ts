// Shared by the wire tests: the whole task-pane flow on one sheet through the real office.js
// client, and what must hold for every operation.
import { REQUEST_BUDGET_BYTES, RESPONSE_BUDGET_BYTES } from "../../src/excel/gateway";
import type { Grid } from "../../src/model/grid";
import { gatewayFlow, type FlowResult } from "../support/flow";
import { WIRE_LIMIT_BYTES } from "../support/officejs-wire";

/** Syncs an operation needs besides its data chunks (probes, table and spill look-ups, steps). */
const FIXED_SYNCS: Record<string, number> = {
  baca: 2,
  validasi: 0,
  sorot: 1,
  "hapus sorotan": 1,
  isi: 3,
  batalkan: 3,
  warnai: 2,
  "hapus warna": 3,
  ringkasan: 2,
};

/** Runs the flow and checks sizes, syncs, Excel.run calls and exactness; returns the figures. */
export async function checkedFlow(label: string, grid: Grid): Promise<FlowResult> {
  const result = await gatewayFlow(grid);
  const lines = [`${label}: ${result.plan.writes.length} sel diisi, ${result.highlighted} disorot`];
  for (const op of result.operations) {
    lines.push(
      `  ${op.operation.padEnd(14)} sync ${String(op.syncs).padStart(2)} | permintaan terbesar ${String(op.largestRequest).padStart(9)} B | jawaban terbesar ${String(op.largestResponse).padStart(9)} B`
    );
    // every request and response, as office.js serializes them, under Excel on the web's limit
    for (const s of op.wire) {
      expect(s.error).toBeUndefined();
      expect(s.requestBytes).toBeLessThanOrEqual(WIRE_LIMIT_BYTES);
      expect(s.responseBytes).toBeLessThanOrEqual(WIRE_LIMIT_BYTES);
    }
    // one Excel.run per operation (none for validation, which runs on the Grid)
    expect(op.runs).toBe(op.operation === "validasi" ? 0 : 1);
    // the syncs are bounded by the chunks the data needs, not by the number of cells
    const chunks = Math.max(
      Math.ceil((2 * op.totalRequest) / REQUEST_BUDGET_BYTES),
      Math.ceil((2 * op.totalResponse) / RESPONSE_BUDGET_BYTES)
    );
    expect({ op: op.operation, syncs: op.syncs }).toEqual({
      op: op.operation,
      syncs: Math.min(op.syncs, FIXED_SYNCS[op.operation] + chunks),
    });
    // the fake host's own byte counts are at least office.js's (it is as strict as Excel)
    const under = op.wire.flatMap((s, i) => [
      ...(op.fakeRequests[i] < s.requestBytes
        ? [`${op.operation} sync ${i + 1}: request fake ${op.fakeRequests[i]} < ${s.requestBytes}`]
        : []),
      ...(op.fakeResponses[i] < s.responseBytes
        ? [
            `${op.operation} sync ${i + 1}: response fake ${op.fakeResponses[i]} < ${s.responseBytes}`,
          ]
        : []),
    ]);
    expect(under).toEqual([]);
  }
  console.log(lines.join("\n"));
  // fill + undo exact
  expect(result.fillMismatches).toEqual([]);
  expect(result.undoMismatches).toEqual([]);
  return result;
}
