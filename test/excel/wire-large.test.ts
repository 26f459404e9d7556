// The wire flow (wire.test.ts) on the large E.81 sheets: 20,000 and 50,000 data rows.
import { syntheticE81 } from "../support/e81";
import { checkedFlow } from "./wire-flow";

test("E.81 20,000 rows", async () => {
  const r = await checkedFlow("E.81 20.000 baris", syntheticE81(20000));
  expect(r.plan.writes.length).toBeGreaterThan(100000);
}, 180000);

test("E.81 50,000 rows", async () => {
  const r = await checkedFlow("E.81 50.000 baris", syntheticE81(50000));
  expect(r.plan.writes.length).toBeGreaterThan(300000);
}, 300000);
